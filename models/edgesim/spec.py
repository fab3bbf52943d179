"""Physical constants of the simulated IoT edge network. docs/environment.md explains every number here.

The TypeScript mirror (api/src/simulation) must use identical values.
"""

SENSOR, FOG, CLOUD = 0, 1, 2

# Node record fields, in the order the API receives them.
NODE_FIELDS = ("cpu_util", "mem_util", "energy", "latency", "bandwidth", "queue_len", "node_type")

# Per-tier capacities, indexed by node_type.
CPU_GHZ = (1.0, 8.0, 64.0)  # processing speed; Mcycles / GHz = ms
MEM_GB = (0.5, 16.0, 512.0)
ENERGY_PER_MCYCLE_J = (0.0005, 0.001, 0.002)  # compute energy (cloud includes datacentre overhead)

RADIO_POWER_W = 1.0  # the source radio spends RADIO_POWER_W * (its first link's transfer time) / 1000 J
MIN_FREE_CPU = 0.05  # processing slows as utilisation rises, never below 5% of capacity


# Feature value used for the transmission time of a node unreachable from the task source.
TX_UNREACHABLE_MS = 1e5

# Admission: a node this busy takes no task.
MAX_CPU_UTIL = 0.95

# Reward weights (the reference system's config) and normalisers.
W_LATENCY, W_ENERGY, W_QOS, W_BALANCE = -1.0, -0.5, 2.0, 0.3
ENERGY_REF_J = 1.0
TERM_CAP = 4.0  # latency/deadline and energy/ENERGY_REF_J are capped so one bad step cannot dominate a return
DROP_PENALTY = -6.0  # reward when no node can take the task (equals the worst placement)


# Task distribution (uniform ranges) and the API's default task.
TASK_CPU_MCYCLES = (100.0, 2000.0)
TASK_MEM_MB = (16.0, 512.0)
TASK_DATA_KB = (10.0, 1000.0)
TASK_DEADLINE_MS = (100.0, 1000.0)
DEFAULT_TASK = {"cpu_mcycles": 500.0, "mem_mb": 128.0, "data_kb": 200.0, "deadline_ms": 500.0}

# Network generator.
AREA_KM = 10.0
SENSOR_SECOND_FOG_P = 0.3
FOG_SECOND_NEIGHBOUR_P = 0.4
FOG_CLOUD_P = 0.5
# Per-tier uniform ranges (lo, hi) for generated node state; queue_len is floor(u * QUEUE_SPAN).
NODE_RANGES = {
    SENSOR: {"cpu_util": (0.05, 0.5), "mem_util": (0.1, 0.6), "energy": (50.0, 500.0), "latency": (2.0, 10.0), "bandwidth": (10.0, 100.0)},
    FOG: {"cpu_util": (0.1, 0.7), "mem_util": (0.1, 0.7), "energy": (5000.0, 10000.0), "latency": (1.0, 5.0), "bandwidth": (100.0, 1000.0)},
    CLOUD: {"cpu_util": (0.2, 0.7), "mem_util": (0.2, 0.7), "energy": (50000.0, 100000.0), "latency": (20.0, 60.0), "bandwidth": (1000.0, 10000.0)},
}
QUEUE_SPAN = (3, 6, 11)


# ---------------------------------------------------------------------------------------------------------------
# Environment v2 (docs/environment.md, "Environment v2"): continuous-time Poisson arrivals with bursts, FIFO compute
# queues, FIFO links with capacity, battery depletion and drops. Mirrored in api/src/simulation/spec.ts.

EPISODE_TASKS = 200  # scored tasks per episode
WARMUP_MIN_TASKS = 50  # tasks placed by greedy before scoring starts: max(WARMUP_MIN_TASKS, WARMUP_PER_NODE * N)
WARMUP_PER_NODE = 1
GAMMA = 0.95
LOAD_RANGE = (0.3, 0.9)  # target load rho of the network's compute, drawn per training episode
MEAN_TASK_MCYCLES = (TASK_CPU_MCYCLES[0] + TASK_CPU_MCYCLES[1]) / 2
# Markov-modulated arrivals, switched at each arrival. The two rate multipliers keep the time-average rate at rho:
# a third of the arrivals come in bursts, so 2/(3 * RATE_CALM) + 1/(3 * RATE_BURST) = 1.
BURST_START_P, BURST_END_P = 0.03, 0.06
RATE_CALM, RATE_BURST = 0.8, 2.0
HOT_SHARE = 0.7  # during a burst, this share of tasks comes from the sensors of one fog region
REF_DATA_KB = (TASK_DATA_KB[0] + TASK_DATA_KB[1]) / 2  # routes are shortest paths for a transfer of this size
MAX_BACKLOG_MS = 5000.0  # a node whose compute queue is this far ahead is full
BALANCE_REF_MS = 1000.0  # balance term: 1 - 2 * std over nodes of min(backlog_ms / BALANCE_REF_MS, 1)

# Node features of the v2 contract (x [B, N, F]), raw units.
NODE_FEATURES = (
    ("cpu_util", "fraction 0-1", "node.cpu_util (background load; compute speed is CPU_GHZ * max(1 - cpu_util, 0.05))"),
    ("mem_util", "fraction 0-1", "node.mem_util"),
    ("energy", "J", "node.energy"),
    ("latency", "ms", "node.latency"),
    ("bandwidth", "Mbps", "node.bandwidth"),
    ("backlog_ms", "ms", "node.backlog_ms: compute work queued ahead of a new task"),
    ("node_type", "0 sensor / 1 fog / 2 cloud", "node.node_type"),
    ("is_source", "0/1", "1 for the task's source node"),
    ("tx_ms", "ms", "arrival time of the task's data at the node along its route, link queues included; 1e5 if unreachable"),
    ("link_wait_ms", "ms", "part of tx_ms spent waiting for busy links"),
    ("proc_ms", "ms", "task.cpu_mcycles / (CPU_GHZ[node_type] * max(1 - cpu_util, 0.05))"),
    ("wait_ms", "ms", "max(0, backlog_ms - tx_ms): time the task waits in the node's queue"),
    ("task_cpu_mcycles", "Mcycles", "task.cpu_mcycles (same for every node)"),
    ("task_mem_mb", "MB", "task.mem_mb (same for every node)"),
    ("task_data_kb", "KB", "task.data_kb (same for every node)"),
    ("task_deadline_ms", "ms", "task.deadline_ms (same for every node)"),
    ("load", "fraction", "current arrival rate as a fraction of the network's compute (same for every node)"),
)
# Features of the route link that delivers the task to each node (from its parent in the source's route tree).
EDGE_FEATURES = (
    ("capacity_mbps", "Mbps", "link capacity; 0 where the node has no parent (the source, unreachable, padding)"),
    ("latency_ms", "ms", "link propagation latency"),
    ("backlog_ms", "ms", "transfers queued on the link ahead of a new one"),
    ("transfer_ms", "ms", "8 * task.data_kb / capacity: time this task occupies the link"),
)
DEFAULT_LOAD = 0.6  # the `load` feature of a request that does not say (the middle of LOAD_RANGE)
