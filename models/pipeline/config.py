"""Every hyper-parameter and seed of the pipeline, in one place."""

import os
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]  # models/
ONNX_DIR, CKPT_DIR, REPORT_DIR, FIXTURE_DIR = ROOT / "onnx", ROOT / "checkpoints", ROOT / "reports", ROOT / "fixtures"
VERSION = "1.0.0"
REGENERATE = "npm run train  (= cd models && /usr/bin/python3 -m pipeline.train_all)"
# One intra-op thread: deterministic reductions whatever the core count, and far faster than 2 OpenMP threads when
# the 2 cores are shared with other processes (measured: 2 threads were 10-15x slower under load).
TORCH_THREADS = int(os.environ.get("EDGE_TORCH_THREADS", "1"))
OPSET = 17

# Training networks use even generator seeds, held-out evaluation networks odd ones (pipeline/envs.py).
TRAIN_SIZES = (10, 30)  # node count drawn uniformly from this inclusive range at every reset
GAMMA = 0.7


@dataclass
class DQNConfig:
    seed: int = 1
    num_envs: int = 32
    env_steps: int = 3000  # vectorised steps; transitions = env_steps * num_envs
    hidden: int = 64
    lr: float = 5e-4
    buffer: int = 100_000
    batch: int = 256
    learning_starts: int = 200  # vectorised steps of pure exploration before learning
    updates_per_step: int = 1
    eps_start: float = 1.0
    eps_end: float = 0.02
    eps_fraction: float = 0.4  # of env_steps over which epsilon decays linearly
    target_tau: float = 0.01  # Polyak averaging of the target network per update
    double: bool = True
    huber_delta: float = 1.0
    grad_clip: float = 5.0
    probs_tau: float = 0.25  # temperature of the exported Boltzmann probabilities softmax(Q / tau)
    gamma: float = GAMMA


@dataclass
class PPOConfig:
    seed: int = 2
    num_envs: int = 64
    rollout: int = 50  # one full episode per rollout
    iterations: int = 80
    hidden: int = 64
    lr: float = 5e-4
    epochs: int = 4
    minibatches: int = 4
    clip: float = 0.2
    ent_coef: float = 0.01
    vf_coef: float = 0.5
    gae_lambda: float = 0.9
    grad_clip: float = 0.5
    gamma: float = GAMMA


@dataclass
class HybridConfig:
    seed: int = 3
    kind: str = "gcn"
    num_envs: int = 64
    rollout: int = 50
    iterations: int = 100
    hidden: int = 64
    layers: int = 2
    lr: float = 5e-4
    epochs: int = 4
    minibatches: int = 4
    clip: float = 0.2
    ent_coef: float = 0.005
    vf_coef: float = 0.5
    q_coef: float = 0.5  # weight of the Q head's regression to lambda-returns
    gae_lambda: float = 0.9
    grad_clip: float = 0.5
    tau: float = 0.25  # Q temperature in the fused distribution
    w_q: float = 0.6
    w_pi: float = 0.4
    gamma: float = GAMMA


@dataclass
class EvalConfig:
    seed: int = 42
    episodes: int = 100
    sizes: tuple = (20, 50, 100, 200)


@dataclass
class FixtureConfig:
    seed: int = 7
    cases: int = 60
    network_pairs: tuple = ((2, 1), (2, 7), (3, 3), (5, 11), (10, 5), (20, 42), (20, 1234), (30, 9), (50, 77),
                            (100, 100), (200, 2024), (1000, 7))


@dataclass
class PipelineConfig:
    dqn: DQNConfig = field(default_factory=DQNConfig)
    ppo: PPOConfig = field(default_factory=PPOConfig)
    hybrid: HybridConfig = field(default_factory=HybridConfig)
    hybrid_gat: HybridConfig = field(default_factory=lambda: HybridConfig(seed=4, kind="gat", iterations=60))
    eval: EvalConfig = field(default_factory=EvalConfig)
    fixtures: FixtureConfig = field(default_factory=FixtureConfig)
