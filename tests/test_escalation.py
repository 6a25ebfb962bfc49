"""The escalation chain (design.md "Escalation chain") as decisions with injected time.

Mon 9 Mar 2026 is in GMT, so London and UTC agree there; clock-change cases say so.
"""

from __future__ import annotations

import re
import tomllib
from datetime import UTC, datetime, time, timedelta
from typing import ClassVar
from zoneinfo import ZoneInfo

import pytest
from pydantic import ValidationError

from watchtower.deadlines import compute_deadline
from watchtower.escalation import (
    EscalationConfig,
    ItemState,
    digest_due,
    due_steps,
    last_digest_slot,
    next_digest_at,
    next_due_at,
)
from watchtower.models import Severity

LONDON = ZoneInfo("Europe/London")
POLICY = EscalationConfig()


def Z(y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0) -> datetime:
    return datetime(y, mo, d, h, mi, s, tzinfo=UTC)


MONDAY_10 = Z(2026, 3, 9, 10)


def item(severity: Severity, categories: tuple[str, ...] = (), source: str = "own",
         received: datetime = MONDAY_10, **kw: object) -> ItemState:
    """An item with its deadline from compute_deadline, the daemon's own rule."""
    decision = compute_deadline(received, severity, source, categories)  # type: ignore[arg-type]
    return ItemState(severity=severity, categories=categories, source=source,  # type: ignore[arg-type]
                     received_at=received, deadline_at=None if decision is None else decision.due_at,
                     **kw)  # type: ignore[arg-type]


def ids(state: ItemState, now: datetime, policy: EscalationConfig = POLICY) -> list[str]:
    return [s.step_id for s in due_steps(state, policy, now)]


def done(state: ItemState, *step_ids: str) -> ItemState:
    return ItemState(state.severity, state.categories, state.source, state.received_at, state.deadline_at,
                     state.acknowledged_at, state.resolved_at, state.done_steps | set(step_ids), state.possible)


class TestANormalOwnItemClimbsTheChain:
    """Mon 10:00 query on an own account, deadline Tue 10:00: seen -> reminder at 75 % (Tue 04:00) ->
    AHT at the deadline -> headteacher 24 h later, each once, each only when due."""

    TIMELINE: ClassVar[list[tuple[datetime, list[str]]]] = [
        (Z(2026, 3, 9, 10), ["seen"]),
        (Z(2026, 3, 10, 3, 59, 59), []),
        (Z(2026, 3, 10, 4), ["reminder_75"]),
        (Z(2026, 3, 10, 9, 59, 59), []),
        (Z(2026, 3, 10, 10, 0, 5), ["overdue_aht"]),
        (Z(2026, 3, 11, 9, 59, 59), []),
        (Z(2026, 3, 11, 10), ["overdue_headteacher"]),
        (Z(2026, 3, 20), []),
    ]

    def test_timeline(self) -> None:
        state = item(Severity.NORMAL, ("query",))
        assert state.deadline_at == Z(2026, 3, 10, 10)
        for now, expected in self.TIMELINE:
            steps = due_steps(state, POLICY, now)
            assert [s.step_id for s in steps] == expected, now
            state = done(state, *expected)

    @pytest.mark.parametrize(
        ("now", "step_id", "roles", "urgent", "reason"),
        [
            (Z(2026, 3, 9, 10), "seen", ("moderator",), False,
             "normal own-account item (query) seen Mon 09 Mar 10:00 GMT → moderators "
             "(batched, at most one email per 15 min each)"),
            (Z(2026, 3, 10, 4), "reminder_75", ("moderator",), False,
             "75% of the time to the deadline Tue 10 Mar 10:00 GMT passed at 04:00:00 without acknowledgement "
             "→ moderators"),
            (Z(2026, 3, 10, 10, 0, 5), "overdue_aht", ("aht",), True,
             "deadline Tue 10 Mar 10:00 GMT passed at 10:00:05 without acknowledgement → AHT"),
            (Z(2026, 3, 11, 10), "overdue_headteacher", ("headteacher",), True,
             "deadline Tue 10 Mar 10:00 GMT + 24 h passed at 10:00:00 without acknowledgement → headteacher"),
        ],
    )
    def test_each_step(self, now: datetime, step_id: str, roles: tuple[str, ...], urgent: bool,
                       reason: str) -> None:
        state = item(Severity.NORMAL, ("query",))
        state = done(state, *{"seen", "reminder_75", "overdue_aht", "overdue_headteacher"} - {step_id})
        [step] = due_steps(state, POLICY, now)
        assert (step.step_id, step.roles, step.urgent, step.reason) == (step_id, roles, urgent, reason)

    def test_a_weekend_item_follows_its_moved_deadline(self) -> None:
        """Sat 14:00 -> deadline Mon 17:00 (51 h): reminder at 75 % = Mon 04:15, AHT Mon 17:00."""
        state = item(Severity.NORMAL, ("complaint",), received=Z(2026, 3, 7, 14))
        assert state.deadline_at == Z(2026, 3, 9, 17)
        assert ids(done(state, "seen"), Z(2026, 3, 9, 4, 14)) == []
        assert ids(done(state, "seen"), Z(2026, 3, 9, 4, 15)) == ["reminder_75"]
        assert ids(done(state, "seen", "reminder_75"), Z(2026, 3, 9, 17)) == ["overdue_aht"]


class TestTheFirstNotice:
    """Who is told when an item is seen (every matching rule adds its roles)."""

    @pytest.mark.parametrize(
        ("severity", "categories", "source", "roles", "urgent"),
        [
            (Severity.CRITICAL, ("threat",), "mention", ("moderator", "headteacher", "aht"), True),
            (Severity.CRITICAL, ("hate",), "own", ("moderator", "headteacher", "aht"), True),
            (Severity.CRITICAL, ("safeguarding",), "mention",
             ("moderator", "headteacher", "aht", "dsl", "deputy_dsl"), True),
            (Severity.HIGH, ("media_enquiry",), "mention", ("headteacher", "aht", "moderator"), True),
            (Severity.HIGH, ("harassment",), "own", ("moderator",), True),
            (Severity.HIGH, ("personal_data",), "mention", ("moderator",), True),
            (Severity.NORMAL, ("complaint",), "own", ("moderator",), False),
            # design.md: every own-account comment owes an acknowledgement; harmless ones are batched
            (Severity.NONE, (), "own", ("moderator",), False),
        ],
    )
    def test_table(self, severity: Severity, categories: tuple[str, ...], source: str,
                   roles: tuple[str, ...], urgent: bool) -> None:
        state = item(severity, categories, source)
        [step] = due_steps(state, POLICY, state.received_at)
        assert (step.step_id, step.roles, step.urgent) == ("seen", roles, urgent)

    @pytest.mark.parametrize(
        ("severity", "categories", "source"),
        [(Severity.NORMAL, ("complaint",), "mention"), (Severity.NONE, (), "mention")],
    )
    def test_items_that_owe_nothing_tell_no_one(self, severity: Severity, categories: tuple[str, ...],
                                                source: str) -> None:
        state = item(severity, categories, source)
        assert state.deadline_at is None
        assert ids(state, state.received_at + timedelta(days=30)) == []

    def test_critical_safeguarding_reaches_the_dsl_at_once_and_the_headteacher_an_hour_after_the_deadline(
        self,
    ) -> None:
        state = item(Severity.CRITICAL, ("safeguarding",), "mention")
        [seen] = due_steps(state, POLICY, Z(2026, 3, 9, 10, 0, 1))
        assert {"dsl", "deputy_dsl"} <= set(seen.roles) and seen.urgent
        state = done(state, "seen")
        assert [(s.step_id, s.roles, s.urgent) for s in due_steps(state, POLICY, Z(2026, 3, 9, 10, 45))] == [
            ("reminder_75", ("moderator",), True),  # every step of a critical item skips batching
            ("safeguarding_75", ("dsl", "deputy_dsl"), True),
        ]
        state = done(state, "reminder_75", "safeguarding_75")
        assert [(s.step_id, s.roles) for s in due_steps(state, POLICY, Z(2026, 3, 9, 11))] == [
            ("overdue_aht", ("aht",)),
            ("safeguarding_overdue", ("dsl", "deputy_dsl")),
        ]
        state = done(state, "overdue_aht", "safeguarding_overdue")
        assert ids(state, Z(2026, 3, 9, 11, 59)) == []
        assert ids(state, Z(2026, 3, 9, 12)) == ["overdue_headteacher"]

    def test_an_unacknowledged_safeguarding_item_goes_back_to_the_dsl_and_deputy_not_only_to_people_who_cannot_read_it(
        self,
    ) -> None:
        """design.md: "safeguarding item: 75% and deadline, not acknowledged -> DSL and deputy DSL again"."""
        state = done(item(Severity.CRITICAL, ("safeguarding", "threat"), "own"), "seen")
        told = {s.step_id: set(s.roles) for s in due_steps(state, POLICY, Z(2026, 3, 9, 12))}
        assert told["safeguarding_75"] == told["safeguarding_overdue"] == {"dsl", "deputy_dsl"}
        assert told["overdue_headteacher"] == {"headteacher"}
        # and a threat without safeguarding does not trouble the DSL
        threat = done(item(Severity.CRITICAL, ("threat",), "own"), "seen")
        assert all("dsl" not in s.roles for s in due_steps(threat, POLICY, Z(2026, 3, 9, 12)))
        # acknowledging stops it, like every level
        acked = done(item(Severity.CRITICAL, ("safeguarding",), "own", acknowledged_at=Z(2026, 3, 9, 10, 5)), "seen")
        assert ids(acked, Z(2026, 3, 9, 12)) == []

    def test_an_own_account_comment_classified_none_reminds_only_the_moderators_when_left(self) -> None:
        """design.md: "none item on an own account, deadline passed -> moderators only"."""
        state = item(Severity.NONE, (), "own")  # Mon 10:00, 24-hour rule: Tue 10:00
        assert state.deadline_at == Z(2026, 3, 10, 10)
        state = done(state, "seen")
        assert ids(state, Z(2026, 3, 10, 9, 59)) == []  # no 75 % reminder for a harmless comment
        [step] = due_steps(state, POLICY, Z(2026, 3, 10, 10))
        assert (step.step_id, step.roles, step.urgent) == ("overdue_moderators", ("moderator",), False)
        assert ids(done(state, "overdue_moderators"), Z(2026, 3, 20)) == []  # never the AHT or headteacher

    @pytest.mark.parametrize(
        ("possible", "roles"),
        [
            (("safeguarding",), ("dsl", "deputy_dsl", "moderator")),
            (("threat",), ("headteacher", "aht", "moderator")),
            (("hate",), ("headteacher", "aht", "moderator")),
        ],
    )
    def test_a_possible_concern_reaches_the_people_its_category_would_reach_on_the_high_clock(
        self, possible: tuple[str, ...], roles: tuple[str, ...]
    ) -> None:
        """design.md "Possible concern": raised to at least high, routed as the category would be."""
        decision = compute_deadline(MONDAY_10, Severity.HIGH, "mention")
        assert decision is not None and decision.due_at == MONDAY_10 + timedelta(hours=4)
        state = ItemState(severity=Severity.HIGH, categories=(), source="mention", received_at=MONDAY_10,
                          deadline_at=decision.due_at, possible=possible)
        [seen] = due_steps(state, POLICY, MONDAY_10)
        assert (seen.roles, seen.urgent) == (roles, True)
        assert f"possible {possible[0]} concern" in seen.reason
        later = {s.step_id for s in due_steps(state, POLICY, Z(2026, 3, 9, 14))}
        assert ("safeguarding_overdue" in later) == (possible == ("safeguarding",))

    def test_nothing_is_due_before_it_is_received(self) -> None:
        assert ids(item(Severity.CRITICAL, ("threat",)), Z(2026, 3, 9, 9, 59)) == []


class TestAcknowledgementAndResolution:
    """Acknowledging stops the chain; a resolved item yields nothing."""

    def test_acknowledging_stops_reminders_and_escalation(self) -> None:
        state = done(item(Severity.NORMAL, ("query",), acknowledged_at=Z(2026, 3, 9, 11)), "seen")
        for now in (Z(2026, 3, 10, 4), Z(2026, 3, 10, 10), Z(2026, 3, 11, 10), Z(2026, 4, 1)):
            assert ids(state, now) == []
        assert next_due_at(state, POLICY, Z(2026, 3, 9, 12)) is None

    def test_an_acknowledgement_after_the_reminder_stops_the_rest(self) -> None:
        state = done(item(Severity.NORMAL, ("query",), acknowledged_at=Z(2026, 3, 10, 5)), "seen", "reminder_75")
        assert ids(state, Z(2026, 3, 12)) == []

    def test_an_acknowledgement_recorded_for_later_does_not_count_yet(self) -> None:
        state = done(item(Severity.NORMAL, ("query",), acknowledged_at=Z(2026, 3, 10, 11)), "seen")
        assert ids(state, Z(2026, 3, 10, 10, 30)) == ["reminder_75", "overdue_aht"]

    def test_a_batched_first_notice_is_dropped_once_acknowledged(self) -> None:
        state = item(Severity.NORMAL, ("query",), acknowledged_at=Z(2026, 3, 9, 10, 1))
        assert ids(state, Z(2026, 3, 9, 10, 5)) == []

    def test_an_urgent_first_notice_still_goes_out_after_a_quick_acknowledgement(self) -> None:
        """A moderator acknowledging in the dashboard must not keep a safeguarding item from the DSL."""
        state = item(Severity.CRITICAL, ("safeguarding",), acknowledged_at=Z(2026, 3, 9, 10, 0, 30))
        steps = due_steps(state, POLICY, Z(2026, 3, 9, 12))
        assert [s.step_id for s in steps] == ["seen"]
        assert "dsl" in steps[0].roles

    def test_a_resolved_item_yields_nothing(self) -> None:
        state = item(Severity.CRITICAL, ("safeguarding",), resolved_at=Z(2026, 3, 9, 10, 0, 30))
        assert ids(state, Z(2026, 3, 9, 12)) == []
        assert next_due_at(state, POLICY, Z(2026, 3, 9, 12)) is None


class TestRestartsAndOutages:
    """Idempotent: recorded steps never repeat; after an outage every overdue step comes once, in order."""

    def test_recorded_steps_are_never_returned_again(self) -> None:
        state = done(item(Severity.NORMAL, ("query",)), "seen", "reminder_75", "overdue_aht", "overdue_headteacher")
        assert ids(state, Z(2026, 3, 30)) == []

    def test_a_daemon_polling_every_seven_minutes_with_restarts_sends_each_step_once(self) -> None:
        state = item(Severity.HIGH, ("harassment",))
        sent: list[str] = []
        now = Z(2026, 3, 9, 9)
        while now < Z(2026, 3, 12):
            steps = due_steps(state, POLICY, now)
            sent += [s.step_id for s in steps]
            state = done(state, *(s.step_id for s in steps))  # the persisted record survives a restart
            now += timedelta(minutes=7)
        assert sent == ["seen", "reminder_75", "overdue_aht", "overdue_headteacher"]

    def test_a_week_switched_off_catches_up_once_in_order(self) -> None:
        state = item(Severity.NORMAL, ("query",))
        now = Z(2026, 3, 16, 9)
        steps = due_steps(state, POLICY, now)
        assert [s.step_id for s in steps] == ["seen", "reminder_75", "overdue_aht", "overdue_headteacher"]
        assert [s.due_at for s in steps] == [Z(2026, 3, 9, 10), Z(2026, 3, 10, 4), Z(2026, 3, 10, 10),
                                             Z(2026, 3, 11, 10)]
        assert steps[2].reason == (
            "deadline Tue 10 Mar 10:00 GMT passed without acknowledgement → AHT"
            " — caught up 5 d 23 h late, at Mon 16 Mar 09:00 GMT"
        )
        assert ids(done(state, *(s.step_id for s in steps)), now) == []
        assert ids(done(state, *(s.step_id for s in steps)), now + timedelta(days=7)) == []

    def test_a_partial_record_catches_up_only_what_is_missing(self) -> None:
        state = done(item(Severity.NORMAL, ("query",)), "seen", "overdue_aht")
        assert ids(state, Z(2026, 3, 16)) == ["reminder_75", "overdue_headteacher"]

    def test_ties_follow_config_order(self) -> None:
        policy = EscalationConfig.model_validate({"levels": [
            {"id": "tell_aht", "after_deadline_hours": 0, "roles": ["aht"]},
            {"id": "tell_head", "after_deadline_hours": 0, "roles": ["headteacher"]},
        ]})
        assert ids(done(item(Severity.NORMAL, ("query",)), "seen"), Z(2026, 3, 10, 10), policy) == [
            "tell_aht", "tell_head"
        ]

    @pytest.mark.parametrize(
        ("done_ids", "now", "expected"),
        [
            ((), Z(2026, 3, 9, 9), Z(2026, 3, 9, 10)),
            (("seen",), Z(2026, 3, 9, 10), Z(2026, 3, 10, 4)),
            (("seen", "reminder_75"), Z(2026, 3, 10, 4), Z(2026, 3, 10, 10)),
            (("seen", "reminder_75", "overdue_aht"), Z(2026, 3, 10, 10), Z(2026, 3, 11, 10)),
            (("seen", "reminder_75", "overdue_aht", "overdue_headteacher"), Z(2026, 3, 11, 10), None),
        ],
    )
    def test_next_due_at_tells_the_scheduler_when_to_wake(self, done_ids: tuple[str, ...], now: datetime,
                                                         expected: datetime | None) -> None:
        assert next_due_at(done(item(Severity.NORMAL, ("query",)), *done_ids), POLICY, now) == expected


class TestClockChangesInTheChain:
    def test_steps_run_on_elapsed_time_across_the_spring_change(self) -> None:
        """Critical at Sun 29 Mar 2026 00:30 GMT: deadline 01:30 UTC (02:30 BST), headteacher 02:30 UTC."""
        state = done(item(Severity.CRITICAL, ("threat",), received=Z(2026, 3, 29, 0, 30)), "seen")
        assert state.deadline_at == Z(2026, 3, 29, 1, 30)
        steps = due_steps(state, POLICY, Z(2026, 3, 29, 2, 30))
        assert [(s.step_id, s.due_at) for s in steps] == [
            ("reminder_75", Z(2026, 3, 29, 1, 15)), ("overdue_aht", Z(2026, 3, 29, 1, 30)),
            ("overdue_headteacher", Z(2026, 3, 29, 2, 30)),
        ]
        assert "Sun 29 Mar 02:30 BST" in steps[1].reason  # the deadline as a London reader sees it


class TestConfig:
    """The ``[escalation]`` table: defaults equal design.md's table; mistakes refused clearly."""

    def test_the_documented_toml_block_is_the_defaults(self) -> None:
        doc = EscalationConfig.__doc__ or ""
        block = doc.split(".. code-block:: toml", 1)[1]
        toml_text = "\n".join(line[8:] for line in block.splitlines())
        assert EscalationConfig.model_validate(tomllib.loads(toml_text)["escalation"]) == EscalationConfig()

    def test_defaults(self) -> None:
        assert POLICY.batch_minutes == 15
        assert POLICY.digest_time == time(7, 30)
        assert [(lv.id, lv.roles, lv.at_fraction, lv.after_deadline_hours) for lv in POLICY.levels] == [
            ("reminder_75", ["moderator"], 0.75, None),
            ("safeguarding_75", ["dsl", "deputy_dsl"], 0.75, None),
            ("overdue_aht", ["aht"], None, 0),
            ("safeguarding_overdue", ["dsl", "deputy_dsl"], None, 0),
            ("overdue_moderators", ["moderator"], None, 0),
            ("overdue_headteacher", ["headteacher"], None, 24),
        ]
        assert POLICY.levels[-1].after_deadline_hours_by_severity == {"critical": 1}

    def test_every_field_is_described(self) -> None:
        from watchtower.escalation import Level, SeenRule

        for model in (EscalationConfig, Level, SeenRule):
            assert all(f.description for f in model.model_fields.values()), model.__name__

    def test_levels_can_be_restricted_and_retimed(self) -> None:
        policy = EscalationConfig.model_validate({"levels": [
            {"id": "dsl_review", "after_deadline_hours": 2, "roles": ["dsl"], "categories": ["sexual"]},
            {"id": "half_way", "at_fraction": 0.5, "roles": ["moderator"], "severities": ["high"]},
        ]})
        sexual = done(item(Severity.HIGH, ("sexual",)), "seen")  # deadline 14:00
        query = done(item(Severity.NORMAL, ("query",)), "seen")
        assert ids(sexual, Z(2026, 3, 9, 12)) == []
        assert ids(sexual, Z(2026, 3, 9, 12), policy) == ["half_way"]
        assert ids(done(sexual, "half_way"), Z(2026, 3, 9, 16), policy) == ["dsl_review"]
        assert ids(query, Z(2026, 3, 20), policy) == []

    @pytest.mark.parametrize(
        ("data", "message"),
        [
            ({"on_seen": [{"roles": ["caretaker"]}]}, "Input should be 'moderator', 'aht', 'headteacher', 'dsl'"),
            ({"on_seen": [{"roles": ["dsl"], "categories": ["rudeness"]}]}, "unknown category 'rudeness'"),
            ({"levels": [{"id": "x", "roles": ["aht"]}]}, "give exactly one of at_fraction and after_deadline_hours"),
            ({"levels": [{"id": "x", "roles": ["aht"], "at_fraction": 0.5, "after_deadline_hours": 1}]},
             "give exactly one"),
            ({"levels": [{"id": "x", "roles": ["aht"], "at_fraction": 1.5}]}, "less than or equal to 1"),
            ({"levels": [{"id": "seen", "roles": ["aht"], "at_fraction": 0.5}]}, "reserved"),
            ({"levels": [{"id": "a", "roles": ["aht"], "at_fraction": 0.5},
                         {"id": "a", "roles": ["aht"], "at_fraction": 0.6}]}, "two levels have the id 'a'"),
            ({"levels": [{"id": "Overdue AHT", "roles": ["aht"], "at_fraction": 0.5}]}, "should match pattern"),
            ({"digest_time": "7.30am"}, "digest_time"),
            ({"batch_minute": 5}, "Extra inputs are not permitted"),
        ],
    )
    def test_bad_values_are_refused_clearly(self, data: dict[str, object], message: str) -> None:
        with pytest.raises(ValidationError, match=re.escape(message)):
            EscalationConfig.model_validate(data)

    def test_item_times_must_be_aware(self) -> None:
        with pytest.raises(ValueError, match="timezone-aware"):
            ItemState(Severity.HIGH, (), "own", datetime(2026, 3, 9, 10))
        with pytest.raises(ValueError, match="timezone-aware"):
            due_steps(item(Severity.HIGH), POLICY, datetime(2026, 3, 9, 10))


class TestTheDailyDigest:
    """Once a day at 07:30 London time; once after downtime; never twice; right across clock changes."""

    @pytest.mark.parametrize(
        ("last", "now", "expected"),
        [
            (None, Z(2026, 3, 9, 15), True),  # a new install sends one at once
            (Z(2026, 3, 8, 7, 30, 2), Z(2026, 3, 9, 7, 29, 59), False),
            (Z(2026, 3, 8, 7, 30, 2), Z(2026, 3, 9, 7, 30), True),
            (Z(2026, 3, 9, 7, 30, 1), Z(2026, 3, 9, 23, 59), False),  # never twice the same day
            (Z(2026, 3, 2, 7, 30), Z(2026, 3, 9, 12), True),  # a week switched off: one digest
            (Z(2026, 3, 9, 12), Z(2026, 3, 10, 7, 29), False),  # ... and none more until the next slot
            # spring forward: Sun 29 Mar 07:30 BST is 06:30 UTC
            (Z(2026, 3, 28, 7, 30), Z(2026, 3, 29, 6, 29, 59), False),
            (Z(2026, 3, 28, 7, 30), Z(2026, 3, 29, 6, 30), True),
            # fall back: Sun 25 Oct 07:30 GMT is 07:30 UTC (Saturday's was 06:30 UTC)
            (Z(2026, 10, 24, 6, 30), Z(2026, 10, 25, 6, 30), False),
            (Z(2026, 10, 24, 6, 30), Z(2026, 10, 25, 7, 30), True),
        ],
    )
    def test_table(self, last: datetime | None, now: datetime, expected: bool) -> None:
        assert digest_due(last, now, POLICY) is expected

    @pytest.mark.parametrize(
        ("now", "last_slot", "next_slot"),
        [
            (Z(2026, 3, 9, 7, 30), Z(2026, 3, 9, 7, 30), Z(2026, 3, 10, 7, 30)),
            (Z(2026, 3, 9, 7, 29), Z(2026, 3, 8, 7, 30), Z(2026, 3, 9, 7, 30)),
            (Z(2026, 3, 28, 12), Z(2026, 3, 28, 7, 30), Z(2026, 3, 29, 6, 30)),
            (Z(2026, 10, 24, 12), Z(2026, 10, 24, 6, 30), Z(2026, 10, 25, 7, 30)),
        ],
    )
    def test_slots(self, now: datetime, last_slot: datetime, next_slot: datetime) -> None:
        assert last_digest_slot(now, POLICY) == last_slot
        assert next_digest_at(now, POLICY) == next_slot

    @pytest.mark.parametrize("digest_time", ["07:30", "01:30", "00:00", "23:59"])
    @pytest.mark.parametrize("start", [Z(2026, 3, 26, 12), Z(2026, 10, 22, 12)])
    def test_a_minute_by_minute_run_across_a_clock_change_sends_one_a_day(
        self, digest_time: str, start: datetime
    ) -> None:
        """01:30 does not exist on spring-forward day and happens twice on fall-back day: still one."""
        policy = EscalationConfig(digest_time=digest_time)  # type: ignore[arg-type]
        last: datetime | None = start
        sent: list[datetime] = []
        now = start
        while now < start + timedelta(days=6):
            if digest_due(last, now, policy):
                sent.append(now)
                last = now
            now += timedelta(minutes=1)
        local_days = [s.astimezone(LONDON).date() for s in sent]
        assert len(local_days) == len(set(local_days)) == 6
        wanted = time.fromisoformat(digest_time)
        for s in sent:
            local = s.astimezone(LONDON).time()
            assert local == wanted or (digest_time == "01:30" and local == time(2, 30)), s

    def test_the_digest_time_is_configurable(self) -> None:
        policy = EscalationConfig(digest_time=time(8, 0))
        assert digest_due(Z(2026, 3, 8, 8), Z(2026, 3, 9, 7, 45), policy) is False
        assert digest_due(Z(2026, 3, 8, 8), Z(2026, 3, 9, 8), policy) is True
