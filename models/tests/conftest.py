import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from policies.threads import set_threads  # noqa: E402  (needs the path above)

set_threads(1)
