"""Tiny progress lines (no tqdm): `[name] step s/total  pct  key=value ...  elapsed  ETA`, at most every few seconds."""

import sys
import time


def fmt_time(sec: float) -> str:
    sec = int(max(sec, 0))
    return f"{sec // 60}m{sec % 60:02d}s"


class Progress:
    def __init__(self, name: str, total: int, every_s: float = 5.0, stream=sys.stdout):
        self.name, self.total, self.every_s, self.stream = name, total, every_s, stream
        self.start = self.last = time.time()

    def elapsed(self) -> float:
        return time.time() - self.start

    def update(self, step: int, force: bool = False, **metrics):
        now = time.time()
        if not force and now - self.last < self.every_s and step < self.total:
            return
        self.last = now
        el = now - self.start
        eta = el / step * (self.total - step) if step > 0 else 0.0
        bar_n = int(20 * step / max(self.total, 1))
        bar = "#" * bar_n + "." * (20 - bar_n)
        parts = " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}" for k, v in metrics.items())
        print(f"[{self.name}] [{bar}] step {step}/{self.total} {parts} elapsed {fmt_time(el)} ETA {fmt_time(eta)}",
              file=self.stream, flush=True)
