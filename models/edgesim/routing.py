"""Links and static routes of environment v2 (docs/environment.md, "Links and routes").

A route is the shortest path for a transfer of spec.REF_DATA_KB over hop weights prop + 8 * REF_DATA_KB / capacity.
Routes from one source form a tree: parent(v) is the lowest-index neighbour u with dist(u) + w(u, v) == dist(v).
Everything is float64 and defined by the distances alone, so any shortest-path algorithm gives the same tree.
"""

import warnings

import torch

from . import spec

# scatter_reduce("amin") is stable in every torch this runs on; its "beta" notice is noise in every training log.
warnings.filterwarnings("ignore", message=r"scatter_reduce\(\) is in beta")


def link_table(network: dict):
    """Per undirected link (in request order): endpoints [M, 2] long, capacity [M] (Mbps = kbit/ms), propagation
    latency [M] ms and backlog [M] ms. Edges are [s, t] pairs or {source, target, capacity_mbps?, backlog_ms?}."""
    nodes = network["nodes"]
    ends, cap, prop, backlog = [], [], [], []
    for e in network["edges"]:
        if isinstance(e, dict):
            s, t = int(e["source"]), int(e["target"])
            c = e.get("capacity_mbps")
            b = e.get("backlog_ms", 0.0)
        else:
            s, t = int(e[0]), int(e[1])
            c, b = None, 0.0
        ends.append((s, t))
        cap.append(float(c) if c is not None else min(float(nodes[s]["bandwidth"]), float(nodes[t]["bandwidth"])))
        prop.append((float(nodes[s]["latency"]) + float(nodes[t]["latency"])) / 2)
        backlog.append(float(b))
    f64 = dict(dtype=torch.float64)
    return (torch.tensor(ends, dtype=torch.long).reshape(-1, 2), torch.tensor(cap, **f64), torch.tensor(prop, **f64),
            torch.tensor(backlog, **f64))


def route_trees(n: int, ends: torch.Tensor, cap: torch.Tensor, prop: torch.Tensor, sources: torch.Tensor):
    """Route trees of one network from each source: (parent [S, N] long, link [S, N] long, depth [S, N] long).

    parent is the node itself and link is -1 for the source and for nodes it cannot reach; depth is the hop count
    (-1 where unreachable). Bellman-Ford over all sources at once: linear in S * (N + M) per round.
    """
    s_count, m = sources.shape[0], ends.shape[0]
    w = prop + 8 * spec.REF_DATA_KB / cap
    src = torch.cat([ends[:, 0], ends[:, 1]])  # directed: u -> v over link k
    dst = torch.cat([ends[:, 1], ends[:, 0]])
    wd = torch.cat([w, w])
    lk = torch.cat([torch.arange(m), torch.arange(m)])
    rows = torch.arange(s_count)
    dist = torch.full((s_count, n), float("inf"), dtype=torch.float64)
    dist[rows, sources] = 0.0
    if m:
        for _ in range(n):
            cand = dist[:, src] + wd
            new = dist.scatter_reduce(1, dst.expand(s_count, -1), cand, reduce="amin", include_self=True)
            if torch.equal(new, dist):
                break
            dist = new
    node = torch.arange(n)
    parent = node.expand(s_count, n).clone()
    link = torch.full((s_count, n), -1, dtype=torch.long)
    if m:
        cand = dist[:, src] + wd
        tight = (cand == dist[:, dst]) & torch.isfinite(cand)
        big = n + 1
        best = torch.full((s_count, n), big, dtype=torch.long).scatter_reduce(
            1, dst.expand(s_count, -1), torch.where(tight, src.expand(s_count, -1), big), reduce="amin")
        has = (best < big) & (node[None, :] != sources[:, None])
        parent = torch.where(has, best, parent)
        # the link of the tight edge from parent to v (lowest link index if parallel edges tie)
        pick = tight & (src[None, :] == parent[:, dst])
        lk_best = torch.full((s_count, n), m + 1, dtype=torch.long).scatter_reduce(
            1, dst.expand(s_count, -1), torch.where(pick, lk.expand(s_count, -1), m + 1), reduce="amin")
        link = torch.where(has, lk_best, link)
    depth = torch.where(torch.isfinite(dist), torch.zeros_like(parent), torch.full_like(parent, -1))
    hop = (link >= 0).long()
    for _ in range(n):
        nd = torch.where(hop > 0, depth.gather(1, parent) + 1, depth)
        if torch.equal(nd, depth):
            break
        depth = nd
    return parent, link, depth


def first_links(parent: torch.Tensor, link: torch.Tensor, sources: torch.Tensor) -> torch.Tensor:
    """The link each route leaves its source by: [S, N] long, -1 for the source itself and unreachable nodes (which
    is what the source's radio pays for). Static per tree, so outcome() does not rebuild it per task."""
    first = torch.where((link >= 0) & (parent == sources[:, None]), link, torch.full_like(link, -1))
    for _ in range(parent.shape[1]):
        nf = torch.where(first < 0, first.gather(1, parent), first)
        if torch.equal(nf, first):
            break
        first = nf
    return first
