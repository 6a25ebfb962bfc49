"""The one backoff, and the exact delays each of its callers waits (the notifier counts failures so far, the
platform-actions worker and the poller count the try that just failed)."""

from __future__ import annotations

from watchtower.backoff import backoff
from watchtower.notify.retry import RetryPolicy
from watchtower.platform_actions.worker import retry_delay


def test_backoff_doubles_from_first_and_is_capped() -> None:
    assert [backoff(n, 5, 60) for n in range(-1, 6)] == [5.0, 5.0, 10.0, 20.0, 40.0, 60.0, 60.0]


def test_the_notifier_waits_first_after_no_failures_then_doubles() -> None:
    policy = RetryPolicy(first=5, maximum=600)
    assert [policy.delay(n) for n in range(9)] == [5.0, 10.0, 20.0, 40.0, 80.0, 160.0, 320.0, 600.0, 600.0]


def test_the_platform_actions_worker_waits_first_after_its_first_failed_try_then_doubles() -> None:
    assert [retry_delay(n, 10, 120) for n in range(0, 7)] == [10.0, 10.0, 20.0, 40.0, 80.0, 120.0, 120.0]
    # its own restarts after a crash: 5 s, 10 s ... capped at 5 minutes
    assert [retry_delay(c, 5, 300) for c in range(1, 9)] == [5.0, 10.0, 20.0, 40.0, 80.0, 160.0, 300.0, 300.0]


def test_a_failing_source_waits_a_quarter_of_its_interval_then_doubles_unless_the_platform_says() -> None:
    from watchtower.poller import MAX_BACKOFF_SECONDS, failure_delay

    assert [failure_delay(n, 600, None) for n in range(1, 7)] == [150.0, 300.0, 600.0, 1200.0, 1800.0, 1800.0]
    assert MAX_BACKOFF_SECONDS == 1800.0
    assert failure_delay(1, 10, None) == 5.0, "never sooner than 5 s"
    assert failure_delay(3, 600, 42.0) == 42.0, "Retry-After wins"
