export interface paths {
    "/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Service information */
        get: operations["getServiceInfo"];
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
        get: operations["getHealth"];
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
        /** Readiness: 200 once the default model is loaded; 503 while loading, without it, or once shutting down */
        get: operations["getReadiness"];
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
         * @description Builds the policy input (contract v2) from the network, its node and link backlogs, the task (defaults: source = first sensor, 500 Mcycles, 128 MB, 200 KB, 500 ms) and the load (default 0.6), runs the ONNX model and returns its choice. `confidence` is the policy's probability of the chosen node. 422 `no_valid_node` when no node can take the task. Limits: 10000 nodes (MAX_NODES), 10417408 bytes of body.
         */
        post: operations["predict"];
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
         * @description Networks of the same size run as one batched ONNX run (sizes close together are padded into one run with mask 0 on padding). `task`/`load` apply to every network, `tasks`/`loads` give one per network. Limits: 1024 networks (MAX_BATCH), 10000 nodes in total (MAX_BATCH_NODES), 11464960 bytes of body.
         */
        post: operations["batchPredict"];
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
        post: operations["compare"];
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
        /** Every model in the repository, its served versions and which one is active */
        get: operations["listModels"];
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
        /** The active version's manifest: architecture, features, evaluation, training curve */
        get: operations["getModel"];
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
         * Load the default version (config.json's default_version) from disk and make it active
         * @description Re-reads config.json, verifies the manifest, the sha256 of model.onnx and a smoke-test run before swapping. The version it replaces stays loaded as the previous one (unless it is the same version). On failure the serving versions keep answering and the response says why (422 `model_load_failed`).
         */
        post: operations["loadModel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{name}/versions/{version}/load": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Load a served version and make it active; the one it replaces is kept for a rollback
         * @description The version must be one config.json serves. Checks as for /models/{name}/load. Answers that follow name this version in `model_version`.
         */
        post: operations["loadModelVersion"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/models/{name}/rollback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Make the previous version active again (and keep the current one as previous)
         * @description A swap of two loaded versions: nothing is read from disk, so it cannot fail half-way. 422 `no_previous_version` when only one version was ever loaded.
         */
        post: operations["rollbackModel"];
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
        post: operations["generateNetwork"];
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
        post: operations["generateMockNetwork"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/simulate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Run an episode with policies in the loop
         * @description Generates one arrival stream (seeded, Markov-modulated bursts) on the network, warms it up with greedy, then lets every requested policy place the same scored tasks on its own copy of the network: queues and links fill up with its own choices. Learned models decide through the same inference path as /predict, one task at a time. Returns a summary per policy and a compact trace. Limits (422 naming the setting): tasks <= SIM_MAX_TASKS (5000), (max(50, N) warm-up tasks + tasks x policies) x nodes <= SIM_MAX_WORK (5000000), with the planner tasks x nodes <= SIM_MAX_PLANNER_WORK (250000). Send `Accept: text/event-stream` to stream progress. Closing the connection stops the run.
         */
        post: operations["simulate"];
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
        get: operations["getEvaluation"];
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
        /**
         * Prometheus metrics: requests by route, status and model; inference latency histograms
         * @description Open to scrapers without a key unless METRICS_PUBLIC=off (then it needs x-api-key when API_KEYS is set).
         */
        get: operations["getMetrics"];
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
        /**
         * Per-model requests, errors and p50/p95/p99 latency (JSON, for the dashboard)
         * @description A summary of the Prometheus metrics of /metrics: requests and errors per route and per model (from edge_placement_http_requests_total), networks scored per model, and request latency per model estimated from the edge_placement_http_request_duration_seconds buckets (as histogram_quantile does).
         */
        get: operations["getStats"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server metadata (Open Inference Protocol v2) */
        get: operations["oipServerMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/health/live": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server live: the process answers */
        get: operations["oipServerLive"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/health/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Server ready: every model of the repository has an active version */
        get: operations["oipServerReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model metadata of the active version: served versions, platform, input and output tensors */
        get: operations["oipModelMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}/versions/{version}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model metadata of a loaded version (the active or the previous one) */
        get: operations["oipModelVersionMetadata"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model ready: an active version is loaded */
        get: operations["oipModelReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}/versions/{version}/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Model version ready: the version is loaded (active or previous) */
        get: operations["oipModelVersionReady"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}/infer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Inference on the active version (Open Inference Protocol v2)
         * @description Inputs are the model's raw tensors (GET the model's metadata for their names, datatypes and shapes; docs/model-contract.md for their meaning), outputs likewise. Shapes and datatypes are checked against the graph before it runs; axes are bounded by MAX_BATCH (batch), MAX_NODES (nodes), MAX_BATCH_NODES (batch x nodes) and 4 x MAX_BATCH_NODES (links). Binary tensor data extension: send `application/octet-stream` with `Inference-Header-Content-Length`.
         */
        post: operations["oipInfer"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v2/models/{name}/versions/{version}/infer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Inference on a loaded version (the active or the previous one)
         * @description Inputs are the model's raw tensors (GET the model's metadata for their names, datatypes and shapes; docs/model-contract.md for their meaning), outputs likewise. Shapes and datatypes are checked against the graph before it runs; axes are bounded by MAX_BATCH (batch), MAX_NODES (nodes), MAX_BATCH_NODES (batch x nodes) and 4 x MAX_BATCH_NODES (links). Binary tensor data extension: send `application/octet-stream` with `Inference-Header-Content-Length`.
         */
        post: operations["oipInferVersion"];
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
            /**
             * @description The model version that produced this answer (POST /models/{name}/rollback changes it)
             * @example 1
             */
            model_version: string;
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
        /** @description An RFC 9457 problem (application/problem+json) with the service's error, message and issues */
        Error: {
            /**
             * @description URI of the problem type (RFC 9457): urn:edge-placement:problem:<error>
             * @example urn:edge-placement:problem:validation_error
             */
            type: string;
            /**
             * @description Short summary of the problem type
             * @example Request validation failed
             */
            title: string;
            /**
             * @description The HTTP status
             * @example 422
             */
            status: number;
            /** @description This occurrence, for humans (same as message) */
            detail: string;
            /**
             * @description Stable machine-readable code
             * @example validation_error
             */
            error: string;
            /** @description What went wrong, for humans */
            message: string;
            /** @description One entry per problem, with the path of the offending field; at most the first 100 */
            issues?: {
                path: string;
                message: string;
            }[];
            /** @description How many problems were found (validation errors); validation stops after 100, so 100 means "at least" */
            issue_count?: number;
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
        /** @description A node's state; unknown keys are rejected */
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
        /** @description The task to place. Every field is optional; defaults as documented. Unknown keys are rejected. */
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
            /**
             * @description The model version that produced every prediction
             * @example 1
             */
            model_version: string;
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
            /** @description The version of a learned model that answered */
            model_version?: string;
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
            /** @description The active version */
            version?: string;
            /** @description The version POST /models/{name}/rollback returns to */
            previous_version: string | null;
            /** @description Every version config.json serves */
            versions: components["schemas"]["VersionState"][];
            algorithm?: string;
            has_value_head?: boolean;
            sha256?: string;
            loaded_at?: string;
            last_error?: string;
            evaluation?: {
                [key: string]: unknown;
            };
        };
        VersionState: {
            version: string;
            /** @description Answers requests that name no version */
            active: boolean;
            /** @description In memory: the active or the previous version */
            loaded: boolean;
            /** @description config.json's default_version: loaded at start-up */
            default: boolean;
        };
        ModelDetail: {
            name: string;
            /** @description Same as name (reference field) */
            model_type: string;
            loaded: boolean;
            version: string;
            model_version: string;
            previous_version: string | null;
            versions: components["schemas"]["VersionState"][];
            sha256: string;
            has_value_head: boolean;
            loaded_at: string;
            /** @description The inputs the graph declares (manifest `inputs`) */
            inputs: {
                name: string;
                shape: (string | number)[];
                dtype: string;
            }[];
            outputs: {
                name: string;
                shape: (string | number)[];
                dtype: string;
            }[];
            architecture: {
                [key: string]: unknown;
            };
            training_info: {
                [key: string]: unknown;
            };
            /** @description The version's manifest.json as exported (features, evaluation, training curve, ...) */
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
            /** @description The version now active */
            model_version: string;
            /** @description The version kept loaded for a rollback */
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
             * @description Reference field. The generator decides the topology; if num_edges is larger, extra seeded random links are added until it is reached (or the graph is complete). A smaller value is ignored. At most 4 x num_nodes (the edge limit of /predict).
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
        SimulateResponse: {
            summaries: components["schemas"]["PolicySummary"][];
            trace: components["schemas"]["SimulationTrace"];
            /** @description The network at the start (before the warm-up) */
            network_state: {
                nodes: components["schemas"]["Node"][];
                edges: components["schemas"]["Edge"][];
            };
            num_nodes: number;
            /** @description Generator seed; null for a network_state request */
            network_seed: number | null;
            load: number;
            bursts: boolean;
            tasks: number;
            seed: number;
            /** @description Arrivals placed by greedy before the scored tasks, max(50, N) */
            warmup_tasks: number;
            trace_every: number;
        };
        PolicySummary: {
            policy: string;
            /** @enum {string} */
            kind: "learned" | "baseline";
            /** @description The model version that made every decision of the episode (resolved once at the start, so a load or rollback meanwhile does not mix versions); null for baselines */
            model_version: string | null;
            /** @description Scored tasks summarised */
            tasks: number;
            /** @description Sum of per-task rewards (a dropped task scores -6) */
            return: number;
            /** @description Tasks placed and finished by their deadline / tasks */
            deadline_met_rate: number;
            /** @description Mean finish time after arrival over placed tasks; null if none */
            mean_latency_ms: number | null;
            /** @description Nearest-rank 95th percentile of the same; null if none */
            p95_latency_ms: number | null;
            /** @description Compute + radio energy of the placed tasks, J */
            energy_j: number;
            /** @description Tasks no valid node could take (or the policy chose an invalid one) */
            dropped: number;
            /** @description (return - greedy's return) / (planner's return - greedy's return): 0 = greedy, 1 = the planner; null unless both greedy and planner ran */
            normalized_score: number | null;
        };
        /** @description Column arrays. Values are rounded: rewards to 1e-6, times and demands to 1e-3, backlogs to 0.1 ms; summaries use the exact values. */
        SimulationTrace: {
            /** @description Scored tasks in the trace */
            steps: number;
            /** @description Backlogs are sampled at every `every`-th task */
            every: number;
            /** @description Task index of each backlog sample */
            sample_steps: number[];
            /** @description One entry per scored task, identical for every policy */
            tasks: {
                /** @description Arrival time after the first scored task's arrival, ms */
                time_ms: number[];
                /** @description Time since the previous arrival, ms */
                gap_ms: number[];
                /** @description Node where the task arrived */
                source: number[];
                /** @description Mcycles */
                cpu_mcycles: number[];
                /** @description MB */
                mem_mb: number[];
                /** @description KB */
                data_kb: number[];
                /** @description ms */
                deadline_ms: number[];
                /** @description 1 if the task arrived during a burst */
                burst: number[];
            };
            /** @description Per policy name */
            policies: {
                [key: string]: {
                    /** @description Chosen node per task; -1 = dropped */
                    node: number[];
                    /** @description Reward per task (1e-6) */
                    reward: number[];
                    /** @description Finish time after arrival per task; null when dropped */
                    latency_ms: (number | null)[];
                    /** @description [sample][node]: compute backlog each node had when the sampled task arrived */
                    backlog_ms: number[][];
                    /** @description [sample][link]: link backlogs, links in network_state.edges order */
                    link_backlog_ms: number[][];
                };
            };
        };
        /**
         * @example {
         *       "num_nodes": 50,
         *       "network_seed": 1,
         *       "load": 0.7,
         *       "tasks": 1000,
         *       "seed": 7,
         *       "policies": [
         *         "hybrid",
         *         "greedy",
         *         "planner"
         *       ]
         *     }
         */
        SimulateRequest: {
            /**
             * @description Generate the network (2-1000 nodes) as POST /networks/generate does; give this or network_state
             * @example 50
             */
            num_nodes?: number;
            /**
             * @description Generator seed of the network (with num_nodes). Default: `seed`
             * @example 1
             */
            network_seed?: number;
            network_state?: components["schemas"]["NetworkState"] & unknown;
            /**
             * @description Target load rho: the mean arrival rate as a fraction of the network's total compute, (0, 2]. Default 0.6
             * @default 0.6
             * @example 0.7
             */
            load: number;
            /**
             * @description Markov-modulated bursts (calm 0.8x, burst 2x the rate, 70% of a burst's tasks from one fog region; docs/environment.md). false: a plain Poisson stream at the target rate. Default true
             * @default true
             * @example true
             */
            bursts: boolean;
            /**
             * @description Scored tasks, 1-5000 (SIM_MAX_TASKS), after the greedy warm-up of max(50, N) tasks. Default 200
             * @default 200
             * @example 1000
             */
            tasks: number;
            /**
             * @description Seed of the arrival stream (and of random, power_of_two and the planner's sampler). Default: drawn at random and returned
             * @example 7
             */
            seed?: number;
            /**
             * @description Policies to run on the same arrivals: loaded models (GET /models) and baselines (random, round_robin, least_loaded, nearest, greedy, greedy_static, jsed, power_of_two, planner)
             * @example [
             *       "hybrid",
             *       "greedy",
             *       "planner"
             *     ]
             */
            policies: string[];
            /**
             * @description Sample node and link backlogs every this many tasks. Default ceil(tasks / 200) (at most 200 samples)
             * @example 5
             */
            trace_every?: number;
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
            /** @description Fieller's 95% interval [lo, hi] of normalized_score on the planner's episodes; null where no finite interval holds it (the planner's gain over greedy is not significantly above 0 there) and for greedy and the planner */
            normalized_score_ci95?: number[] | null;
            deadline_met_rate: number;
            /** @description Mean completion time of placed tasks (null if none was placed) */
            mean_latency_ms: number | null;
            /** @description Mean time per decision (PyTorch, observation included) on the planner's episodes, stepped as the planner was */
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
            /** @description Share of the full policy's gain over greedy the variant keeps: (variant - greedy) / (policy - greedy); null where the policy has no gain */
            gain_kept?: number | null;
            /** @description Fieller's 95% interval [lo, hi] of gain_kept over the same episodes; null where no finite interval holds it */
            gain_kept_ci95?: number[] | null;
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
        OipServerMetadata: {
            name: string;
            version: string;
            extensions: string[];
        };
        OipLive: {
            live: boolean;
        };
        OipReady: {
            ready: boolean;
        };
        OipModelMetadata: {
            name: string;
            versions: string[];
            platform: string;
            inputs: components["schemas"]["OipTensorMetadata"][];
            outputs: components["schemas"]["OipTensorMetadata"][];
        };
        OipTensorMetadata: {
            name: string;
            datatype: string;
            shape: number[];
        };
        OipError: {
            /**
             * @description What went wrong
             * @example input 'x' has shape [1,20,16]; dimension 2 must be 17
             */
            error: string;
        };
        OipModelReady: {
            name: string;
            ready: boolean;
        };
        OipInferenceResponse: {
            model_name: string;
            model_version: string;
            id?: string;
            parameters?: components["schemas"]["OipParameters"];
            outputs: components["schemas"]["OipResponseOutput"][];
        };
        /** @description Name/value pairs; `binary_data_size`, `binary_data` and `binary_data_output` are the binary tensor data extension's */
        OipParameters: {
            [key: string]: string | number | boolean;
        };
        OipResponseOutput: {
            name: string;
            shape: number[];
            datatype: string;
            parameters?: components["schemas"]["OipParameters"];
            /** @description Flat, row-major. Absent for an output sent as binary data */
            data?: number[];
        };
        /**
         * @example {
         *       "id": "42",
         *       "inputs": [
         *         {
         *           "name": "x",
         *           "shape": [
         *             1,
         *             2,
         *             17
         *           ],
         *           "datatype": "FP32",
         *           "data": "[[[...17 node features], [...]]] (flat or nested)"
         *         },
         *         {
         *           "name": "mask",
         *           "shape": [
         *             1,
         *             2
         *           ],
         *           "datatype": "FP32",
         *           "data": [
         *             1,
         *             1
         *           ]
         *         }
         *       ],
         *       "outputs": [
         *         {
         *           "name": "probs"
         *         }
         *       ]
         *     }
         */
        OipInferenceRequest: {
            id?: string;
            parameters?: components["schemas"]["OipParameters"];
            inputs: components["schemas"]["OipRequestInput"][];
            outputs?: {
                name: string;
                parameters?: components["schemas"]["OipParameters"];
            }[];
        };
        OipRequestInput: {
            name: string;
            shape: number[];
            /** @example FP32 */
            datatype: string;
            parameters?: components["schemas"]["OipParameters"];
            /** @description Row-major values, flat or nested like `shape`. Absent when `parameters.binary_data_size` says the bytes follow the JSON */
            data?: unknown[];
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getServiceInfo: {
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
    getHealth: {
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
    getReadiness: {
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
            /** @description Not ready: models loading, the default model not loaded, or draining after SIGTERM */
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
    predict: {
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
            /** @description Malformed JSON or Content-Length */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:bad_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "Malformed JSON in request body: the body must be a valid JSON document",
                     *       "error": "bad_request",
                     *       "message": "Malformed JSON in request body: the body must be a valid JSON document"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown model (available lists the names) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:model_not_found",
                     *       "title": "Unknown model",
                     *       "status": 404,
                     *       "detail": "unknown model 'gpt'; available: dqn, hybrid, ppo",
                     *       "error": "model_not_found",
                     *       "message": "unknown model 'gpt'; available: dqn, hybrid, ppo",
                     *       "available": [
                     *         "dqn",
                     *         "hybrid",
                     *         "ppo"
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 10417408 bytes, holding more than 290080 JSON values or nested deeper than 8 (MAX_NODES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:payload_too_large",
                     *       "title": "Request body too large",
                     *       "status": 413,
                     *       "detail": "the request body is larger than 10417408 bytes, this route's limit (MAX_NODES)",
                     *       "error": "payload_too_large",
                     *       "message": "the request body is larger than 10417408 bytes, this route's limit (MAX_NODES)"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unsupported_media_type",
                     *       "title": "Unsupported content type",
                     *       "status": 415,
                     *       "detail": "unsupported Content-Type 'text/plain': send application/json",
                     *       "error": "unsupported_media_type",
                     *       "message": "unsupported Content-Type 'text/plain': send application/json"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed, or no node can take the task */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Model known but not loaded, or too many request bodies in progress; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    batchPredict: {
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
            /** @description Malformed JSON or Content-Length */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:bad_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "Malformed JSON in request body: the body must be a valid JSON document",
                     *       "error": "bad_request",
                     *       "message": "Malformed JSON in request body: the body must be a valid JSON document"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown model (available lists the names) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:model_not_found",
                     *       "title": "Unknown model",
                     *       "status": 404,
                     *       "detail": "unknown model 'gpt'; available: dqn, hybrid, ppo",
                     *       "error": "model_not_found",
                     *       "message": "unknown model 'gpt'; available: dqn, hybrid, ppo",
                     *       "available": [
                     *         "dqn",
                     *         "hybrid",
                     *         "ppo"
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 11464960 bytes, holding more than 306448 JSON values or nested deeper than 8 (MAX_BATCH, MAX_BATCH_NODES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:payload_too_large",
                     *       "title": "Request body too large",
                     *       "status": 413,
                     *       "detail": "the request body is larger than 11464960 bytes, this route's limit (MAX_BATCH, MAX_BATCH_NODES)",
                     *       "error": "payload_too_large",
                     *       "message": "the request body is larger than 11464960 bytes, this route's limit (MAX_BATCH, MAX_BATCH_NODES)"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unsupported_media_type",
                     *       "title": "Unsupported content type",
                     *       "status": 415,
                     *       "detail": "unsupported Content-Type 'text/plain': send application/json",
                     *       "error": "unsupported_media_type",
                     *       "message": "unsupported Content-Type 'text/plain': send application/json"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed, or no node can take the task */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Model known but not loaded, or too many request bodies in progress; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    compare: {
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
            /** @description Malformed JSON or Content-Length */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:bad_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "Malformed JSON in request body: the body must be a valid JSON document",
                     *       "error": "bad_request",
                     *       "message": "Malformed JSON in request body: the body must be a valid JSON document"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 10417408 bytes, holding more than 290080 JSON values or nested deeper than 8 (MAX_NODES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:payload_too_large",
                     *       "title": "Request body too large",
                     *       "status": 413,
                     *       "detail": "the request body is larger than 10417408 bytes, this route's limit (MAX_NODES)",
                     *       "error": "payload_too_large",
                     *       "message": "the request body is larger than 10417408 bytes, this route's limit (MAX_NODES)"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unsupported_media_type",
                     *       "title": "Unsupported content type",
                     *       "status": 415,
                     *       "detail": "unsupported Content-Type 'text/plain': send application/json",
                     *       "error": "unsupported_media_type",
                     *       "message": "unsupported Content-Type 'text/plain': send application/json"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed, or no node can take the task */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Too many request bodies in progress (BODY_BUDGET, BODY_CONCURRENCY): retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:overloaded",
                     *       "title": "Server busy",
                     *       "status": 503,
                     *       "detail": "too many request bodies in progress (BODY_BUDGET 33554432 bytes, BODY_CONCURRENCY 256); retry after 1 s",
                     *       "error": "overloaded",
                     *       "message": "too many request bodies in progress (BODY_BUDGET 33554432 bytes, BODY_CONCURRENCY 256); retry after 1 s"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    listModels: {
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
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    getModel: {
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
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown model (available lists the names) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:model_not_found",
                     *       "title": "Unknown model",
                     *       "status": 404,
                     *       "detail": "unknown model 'gpt'; available: dqn, hybrid, ppo",
                     *       "error": "model_not_found",
                     *       "message": "unknown model 'gpt'; available: dqn, hybrid, ppo",
                     *       "available": [
                     *         "dqn",
                     *         "hybrid",
                     *         "ppo"
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid model name */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:validation_error",
                     *       "title": "Request validation failed",
                     *       "status": 422,
                     *       "detail": "Invalid request path parameter: name: a model name has 1-64 letters, digits, '_', '.' or '-'",
                     *       "error": "validation_error",
                     *       "message": "Invalid request path parameter: name: a model name has 1-64 letters, digits, '_', '.' or '-'",
                     *       "issues": [
                     *         {
                     *           "path": "name",
                     *           "message": "a model name has 1-64 letters, digits, '_', '.' or '-'"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Known but not loaded */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:model_not_loaded",
                     *       "title": "Model not loaded",
                     *       "status": 503,
                     *       "detail": "model 'ppo' is not loaded; POST /models/ppo/load to load it",
                     *       "error": "model_not_loaded",
                     *       "message": "model 'ppo' is not loaded; POST /models/ppo/load to load it"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    loadModel: {
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
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown model, or a version its config.json does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid model name, or the files on disk are broken (model_load_failed): the serving versions stay */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description In a cluster (WORKERS > 1): the worker that answered switched, some other workers could not; each is named with its reason */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:model_replication_failed",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "detail": "model 'ppo' version 2 is active on the worker that answered, but 1 other worker(s) could not switch to it and keep serving their version: send the request again to retry",
                     *       "error": "model_replication_failed",
                     *       "message": "model 'ppo' version 2 is active on the worker that answered, but 1 other worker(s) could not switch to it and keep serving their version: send the request again to retry",
                     *       "issues": [
                     *         {
                     *           "path": "worker 3",
                     *           "message": "the worker exited"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    loadModelVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                version: string;
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
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown model, or a version its config.json does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid model name, or the files on disk are broken (model_load_failed): the serving versions stay */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description In a cluster (WORKERS > 1): the worker that answered switched, some other workers could not; each is named with its reason */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:model_replication_failed",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "detail": "model 'ppo' version 2 is active on the worker that answered, but 1 other worker(s) could not switch to it and keep serving their version: send the request again to retry",
                     *       "error": "model_replication_failed",
                     *       "message": "model 'ppo' version 2 is active on the worker that answered, but 1 other worker(s) could not switch to it and keep serving their version: send the request again to retry",
                     *       "issues": [
                     *         {
                     *           "path": "worker 3",
                     *           "message": "the worker exited"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    rollbackModel: {
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
            /** @description Rolled back */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["LoadResult"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown model */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:model_not_found",
                     *       "title": "Unknown model",
                     *       "status": 404,
                     *       "detail": "unknown model 'gpt'; available: dqn, hybrid, ppo",
                     *       "error": "model_not_found",
                     *       "message": "unknown model 'gpt'; available: dqn, hybrid, ppo",
                     *       "available": [
                     *         "dqn",
                     *         "hybrid",
                     *         "ppo"
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Invalid model name, or no previous version to roll back to */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description In a cluster (WORKERS > 1): some other workers could not follow the rollback; each is named with its reason */
            500: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:model_replication_failed",
                     *       "title": "Internal Server Error",
                     *       "status": 500,
                     *       "detail": "model 'ppo' version 2 is active on the worker that answered, but 1 other worker(s) could not switch to it and keep serving their version: send the request again to retry",
                     *       "error": "model_replication_failed",
                     *       "message": "model 'ppo' version 2 is active on the worker that answered, but 1 other worker(s) could not switch to it and keep serving their version: send the request again to retry",
                     *       "issues": [
                     *         {
                     *           "path": "worker 3",
                     *           "message": "the worker exited"
                     *         }
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    generateNetwork: {
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
            /** @description Malformed JSON or Content-Length */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:bad_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "Malformed JSON in request body: the body must be a valid JSON document",
                     *       "error": "bad_request",
                     *       "message": "Malformed JSON in request body: the body must be a valid JSON document"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 4096 bytes, holding more than 64 JSON values or nested deeper than 2 (a few scalar fields) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:payload_too_large",
                     *       "title": "Request body too large",
                     *       "status": 413,
                     *       "detail": "the request body is larger than 4096 bytes, this route's limit (a few scalar fields)",
                     *       "error": "payload_too_large",
                     *       "message": "the request body is larger than 4096 bytes, this route's limit (a few scalar fields)"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unsupported_media_type",
                     *       "title": "Unsupported content type",
                     *       "status": 415,
                     *       "detail": "unsupported Content-Type 'text/plain': send application/json",
                     *       "error": "unsupported_media_type",
                     *       "message": "unsupported Content-Type 'text/plain': send application/json"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed (issues lists the first 100 problems with their paths) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:validation_error",
                     *       "title": "Request validation failed",
                     *       "status": 422,
                     *       "detail": "Invalid request body: network_state.nodes[2].cpu_util: Too big: expected number to be <=1 and 1 more issue(s)",
                     *       "error": "validation_error",
                     *       "message": "Invalid request body: network_state.nodes[2].cpu_util: Too big: expected number to be <=1 and 1 more issue(s)",
                     *       "issues": [
                     *         {
                     *           "path": "network_state.nodes[2].cpu_util",
                     *           "message": "Too big: expected number to be <=1"
                     *         },
                     *         {
                     *           "path": "network_state.edges[0]",
                     *           "message": "self-loop (3, 3) is not allowed"
                     *         }
                     *       ],
                     *       "issue_count": 2
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Too many request bodies in progress (BODY_BUDGET, BODY_CONCURRENCY): retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:overloaded",
                     *       "title": "Server busy",
                     *       "status": 503,
                     *       "detail": "too many request bodies in progress (BODY_BUDGET 33554432 bytes, BODY_CONCURRENCY 256); retry after 1 s",
                     *       "error": "overloaded",
                     *       "message": "too many request bodies in progress (BODY_BUDGET 33554432 bytes, BODY_CONCURRENCY 256); retry after 1 s"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    generateMockNetwork: {
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
            /** @description Malformed JSON or Content-Length */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:bad_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "Malformed JSON in request body: the body must be a valid JSON document",
                     *       "error": "bad_request",
                     *       "message": "Malformed JSON in request body: the body must be a valid JSON document"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 4096 bytes, holding more than 64 JSON values or nested deeper than 2 (a few scalar fields) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:payload_too_large",
                     *       "title": "Request body too large",
                     *       "status": 413,
                     *       "detail": "the request body is larger than 4096 bytes, this route's limit (a few scalar fields)",
                     *       "error": "payload_too_large",
                     *       "message": "the request body is larger than 4096 bytes, this route's limit (a few scalar fields)"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unsupported_media_type",
                     *       "title": "Unsupported content type",
                     *       "status": 415,
                     *       "detail": "unsupported Content-Type 'text/plain': send application/json",
                     *       "error": "unsupported_media_type",
                     *       "message": "unsupported Content-Type 'text/plain': send application/json"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed (issues lists the first 100 problems with their paths) */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:validation_error",
                     *       "title": "Request validation failed",
                     *       "status": 422,
                     *       "detail": "Invalid request body: network_state.nodes[2].cpu_util: Too big: expected number to be <=1 and 1 more issue(s)",
                     *       "error": "validation_error",
                     *       "message": "Invalid request body: network_state.nodes[2].cpu_util: Too big: expected number to be <=1 and 1 more issue(s)",
                     *       "issues": [
                     *         {
                     *           "path": "network_state.nodes[2].cpu_util",
                     *           "message": "Too big: expected number to be <=1"
                     *         },
                     *         {
                     *           "path": "network_state.edges[0]",
                     *           "message": "self-loop (3, 3) is not allowed"
                     *         }
                     *       ],
                     *       "issue_count": 2
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Too many request bodies in progress (BODY_BUDGET, BODY_CONCURRENCY): retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:overloaded",
                     *       "title": "Server busy",
                     *       "status": 503,
                     *       "detail": "too many request bodies in progress (BODY_BUDGET 33554432 bytes, BODY_CONCURRENCY 256); retry after 1 s",
                     *       "error": "overloaded",
                     *       "message": "too many request bodies in progress (BODY_BUDGET 33554432 bytes, BODY_CONCURRENCY 256); retry after 1 s"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    simulate: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SimulateRequest"];
            };
        };
        responses: {
            /** @description The episode's summaries and trace. With `Accept: text/event-stream`: `event: progress` with `{done, total, summaries}` (partial summaries over the first `done` tasks) about every 100 ms and after the last task, then one `event: result` whose data is exactly the JSON answer. A failure after the stream started is one `event: error` with `{error, message}`. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SimulateResponse"];
                    "text/event-stream": string;
                };
            };
            /** @description Malformed JSON or Content-Length */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:bad_request",
                     *       "title": "Malformed request",
                     *       "status": 400,
                     *       "detail": "Malformed JSON in request body: the body must be a valid JSON document",
                     *       "error": "bad_request",
                     *       "message": "Malformed JSON in request body: the body must be a valid JSON document"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Unknown model (available lists the names) */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:model_not_found",
                     *       "title": "Unknown model",
                     *       "status": 404,
                     *       "detail": "unknown model 'gpt'; available: dqn, hybrid, ppo",
                     *       "error": "model_not_found",
                     *       "message": "unknown model 'gpt'; available: dqn, hybrid, ppo",
                     *       "available": [
                     *         "dqn",
                     *         "hybrid",
                     *         "ppo"
                     *       ]
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Body over 10417408 bytes, holding more than 290080 JSON values or nested deeper than 8 (MAX_NODES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:payload_too_large",
                     *       "title": "Request body too large",
                     *       "status": 413,
                     *       "detail": "the request body is larger than 10417408 bytes, this route's limit (MAX_NODES)",
                     *       "error": "payload_too_large",
                     *       "message": "the request body is larger than 10417408 bytes, this route's limit (MAX_NODES)"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Content-Type is not application/json */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unsupported_media_type",
                     *       "title": "Unsupported content type",
                     *       "status": 415,
                     *       "detail": "unsupported Content-Type 'text/plain': send application/json",
                     *       "error": "unsupported_media_type",
                     *       "message": "unsupported Content-Type 'text/plain': send application/json"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Validation failed: over a SIM_* limit (the issue names it and the values), unknown or repeated policies, or a bad network */
            422: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:validation_error",
                     *       "title": "Request validation failed",
                     *       "status": 422,
                     *       "detail": "Invalid request body: network_state.nodes[2].cpu_util: Too big: expected number to be <=1 and 1 more issue(s)",
                     *       "error": "validation_error",
                     *       "message": "Invalid request body: network_state.nodes[2].cpu_util: Too big: expected number to be <=1 and 1 more issue(s)",
                     *       "issues": [
                     *         {
                     *           "path": "network_state.nodes[2].cpu_util",
                     *           "message": "Too big: expected number to be <=1"
                     *         },
                     *         {
                     *           "path": "network_state.edges[0]",
                     *           "message": "self-loop (3, 3) is not allowed"
                     *         }
                     *       ],
                     *       "issue_count": 2
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description Model known but not loaded, or too many request bodies in progress; retry after Retry-After seconds */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    getEvaluation: {
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
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
            /** @description No report yet, or it does not match the contract */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:evaluation_unavailable",
                     *       "title": "No evaluation report",
                     *       "status": 503,
                     *       "detail": "no evaluation report yet (npm run train writes it)",
                     *       "error": "evaluation_unavailable",
                     *       "message": "no evaluation report yet (npm run train writes it)"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    getMetrics: {
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
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    getStats: {
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
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    /**
                     * @example {
                     *       "type": "urn:edge-placement:problem:unauthorized",
                     *       "title": "Missing or wrong API key",
                     *       "status": 401,
                     *       "detail": "missing x-api-key header",
                     *       "error": "unauthorized",
                     *       "message": "missing x-api-key header"
                     *     }
                     */
                    "application/problem+json": components["schemas"]["Error"];
                };
            };
        };
    };
    oipServerMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Name, version, extensions */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipServerMetadata"];
                };
            };
        };
    };
    oipServerLive: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Live */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipLive"];
                };
            };
        };
    };
    oipServerReady: {
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
                    "application/json": components["schemas"]["OipReady"];
                };
            };
            /** @description Not ready (loading, or a model failed to load) */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipReady"];
                };
            };
        };
    };
    oipModelMetadata: {
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
            /** @description The model's raw input and output tensors */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipModelMetadata"];
                };
            };
            /** @description Invalid model name or version */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Unknown model, or a version its config.json does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description The version is not loaded */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
        };
    };
    oipModelVersionMetadata: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The model's raw input and output tensors */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipModelMetadata"];
                };
            };
            /** @description Invalid model name or version */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Unknown model, or a version its config.json does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description The version is not loaded */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
        };
    };
    oipModelReady: {
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
            /** @description Ready */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipModelReady"];
                };
            };
            /** @description Invalid model name or version */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Unknown model, or a version its config.json does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Known but not loaded */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipModelReady"];
                };
            };
        };
    };
    oipModelVersionReady: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                version: string;
            };
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
                    "application/json": components["schemas"]["OipModelReady"];
                };
            };
            /** @description Invalid model name or version */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Unknown model, or a version its config.json does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Known but not loaded */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipModelReady"];
                };
            };
        };
    };
    oipInfer: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OipInferenceRequest"];
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The outputs (JSON; or the JSON header and binary data when asked for binary outputs) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipInferenceResponse"];
                    "application/octet-stream": string;
                };
            };
            /** @description Invalid request: malformed JSON, or a tensor whose name, datatype, shape or values the model does not accept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Unknown model, or a version its config.json does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Body over the tensor limits in bytes, JSON values or nesting depth (MAX_BATCH_NODES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Content-Type is neither JSON nor application/octet-stream */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description The model or version is not loaded */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
        };
    };
    oipInferVersion: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                name: string;
                version: string;
            };
            cookie?: never;
        };
        requestBody?: {
            content: {
                "application/json": components["schemas"]["OipInferenceRequest"];
                "application/octet-stream": string;
            };
        };
        responses: {
            /** @description The outputs (JSON; or the JSON header and binary data when asked for binary outputs) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipInferenceResponse"];
                    "application/octet-stream": string;
                };
            };
            /** @description Invalid request: malformed JSON, or a tensor whose name, datatype, shape or values the model does not accept */
            400: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Missing or wrong x-api-key (only when API_KEYS is set) */
            401: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Unknown model, or a version its config.json does not serve */
            404: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Body over the tensor limits in bytes, JSON values or nesting depth (MAX_BATCH_NODES) */
            413: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description Content-Type is neither JSON nor application/octet-stream */
            415: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
            /** @description The model or version is not loaded */
            503: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OipError"];
                };
            };
        };
    };
}
