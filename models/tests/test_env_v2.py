"""Environment v2: routes, link and node queues, arrivals, episodes, baselines."""

import math

import torch

from edgesim import spec
from edgesim.arrivals import arrival_rate, arrival_stream, regions, warmup_tasks
from edgesim.episodes import EdgeSim
from edgesim.generator import generate_network
from edgesim.heuristics import BASELINES
from edgesim.routing import link_table, route_trees
from edgesim.simulator import advance, build, commit, features, outcome


def node(t, lat=2.0, bw=100.0, cpu=0.2, energy=1000.0, backlog=0.0):
    return {"cpu_util": cpu, "mem_util": 0.1, "energy": energy, "latency": lat, "bandwidth": bw, "queue_len": 0.0,
            "node_type": t, "backlog_ms": backlog}


def chain():
    """sensor 0 - fog 1 - fog 2 - cloud 3, plus sensor 4 on fog 2."""
    nodes = [node(0), node(1), node(1), node(2, lat=20.0, bw=1000.0), node(0)]
    return {"nodes": nodes, "edges": [[0, 1], [1, 2], [2, 3], [2, 4]]}


def one_task(source=0, **kw):
    t = {"source": source, "cpu_mcycles": 500.0, "mem_mb": 64.0, "data_kb": 200.0, "deadline_ms": 500.0, "load": 0.5}
    t.update(kw)
    return {k: torch.tensor([v], dtype=torch.long if k == "source" else torch.float64) for k, v in t.items()}


def test_route_tree_follows_shortest_paths_and_breaks_ties_by_lowest_index():
    square = {"nodes": [node(0), node(1), node(1), node(2)], "edges": [[0, 1], [0, 2], [1, 3], [2, 3]]}
    ends, cap, prop, _ = link_table(square)
    parent, link, depth = route_trees(4, ends, cap, prop, torch.tensor([0]))
    assert parent[0].tolist() == [0, 0, 0, 1]  # 3 is reached through 1 and 2 at equal cost: the lower index wins
    assert link[0].tolist() == [-1, 0, 1, 2]
    assert depth[0].tolist() == [0, 1, 1, 2]


def test_unreachable_nodes_are_masked_and_have_no_parent():
    net = {"nodes": [node(0), node(1), node(2)], "edges": [[0, 1]]}
    st, state = build([net])
    out = outcome(st, state, one_task())
    assert out["valid"][0].tolist() == [True, True, False]
    assert math.isinf(float(out["arrive"][0, 2]))
    obs = features(st, state, one_task(), out)
    assert obs["parent"][0].tolist() == [0, 0, 2]
    assert float(obs["x"][0, 2, 8]) == spec.TX_UNREACHABLE_MS


def test_a_busy_link_delays_exactly_the_nodes_behind_it():
    net = chain()
    st, state = build([net])
    idle = outcome(st, state, one_task())
    net["edges"] = [[0, 1], [1, 2], {"source": 2, "target": 3, "backlog_ms": 300.0}, [2, 4]]
    st2, state2 = build([net])
    busy = outcome(st2, state2, one_task())
    delta = (busy["arrive"] - idle["arrive"])[0]
    assert delta[:3].abs().max() == 0 and delta[4] == 0
    assert delta[3] > 0  # only the cloud sits behind the busy fog-cloud link
    assert float(busy["arrive"][0, 3] - busy["idle"][0, 3]) == float(delta[3])
    static = outcome(st2, state2, one_task(), links_idle=True)
    assert torch.equal(static["arrive"], idle["arrive"])


def test_commit_occupies_the_route_and_the_node_then_time_drains_them():
    st, state = build([chain()])
    task = one_task()
    out = outcome(st, state, task)
    commit(st, state, task, torch.tensor([3]), out, torch.tensor([True]))
    lb = state.link_backlog[0]
    assert (lb[:3] > 0).all() and lb[3] == 0  # links 0-1, 1-2, 2-3 carry the transfer; 2-4 does not
    assert float(state.backlog[0, 3]) == float(out["finish"][0, 3])
    again = outcome(st, state, task)
    assert again["arrive"][0, 3] > out["arrive"][0, 3]  # the next identical task queues behind the first
    advance(state, torch.tensor([1e4], dtype=torch.float64))
    assert float(state.link_backlog.max()) == 0 and float(state.backlog.max()) == 0


def test_commit_of_a_batch_is_each_env_committed_alone():
    """Routes of different depths in one batch (levels is the deepest), and an env whose task is not placed."""
    actions, placed = [3, 1, 4, 2], [True, True, False, True]
    st, state = build([chain()] * 4)
    task = {k: v.expand(4).clone() for k, v in one_task().items()}
    out = outcome(st, state, task)
    commit(st, state, task, torch.tensor(actions), out, torch.tensor(placed))
    for i, (a, p) in enumerate(zip(actions, placed)):
        st1, alone = build([chain()])
        out1 = outcome(st1, alone, one_task())
        commit(st1, alone, one_task(), torch.tensor([a]), out1, torch.tensor([p]))
        assert torch.equal(state.link_backlog[i], alone.link_backlog[0])
        assert torch.equal(state.backlog[i], alone.backlog[0]) and torch.equal(state.energy[i], alone.energy[0])
    # store and forward: each link on the route to 3 is busy until the transfer has crossed it, and the data reaches
    # the link's far node one propagation delay later (outcome() adds the delay last, so the sum is exact)
    lb, arrive, prop = state.link_backlog[0], out["arrive"][0], st.prop[0]
    assert [float(lb[k] + prop[k]) for k in range(3)] == [float(arrive[v]) for v in (1, 2, 3)]
    assert float(state.link_backlog[2].abs().max()) == 0 and float(state.backlog[2].abs().max()) == 0


def test_node_backlog_becomes_queueing_delay():
    net = chain()
    net["nodes"][1]["backlog_ms"] = 400.0
    st, state = build([net])
    out = outcome(st, state, one_task())
    assert math.isclose(float(out["wait"][0, 1]), 400.0 - float(out["arrive"][0, 1]))
    assert float(out["wait"][0, 2]) == 0.0


def test_requests_with_queue_len_only_get_a_backlog_of_mean_tasks():
    net = generate_network(20, 3)
    st, state = build([net])
    nd = net["nodes"][19]
    speed = spec.CPU_GHZ[nd["node_type"]] * (1 - nd["cpu_util"])
    assert math.isclose(float(state.backlog[0, 19]), nd["queue_len"] * spec.MEAN_TASK_MCYCLES / speed)


def test_full_node_and_flat_battery_are_masked():
    net = chain()
    net["nodes"][1]["backlog_ms"] = spec.MAX_BACKLOG_MS
    net["nodes"][0]["energy"] = 1e-6  # the source cannot power its radio, nor compute
    st, state = build([net])
    out = outcome(st, state, one_task())
    assert not out["valid"][0].any()


def test_arrival_stream_is_seeded_and_loads_the_network_as_asked():
    net = generate_network(30, 5)
    a = arrival_stream(net, 0.6, seed=9, count=20000)
    assert a[:50] == arrival_stream(net, 0.6, seed=9, count=50)
    rate = len(a) / sum(t["gap_ms"] for t in a)
    assert abs(rate / arrival_rate(net, 0.6) - 1) < 0.05
    assert 0.2 < sum(t["burst"] for t in a) / len(a) < 0.45  # a third of arrivals in bursts
    reg = regions(net)
    hot = [t for t in a if t["burst"]]
    in_hot = sum(reg[t["source"]] == t["hot"] for t in hot) / len(hot)
    assert in_hot > spec.HOT_SHARE - 0.05  # bursts concentrate on one fog region
    sensors = {i for i, nd in enumerate(net["nodes"]) if nd["node_type"] == spec.SENSOR}
    assert {t["source"] for t in a} <= sensors


def test_every_policy_replays_the_same_tasks():
    nets = [generate_network(12, 2 * i + 1) for i in range(3)]
    sims = [EdgeSim(nets, [0.7] * 3, [1, 2, 3], tasks=20) for _ in range(2)]
    for s in sims:
        s.reset()
    assert all(torch.equal(sims[0].stream[k], sims[1].stream[k]) for k in sims[0].stream)
    assert sims[0].warmup == warmup_tasks(12) and sims[0].k == sims[0].warmup


def run(policy, nets, load, seeds, tasks=spec.EPISODE_TASKS):
    sim = EdgeSim(nets, [load] * len(nets), seeds, tasks=tasks)
    sim.reset()
    gen = torch.Generator().manual_seed(0)
    ret = torch.zeros(len(nets), dtype=torch.float64)
    done = False
    while not done:
        _, r, done, _ = sim.step(BASELINES[policy](sim, gen), observe=False)
        ret += r
    return ret


def test_link_state_matters_and_look_ahead_beats_greedy():
    nets = [generate_network(20, 2 * i + 1) for i in range(16)]
    seeds = list(range(100, 116))
    g = run("greedy", nets, 0.7, seeds)
    blind = run("greedy_static", nets, 0.7, seeds)
    plan = run("planner", nets, 0.7, seeds)
    assert (g - blind).mean() > 0  # seeing link queues pays
    d = plan - g
    assert d.mean() - 2 * d.std() / len(d) ** 0.5 > 0  # the planner's gain over greedy is significant
