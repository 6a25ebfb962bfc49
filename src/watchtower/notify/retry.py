"""Where an email is retried: the notifier's retry and backoff policy.

A passing failure (connection refused, SMTP 4xx) leaves an email's rows pending and tries again after an
exponential backoff (``first``, 2 x ``first``, 4 x ``first`` ... capped at ``maximum`` seconds); once its oldest row
has waited longer than ``give_up_after`` the email is failed and the operators are told. The same backoff spaces
the notifier's own restarts after a crash (a store refusing writes), so it never spins.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from watchtower.backoff import backoff


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    first: float = 5
    maximum: float = 600
    give_up_after: timedelta = timedelta(hours=72)

    def delay(self, attempts: int) -> float:
        """Seconds to wait after ``attempts`` failed tries (0: the first retry waits ``first``)."""
        return backoff(attempts, self.first, self.maximum)  # attempts failed so far: 0 waits ``first``

    def gives_up(self, oldest: datetime, now: datetime) -> bool:
        """Whether an email whose oldest row was queued at ``oldest`` has waited too long to try again."""
        return now - oldest > self.give_up_after
