"""A reload goes through ``Daemon.apply_config``: every part that reads the config sees the new one."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any

from conftest import PEOPLE
from watchtower.config import Config
from watchtower.daemon import Daemon, Overrides
from watchtower.notify.outbox import OutboxSettings


def test_apply_config_reaches_the_roster_jobs_dashboard_triage_escalator_and_notifier(
    make_config: Callable[..., Config],
) -> None:
    old = make_config()
    new = make_config(
        people=[*PEOPLE, {"name": "Nia Evans", "email": "nia@school.example", "roles": ["moderator"]}],
        notify={"first_backoff_seconds": 7, "max_backoff_seconds": 90},
    )
    daemon = Daemon(old, Overrides(environ={}))
    triage: Any = SimpleNamespace(config=old)
    escalator: Any = SimpleNamespace(config=old)
    notifier: Any = SimpleNamespace(settings=OutboxSettings.from_config(old), wake=asyncio.Event())
    daemon.triage, daemon.escalator, daemon.notifier = triage, escalator, notifier
    jobs = daemon.job_context()
    assert daemon.person("nia@school.example") is None

    daemon.apply_config(new)

    assert daemon.config is new  # what the dashboard host exposes
    assert jobs.config() is new
    person = daemon.person("nia@school.example")
    assert person is not None and person.name == "Nia Evans"
    assert "nia@school.example" in [p.email for p in daemon.roster.with_role("moderator")]
    assert triage.config is new and escalator.config is new
    assert notifier.settings == OutboxSettings.from_config(new)
    assert notifier.settings.first_backoff == 7 and notifier.settings.max_backoff == 90
