"""Rollout collection and GAE shared by ppo.py and hybrid.py. One rollout = one full 50-step episode on a fresh
batch of networks whose size is drawn from the training range."""

import torch

from pipeline.config import TRAIN_SIZES
from pipeline.envs import SplitEnv, sample_size

from .common import sample_categorical


def collect(env: SplitEnv, policy, gen: torch.Generator):
    """policy(x, adj, mask) -> (probs [E, N], value [E]). Returns a dict of rollout tensors (time-major)."""
    obs = env.reset(sample_size(gen, TRAIN_SIZES))
    adj = obs["adj"]
    xs, masks, acts, logps, vals, rews = [], [], [], [], [], []
    done = False
    while not done:
        with torch.no_grad():
            probs, value = policy(obs["x"], adj, obs["mask"])
        a = sample_categorical(probs, gen)
        p_a = probs.gather(1, a[:, None]).squeeze(1)
        xs.append(obs["x"]), masks.append(obs["mask"]), acts.append(a), vals.append(value)
        logps.append(torch.log(p_a.clamp(min=1e-12)))
        obs, reward, done, _ = env.step(a)
        rews.append(reward.float())
    with torch.no_grad():
        _, last_v = policy(obs["x"], adj, obs["mask"])  # the episode is time-limited: bootstrap from the next state
    return {"x": torch.stack(xs), "adj": adj, "mask": torch.stack(masks), "a": torch.stack(acts),
            "logp": torch.stack(logps), "v": torch.stack(vals), "r": torch.stack(rews), "last_v": last_v}


def gae(r, v, last_v, gamma: float, lam: float):
    """Advantages and lambda-returns [T, E] (no terminal inside a rollout)."""
    t_len = r.shape[0]
    adv = torch.zeros_like(r)
    running = torch.zeros_like(last_v)
    for t in reversed(range(t_len)):
        nv = last_v if t == t_len - 1 else v[t + 1]
        delta = r[t] + gamma * nv - v[t]
        running = delta + gamma * lam * running
        adv[t] = running
    return adv, adv + v


def flat(ro):
    """Flatten time and env; each sample keeps the index of its env (for the shared adjacency)."""
    t_len, e = ro["a"].shape
    env_idx = torch.arange(e).repeat(t_len)
    return {k: ro[k].reshape(t_len * e, *ro[k].shape[2:]) for k in ("x", "mask", "a", "logp", "v", "adv", "ret")}, env_idx
