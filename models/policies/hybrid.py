"""Hybrid route-tree GNN trained by planner distillation with DAgger (expert iteration), CleanRL style.

Every decision of every training episode is labelled by the sampled look-ahead planner (edgesim.planner), which
estimates the return of its top candidates by rollouts. The first round follows the planner; later rounds follow
the learner's own choices, so the data covers the states the learner reaches (DAgger, Ross et al. 2011). The heads:
- policy head: cross-entropy to the planner's choice;
- Q head: regression to the planner's return estimate of each candidate, and a hinge keeping every other valid node
  below the worst candidate, so softmax(Q / tau) ranks nodes as the look-ahead does;
- value head: regression to the discounted return that followed.
The exported policy is the fused 0.6 softmax(Q / tau) + 0.4 softmax(logits), and it acts by its argmax.

Then PPO fine-tunes the fused policy on the reward (policies/ppo.py's update, input-driven baseline), with a KL
penalty towards the distilled policy: the planner's look-ahead is short and its futures are sampled, so the reward
can teach what it misses, and the anchor keeps what distillation taught at sizes fine-tuning never sees.

train() is distill() then fine_tune_distilled(); the pipeline runs the two apart, distilling several seeds and
fine-tuning only the one validation chooses (pipeline/selection.py).

Run alone: cd models && /usr/bin/python3 -m policies.hybrid
"""

import copy
import time
from dataclasses import dataclass, field

import torch
import torch.nn.functional as fn

from edgesim import spec
from edgesim.planner import PlannerConfig, plan_values

from .common import EpisodeSampler, concat_obs, discounted_returns, heads, masked_argmax, run
from .networks import HybridGNN
from .ppo import PPOLoop, optimise
from .progress import Progress
from .threads import set_threads


@dataclass
class HybridConfig:
    seed: int = 3
    kind: str = "conv"  # route-tree layer: "conv" (hybrid) or "attention" (hybrid_gat)
    # 16 costs less to serve (onnxruntime, 20 nodes at batch 64: about 30% less per network) but learns less. Trained
    # with seeds 3 and 5 and scored on the selection's validation episodes (40 per cell), it gained less over greedy
    # than 32 with the same seed in all 6 cells at 1000 nodes: seed 3 +3.4 / -0.1 / -1.2 at loads 0.4 / 0.7 / 0.9
    # (32: +5.0 / +6.3 / +5.2), seed 5 +4.4 / +3.9 / +3.2 (32: +5.3 / +9.0 / +8.0); at 20 nodes seed 5 +17.7 / +64.8 /
    # +77.3 (32: +24.8 / +75.5 / +96.1).
    hidden: int = 32
    layers: int = 2
    # Q temperature in the fused distribution. At 0.25, softmax(Q / tau) was so much sharper than softmax(logits)
    # that the fused argmax was Q's, and Q extrapolates beyond the training sizes worse than the policy head does. Five
    # runs of the recipe with 0.25 (seeds 3, 5-8), acting with 1 instead on validation networks, gained more over greedy
    # in 14 of 15 cells (seed x load) at 200 nodes and 13 of 15 at 1000; at 20 nodes less in 10 of 15, by at most 6.4,
    # inside every cell's interval.
    # `pipeline.seed_spread --taus 0.25` compares the two on held-out episodes (docs/model-card.md, "Across training
    # seeds").
    tau: float = 1.0
    w_q: float = 0.6
    w_pi: float = 0.4
    rounds: int = 8  # DAgger rounds: one batch of episodes each, then training on everything gathered so far
    num_envs: int = 32
    epochs: int = 3  # passes over the aggregated data after each round
    batch_steps: int = 8  # decision steps per minibatch (each holds num_envs decisions)
    lr: float = 1e-3
    q_coef: float = 0.5
    vf_coef: float = 0.1
    gamma: float = spec.GAMMA
    planner: PlannerConfig = field(default_factory=PlannerConfig)
    # PPO fine-tuning of the distilled policy. On validation networks (loads 0.4/0.7/0.9), fine-tuning version 9's
    # hybrid by its gain over greedy: with no anchor, 30 iterations at lr 2e-4, +33 and +42 at 20 nodes, loads
    # 0.7/0.9, but -13 and -14 at 1000 nodes (60 iterations: -18 and -24); with only the heads trained, +0.0 to +1.0
    # at 20 nodes; the anchor at 1, +1.3 to +9.1 at 20 nodes and -1.3 to +0.9 at 1000; at 0.3, +2.4 to +15 at 20, +8.1
    # to +14 at 50 and -2.2 to +3.2 at 1000 (inside each cell's interval; on 24 other episodes there, -1.3 to -0.8,
    # also inside). 40 episodes per cell at 20 and 50 nodes, 12 at 1000.
    finetune: PPOLoop = field(default_factory=lambda: PPOLoop(iterations=30, lr=2e-4))
    anchor: float = 0.3  # weight of KL(distilled || fine-tuned policy), averaged over a minibatch's decisions


def build(cfg: HybridConfig) -> HybridGNN:
    return HybridGNN(cfg.hidden, cfg.layers, cfg.tau, cfg.w_q, cfg.w_pi, cfg.kind)


def collect(net, sampler: EpisodeSampler, cfg: HybridConfig, gen: torch.Generator, follow_planner: bool):
    """One batch of episodes, every decision labelled by the planner: (list of per-step dicts, mean episode return)."""
    sim = sampler.sim()
    obs = sim.reset()
    steps, rewards = [], []
    done = False
    while not done:
        choice, cand, value = plan_values(sim, gen, cfg.planner)
        if follow_planner:
            action = choice
        else:
            with torch.no_grad():
                _, probs, _ = run(net, obs)
            action = masked_argmax(probs, obs["mask"])
        steps.append({**obs, "choice": choice, "cand": cand, "cand_value": value.float()})
        obs, reward, done, _ = sim.step(action)
        rewards.append(reward.float())
    ret = discounted_returns(torch.stack(rewards), cfg.gamma)
    for s, r in zip(steps, ret):
        s["ret"] = r
    return steps, float(torch.stack(rewards).sum(0).mean())


def minibatch(steps: list[dict]) -> dict:
    b = concat_obs(steps)
    for k in ("choice", "cand", "cand_value", "ret"):
        b[k] = torch.cat([s[k] for s in steps])
    return b


def loss_fn(net, b: dict, cfg: HybridConfig):
    h = heads(net, b)
    valid = h["valid"]
    ok = valid.sum(1) > 0
    logits = torch.where(valid > 0, h["logits"], torch.full_like(h["logits"], -1e9))
    pi_loss = fn.cross_entropy(logits[ok], b["choice"][ok])
    q_cand = h["q"].gather(1, b["cand"])
    q_loss = fn.smooth_l1_loss(q_cand[ok], b["cand_value"][ok])
    is_cand = torch.zeros_like(valid).scatter(1, b["cand"], 1.0)
    floor = b["cand_value"].min(1, keepdim=True).values
    hinge = (torch.relu(h["q"] - floor) * valid * (1 - is_cand)).sum(1) / valid.sum(1).clamp(min=1)
    v_loss = fn.smooth_l1_loss(h["value"], b["ret"])
    agree = (masked_argmax(net.fused(h["q"], h["logits"], valid), valid) == b["choice"])[ok].float().mean()
    return pi_loss + cfg.q_coef * (q_loss + hinge.mean()) + cfg.vf_coef * v_loss, float(agree)


def finetune(net: HybridGNN, cfg: HybridConfig, gen: torch.Generator, name: str = "hybrid") -> list[dict]:
    """PPO on net's fused policy, anchored to a frozen copy of the policy it starts from. The training curve."""
    start = copy.deepcopy(net).requires_grad_(False)

    def policy(o):
        return net.act(o["x"], o["parent"], o["edge_attr"], o["link_index"], o["link_attr"], o["mask"])

    def anchor(o, probs):
        with torch.no_grad():
            p0, _ = start.act(o["x"], o["parent"], o["edge_attr"], o["link_index"], o["link_attr"], o["mask"])
        log_ratio = torch.log(p0.clamp(min=1e-12)) - torch.log(probs.clamp(min=1e-12))
        return cfg.anchor * (p0 * log_ratio).sum(-1).mean()

    critic = list(net.v.parameters())
    actor = [p for p in net.parameters() if all(p is not q for q in critic)]
    return optimise(policy, actor, critic, cfg.finetune, EpisodeSampler(cfg.finetune.num_envs, seed=2000 + cfg.seed),
                    gen, Progress(f"{name} ppo", cfg.finetune.iterations), anchor)


def distill(cfg: HybridConfig, name: str = "hybrid") -> dict:
    """The distillation phase: the distilled net, its curve, and the state of the random stream that
    fine_tune_distilled() goes on with, so that the two in different processes are train() bit for bit."""
    torch.manual_seed(cfg.seed)
    gen = torch.Generator().manual_seed(cfg.seed)
    net = build(cfg)
    opt = torch.optim.Adam(net.parameters(), lr=cfg.lr)
    sampler = EpisodeSampler(cfg.num_envs, seed=1000 + cfg.seed)
    prog, t0, curve, data = Progress(name, cfg.rounds), time.time(), [], []
    for rnd in range(1, cfg.rounds + 1):
        new, ep_ret = collect(net, sampler, cfg, gen, follow_planner=rnd == 1)
        data += new
        n = len(data) * cfg.num_envs
        agree = float("nan")
        for _ in range(cfg.epochs):
            for mb in torch.randperm(len(data), generator=gen).split(cfg.batch_steps):
                loss, agree = loss_fn(net, minibatch([data[i] for i in mb.tolist()]), cfg)
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
                opt.step()
        curve.append({"step": rnd * cfg.num_envs * spec.EPISODE_TASKS, "episode_return": round(ep_ret, 4),
                      "planner_agreement": round(agree, 4), "samples": n, "phase": "distillation"})
        prog.update(rnd, episode_return=ep_ret, agreement=agree, samples=n)
    return {"model": net, "curve": curve, "steps": cfg.rounds * cfg.num_envs * spec.EPISODE_TASKS,
            "wall_s": time.time() - t0, "random_state": gen.get_state()}


def fine_tune_distilled(cfg: HybridConfig, distilled: dict, name: str = "hybrid") -> dict:
    """The fine-tuning phase (finetune()) on distill()'s output: the trained run (model, curve, steps, wall_s of both
    phases)."""
    t0, net = time.time(), distilled["model"]
    gen = torch.Generator()
    gen.set_state(distilled["random_state"])
    steps = distilled["steps"]
    curve = distilled["curve"] + [{**c, "step": steps + c["step"], "phase": "ppo"} for c in finetune(net, cfg, gen, name)]
    return {"model": net.eval(), "curve": curve,
            "steps": steps + cfg.finetune.iterations * cfg.finetune.num_envs * spec.EPISODE_TASKS,
            "wall_s": distilled["wall_s"] + time.time() - t0}


def train(cfg: HybridConfig, name: str = "hybrid", log=print) -> dict:
    return fine_tune_distilled(cfg, distill(cfg, name), name)


if __name__ == "__main__":
    set_threads(1)
    train(HybridConfig())
