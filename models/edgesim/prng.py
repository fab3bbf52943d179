"""mulberry32: a tiny 32-bit PRNG that JavaScript reproduces bit for bit, so a seed names the same network in both languages."""

_MASK = 0xFFFFFFFF


class Mulberry32:
    def __init__(self, seed: int):
        self.state = seed & _MASK

    def __call__(self) -> float:
        """Next float in [0, 1), exactly as the JavaScript reference implementation."""
        self.state = (self.state + 0x6D2B79F5) & _MASK
        t = self.state
        t = ((t ^ (t >> 15)) * (t | 1)) & _MASK
        t = ((t + (((t ^ (t >> 7)) * (t | 61)) & _MASK)) & _MASK) ^ t
        return ((t ^ (t >> 14)) & _MASK) / 4294967296.0
