export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service information */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Service info */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ServiceInfo"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: status, version, uptime and which models are loaded */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Alive */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Health"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: 200 once at least one model is loaded, 503 before */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Ready */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ready"];
                    };
                };
                /** @description No model loaded yet */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Ready"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/predict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a node for one task
         * @description Builds the policy input (contract v2) from the network, its node and link backlogs, the task (defaults: source = first sensor, 500 Mcycles, 128 MB, 200 KB, 500 ms) and the load (default 0.6), runs the ONNX model and returns its choice. `confidence` is the policy's probability of the chosen node. 422 `no_valid_node` when no node can take the task.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PredictRequest"];
                };
            };
            responses: {
                /** @description The placement */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Prediction"];
                    };
                };
                /** @description Malformed JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unknown model (available lists the names) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body over BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Content-Type is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Validation failed (issues list every problem with its path) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Model known but not loaded */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/batch-predict": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Choose a node for many networks at once
         * @description Networks of the same size run as one batched ONNX run (sizes close together are padded into one run with mask 0 on padding). `task`/`load` apply to every network, `tasks`/`loads` give one per network.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["BatchPredictRequest"];
                };
            };
            responses: {
                /** @description One prediction per network, in order */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["BatchPredictResponse"];
                    };
                };
                /** @description Malformed JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Unknown model (available lists the names) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body over BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Content-Type is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Validation failed, or no node can take the task in some network */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Model known but not loaded */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/compare": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Compare every loaded model with the baselines on one network
         * @description For each loaded model and each baseline (random, round_robin, least_loaded, nearest, greedy, greedy_static, jsed, power_of_two): the chosen node, its probability (models), and the outcome of placing the task there under the simulator (reward, cost = -reward, completion time, energy, deadline), from the TypeScript mirror of models/edgesim checked against models/fixtures/simulation.json. `regret` is the reward below greedy's choice (the exact one-step optimum).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["CompareRequest"];
                };
            };
            responses: {
                /** @description The comparison */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["CompareResponse"];
                    };
                };
                /** @description Malformed JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body over BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Content-Type is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Validation failed (issues list every problem with its path) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every model on disk and whether it is loaded */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The catalogue */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelList"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A loaded model's manifest: architecture, features, evaluation, training curve */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The model */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["ModelDetail"];
                    };
                };
                /** @description Unknown model (available lists the names) */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Invalid model name */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Known but not loaded */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{name}/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-read a model from disk and swap it in atomically
         * @description Verifies the manifest, the sha256 of the .onnx file and a smoke-test run before swapping. On failure the serving version (if any) keeps answering and the response says why (422 `model_load_failed`).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Loaded */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["LoadResult"];
                    };
                };
                /** @description No such model on disk */
                404: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description The files on disk are broken; the serving version stays */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/networks/generate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Generate a network from the training distribution, idle or mid-episode
         * @description Three tiers (sensors attach to nearby fog nodes, a fog backbone, fog uplinks to the cloud), drawn with the same mulberry32 generator as models/edgesim, so the same (num_nodes, seed) gives the identical network in Python and here. Without a seed a random one is drawn and returned. Without `load` and `warmup_tasks` the network is idle as generated (queue_len per node, edges as [s, t] pairs). With either, it is returned in the middle of an episode: the arrival stream of `seed` at `load` (default 0.6) runs for `warmup_tasks` arrivals (default max(50, num_nodes)), each placed by greedy, exactly as models/edgesim's episodes warm up; nodes then carry backlog_ms and the energy left, edges are objects with backlog_ms, and `task` + `load` are the next arrival, ready to send to /predict. Limits: warmup_tasks <= 5000 and warmup_tasks x num_nodes <= 2000000 (422 naming warmup_tasks).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["GenerateRequest"];
                };
            };
            responses: {
                /** @description The network, ready for /predict */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GeneratedNetwork"];
                    };
                };
                /** @description Malformed JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body over BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Content-Type is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Validation failed (issues list every problem with its path) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/generate-mock-network": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Reference path: generate a network ({num_nodes, num_edges})
         * @description Kept for the reference system's clients. Same generator as /networks/generate; see num_edges. Without `load` and `warmup_tasks` the network is idle as generated (queue_len per node, edges as [s, t] pairs). With either, it is returned in the middle of an episode: the arrival stream of `seed` at `load` (default 0.6) runs for `warmup_tasks` arrivals (default max(50, num_nodes)), each placed by greedy, exactly as models/edgesim's episodes warm up; nodes then carry backlog_ms and the energy left, edges are objects with backlog_ms, and `task` + `load` are the next arrival, ready to send to /predict. Limits: warmup_tasks <= 5000 and warmup_tasks x num_nodes <= 2000000 (422 naming warmup_tasks).
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["MockNetworkRequest"];
                };
            };
            responses: {
                /** @description The network */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["GeneratedNetwork"];
                    };
                };
                /** @description Malformed JSON */
                400: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
                401: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Body over BODY_LIMIT */
                413: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Content-Type is not application/json */
                415: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
                /** @description Validation failed (issues list every problem with its path) */
                422: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/evaluation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Held-out evaluation of every policy and baseline (models/reports/eval.json) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The report */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Evaluation"];
                    };
                };
                /** @description No report yet, or it does not match the contract */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Error"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics: requests by route, status and model; inference latency histograms */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Prometheus text format */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "text/plain": string;
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/stats": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Per-model requests, errors and p50/p95/p99 latency (JSON, for the dashboard) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Statistics */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["Stats"];
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        ServiceInfo: {
            service: string;
            version: string;
            status: string;
            docs: string;
            openapi: string;
            health: string;
            endpoints: string[];
        };
        Health: {
            /** @enum {string} */
            status: "healthy" | "degraded";
            version: string;
            uptime_seconds: number;
            /** @description Every known model and whether it is loaded */
            models_loaded: {
                [key: string]: boolean;
            };
            loaded_models: string[];
        };
        Ready: {
            ready: boolean;
            loaded_models: string[];
            message: string;
        };
        Prediction: {
            /** @description argmax of the policy's probabilities over valid nodes */
            selected_node: number;
            /** @description The policy's probability of the selected node */
            confidence: number;
            /** @description The model's `scores` output per node (Q-values or logits; masked nodes are very negative, null if not finite) */
            q_values: (number | null)[];
            /** @description The model's `probs` output per node index (0 for masked nodes; sums to 1) */
            node_scores: {
                [key: string]: number;
            };
            /** @description The critic's state value, for models with a value head */
            value?: number;
            /** @description Nodes that may take the task (mask = 1) */
            valid_nodes: number[];
            task: components["schemas"]["ResolvedTask"];
            /** @description The load feature the model saw (the request's, else the default) */
            load: number;
            processing_time_ms: number;
            model: components["schemas"]["ModelRef"];
        };
        /** @description The task that was placed, defaults filled in */
        ResolvedTask: {
            source: number;
            cpu_mcycles: number;
            mem_mb: number;
            data_kb: number;
            deadline_ms: number;
        };
        ModelRef: {
            name: string;
            version: string;
        };
        Error: {
            /**
             * @description Stable machine-readable code
             * @example validation_error
             */
            error: string;
            /**
             * @description What went wrong, for humans
             * @example Invalid request body: network_state.nodes: a network needs at least 2 nodes
             */
            message: string;
            /** @description One entry per problem, with the path of the offending field */
            issues?: {
                path: string;
                message: string;
            }[];
            /** @description Model names that exist (unknown-model errors) */
            available?: string[];
        };
        /**
         * @example {
         *       "network_state": {
         *         "nodes": [
         *           {
         *             "cpu_util": 0.183,
         *             "mem_util": 0.589,
         *             "energy": 160.428,
         *             "latency": 9.022,
         *             "bandwidth": 27.171,
         *             "node_type": 0,
         *             "backlog_ms": 299.33
         *           },
         *           {
         *             "cpu_util": 0.12,
         *             "mem_util": 0.245,
         *             "energy": 294.883,
         *             "latency": 8.095,
         *             "bandwidth": 16.707,
         *             "node_type": 0,
         *             "backlog_ms": 2928.134
         *           },
         *           {
         *             "cpu_util": 0.299,
         *             "mem_util": 0.411,
         *             "energy": 355.833,
         *             "latency": 9.728,
         *             "bandwidth": 66.194,
         *             "node_type": 0,
         *             "backlog_ms": 1613.281
         *           },
         *           {
         *             "cpu_util": 0.422,
         *             "mem_util": 0.12,
         *             "energy": 126.654,
         *             "latency": 4.856,
         *             "bandwidth": 48.278,
         *             "node_type": 0,
         *             "backlog_ms": 3911.831
         *           },
         *           {
         *             "cpu_util": 0.09,
         *             "mem_util": 0.484,
         *             "energy": 215.162,
         *             "latency": 5.414,
         *             "bandwidth": 52.18,
         *             "node_type": 0,
         *             "backlog_ms": 923.634
         *           },
         *           {
         *             "cpu_util": 0.366,
         *             "mem_util": 0.444,
         *             "energy": 197.35,
         *             "latency": 4.851,
         *             "bandwidth": 22.491,
         *             "node_type": 0,
         *             "backlog_ms": 0
         *           },
         *           {
         *             "cpu_util": 0.461,
         *             "mem_util": 0.261,
         *             "energy": 135.281,
         *             "latency": 7.058,
         *             "bandwidth": 40.309,
         *             "node_type": 0,
         *             "backlog_ms": 222.659
         *           },
         *           {
         *             "cpu_util": 0.511,
         *             "mem_util": 0.653,
         *             "energy": 7736.54,
         *             "latency": 4.306,
         *             "bandwidth": 689.72,
         *             "node_type": 1,
         *             "backlog_ms": 678.745
         *           },
         *           {
         *             "cpu_util": 0.17,
         *             "mem_util": 0.418,
         *             "energy": 8237.2,
         *             "latency": 4.564,
         *             "bandwidth": 964.449,
         *             "node_type": 1,
         *             "backlog_ms": 783.771
         *           },
         *           {
         *             "cpu_util": 0.497,
         *             "mem_util": 0.682,
         *             "energy": 98300.898,
         *             "latency": 41.943,
         *             "bandwidth": 8366.662,
         *             "node_type": 2,
         *             "backlog_ms": 701.453
         *           }
         *         ],
         *         "edges": [
         *           {
         *             "source": 0,
         *             "target": 8,
         *             "backlog_ms": 122.382
         *           },
         *           {
         *             "source": 1,
         *             "target": 7,
         *             "backlog_ms": 60.968
         *           },
         *           {
         *             "source": 2,
         *             "target": 8,
         *             "backlog_ms": 0
         *           },
         *           {
         *             "source": 3,
         *             "target": 7,
         *             "backlog_ms": 652.199
         *           },
         *           {
         *             "source": 4,
         *             "target": 8,
         *             "backlog_ms": 30.691
         *           },
         *           {
         *             "source": 5,
         *             "target": 7,
         *             "backlog_ms": 152.383
         *           },
         *           {
         *             "source": 6,
         *             "target": 7,
         *             "backlog_ms": 0
         *           },
         *           {
         *             "source": 7,
         *             "target": 8,
         *             "backlog_ms": 148.606
         *           },
         *           {
         *             "source": 7,
         *             "target": 9,
         *             "backlog_ms": 664.951
         *           }
         *         ]
         *       },
         *       "model_type": "hybrid",
         *       "task": {
         *         "source": 3,
         *         "cpu_mcycles": 1363.329,
         *         "mem_mb": 170.735,
         *         "data_kb": 540.618,
         *         "deadline_ms": 946.267
         *       },
         *       "load": 0.56
         *     }
         */
        PredictRequest: {
            network_state: components["schemas"]["NetworkState"];
            /**
             * @description Model to use; default `hybrid`
             * @example hybrid
             */
            model_type?: string;
            task?: components["schemas"]["Task"];
            /**
             * @description Current task arrival rate as a fraction of the network's compute (0-2; the policies were trained at 0.3-0.9 with bursts at 2x). Default 0.6
             * @example 0.6
             */
            load?: number;
        };
        /** @description An IoT edge network: nodes (sensor/fog/cloud) with their compute backlog, and undirected links between node indices with their capacity and backlog. */
        NetworkState: {
            nodes: components["schemas"]["Node"][];
            edges: components["schemas"]["Edge"][];
        };
        Node: {
            /**
             * @description Background CPU utilisation, fraction 0-1 (speed is CPU_GHZ * max(1 - cpu_util, 0.05))
             * @example 0.35
             */
            cpu_util: number;
            /**
             * @description Memory utilisation, fraction 0-1
             * @example 0.4
             */
            mem_util: number;
            /**
             * @description Energy left, J
             * @example 250
             */
            energy: number;
            /**
             * @description Link latency, ms (a link's propagation delay is the mean of its two ends)
             * @example 5
             */
            latency: number;
            /**
             * @description Bandwidth, Mbps (a link's default capacity is the smaller of its two ends); > 0
             * @example 50
             */
            bandwidth: number;
            /**
             * @description Tasks waiting at the node (may be fractional). Only read when backlog_ms is absent: backlog = queue_len * 1050 Mcycles (the mean task) / speed. Default 0
             * @example 1
             */
            queue_len?: number;
            /**
             * @description Compute work queued ahead of a new task, ms (0-1000000000); a node 5000 ms or more behind takes no task. Overrides queue_len
             * @example 120
             */
            backlog_ms?: number;
            /**
             * @description 0 sensor, 1 fog, 2 cloud
             * @example 0
             */
            node_type: number;
        };
        /** @description An undirected link: [source, target] or {source, target, capacity_mbps?, backlog_ms?} */
        Edge: components["schemas"]["EdgePair"] | components["schemas"]["EdgeObject"];
        /**
         * @description Undirected link [source, target] (node indices), default capacity, idle
         * @example [
         *       0,
         *       1
         *     ]
         */
        EdgePair: number[];
        /** @description Undirected link with state; unknown keys are rejected */
        EdgeObject: {
            /**
             * @description One end (node index)
             * @example 0
             */
            source: number;
            /**
             * @description The other end (node index)
             * @example 1
             */
            target: number;
            /**
             * @description Link capacity, Mbps (> 0). Default: the smaller bandwidth of its two ends
             * @example 50
             */
            capacity_mbps?: number;
            /**
             * @description Transfers queued on the link ahead of a new one, ms. Default 0
             * @example 35
             */
            backlog_ms?: number;
        };
        /** @description The task to place. Every field is optional; defaults as documented. */
        Task: {
            /**
             * @description Node where the task arrives. Default: the first sensor (node_type 0), else node 0
             * @example 0
             */
            source?: number;
            /**
             * @description CPU demand, Mcycles. Default 500
             * @example 500
             */
            cpu_mcycles?: number;
            /**
             * @description Memory demand, MB. Default 128
             * @example 128
             */
            mem_mb?: number;
            /**
             * @description Input data to transmit, KB. Default 200
             * @example 200
             */
            data_kb?: number;
            /**
             * @description Deadline, ms. Default 500
             * @example 500
             */
            deadline_ms?: number;
        };
        BatchPredictResponse: {
            predictions: components["schemas"]["Prediction"][];
            total_processing_time_ms: number;
            model: components["schemas"]["ModelRef"];
            /** @description How many batched ONNX runs served the request */
            onnx_runs: number;
        };
        /**
         * @example {
         *       "network_states": [
         *         {
         *           "nodes": [
         *             {
         *               "cpu_util": 0.183,
         *               "mem_util": 0.589,
         *               "energy": 160.428,
         *               "latency": 9.022,
         *               "bandwidth": 27.171,
         *               "node_type": 0,
         *               "backlog_ms": 299.33
         *             },
         *             {
         *               "cpu_util": 0.12,
         *               "mem_util": 0.245,
         *               "energy": 294.883,
         *               "latency": 8.095,
         *               "bandwidth": 16.707,
         *               "node_type": 0,
         *               "backlog_ms": 2928.134
         *             },
         *             {
         *               "cpu_util": 0.299,
         *               "mem_util": 0.411,
         *               "energy": 355.833,
         *               "latency": 9.728,
         *               "bandwidth": 66.194,
         *               "node_type": 0,
         *               "backlog_ms": 1613.281
         *             },
         *             {
         *               "cpu_util": 0.422,
         *               "mem_util": 0.12,
         *               "energy": 126.654,
         *               "latency": 4.856,
         *               "bandwidth": 48.278,
         *               "node_type": 0,
         *               "backlog_ms": 3911.831
         *             },
         *             {
         *               "cpu_util": 0.09,
         *               "mem_util": 0.484,
         *               "energy": 215.162,
         *               "latency": 5.414,
         *               "bandwidth": 52.18,
         *               "node_type": 0,
         *               "backlog_ms": 923.634
         *             },
         *             {
         *               "cpu_util": 0.366,
         *               "mem_util": 0.444,
         *               "energy": 197.35,
         *               "latency": 4.851,
         *               "bandwidth": 22.491,
         *               "node_type": 0,
         *               "backlog_ms": 0
         *             },
         *             {
         *               "cpu_util": 0.461,
         *               "mem_util": 0.261,
         *               "energy": 135.281,
         *               "latency": 7.058,
         *               "bandwidth": 40.309,
         *               "node_type": 0,
         *               "backlog_ms": 222.659
         *             },
         *             {
         *               "cpu_util": 0.511,
         *               "mem_util": 0.653,
         *               "energy": 7736.54,
         *               "latency": 4.306,
         *               "bandwidth": 689.72,
         *               "node_type": 1,
         *               "backlog_ms": 678.745
         *             },
         *             {
         *               "cpu_util": 0.17,
         *               "mem_util": 0.418,
         *               "energy": 8237.2,
         *               "latency": 4.564,
         *               "bandwidth": 964.449,
         *               "node_type": 1,
         *               "backlog_ms": 783.771
         *             },
         *             {
         *               "cpu_util": 0.497,
         *               "mem_util": 0.682,
         *               "energy": 98300.898,
         *               "latency": 41.943,
         *               "bandwidth": 8366.662,
         *               "node_type": 2,
         *               "backlog_ms": 701.453
         *             }
         *           ],
         *           "edges": [
         *             {
         *               "source": 0,
         *               "target": 8,
         *               "backlog_ms": 122.382
         *             },
         *             {
         *               "source": 1,
         *               "target": 7,
         *               "backlog_ms": 60.968
         *             },
         *             {
         *               "source": 2,
         *               "target": 8,
         *               "backlog_ms": 0
         *             },
         *             {
         *               "source": 3,
         *               "target": 7,
         *               "backlog_ms": 652.199
         *             },
         *             {
         *               "source": 4,
         *               "target": 8,
         *               "backlog_ms": 30.691
         *             },
         *             {
         *               "source": 5,
         *               "target": 7,
         *               "backlog_ms": 152.383
         *             },
         *             {
         *               "source": 6,
         *               "target": 7,
         *               "backlog_ms": 0
         *             },
         *             {
         *               "source": 7,
         *               "target": 8,
         *               "backlog_ms": 148.606
         *             },
         *             {
         *               "source": 7,
         *               "target": 9,
         *               "backlog_ms": 664.951
         *             }
         *           ]
         *         },
         *         {
         *           "nodes": [
         *             {
         *               "cpu_util": 0.183,
         *               "mem_util": 0.589,
         *               "energy": 160.428,
         *               "latency": 9.022,
         *               "bandwidth": 27.171,
         *               "node_type": 0,
         *               "backlog_ms": 299.33
         *             },
         *             {
         *               "cpu_util": 0.12,
         *               "mem_util": 0.245,
         *               "energy": 294.883,
         *               "latency": 8.095,
         *               "bandwidth": 16.707,
         *               "node_type": 0,
         *               "backlog_ms": 2928.134
         *             },
         *             {
         *               "cpu_util": 0.299,
         *               "mem_util": 0.411,
         *               "energy": 355.833,
         *               "latency": 9.728,
         *               "bandwidth": 66.194,
         *               "node_type": 0,
         *               "backlog_ms": 1613.281
         *             },
         *             {
         *               "cpu_util": 0.422,
         *               "mem_util": 0.12,
         *               "energy": 126.654,
         *               "latency": 4.856,
         *               "bandwidth": 48.278,
         *               "node_type": 0,
         *               "backlog_ms": 3911.831
         *             },
         *             {
         *               "cpu_util": 0.09,
         *               "mem_util": 0.484,
         *               "energy": 215.162,
         *               "latency": 5.414,
         *               "bandwidth": 52.18,
         *               "node_type": 0,
         *               "backlog_ms": 923.634
         *             },
         *             {
         *               "cpu_util": 0.366,
         *               "mem_util": 0.444,
         *               "energy": 197.35,
         *               "latency": 4.851,
         *               "bandwidth": 22.491,
         *               "node_type": 0,
         *               "backlog_ms": 0
         *             },
         *             {
         *               "cpu_util": 0.461,
         *               "mem_util": 0.261,
         *               "energy": 135.281,
         *               "latency": 7.058,
         *               "bandwidth": 40.309,
         *               "node_type": 0,
         *               "backlog_ms": 222.659
         *             },
         *             {
         *               "cpu_util": 0.511,
         *               "mem_util": 0.653,
         *               "energy": 7736.54,
         *               "latency": 4.306,
         *               "bandwidth": 689.72,
         *               "node_type": 1,
         *               "backlog_ms": 678.745
         *             },
         *             {
         *               "cpu_util": 0.17,
         *               "mem_util": 0.418,
         *               "energy": 8237.2,
         *               "latency": 4.564,
         *               "bandwidth": 964.449,
         *               "node_type": 1,
         *               "backlog_ms": 783.771
         *             },
         *             {
         *               "cpu_util": 0.497,
         *               "mem_util": 0.682,
         *               "energy": 98300.898,
         *               "latency": 41.943,
         *               "bandwidth": 8366.662,
         *               "node_type": 2,
         *               "backlog_ms": 701.453
         *             }
         *           ],
         *           "edges": [
         *             {
         *               "source": 0,
         *               "target": 8,
         *               "backlog_ms": 122.382
         *             },
         *             {
         *               "source": 1,
         *               "target": 7,
         *               "backlog_ms": 60.968
         *             },
         *             {
         *               "source": 2,
         *               "target": 8,
         *               "backlog_ms": 0
         *             },
         *             {
         *               "source": 3,
         *               "target": 7,
         *               "backlog_ms": 652.199
         *             },
         *             {
         *               "source": 4,
         *               "target": 8,
         *               "backlog_ms": 30.691
         *             },
         *             {
         *               "source": 5,
         *               "target": 7,
         *               "backlog_ms": 152.383
         *             },
         *             {
         *               "source": 6,
         *               "target": 7,
         *               "backlog_ms": 0
         *             },
         *             {
         *               "source": 7,
         *               "target": 8,
         *               "backlog_ms": 148.606
         *             },
         *             {
         *               "source": 7,
         *               "target": 9,
         *               "backlog_ms": 664.951
         *             }
         *           ]
         *         }
         *       ],
         *       "model_type": "hybrid",
         *       "load": 0.56
         *     }
         */
        BatchPredictRequest: {
            network_states: components["schemas"]["NetworkState"][];
            /**
             * @description Model to use; default `hybrid`
             * @example hybrid
             */
            model_type?: string;
            task?: components["schemas"]["Task"] & unknown;
            /** @description One task per network (same length as network_states); overrides `task` */
            tasks?: components["schemas"]["Task"][];
            /**
             * @description One load for every network (default as in /predict)
             * @example 0.6
             */
            load?: number;
            /** @description One load per network (same length as network_states); overrides `load` */
            loads?: number[];
        };
        CompareResponse: {
            /** @description The one-step optimum: the valid node with the highest immediate reward */
            greedy: {
                selected_node: number;
                reward: number;
                cost: number;
            };
            task: components["schemas"]["ResolvedTask"];
            load: number;
            /** @description Immediate cost (-reward) of placing the task on each node, masked nodes included */
            node_costs: number[];
            /** @description Completion time of the task on each node (null where the node is unreachable) */
            node_latency_ms: (number | null)[];
            valid_nodes: number[];
            results: components["schemas"]["CompareEntry"][];
            /** @description What each baseline does */
            baselines: {
                random?: string;
                round_robin?: string;
                least_loaded?: string;
                nearest?: string;
                greedy?: string;
                greedy_static?: string;
                jsed?: string;
                power_of_two?: string;
            };
            seed: number;
            step: number;
            processing_time_ms: number;
        };
        CompareEntry: {
            name: string;
            /** @enum {string} */
            kind: "learned" | "baseline";
            selected_node: number;
            /** @description The policy's probability of its choice (null for baselines) */
            probability: number | null;
            /** @description Immediate reward of the choice under the simulator (the outcome of placing the task there) */
            reward: number;
            /** @description -reward */
            cost: number;
            /** @description greedy's reward - this reward (>= 0; 0 = as good as the one-step optimum) */
            regret: number;
            matches_greedy: boolean;
            /** @description Completion time of the task from its arrival: transfer, link and node queues, processing */
            latency_ms: number;
            /** @description Arrival of the task's data at the node, link queues included */
            tx_ms: number;
            /** @description Time in the node's queue */
            wait_ms: number;
            energy_j: number;
            deadline_met: boolean;
            version?: string;
            value?: number;
            processing_time_ms: number;
        };
        /**
         * @example {
         *       "network_state": {
         *         "nodes": [
         *           {
         *             "cpu_util": 0.183,
         *             "mem_util": 0.589,
         *             "energy": 160.428,
         *             "latency": 9.022,
         *             "bandwidth": 27.171,
         *             "node_type": 0,
         *             "backlog_ms": 299.33
         *           },
         *           {
         *             "cpu_util": 0.12,
         *             "mem_util": 0.245,
         *             "energy": 294.883,
         *             "latency": 8.095,
         *             "bandwidth": 16.707,
         *             "node_type": 0,
         *             "backlog_ms": 2928.134
         *           },
         *           {
         *             "cpu_util": 0.299,
         *             "mem_util": 0.411,
         *             "energy": 355.833,
         *             "latency": 9.728,
         *             "bandwidth": 66.194,
         *             "node_type": 0,
         *             "backlog_ms": 1613.281
         *           },
         *           {
         *             "cpu_util": 0.422,
         *             "mem_util": 0.12,
         *             "energy": 126.654,
         *             "latency": 4.856,
         *             "bandwidth": 48.278,
         *             "node_type": 0,
         *             "backlog_ms": 3911.831
         *           },
         *           {
         *             "cpu_util": 0.09,
         *             "mem_util": 0.484,
         *             "energy": 215.162,
         *             "latency": 5.414,
         *             "bandwidth": 52.18,
         *             "node_type": 0,
         *             "backlog_ms": 923.634
         *           },
         *           {
         *             "cpu_util": 0.366,
         *             "mem_util": 0.444,
         *             "energy": 197.35,
         *             "latency": 4.851,
         *             "bandwidth": 22.491,
         *             "node_type": 0,
         *             "backlog_ms": 0
         *           },
         *           {
         *             "cpu_util": 0.461,
         *             "mem_util": 0.261,
         *             "energy": 135.281,
         *             "latency": 7.058,
         *             "bandwidth": 40.309,
         *             "node_type": 0,
         *             "backlog_ms": 222.659
         *           },
         *           {
         *             "cpu_util": 0.511,
         *             "mem_util": 0.653,
         *             "energy": 7736.54,
         *             "latency": 4.306,
         *             "bandwidth": 689.72,
         *             "node_type": 1,
         *             "backlog_ms": 678.745
         *           },
         *           {
         *             "cpu_util": 0.17,
         *             "mem_util": 0.418,
         *             "energy": 8237.2,
         *             "latency": 4.564,
         *             "bandwidth": 964.449,
         *             "node_type": 1,
         *             "backlog_ms": 783.771
         *           },
         *           {
         *             "cpu_util": 0.497,
         *             "mem_util": 0.682,
         *             "energy": 98300.898,
         *             "latency": 41.943,
         *             "bandwidth": 8366.662,
         *             "node_type": 2,
         *             "backlog_ms": 701.453
         *           }
         *         ],
         *         "edges": [
         *           {
         *             "source": 0,
         *             "target": 8,
         *             "backlog_ms": 122.382
         *           },
         *           {
         *             "source": 1,
         *             "target": 7,
         *             "backlog_ms": 60.968
         *           },
         *           {
         *             "source": 2,
         *             "target": 8,
         *             "backlog_ms": 0
         *           },
         *           {
         *             "source": 3,
         *             "target": 7,
         *             "backlog_ms": 652.199
         *           },
         *           {
         *             "source": 4,
         *             "target": 8,
         *             "backlog_ms": 30.691
         *           },
         *           {
         *             "source": 5,
         *             "target": 7,
         *             "backlog_ms": 152.383
         *           },
         *           {
         *             "source": 6,
         *             "target": 7,
         *             "backlog_ms": 0
         *           },
         *           {
         *             "source": 7,
         *             "target": 8,
         *             "backlog_ms": 148.606
         *           },
         *           {
         *             "source": 7,
         *             "target": 9,
         *             "backlog_ms": 664.951
         *           }
         *         ]
         *       },
         *       "task": {
         *         "source": 3,
         *         "cpu_mcycles": 1363.329,
         *         "mem_mb": 170.735,
         *         "data_kb": 540.618,
         *         "deadline_ms": 946.267
         *       },
         *       "load": 0.56
         *     }
         */
        CompareRequest: {
            network_state: components["schemas"]["NetworkState"];
            task?: components["schemas"]["Task"];
            /**
             * @description Current task arrival rate as a fraction of the network's compute (0-2; the policies were trained at 0.3-0.9 with bursts at 2x). Default 0.6
             * @example 0.6
             */
            load?: number;
            /** @description Seed of the `random` and `power_of_two` baselines. Default: FNV-1a hash of the request's network, task and load */
            seed?: number;
            /** @description round_robin's pointer (episode step). Default 0: a single request is a fresh episode */
            step?: number;
        };
        ModelList: {
            models: components["schemas"]["ModelSummary"][];
            total: number;
            loaded: {
                [key: string]: boolean;
            };
            default_model: string;
        };
        ModelSummary: {
            name: string;
            loaded: boolean;
            /** @enum {string} */
            status: "loaded" | "available" | "failed";
            version?: string;
            algorithm?: string;
            has_value_head?: boolean;
            sha256?: string;
            loaded_at?: string;
            last_error?: string;
            evaluation?: unknown;
        };
        ModelDetail: {
            name: string;
            /** @description Same as name (reference field) */
            model_type: string;
            model_path: string;
            loaded: boolean;
            version: string;
            sha256: string;
            has_value_head: boolean;
            loaded_at: string;
            inputs: {
                name: string;
            }[];
            outputs: {
                name: string;
            }[];
            architecture?: unknown;
            training_info?: unknown;
            /** @description The full manifest as exported (features, evaluation, training curve, ...) */
            manifest: {
                [key: string]: unknown;
            };
        };
        LoadResult: {
            /** @enum {string} */
            status: "success";
            message: string;
            model: {
                name: string;
                version: string;
                sha256: string;
            };
            previous_version: string | null;
        };
        GeneratedNetwork: {
            network_state: {
                nodes: components["schemas"]["Node"][];
                edges: components["schemas"]["Edge"][];
            };
            num_nodes: number;
            num_edges: number;
            seed: number;
            tiers: {
                sensor: number;
                fog: number;
                cloud: number;
            };
            /** @description Unix time (s), as the reference returned */
            generated_at: number;
            task?: components["schemas"]["NextTask"];
            /** @description Mid-episode only: the arrival rate the next task meets (load x the burst multiplier); send it as `load` */
            load?: number;
            /** @description Mid-episode only: how the warm-up went */
            episode?: {
                /** @description The warm-up's target load rho */
                load: number;
                warmup_tasks: number;
                placed: number;
                /** @description Warm-up tasks no node could take */
                dropped: number;
                deadline_met: number;
                /** @description Simulated time from the idle network to the next arrival */
                elapsed_ms: number;
                /** @description Whether the next arrival comes during a burst */
                burst: boolean;
            };
        };
        /** @description The arrival that meets this state: send it as `task` to /predict */
        NextTask: {
            source: number;
            cpu_mcycles: number;
            mem_mb: number;
            data_kb: number;
            deadline_ms: number;
        };
        /**
         * @example {
         *       "num_nodes": 20,
         *       "seed": 42,
         *       "load": 0.7
         *     }
         */
        GenerateRequest: {
            /**
             * @description Node count, 2-1000
             * @example 20
             */
            num_nodes: number;
            /**
             * @description uint32 seed of the mulberry32 streams (network and arrivals); the same seed gives the same result (in Python too)
             * @example 42
             */
            seed?: number;
            /**
             * @description Arrival load of the warm-up (rho, a fraction of the network's compute, (0, 2]). Giving it or warmup_tasks returns the network in the middle of an episode. Default 0.6
             * @example 0.7
             */
            load?: number;
            /**
             * @description Tasks placed by greedy before the snapshot (0-5000, and warmup_tasks x num_nodes <= 2000000). Default max(50, 1 x num_nodes), the training episodes' warm-up
             * @example 50
             */
            warmup_tasks?: number;
        };
        /**
         * @example {
         *       "num_nodes": 10,
         *       "num_edges": 15
         *     }
         */
        MockNetworkRequest: {
            /**
             * @description Node count, 2-1000
             * @default 10
             * @example 20
             */
            num_nodes: number;
            /**
             * @description Reference field. The generator decides the topology; if num_edges is larger, extra seeded random links are added until it is reached (or the graph is complete). A smaller value is ignored.
             * @example 15
             */
            num_edges?: number;
            /**
             * @description uint32 seed of the mulberry32 streams (network and arrivals); the same seed gives the same result (in Python too)
             * @example 42
             */
            seed?: number;
            /**
             * @description Arrival load of the warm-up (rho, a fraction of the network's compute, (0, 2]). Giving it or warmup_tasks returns the network in the middle of an episode. Default 0.6
             * @example 0.7
             */
            load?: number;
            /**
             * @description Tasks placed by greedy before the snapshot (0-5000, and warmup_tasks x num_nodes <= 2000000). Default max(50, 1 x num_nodes), the training episodes' warm-up
             * @example 50
             */
            warmup_tasks?: number;
        };
        /** @description Held-out evaluation of every policy and baseline (models/reports/eval.json) */
        Evaluation: {
            seed: number;
            episodes: number;
            tasks_per_episode: number;
            results: components["schemas"]["EvaluationRow"][];
            /** @default [] */
            ablations: components["schemas"]["AblationRow"][];
        } & {
            [key: string]: unknown;
        };
        EvaluationRow: {
            policy: string;
            /** @enum {string} */
            kind: "learned" | "baseline";
            num_nodes: number;
            /** @description Target load rho of the episodes */
            load: number;
            episodes: number;
            /** @description Mean episode return (sum of rewards over the scored tasks) */
            mean_return: number;
            std_return: number;
            /** @description [mean, lo, hi]: paired difference of episode returns against greedy, with its confidence interval */
            diff_vs_greedy: number[];
            /** @description Return on a scale where greedy is 0 and the planner 1 (null where it is undefined) */
            normalized_score: number | null;
            deadline_met_rate: number;
            /** @description Mean completion time of placed tasks (null if none was placed) */
            mean_latency_ms: number | null;
            /** @description Mean time per decision */
            decision_ms: number;
        } & {
            [key: string]: unknown;
        };
        AblationRow: {
            policy: string;
            variant: string;
            num_nodes: number;
            load: number;
            mean_return: number;
            /** @description [mean, lo, hi]: paired difference of episode returns against greedy, with its confidence interval */
            diff_vs_greedy: number[];
        } & {
            [key: string]: unknown;
        };
        Stats: {
            uptime_s: number;
            total_requests: number;
            total_errors: number;
            models: {
                [key: string]: {
                    requests: number;
                    errors: number;
                    predictions: number;
                    latency: {
                        count: number;
                        mean_ms: number;
                        p50_ms: number;
                        p95_ms: number;
                        p99_ms: number;
                        max_ms: number;
                    };
                };
            };
            routes: {
                [key: string]: {
                    requests: number;
                    errors: number;
                };
            };
            loaded_models: string[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
