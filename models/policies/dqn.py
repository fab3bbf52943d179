"""DQN over a node-wise Q-network (CleanRL style): replay buffer padded to the largest training size, target
network (Polyak), linear epsilon schedule, double-DQN targets, masking in action choice and in the target max."""

import time

import torch
import torch.nn.functional as fn

from pipeline.config import TRAIN_SIZES, DQNConfig
from pipeline.envs import SplitEnv, sample_size
from pipeline.progress import Progress

from .common import EpisodeTracker, masked_argmax, pad_nodes, random_valid
from .networks import QNetwork


class Replay:
    def __init__(self, cap: int, n_max: int, f: int):
        self.cap, self.n, self.i = cap, 0, 0
        self.x = torch.zeros(cap, n_max, f)
        self.adj = torch.zeros(cap, n_max, n_max, dtype=torch.bool)
        self.mask = torch.zeros(cap, n_max)
        self.x2, self.adj2, self.mask2 = torch.zeros_like(self.x), torch.zeros_like(self.adj), torch.zeros_like(self.mask)
        self.a = torch.zeros(cap, dtype=torch.long)
        self.r = torch.zeros(cap)
        self.n_max = n_max

    def add(self, obs, a, r, nxt):
        e = a.shape[0]
        idx = (torch.arange(e) + self.i) % self.cap
        pn = lambda t, d: pad_nodes(t, self.n_max, d)  # noqa: E731
        self.x[idx], self.adj[idx], self.mask[idx] = pn(obs["x"], (1,)), pn(obs["adj"], (1, 2)) > 0, pn(obs["mask"], (1,))
        self.x2[idx], self.adj2[idx], self.mask2[idx] = pn(nxt["x"], (1,)), pn(nxt["adj"], (1, 2)) > 0, pn(nxt["mask"], (1,))
        self.a[idx], self.r[idx] = a, r.float()
        self.i = (self.i + e) % self.cap
        self.n = min(self.n + e, self.cap)

    def sample(self, batch: int, gen: torch.Generator):
        j = torch.randint(0, self.n, (batch,), generator=gen)
        return (self.x[j], self.adj[j].float(), self.mask[j], self.a[j], self.r[j],
                self.x2[j], self.adj2[j].float(), self.mask2[j])


def train(cfg: DQNConfig, log=print):
    torch.manual_seed(cfg.seed)
    gen = torch.Generator().manual_seed(cfg.seed)
    net = QNetwork(cfg.hidden, cfg.probs_tau)
    target = QNetwork(cfg.hidden, cfg.probs_tau)
    target.load_state_dict(net.state_dict())
    opt = torch.optim.Adam(net.parameters(), lr=cfg.lr)
    env = SplitEnv(cfg.num_envs, TRAIN_SIZES[0], seed=1000 + cfg.seed, split="train")
    obs = env.reset(sample_size(gen, TRAIN_SIZES))
    rb = Replay(cfg.buffer, TRAIN_SIZES[1], obs["x"].shape[-1])
    track, prog, t0 = EpisodeTracker(cfg.num_envs), Progress("dqn", cfg.env_steps), time.time()
    loss_v = float("nan")
    for step in range(1, cfg.env_steps + 1):
        eps = max(cfg.eps_end, cfg.eps_start - (cfg.eps_start - cfg.eps_end) * step / (cfg.eps_fraction * cfg.env_steps))
        with torch.no_grad():
            greedy = masked_argmax(net.heads(obs["x"], obs["adj"], obs["mask"])["q"], obs["mask"])
        explore = torch.rand(cfg.num_envs, generator=gen) < eps
        action = torch.where(explore, random_valid(obs["mask"], gen), greedy)
        nxt, reward, done, _ = env.step(action)
        rb.add(obs, action, reward, nxt)  # time-limit end is not terminal: the next state is a real state
        track.add(reward, done, step * cfg.num_envs, epsilon=round(eps, 3))
        obs = env.reset(sample_size(gen, TRAIN_SIZES)) if done else nxt

        if step >= cfg.learning_starts:
            for _ in range(cfg.updates_per_step):
                x, adj, mask, a, r, x2, adj2, mask2 = rb.sample(cfg.batch, gen)
                with torch.no_grad():
                    q2_t = target.heads(x2, adj2, mask2)["q"]
                    q2_sel = net.heads(x2, adj2, mask2)["q"] if cfg.double else q2_t
                    a2 = masked_argmax(q2_sel, mask2)
                    next_v = q2_t.gather(1, a2[:, None]).squeeze(1)
                    next_v = torch.where(mask2.sum(1) > 0, next_v, torch.zeros_like(next_v))
                    y = r + cfg.gamma * next_v
                q = net.heads(x, adj, mask)["q"].gather(1, a[:, None]).squeeze(1)
                loss = fn.huber_loss(q, y, delta=cfg.huber_delta)
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(net.parameters(), cfg.grad_clip)
                opt.step()
                with torch.no_grad():
                    for p, tp in zip(net.parameters(), target.parameters()):
                        tp.mul_(1 - cfg.target_tau).add_(p, alpha=cfg.target_tau)
                loss_v = float(loss)
        prog.update(step, episode_return=track.last, epsilon=eps, loss=loss_v)
    return {"model": net, "curve": track.curve, "steps": cfg.env_steps * cfg.num_envs, "wall_s": time.time() - t0}
