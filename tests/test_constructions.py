"""The construction grid of benchmarks/constructions.py: every case outside the recorded
gaps is read right, and every recorded gap is still a gap (so the list stays true)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _grid():
    spec = importlib.util.spec_from_file_location("constructions",
                                                  ROOT / "benchmarks" / "constructions.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["constructions"] = module
    spec.loader.exec_module(module)
    return module


def test_the_grid_matches_its_recorded_gaps():
    grid = _grid()
    gaps = {line.strip() for line in grid.GAPS.read_text("utf-8").splitlines()
            if line.strip() and not line.startswith("#")}
    results = grid.run()
    ids = [c.id for c, _, _ in results]
    assert len(ids) == len(set(ids))
    assert gaps <= set(ids), "a recorded gap names no case of the grid"
    newly_wrong = sorted(c.id for c, ok, _ in results if not ok and c.id not in gaps)
    newly_right = sorted(c.id for c, ok, _ in results if ok and c.id in gaps)
    assert not newly_wrong, f"cases read wrong that used to be right: {newly_wrong}"
    assert not newly_right, (f"gaps now closed (run benchmarks/constructions.py --write-gaps): "
                             f"{newly_right}")


def test_a_case_is_checked_for_span_kind_and_speaker():
    grid = _grid()
    case = grid.Case("t", "t", "Ministers met. John Smith said that the plan would cut costs "
                     "for families.", grid.CONTENT, ("John Smith",))
    assert grid.check(case)[0]
    wrong_speaker = grid.Case("t", "t", case.text, grid.CONTENT, ("Jane Doe",))
    assert not grid.check(wrong_speaker)[0]
    wrong_span = grid.Case("t", "t", case.text, "the plan would cut costs", ("John Smith",))
    assert not grid.check(wrong_span)[0]
