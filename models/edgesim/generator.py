"""Seeded three-tier IoT network generator (pure Python so api/src/simulation/generator.ts can mirror it draw for draw).

Only +, -, *, / and comparisons on float64 are used, so JavaScript reproduces every value exactly.
"""

from . import spec
from .prng import Mulberry32

MIN_NODES, MAX_NODES = 2, 1000


def tier_counts(num_nodes: int) -> tuple[int, int, int]:
    """(sensors, fog, cloud) for a network of num_nodes nodes."""
    if not MIN_NODES <= num_nodes <= MAX_NODES:
        raise ValueError(f"num_nodes must be in [{MIN_NODES}, {MAX_NODES}], got {num_nodes}")
    n_cloud = 1 if num_nodes < 100 else num_nodes // 100
    n_fog = max(1, (num_nodes + 2) // 5)
    return num_nodes - n_fog - n_cloud, n_fog, n_cloud


def _nearest(points, origin, exclude=()):
    """Index of the point nearest to origin (squared distance; ties go to the lower index)."""
    best, best_d = -1, 0.0
    for i, (x, y) in enumerate(points):
        if i in exclude:
            continue
        dx, dy = x - origin[0], y - origin[1]
        d = dx * dx + dy * dy
        if best < 0 or d < best_d:
            best, best_d = i, d
    return best


def generate_network(num_nodes: int, seed: int) -> dict:
    """A network {nodes, edges} in the API's format. Node order: sensors, then fog, then cloud."""
    rng = Mulberry32(seed)
    n_sensor, n_fog, n_cloud = tier_counts(num_nodes)
    fog0, cloud0 = n_sensor, n_sensor + n_fog
    node_types = [spec.SENSOR] * n_sensor + [spec.FOG] * n_fog + [spec.CLOUD] * n_cloud

    fog_pos = [(rng() * spec.AREA_KM, rng() * spec.AREA_KM) for _ in range(n_fog)]
    sensor_pos = [(rng() * spec.AREA_KM, rng() * spec.AREA_KM) for _ in range(n_sensor)]

    nodes = []
    for t in node_types:
        r = spec.NODE_RANGES[t]
        node = {}
        for field in ("cpu_util", "mem_util", "energy", "latency", "bandwidth"):
            lo, hi = r[field]
            node[field] = lo + (hi - lo) * rng()
        node["queue_len"] = float(int(rng() * spec.QUEUE_SPAN[t]))
        node["node_type"] = t
        nodes.append(node)

    edges = set()

    def link(a, b):
        edges.add((min(a, b), max(a, b)))

    # Sensors attach to their nearest fog node, some also to the second nearest.
    for s, p in enumerate(sensor_pos):
        first = _nearest(fog_pos, p)
        link(s, fog0 + first)
        if n_fog >= 2 and rng() < spec.SENSOR_SECOND_FOG_P:
            link(s, fog0 + _nearest(fog_pos, p, exclude=(first,)))

    # Fog backbone: a minimum spanning tree (Prim from fog 0) keeps every fog node connected. Each step takes the
    # shortest tree-to-outside link, ties to the lowest tree node, then the lowest outside node; near[j] keeps node j's
    # shortest link into the tree (O(n^2) in all).
    in_tree = [False] * n_fog
    near = [None] * n_fog  # (squared distance, tree node)

    def join(k):
        in_tree[k] = True
        kx, ky = fog_pos[k]
        for j in range(n_fog):
            if in_tree[j]:
                continue
            dx, dy = kx - fog_pos[j][0], ky - fog_pos[j][1]
            d = dx * dx + dy * dy
            if near[j] is None or d < near[j][0] or (d == near[j][0] and k < near[j][1]):
                near[j] = (d, k)

    join(0)
    for _ in range(n_fog - 1):
        j = min((j for j in range(n_fog) if not in_tree[j]), key=lambda j: (near[j][0], near[j][1], j))
        link(fog0 + near[j][1], fog0 + j)
        join(j)

    # Redundant fog links: some fog nodes also reach their second-nearest fog neighbour.
    for i in range(n_fog):
        if n_fog >= 3 and rng() < spec.FOG_SECOND_NEIGHBOUR_P:
            first = _nearest(fog_pos, fog_pos[i], exclude=(i,))
            link(fog0 + i, fog0 + _nearest(fog_pos, fog_pos[i], exclude=(i, first)))

    # Fog reaches the cloud: fog j may uplink to cloud j % n_cloud; the first fog nodes always do.
    for j in range(n_fog):
        if j < n_cloud or rng() < spec.FOG_CLOUD_P:
            link(fog0 + j, cloud0 + j % n_cloud)
    return {"nodes": nodes, "edges": [list(e) for e in sorted(edges)]}
