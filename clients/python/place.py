#!/usr/bin/env python3
"""Ask the edge placement API where a task should run. Standard library only (urllib, json).

    python3 clients/python/place.py --url http://127.0.0.1:8000 --nodes 20 --seed 42

It generates a network mid-episode (POST /networks/generate), sends it with its next task to
POST /predict, and prints the chosen node and the model's most probable nodes. With --json it
prints the /predict answer itself. Set EDGE_PLACEMENT_API_KEY when the API has API_KEYS set.
"""

import argparse
import json
import os
import sys
import urllib.error
import urllib.request


class ApiError(Exception):
    """A 4xx/5xx answer: the API's JSON error body ({error, message, issues?})."""

    def __init__(self, status, body):
        self.status = status
        self.body = body
        super().__init__(f"HTTP {status} {body.get('error', '')}: {body.get('message', '')}")


def post(base_url, path, body, api_key=None, timeout=30):
    headers = {"content-type": "application/json", "accept": "application/json"}
    if api_key:
        headers["x-api-key"] = api_key
    request = urllib.request.Request(
        base_url.rstrip("/") + path, data=json.dumps(body).encode(), headers=headers, method="POST"
    )
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return json.load(response)
    except urllib.error.HTTPError as e:
        try:
            error_body = json.load(e)
        except ValueError:
            error_body = {"error": "http_error", "message": e.reason}
        raise ApiError(e.code, error_body) from None


def place(base_url, nodes, seed, model, load, api_key=None):
    """The generated network and the API's placement for its next task."""
    generated = post(base_url, "/networks/generate", {"num_nodes": nodes, "seed": seed, "load": load}, api_key)
    request = {
        "network_state": generated["network_state"],
        "task": generated["task"],
        "load": generated["load"],
        "model_type": model,
    }
    return generated, post(base_url, "/predict", request, api_key)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000", help="API base URL")
    parser.add_argument("--nodes", type=int, default=20, help="nodes in the generated network")
    parser.add_argument("--seed", type=int, default=42, help="seed of the generated network")
    parser.add_argument("--load", type=float, default=0.7, help="arrival load of the warm-up")
    parser.add_argument("--model", default="hybrid", help="model to ask (GET /models lists them)")
    parser.add_argument("--json", action="store_true", help="print the /predict answer as JSON")
    args = parser.parse_args(argv)

    try:
        generated, prediction = place(
            args.url, args.nodes, args.seed, args.model, args.load, os.environ.get("EDGE_PLACEMENT_API_KEY")
        )
    except ApiError as e:
        print(f"error: {e}", file=sys.stderr)
        for issue in e.body.get("issues", []):
            print(f"  {issue['path']}: {issue['message']}", file=sys.stderr)
        return 1
    except urllib.error.URLError as e:
        print(f"error: cannot reach {args.url}: {e.reason}", file=sys.stderr)
        return 2

    if args.json:
        print(json.dumps(prediction, indent=2))
        return 0
    task = prediction["task"]
    model = prediction["model"]
    print(
        f"task from node {task['source']} ({task['cpu_mcycles']:.0f} Mcycles, {task['data_kb']:.0f} kB, "
        f"deadline {task['deadline_ms']:.0f} ms) on a {len(generated['network_state']['nodes'])}-node network"
    )
    print(
        f"place on node {prediction['selected_node']} "
        f"(confidence {prediction['confidence']:.3f}, model {model['name']} {model['version']})"
    )
    ranked = sorted(prediction["node_scores"].items(), key=lambda kv: kv[1], reverse=True)[:3]
    print("most probable: " + ", ".join(f"node {node} {p:.3f}" for node, p in ranked))
    return 0


if __name__ == "__main__":
    sys.exit(main())
