"""A notice: something to tell a group of people, queued as one outbox row per person and audited once.

Every notice in Watchtower is enqueued here: an item's escalation step (``pipeline.take_steps``), a source that
stopped or recovered (``poller``), an undeliverable alert (the notifier), a spike, a dormant account or a silent
source (``watchers``), and the DSL digest (``digest``). :meth:`Notice.enqueue` owns

- the **dedup key**: ``f"{scope}:{email.lower()}"``, unique in the outbox, so the same notice to the same person is
  queued at most once whatever restarts or timers do; ``scope`` names what the notice is about, and the
  constructors below are the only places a scope is written:

  ======================  ==============================================  ===========================
  notice                  scope                                           made by
  ======================  ==============================================  ===========================
  an escalation step      ``item:<item id>:<step id>``                    :meth:`Notice.item_step`
  a source's status       ``source:<source>:<status>:<UTC YYYYmmddTHHMMSS>``  :meth:`Notice.source_status`
  an undeliverable alert  ``undeliverable:<first alert id>``              :meth:`Notice.undeliverable`
  a watcher's episode     the episode (``spike:…``, ``dormant:…``, …)      :meth:`Notice.episode_notice`
  the DSL digest          ``digest:<local date>`` (``digest-manual:<ts>``)  :meth:`Notice.digest`
  ======================  ==============================================  ===========================

- the **audit line** that says it was queued (``audit``; ``None`` where the caller's own record already has one).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from watchtower.models import DEFAULT_SCHOOL
from watchtower.store import repo
from watchtower.store.db import Db

#: (email, name, role) of one person told; name and role may be unknown (an operator's bare address)
Person = tuple[str, str | None, str | None]

Kind = Literal["item", "system", "digest"]


@dataclass(frozen=True, slots=True)
class Notice:
    kind: Kind
    step: str
    scope: str
    item_id: int | None = None
    urgent: bool = False
    reason: str | None = None
    subject: str | None = None
    body: str | None = None
    #: the audit action written when this notice is queued (None: no line of its own)
    audit: str | None = None
    audit_detail: Mapping[str, Any] = field(default_factory=dict)
    #: the audit line's ``to``: everyone addressed, only those newly queued, or left out
    audit_to: Literal["all", "told"] | None = "all"
    #: write the audit line even when every row was already queued
    audit_when_none_told: bool = True
    #: the school the notice is about (the item's, the source's); ``*`` for the whole trust
    school: str = DEFAULT_SCHOOL

    # --- the only places a dedup scope is written ------------------------------------------------

    @classmethod
    def item_step(cls, item_id: int, step: str, *, reason: str, urgent: bool,
                  school: str = DEFAULT_SCHOOL) -> Notice:
        """An escalation step of one item (the first notice ``seen``, a reminder, an escalation)."""
        return cls(kind="item", step=step, scope=f"item:{item_id}:{step}", item_id=item_id, urgent=urgent,
                   reason=reason, audit="escalation_step", audit_detail={"step": step, "reason": reason},
                   school=school)

    @classmethod
    def source_status(cls, source: str, status: str, *, subject: str, body: str, now: datetime,
                      school: str = DEFAULT_SCHOOL) -> Notice:
        """A source that stopped (``status``: why) or recovered: one episode per call, named by ``now``."""
        episode = now.strftime("%Y%m%dT%H%M%S")
        return cls(kind="system", step=f"source_{status}", scope=f"source:{source}:{status}:{episode}",
                   urgent=True, subject=subject, body=body,
                   audit=f"source_{status}", audit_detail={"source": source}, audit_to=None, school=school)

    @classmethod
    def undeliverable(cls, first_alert_id: int, *, subject: str, body: str,
                      school: str = DEFAULT_SCHOOL) -> Notice:
        """To the operators: alerts that could not be delivered (the failure itself is audited by the notifier)."""
        return cls(kind="system", step="undeliverable", scope=f"undeliverable:{first_alert_id}", urgent=True,
                   subject=subject, body=body, audit=None, school=school)

    @classmethod
    def episode_notice(cls, episode: str, step: str, *, subject: str, body: str, urgent: bool,
                       school: str = DEFAULT_SCHOOL) -> Notice:
        """A watcher's finding (a spike, a dormant account, a silent source), once per episode."""
        return cls(kind="system", step=step, scope=episode, urgent=urgent, reason=episode, subject=subject,
                   body=body, audit=step, audit_detail={"episode": episode}, audit_to="told",
                   audit_when_none_told=False, school=school)

    @classmethod
    def digest(cls, key: str, *, subject: str, body: str, school: str = DEFAULT_SCHOOL) -> Notice:
        """The DSL digest rendered at ``key`` (``digest:<local date>`` when scheduled)."""
        return cls(kind="digest", step="digest", scope=key, reason=key, subject=subject, body=body,
                   audit="digest_queued", audit_detail={"key": key}, school=school)

    @staticmethod
    def digest_key(local_date: str, school: str = DEFAULT_SCHOOL) -> str:
        """The scheduled digest of one local day (of one school, or ``*``: the trust safeguarding digest)."""
        return f"digest:{local_date}" if school == DEFAULT_SCHOOL else f"digest:{school}:{local_date}"

    @staticmethod
    def manual_digest_key(stamp: str) -> str:
        """A digest sent by hand (``watchtower digest --send``) at ``stamp``: never the scheduled one."""
        return f"digest-manual:{stamp}"

    # --- queueing ---------------------------------------------------------------------------------

    def key(self, email: str) -> str:
        """The outbox's dedup key of this notice to ``email``."""
        return self.dedup_key(self.scope, email)

    @staticmethod
    def dedup_key(scope: str, email: str) -> str:
        return f"{scope}:{email.lower()}"

    def enqueue(self, db: Db, people: Iterable[Person], now: datetime) -> list[str]:
        """Queue one outbox row per person (none twice) and audit it; returns the addresses newly queued."""
        everyone = list(people)
        told = [
            email
            for email, name, role in everyone
            if repo.enqueue_alert(
                db,
                dedup_key=self.key(email),
                kind=self.kind,
                item_id=self.item_id,
                step=self.step,
                recipient=email,
                recipient_name=name,
                role=role,
                urgent=self.urgent,
                reason=self.reason,
                subject=self.subject,
                body=self.body,
                now=now,
                school=self.school,
            )
        ]
        if self.audit is not None and (told or self.audit_when_none_told):
            detail = dict(self.audit_detail)
            if self.audit_to == "all":
                detail["to"] = [email for email, _, _ in everyone]
            elif self.audit_to == "told":
                detail["to"] = told
            repo.audit(db, actor="watchtower", action=self.audit, channel="daemon", now=now,
                       item_id=self.item_id, school=self.school, **detail)
        return told
