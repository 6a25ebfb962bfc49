"""The threshold tuner's objective (training/tune_bands.py): recall and macro-F1 up, harmless posts raised down,
at a stated exchange rate, with a cap it will not cross."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
sys.path.insert(0, str(ROOT / "bench"))

from tune_bands import objective  # noqa: E402


def figures(crit: float, high: float, harmless: float, f1: float = 0.8) -> dict[str, float]:
    return {"critical_to_critical": crit, "critical_to_high_or_more": high,
            "harmless_to_high_or_more": harmless, "category_macro_f1": f1}


def test_under_the_cap_and_at_no_cost_only_recall_and_f1_count() -> None:
    assert objective(figures(0.9, 0.95, 0.03), 0.04) > objective(figures(0.89, 0.95, 0.01), 0.04)


def test_each_point_over_the_cap_costs_more_than_all_the_recall_there_is() -> None:
    assert objective(figures(0.5, 0.5, 0.04), 0.04) > objective(figures(1.0, 1.0, 0.05), 0.04)


def test_a_harmless_cost_is_an_exchange_rate_between_alarms_and_recall() -> None:
    # with a cost of 2, one more harmless point in a hundred must buy more than two points of recall
    cheaper = figures(0.90, 0.95, 0.04)
    dearer_but_worth_it = figures(0.925, 0.95, 0.05)
    dearer_not_worth_it = figures(0.915, 0.95, 0.05)
    assert objective(dearer_but_worth_it, 1.0, 2.0) > objective(cheaper, 1.0, 2.0)
    assert objective(dearer_not_worth_it, 1.0, 2.0) < objective(cheaper, 1.0, 2.0)
