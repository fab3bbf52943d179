"""Parity fixture of the environment dynamics for the TypeScript mirror (api/src/simulation/arrivals.ts and
dynamics.ts): models/fixtures/episodes.json.

Each run is a generated network (edgesim.generator, the run's seed), its arrival stream (edgesim.arrivals, the same
seed) and the greedy warm-up of edgesim.episodes.EdgeSim: `warmup` arrivals placed by greedy, then time advances to
the next arrival. The fixture records the stream, greedy's choices and the state at that arrival (node backlogs,
link backlogs, energy), which is what POST /networks/generate {num_nodes, seed, load, warmup_tasks} returns.

Run from models/: /usr/bin/python3 -m pipeline.episode_fixtures
"""

from pathlib import Path

from edgesim.arrivals import arrival_stream
from edgesim.episodes import EdgeSim
from edgesim.generator import generate_network

from .fixtures import write_json

OUT = Path(__file__).resolve().parents[1] / "fixtures" / "episodes.json"
MAX_BYTES = 600_000
# (num_nodes, seed, load, warmup): a network without sensors (2 nodes: every node is a source), the default warm-up
# of small networks (50), long runs at high load, an overloaded one where greedy drops tasks, and a larger network.
RUNS = ((2, 5, 0.9, 30), (6, 1, 0.9, 50), (12, 3, 1.8, 400), (20, 42, 0.6, 120), (50, 7, 0.9, 250), (200, 2024, 0.8, 200))
_TASK = ("gap_ms", "source", "cpu_mcycles", "mem_mb", "data_kb", "deadline_ms", "burst", "hot", "load")


def run(n: int, seed: int, load: float, warmup: int) -> dict:
    net = generate_network(n, seed)
    stream = arrival_stream(net, load, seed, warmup + 1)
    sim = EdgeSim([net], [load], [seed], tasks=0, warmup=warmup)
    sim.reset()
    actions = [int(a[0]) for a in sim.warmup_actions]
    m = len(net["edges"])
    return {
        "num_nodes": n, "seed": seed, "load": load, "warmup_tasks": warmup,
        "stream": [{k: (bool(t[k]) if k == "burst" else t[k]) for k in _TASK} for t in stream],
        "actions": actions,
        "next_task": {k: (int(sim.task[k][0]) if k in ("source", "hot") else bool(sim.task[k][0]) if k == "burst"
                          else float(sim.task[k][0])) for k in _TASK},
        "backlog": sim.state.backlog[0].tolist(),
        "link_backlog": sim.state.link_backlog[0, :m].tolist(),
        "energy": sim.state.energy[0].tolist(),
    }


def write_episode_fixture(path: Path = OUT) -> list[dict]:
    runs = [run(*r) for r in RUNS]
    doc = {"description": "environment dynamics parity runs: edgesim.arrivals.arrival_stream and the greedy warm-up of "
                          "edgesim.episodes.EdgeSim (written by models/pipeline/episode_fixtures.py)",
           "runs": runs}
    size = write_json(path, doc, max_bytes=MAX_BYTES)
    for r in runs:
        drops = sum(a < 0 for a in r["actions"])
        print(f"[episode_fixtures] N={r['num_nodes']} seed={r['seed']} load={r['load']} warmup={r['warmup_tasks']}: "
              f"{drops} dropped, max backlog {max(r['backlog']):.1f} ms, max link backlog "
              f"{max(r['link_backlog'] or [0]):.1f} ms")
    print(f"[episode_fixtures] {len(runs)} runs, {size / 1e3:.0f} kB -> {path}")
    return runs


if __name__ == "__main__":
    write_episode_fixture()
