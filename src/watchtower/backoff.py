"""The one exponential backoff: ``first``, 2 x ``first``, 4 x ``first`` ... capped at ``maximum`` seconds.

Used by the notifier's retries and restarts (``notify/retry.py``), the platform-actions worker's
(``platform_actions/worker.py``) and the poller's after a failed poll (``poller.failure_delay``); each says how it
counts its failures.
"""

from __future__ import annotations


def backoff(doublings: int, first: float, maximum: float) -> float:
    """``first`` doubled ``doublings`` times (none when zero or fewer), capped at ``maximum`` seconds."""
    return float(min(maximum, first * (2 ** max(0, doublings))))
