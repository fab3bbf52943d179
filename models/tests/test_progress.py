import io

from policies.progress import Progress, fmt_time


def test_progress_line_has_step_return_and_eta():
    s = io.StringIO()
    p = Progress("ppo", 10, every_s=0.0, stream=s)
    p.update(5, episode_return=1.5)
    line = s.getvalue()
    assert "[ppo]" in line and "step 5/10" in line and "episode_return=1.500" in line and "ETA" in line


def test_throttled_but_final_line_always_printed():
    s = io.StringIO()
    p = Progress("x", 3, every_s=3600.0, stream=s)
    p.update(1)
    p.update(3)
    assert s.getvalue().count("\n") == 1 and "step 3/3" in s.getvalue()
    assert fmt_time(125) == "2m05s"
