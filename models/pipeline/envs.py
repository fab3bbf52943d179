"""Training / held-out environment split on top of edgesim.env.EdgeEnv (whose semantics are unchanged).

EdgeEnv draws one generator seed per network from its torch.Generator. SplitEnv draws exactly the same way and
then forces the seed's parity: even for training, odd for evaluation, so held-out networks are never trained on.
"""

import torch

from edgesim.env import EdgeEnv
from edgesim.generator import generate_network
from edgesim.tensors import stack_networks


class SplitEnv(EdgeEnv):
    def __init__(self, num_envs: int, num_nodes: int, seed: int, split: str):
        super().__init__(num_envs, num_nodes, seed)
        assert split in ("train", "eval")
        self.parity = 0 if split == "train" else 1

    def reset(self, num_nodes: int | None = None):
        self.num_nodes = num_nodes or self.num_nodes
        seeds = torch.randint(0, 2**31 - 1, (self.num_envs,), generator=self.gen).tolist()
        self.net_seeds = [(s & ~1) | self.parity for s in seeds]
        self.networks = [generate_network(self.num_nodes, s) for s in self.net_seeds]
        self.nodes, self.adj = stack_networks(self.networks)
        self.base = self.nodes.clone()
        self.t = 0
        self._new_task()
        return self.observe()


def sample_size(gen: torch.Generator, sizes: tuple[int, int]) -> int:
    lo, hi = sizes
    return int(torch.randint(lo, hi + 1, (1,), generator=gen))
