"""Environment v2 dynamics, vectorised over E networks of the same size (docs/environment.md, "Environment v2").

State: each node's compute backlog (FIFO queue, ms of work ahead), each link's backlog (FIFO, store-and-forward),
each node's energy. A task's data travels its source's route tree hop by hop, waiting for every busy link; then it
waits for the node's queue and runs. Placing it occupies every link on its route and the node, which is what it
does to later tasks. All times are relative to the current arrival (ms), all arithmetic float64.
"""

from dataclasses import dataclass

import torch

from . import spec
from .arrivals import node_speed, regions, task_sources
from .routing import first_links, link_table, route_trees

_GHZ = torch.tensor(spec.CPU_GHZ, dtype=torch.float64)
_MEM_GB = torch.tensor(spec.MEM_GB, dtype=torch.float64)
_E_CPU = torch.tensor(spec.ENERGY_PER_MCYCLE_J, dtype=torch.float64)
F64 = torch.float64


def initial_backlog(node: dict) -> float:
    """backlog_ms of a node, or its default for requests that give queue_len only: queue_len mean-sized tasks."""
    if node.get("backlog_ms") is not None:
        return float(node["backlog_ms"])
    return float(node.get("queue_len", 0.0)) * spec.MEAN_TASK_MCYCLES / node_speed(node)


@dataclass
class Static:
    """What does not change during an episode. Links are padded to the batch's largest count plus one dummy
    link (index M, never on a route) so every env has the same shape."""

    n: int
    base: torch.Tensor  # [E] row of the shared tables (cap .. slot) that each batch row uses
    cpu: torch.Tensor  # [E, N]
    mem: torch.Tensor
    lat: torch.Tensor
    bw: torch.Tensor
    ntype: torch.Tensor  # [E, N] long
    speed: torch.Tensor  # [E, N] Mcycles/ms
    ends: torch.Tensor  # [E, M + 1, 2] endpoints of each link (the dummy: 0-0)
    n_links: torch.Tensor  # [E] real links per network
    cap: torch.Tensor  # [E, M + 1]
    prop: torch.Tensor  # [E, M + 1]
    parent: torch.Tensor  # [E, S, N] route trees from each source slot
    link: torch.Tensor  # [E, S, N] link into each node (M where none)
    depth: torch.Tensor  # [E, S, N] (-1 unreachable)
    first: torch.Tensor  # [E, S, N] first link of the route from the source (-1: the source, unreachable nodes)
    levels: torch.Tensor  # [E, S] depth of each route tree
    slot: torch.Tensor  # [E, N] source slot of each node (-1 if not a source)
    src_mask: torch.Tensor  # [E, N] bool: nodes where tasks arrive
    region: torch.Tensor  # [E, N] fog region of each node (-1 if none)
    compute_j_per_mcycle: torch.Tensor  # [E, N]
    mem_mb_total: torch.Tensor  # [E, N]
    cpu_ok: torch.Tensor  # [E, N] bool: cpu_util <= MAX_CPU_UTIL

    PER_ROW = ("base", "cpu", "mem", "lat", "bw", "ntype", "speed", "src_mask", "region", "compute_j_per_mcycle",
               "mem_mb_total", "cpu_ok")

    def rows(self, idx: torch.Tensor) -> "Static":
        """The same static data for batch rows idx (e.g. repeated rows for rollouts); the tables are shared."""
        shared = {k: v for k, v in vars(self).items() if k not in self.PER_ROW}
        return Static(**shared, **{k: getattr(self, k)[idx] for k in self.PER_ROW})


@dataclass
class State:
    backlog: torch.Tensor  # [E, N] ms of compute queued at each node
    link_backlog: torch.Tensor  # [E, M + 1] ms of transfers queued on each link (dummy stays 0)
    energy: torch.Tensor  # [E, N] J

    def rows(self, idx: torch.Tensor) -> "State":
        return State(self.backlog[idx].clone(), self.link_backlog[idx].clone(), self.energy[idx].clone())

    def clone(self) -> "State":
        return State(self.backlog.clone(), self.link_backlog.clone(), self.energy.clone())


def build(networks: list[dict], sources_of=task_sources):
    """Static data and initial state of a batch of equally sized networks (API format; optional v2 state)."""
    n = len(networks[0]["nodes"])
    assert all(len(net["nodes"]) == n for net in networks), "networks in a batch must have the same size"
    tables = [link_table(net) for net in networks]
    m = max(t[0].shape[0] for t in tables)
    e = len(networks)
    ends_all = torch.zeros(e, m + 1, 2, dtype=torch.long)
    cap = torch.ones(e, m + 1, dtype=F64)
    prop = torch.zeros(e, m + 1, dtype=F64)
    lb = torch.zeros(e, m + 1, dtype=F64)
    srcs = [sources_of(net) for net in networks]
    s_max = max(len(s) for s in srcs)
    parent = torch.arange(n).repeat(e, s_max, 1)
    link = torch.full((e, s_max, n), m, dtype=torch.long)
    depth = torch.full((e, s_max, n), -1, dtype=torch.long)
    first = torch.full((e, s_max, n), -1, dtype=torch.long)
    slot = torch.full((e, n), -1, dtype=torch.long)
    for i, ((ends, c, p, b), net) in enumerate(zip(tables, networks)):
        k = ends.shape[0]
        cap[i, :k], prop[i, :k], lb[i, :k], ends_all[i, :k] = c, p, b, ends
        s = torch.tensor(srcs[i], dtype=torch.long)
        par, lk, dep = route_trees(n, ends, c, p, s)
        parent[i, : len(s)], depth[i, : len(s)], first[i, : len(s)] = par, dep, first_links(par, lk, s)
        link[i, : len(s)] = torch.where(lk >= 0, lk, torch.full_like(lk, m))
        slot[i, s] = torch.arange(len(s))
    col = lambda k: torch.tensor([[float(nd[k]) for nd in net["nodes"]] for net in networks], dtype=F64)  # noqa: E731
    ntype = col("node_type").long()
    cpu = col("cpu_util")
    src_mask = torch.zeros(e, n, dtype=torch.bool)
    for i, s in enumerate(srcs):
        src_mask[i, s] = True
    region = torch.tensor([regions(net) for net in networks], dtype=torch.long)
    st = Static(n=n, base=torch.arange(e), ends=ends_all, n_links=torch.tensor([t[0].shape[0] for t in tables]), cpu=cpu, mem=col("mem_util"), lat=col("latency"), bw=col("bandwidth"),
                ntype=ntype, speed=_GHZ[ntype] * torch.clamp(1 - cpu, min=spec.MIN_FREE_CPU), cap=cap, prop=prop,
                parent=parent, link=link, depth=depth, first=first, levels=depth.amax(2), slot=slot, src_mask=src_mask, region=region,
                compute_j_per_mcycle=_E_CPU[ntype], mem_mb_total=_MEM_GB[ntype] * 1024, cpu_ok=cpu <= spec.MAX_CPU_UTIL)
    state = State(torch.tensor([[initial_backlog(nd) for nd in net["nodes"]] for net in networks], dtype=F64), lb,
                  col("energy"))
    return st, state


def tree_rows(st: Static, source: torch.Tensor) -> torch.Tensor:
    """Row of each env's route tree (its task source's) in the route tables viewed as [E * S, N]."""
    k = st.slot[st.base, source]
    assert bool((k >= 0).all()), "task source without a route table"
    return st.base * st.parent.shape[1] + k


def of_tree(table: torch.Tensor, rows: torch.Tensor) -> torch.Tensor:
    """[E, N] rows of a route table [E', S, N] (whole rows: index_select instead of element-wise indexing)."""
    return table.view(-1, table.shape[-1]).index_select(0, rows)


def outcome(st: Static, state: State, task: dict, links_idle: bool = False) -> dict:
    """Exact result of placing each env's task on every node: dict of [E, N] tensors (reward, valid, ...).

    links_idle=True evaluates as if every link were idle (what a per-node transmission time can tell)."""
    e, n = st.cpu.shape
    tree = tree_rows(st, task["source"])
    parent, link, depth, first = (of_tree(t, tree) for t in (st.parent, st.link, st.depth, st.first))
    levels = int(st.levels.view(-1).index_select(0, tree).max())
    reach = depth >= 0
    has = link < st.cap.shape[1] - 1
    zero = torch.zeros(e, n, dtype=F64)
    cap = st.cap.index_select(0, st.base)  # [E, M + 1]: each row's links, gathered per node below
    link_cap = cap.gather(1, link)
    xfer = torch.where(has, 8 * task["data_kb"][:, None] / link_cap, zero)
    hop_prop = torch.where(has, st.prop.index_select(0, st.base).gather(1, link), zero)
    lb = zero if links_idle else torch.where(has, state.link_backlog.gather(1, link), zero)
    arrive = zero
    idle = zero
    src = task["source"][:, None]
    node = torch.arange(n)[None, :]
    # Depth-ordered DP down the tree, one level per round. A node without a route link (the source, unreachable
    # nodes) is its own parent with xfer = hop_prop = lb = 0, so it keeps its value exactly: no select needed.
    for _ in range(levels):
        arrive = torch.maximum(arrive.gather(1, parent), lb) + xfer + hop_prop
        idle = idle.gather(1, parent) + xfer + hop_prop
    arrive = torch.where(reach, arrive, torch.full_like(arrive, float("inf")))
    proc = task["cpu_mcycles"][:, None] / st.speed
    start = torch.maximum(arrive, state.backlog)
    finish = start + proc
    dl = task["deadline_ms"][:, None]
    compute_j = task["cpu_mcycles"][:, None] * st.compute_j_per_mcycle
    radio_j = torch.where(first >= 0, spec.RADIO_POWER_W * (8 * task["data_kb"][:, None] / cap.gather(1, first.clamp(min=0))) / 1000,
                          zero)
    energy_j = compute_j + radio_j
    met = finish <= dl
    # Load balance after placing on v: 1 - 2 * population std of min(backlog / BALANCE_REF_MS, 1) over nodes.
    u = torch.clamp(state.backlog / spec.BALANCE_REF_MS, max=1.0)
    after = torch.clamp(finish / spec.BALANCE_REF_MS, max=1.0)
    s1 = u.sum(1, keepdim=True) - u + after
    s2 = (u * u).sum(1, keepdim=True) - u * u + after * after
    mean = s1 / n
    balance = 1 - 2 * torch.sqrt(torch.clamp(s2 / n - mean * mean, min=0.0))
    reward = (spec.W_LATENCY * torch.clamp(finish / dl, max=spec.TERM_CAP)
              + spec.W_ENERGY * torch.clamp(energy_j / spec.ENERGY_REF_J, max=spec.TERM_CAP)
              + spec.W_QOS * met.to(F64) + spec.W_BALANCE * balance)
    src_energy = state.energy.gather(1, src)
    valid = (reach
             & (st.mem + task["mem_mb"][:, None] / st.mem_mb_total <= 1.0)
             & st.cpu_ok
             & (state.backlog < spec.MAX_BACKLOG_MS)
             & (state.energy >= compute_j)
             & ((node == src) | (src_energy >= radio_j)))
    return {"parent": parent, "link": link, "levels": levels, "arrive": arrive, "idle": idle, "xfer": xfer,
            "link_cap": link_cap, "hop_prop": hop_prop, "link_backlog": lb, "proc": proc, "wait": torch.where(reach, start - arrive, torch.zeros_like(arrive)), "finish": finish, "latency_ms": finish,
            "compute_j": compute_j, "radio_j": radio_j, "energy_j": energy_j, "deadline_met": met,
            "balance": balance, "reward": reward, "valid": valid}


def commit(st: Static, state: State, task: dict, action: torch.Tensor, out: dict, placed: torch.Tensor):
    """Place each env's task on action[e] where placed[e]: occupy every link of its route and the node."""
    e = action.shape[0]
    rows = torch.arange(e)
    m = st.cap.shape[1] - 1
    # The nodes up the route from the action to the source (which is its own parent), on flat views. A route uses each
    # link once, so every link's new backlog depends only on the state before the task: all of them at once.
    node_row, link_row = (rows * out["link"].shape[1])[:, None], (rows * (m + 1))[:, None]
    link, parent, arrive, xfer = (out[k].reshape(-1) for k in ("link", "parent", "arrive", "xfer"))
    walk, cur = [], action[:, None]
    for _ in range(out["levels"]):
        walk.append(cur)
        cur = parent[node_row + cur]
    if walk:
        at = node_row + torch.cat(walk, 1)  # [E, levels]
        lk = link[at]
        on = placed[:, None] & (lk < m)  # off once at the source (its link is the dummy M): written back unchanged
        busy = link_row + lk
        backlog = state.link_backlog.view(-1)
        backlog[busy] = torch.where(on, torch.maximum(arrive[node_row + parent[at]], backlog[busy]) + xfer[at], backlog[busy])
    a = action
    state.backlog[rows, a] = torch.where(placed, out["finish"][rows, a], state.backlog[rows, a])
    state.energy[rows, a] -= torch.where(placed, out["compute_j"][rows, a], torch.zeros(e, dtype=F64))
    src = task["source"]
    state.energy[rows, src] -= torch.where(placed, out["radio_j"][rows, a], torch.zeros(e, dtype=F64))


def advance(state: State, gap: torch.Tensor):
    """Time passes by gap [E] ms: every queue drains."""
    state.backlog = torch.clamp(state.backlog - gap[:, None], min=0.0)
    state.link_backlog = torch.clamp(state.link_backlog - gap[:, None], min=0.0)


def features(st: Static, state: State, task: dict, out: dict):
    """Policy inputs (the v2 contract): x [E, N, 17], parent [E, N] long, edge_attr [E, N, 4], mask [E, N], and every
    link of the batch: link_index [2, L] long (flattened node indices e * N + v), link_attr [L, 3]."""
    e, n = st.cpu.shape
    has = out["link"] < st.cap.shape[1] - 1
    is_src = torch.zeros(e, n, dtype=F64)
    is_src[torch.arange(e), task["source"]] = 1.0
    arrive = out["arrive"]
    reach = torch.isfinite(arrive)
    tx = torch.where(reach, arrive, torch.full_like(arrive, spec.TX_UNREACHABLE_MS))
    link_wait = torch.where(reach, arrive - out["idle"], torch.zeros_like(arrive))
    wait = torch.where(reach, out["wait"], torch.zeros_like(arrive))
    per_task = [task[k][:, None].expand(e, n) for k in ("cpu_mcycles", "mem_mb", "data_kb", "deadline_ms", "load")]
    x = torch.stack([st.cpu, st.mem, state.energy, st.lat, st.bw, state.backlog, st.ntype.to(F64), is_src, tx,
                     link_wait, out["proc"], wait, *per_task], dim=-1)
    zero = torch.zeros(e, n, dtype=F64)
    edge = torch.stack([torch.where(has, out["link_cap"], zero), out["hop_prop"],
                        torch.where(has, state.link_backlog.gather(1, out["link"]), zero), out["xfer"]], dim=-1)
    b = st.base
    real = torch.arange(st.cap.shape[1])[None, :] < st.n_links[b][:, None]  # [E, M + 1]
    ends = st.ends[b] + (torch.arange(e) * n)[:, None, None]
    link_attr = torch.stack([st.cap[b], st.prop[b], state.link_backlog], dim=-1)
    return {"x": x.float(), "parent": out["parent"], "edge_attr": edge.float(), "mask": out["valid"].float(),
            "link_index": ends[real].T.contiguous(), "link_attr": link_attr[real].float()}
