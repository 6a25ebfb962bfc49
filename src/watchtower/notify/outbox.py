"""The notifier: sends what the outbox holds, in stages, and records what happened.

pending rows -> group per person (urgent now; normal batched, at most one email per ``batch_minutes``)
-> render -> send with retry -> record as sent. A passing failure (connection refused, SMTP 4xx) leaves the rows
pending with exponential backoff (the policy is ``notify/retry.py``); a permanent one (bad address) fails them at
once and tells the operator.
Nothing is lost: the rows were written before any send was tried, and a row is marked sent only after the
server accepted it. Doubles are rare and recognisable: a row is marked "sending" before its SMTP transaction and
"sent" right after the server's 250 (before QUIT), and every email's Message-ID is derived from its rows, so a copy
resent after a crash in that window carries the same Message-ID as the first (mail clients collapse the two).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import time
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial
from typing import Any, Protocol
from zoneinfo import ZoneInfo

from watchtower.config import Config
from watchtower.exceptions import PermanentDeliveryError, TransientDeliveryError
from watchtower.links import LinkSigner
from watchtower.logging import get_logger
from watchtower.models import Decision, utcnow
from watchtower.notify import render
from watchtower.notify.notice import Notice
from watchtower.notify.retry import RetryPolicy
from watchtower.people import Recipient, Roster
from watchtower.sharing import PROCESS_IDENTITY
from watchtower.store import Store, repo
from watchtower.store.db import Db
from watchtower.timeutil import parse_ts
from watchtower.wake_loop import run_wake_loop


class Sender(Protocol):
    async def send(self, message: Any) -> None: ...


@dataclass(frozen=True)
class OutboxSettings:
    school: str
    from_address: str
    public_url: str
    timezone: ZoneInfo
    batch_minutes: float = 15
    first_backoff: float = 5
    max_backoff: float = 600
    give_up_after: timedelta = timedelta(hours=72)
    moderators_see_safeguarding: bool = False
    operators: tuple[str, ...] = ()
    #: a trust: each school's name by id (emails then say which school), and each school's operators
    school_names: Mapping[str, str] = field(default_factory=dict)
    school_operators: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def retry(self) -> RetryPolicy:
        return RetryPolicy(self.first_backoff, self.max_backoff, self.give_up_after)

    @property
    def multi_school(self) -> bool:
        return len(self.school_names) > 1

    def school_name(self, school: str | None) -> str:
        """The name an email about ``school`` gives: the school's, or the instance's."""
        return self.school_names.get(school or "", self.school)

    def operators_for(self, school: str | None) -> tuple[str, ...]:
        """Who is told an email about ``school`` could not be delivered: its operators and the trust's."""
        return self.school_operators.get(school or "", self.operators)

    @classmethod
    def from_config(cls, cfg: Config) -> OutboxSettings:
        schools = cfg.all_schools
        return cls(
            school=cfg.display_name,
            from_address=cfg.smtp.from_address,
            public_url=cfg.dashboard.public_url,
            timezone=ZoneInfo(cfg.deadlines.timezone),
            batch_minutes=cfg.escalation.batch_minutes,
            first_backoff=cfg.notify.first_backoff_seconds,
            max_backoff=cfg.notify.max_backoff_seconds,
            give_up_after=timedelta(hours=cfg.notify.give_up_hours),
            moderators_see_safeguarding=cfg.dashboard.moderators_see_safeguarding_text,
            operators=tuple(dict.fromkeys(e for s in schools for e, _ in Roster.from_config(cfg, s.id).operators())),
            school_names={s.id: s.name for s in schools},
            school_operators={s.id: tuple(e for e, _ in Roster.from_config(cfg, s.id).operators()) for s in schools},
        )


@dataclass
class _Email:
    recipient: str
    rows: list[dict[str, Any]]


def stable_message_id(rows: Sequence[dict[str, Any]]) -> str:
    """The Message-ID of the email carrying these outbox rows: the same rows give the same id, in every process.

    ``<alert-ROWID.HASH@watchtower.local>``: the first row's id, and a hash of every row's id and (item, step,
    person) key, so that a copy resent after a crash is one email to mail clients (they collapse equal ids)."""
    ordered = sorted(rows, key=lambda r: int(r["id"]))
    digest = hashlib.sha256("\n".join(f"{r['id']}:{r['dedup_key']}" for r in ordered).encode()).hexdigest()
    return f"<alert-{ordered[0]['id']}.{digest[:16]}@watchtower.local>"


class Notifier:
    def __init__(
        self,
        *,
        store: Store,
        sender: Sender,
        signer: LinkSigner,
        settings: OutboxSettings,
        people: Callable[[str, str | None], Recipient],
        clock: Callable[[], datetime] = utcnow,
        claimer: str = PROCESS_IDENTITY,
        claim_seconds: float = 60.0,
    ) -> None:
        self.store = store
        #: who this notifier claims outbox rows as (its daemon's identity), and for how long a claim holds
        self.claimer = claimer
        self.claim_seconds = claim_seconds
        self.sender = sender
        self.signer = signer
        self.settings = settings
        self.people = people
        self.clock = clock
        self.wake = asyncio.Event()
        self.log = get_logger(component="notifier")
        self._failing = False
        self.sent_count = 0
        #: alert id -> the write that records it as sent, for emails accepted while the store refused writes
        self._accepted: dict[int, Callable[[Db], None]] = {}
        #: seconds from the server's 250 to the "sent" record's commit, for the last emails (issue 14: the window
        #: in which a SIGKILL leaves a delivered email unrecorded, so that it is sent again after a restart)
        self.unrecorded_window: deque[float] = deque(maxlen=1000)

    # --- the loop ----------------------------------------------------------------------------

    async def run(self, stop: asyncio.Event, *, idle_seconds: float = 15) -> None:
        await run_wake_loop(
            stop, self.wake, work=lambda: self.flush(), next_due=lambda: self.store.read(repo.next_alert_due),
            clock=self.clock, crash_wait=lambda crashes: self.settings.retry.delay(crashes - 1),
            idle_seconds=idle_seconds, log=self.log, crashed_event="notifier_crashed",
        )

    async def flush(self) -> int:
        """Try every alert that is due now. Returns how many emails the server accepted."""
        await self._record_accepted()
        now = self.clock()
        # claimed, not just read: another daemon's notifier passes these rows by until they are sent or released
        try:
            rows = await self.store.write(lambda db: repo.claim_alerts(
                db, now, claimer=self.claimer, claim_seconds=self.claim_seconds))
        except Exception:
            # a store that refuses writes must not stop an alert going out (issue 14): read them unclaimed; a
            # second daemon, if there is one, cannot claim them either, so at worst one is sent twice, never lost
            self.log.error("alert_claim_not_recorded")
            rows = await self.store.read(lambda db: repo.pending_alerts(db, now))
        try:
            rows = [r for r in rows if r["id"] not in self._accepted]
            rows = await self._mute(rows, now)
            if not rows:
                return 0
            emails, deferred = await self._group(rows, now)
            for until, ids in deferred:
                await self.store.write(partial(_defer, ids=ids, until=until))
            sent = 0
            for email in emails:
                if await self._send_one(email, now):
                    sent += 1
            return sent
        finally:
            if rows:
                try:
                    await self.store.write(lambda db: repo.release_claims(db, self.claimer))
                except Exception:  # the claims expire by themselves
                    self.log.warning("alert_claims_not_released")

    async def _mute(self, rows: list[dict[str, Any]], now: datetime) -> list[dict[str, Any]]:
        """The mute stage: re-read each item just before sending. A notice that chases a reply (a batched notice,
        a reminder, an escalation) is not sent once the item is acknowledged or resolved, nor when it was purged;
        an urgent first notice still goes after an acknowledgement (it tells the people who must know, the DSL
        about safeguarding; see escalation.py), but not after the item was resolved or purged."""
        item_rows = [r for r in rows if r["kind"] == "item"]
        if not item_rows:
            return rows
        state = await self.store.read(
            lambda db: repo.items_state(db, sorted({r["item_id"] for r in item_rows if r["item_id"] is not None})))
        muted: dict[str, list[int]] = {}
        for r in item_rows:
            acked, resolved = state.get(r["item_id"], (None, None)) if r["item_id"] is not None else (None, None)
            if r["item_id"] is None or r["item_id"] not in state:
                muted.setdefault("the item was purged", []).append(r["id"])
            elif resolved is not None:
                muted.setdefault("the item was resolved before it went out", []).append(r["id"])
            elif acked is not None and not (r["step"] == "seen" and r["urgent"]):
                muted.setdefault("the item was acknowledged before it went out", []).append(r["id"])
        if not muted:
            return rows

        def record(db: Db) -> None:
            for reason, ids in muted.items():
                repo.mute_alerts(db, ids, reason=reason, now=now)
                for r in rows:
                    if r["id"] in ids:
                        repo.audit(db, actor="watchtower", action="email_muted", channel="email", now=now,
                                   item_id=r["item_id"], to=r["recipient"], step=r["step"], reason=reason)

        await self.store.write(record)
        gone = {i for ids in muted.values() for i in ids}
        self.log.info("alerts_muted", alerts=len(gone))
        return [r for r in rows if r["id"] not in gone]

    async def _group(
        self, rows: list[dict[str, Any]], now: datetime
    ) -> tuple[list[_Email], list[tuple[datetime, list[int]]]]:
        emails: list[_Email] = []
        deferred: list[tuple[datetime, list[int]]] = []
        # a batch is one school's: a person in two schools gets each school's comments in its own email
        batched: dict[tuple[str, str], list[dict[str, Any]]] = {}
        urgent: dict[str, list[dict[str, Any]]] = {}
        for row in rows:
            if row["kind"] != "item":
                emails.append(_Email(row["recipient"], [row]))
            elif row["urgent"]:
                urgent.setdefault(row["recipient"], []).append(row)
            else:
                batched.setdefault((row["recipient"], str(row.get("school") or "")), []).append(row)
        for recipient, group in urgent.items():
            # serious items never wait and never share an email: one subject line, one item, one decision
            by_item: dict[Any, list[dict[str, Any]]] = {}
            for row in group:
                by_item.setdefault(row["item_id"], []).append(row)
            emails.extend(_Email(recipient, rows) for rows in by_item.values())
        window = timedelta(minutes=self.settings.batch_minutes)
        for (recipient, _), group in batched.items():
            last = await self.store.read(partial(repo.last_batched_send, recipient=recipient))
            if last is not None and parse_ts(last) + window > now:
                deferred.append((parse_ts(last) + window, [r["id"] for r in group]))
            else:
                emails.append(_Email(recipient, group))
        return emails, deferred

    async def deliver(self, ids: Sequence[int]) -> int:
        """Try these outbox rows now, one email each, whatever their next attempt time (``digest --send``).
        Returns how many the server accepted; failures are recorded as in ``flush``."""
        now = self.clock()
        rows = await self.store.write(lambda db: repo.claim_alerts(
            db, now, claimer=self.claimer, claim_seconds=self.claim_seconds, ids=ids, limit=max(1, len(ids))))
        rows = [r for r in rows if r["id"] not in self._accepted]
        sent = 0
        try:
            for row in rows:
                if row["status"] == "pending" and await self._send_one(_Email(row["recipient"], [row]), now):
                    sent += 1
        finally:
            if rows:
                await self.store.write(lambda db: repo.release_claims(db, self.claimer))
        return sent

    # --- one email -----------------------------------------------------------------------------

    async def _send_one(self, email: _Email, now: datetime) -> bool:
        ids = [r["id"] for r in email.rows]
        try:
            message = await self._render(email, now)
        except Exception as exc:  # a template or data bug: fail these rows now, tell the operator
            self.log.exception("alert_render_failed", alert_ids=ids)
            await self._fail(email, f"could not build the email: {exc}", now)
            return False
        # the same rows make the same Message-ID, so a copy resent after a crash is recognisably the same email
        message_id = stable_message_id(email.rows)
        del message["Message-ID"]
        message["Message-ID"] = message_id
        in_doubt = [r["id"] for r in email.rows if r.get("sending_at")]
        if in_doubt:
            # the process died while these were with the SMTP server: they may have arrived; at least once wins
            self.log.warning("alert_resent_in_doubt", alert_ids=in_doubt, message_id=message_id)
        try:
            still_ours = await self.store.write(
                lambda db: repo.mark_sending(db, ids, now=self.clock(), message_id=message_id,
                                             claimer=self.claimer, claim_seconds=self.claim_seconds)
            )
            if not still_ours:
                # this notifier's claim ran out (a slow SMTP server) and another daemon's notifier has these rows
                self.log.warning("alert_claim_lost", alert_ids=ids)
                return False
        except Exception:
            # a store that refuses writes must not stop an alert going out: send it, and remember it below
            self.log.error("alert_sending_not_recorded", alert_ids=ids)

        def record(db: Db) -> None:
            repo.mark_sent(db, ids, now=self.clock(), message_id=message_id)
            for r in email.rows:
                repo.audit(
                    db,
                    actor="watchtower",
                    action="email_resent_in_doubt" if r["id"] in in_doubt else "email_sent",
                    channel="email",
                    now=self.clock(),
                    item_id=r["item_id"],
                    to=email.recipient,
                    step=r["step"],
                    message_id=message_id,
                )

        async def accepted() -> None:
            """Runs right after the server's 250 to DATA (before QUIT, where the sender allows)."""
            t0 = time.perf_counter()
            self.sent_count += 1
            try:
                await self.store.write(record)
            except Exception:
                # The server has it but the database would not take the record (disk full?). Remember it here so
                # it is not sent again while this process lives, and record it once the store accepts writes.
                for i in ids:
                    self._accepted[i] = record
                self.log.error("alert_sent_not_recorded", alert_ids=ids)
                raise
            finally:
                self.unrecorded_window.append(time.perf_counter() - t0)

        send_confirmed = getattr(self.sender, "send_confirmed", None)
        try:
            if send_confirmed is not None:
                await send_confirmed(message, on_accepted=accepted)
            else:
                await self.sender.send(message)
                await accepted()
        except TransientDeliveryError as exc:
            attempts = max(r["attempts"] for r in email.rows)
            oldest = min(parse_ts(r["created_at"]) for r in email.rows)
            if self.settings.retry.gives_up(oldest, now):
                await self._fail(email, f"gave up after {attempts + 1} tries: {exc}", now)
                return False
            delay = self.settings.retry.delay(attempts)
            if not self._failing:
                self.log.warning("smtp_failing", error=str(exc), retry_in=delay)
                self._failing = True
            error = str(exc)
            await self.store.write(
                lambda db: repo.mark_retry(db, ids, error=error, next_attempt_at=now + timedelta(seconds=delay))
            )
            return False
        except PermanentDeliveryError as exc:
            self.log.error("alert_undeliverable", recipient=email.recipient, error=str(exc), alert_ids=ids)
            await self._fail(email, str(exc), now)
            return False
        if self._failing:
            self.log.info("smtp_recovered")
            self._failing = False
        self.log.info("alert_sent", recipient=email.recipient, alerts=len(ids), kind=email.rows[0]["kind"])
        return True

    async def _record_accepted(self) -> None:
        """Record emails the server accepted while the store refused writes (raises while it still refuses)."""
        for record in list(dict.fromkeys(self._accepted.values())):
            await self.store.write(record)
            for i in [i for i, r in self._accepted.items() if r is record]:
                del self._accepted[i]

    async def _fail(self, email: _Email, error: str, now: datetime) -> None:
        ids = [r["id"] for r in email.rows]
        school = str(email.rows[0].get("school") or "") or None
        operators = [o for o in self.settings.operators_for(school) if o != email.recipient]
        tag = f"[{self.settings.school_name(school)}] " if self.settings.multi_school and school else ""

        def record(db: Db) -> None:
            repo.mark_failed(db, ids, error=error, now=now)
            for r in email.rows:
                repo.audit(
                    db, actor="watchtower", action="email_failed", channel="email", now=now,
                    item_id=r["item_id"], to=email.recipient, error=error,
                )
            Notice.undeliverable(
                ids[0],
                school=school or "*",
                subject=f"{tag}Watchtower could not deliver an alert to {email.recipient}",
                body=(
                    (f"School: {self.settings.school_name(school)}\n\n" if tag else "")
                    + f"Watchtower could not deliver {len(ids)} alert(s) to {email.recipient}:\n\n  {error}\n\n"
                    "Check that address among the people in the config. The items are still in the "
                    "dashboard and in the escalation chain."
                ),
            ).enqueue(db, [(op, None, None) for op in operators], now)

        await self.store.write(record)
        self.wake.set()

    async def _render(self, email: _Email, now: datetime) -> Any:
        s = self.settings
        first = email.rows[0]
        if first["kind"] == "digest":  # rendered when queued (watchtower.digest): {"text": ..., "html": ...}
            parts = json.loads(first["body"])
            return render.build_plain_email(
                from_address=s.from_address, to=email.recipient, subject=first["subject"] or "Watchtower digest",
                body=parts["text"], html=parts["html"], now=now,
            )
        if first["kind"] != "item":
            return render.build_plain_email(
                from_address=s.from_address, to=email.recipient, subject=first["subject"] or "Watchtower",
                body=first["body"] or "", now=now,
            )
        school = str(first.get("school") or "") or None
        recipient = self.people(email.recipient, school)  # their roles in the item's school decide what it shows
        item_ids = list(dict.fromkeys(r["item_id"] for r in email.rows if r["item_id"] is not None))
        items, told, classes = await self.store.read(lambda db: _load_items(db, item_ids))
        reason_by_item: dict[int, str] = {}
        for r in email.rows:
            reason_by_item.setdefault(r["item_id"], r["reason"] or r["step"])
        views = []
        for it in items:
            it["reasons_list"], it["decisions_list"] = classes.get(it["id"], ([], None))
            others = [f"{n} ({role})" if role else n for n, role in told.get(it["id"], []) if n != recipient.name]
            views.append(
                render.item_view(
                    it,
                    recipient=recipient,
                    step_reason=reason_by_item.get(it["id"], ""),
                    also_told=others,
                    ack_url=f"{s.public_url.rstrip('/')}/ack/{self.signer.make(it['id'], recipient.email, now=now)}",
                    item_url=f"{s.public_url.rstrip('/')}/items/{it['id']}",
                    tz=s.timezone,
                    moderators_see_safeguarding=s.moderators_see_safeguarding,
                )
            )
        if not items:
            raise ValueError("the alert's item no longer exists (purged or erased)")
        return render.build_item_email(
            school=s.school_name(school), from_address=s.from_address, recipient=recipient, views=views, items=items,
            now=now, name_school=s.multi_school,
        )


def _load_items(
    db: Db, ids: Sequence[int]
) -> tuple[list[dict[str, Any]], dict[int, list[tuple[str, str | None]]],
           dict[int, tuple[list[str], list[Decision] | None]]]:
    """The items, who was told about each, and each one's latest reasons with the decision records they render."""
    items = [render.decode_item(r) for r in repo.get_items(db, ids)]
    told = {i: repo.told_about(db, i) for i in ids}
    classes: dict[int, tuple[list[str], list[Decision] | None]] = {}
    for i in ids:
        c = repo.latest_classification(db, i)
        classes[i] = (list(c["reasons"]), c["decisions"]) if c else ([], None)
    return items, told, classes


def _defer(db: Db, *, ids: list[int], until: datetime) -> None:
    repo.defer_alerts(db, ids, until=until)
