"""``watchtower digest``: the DSL's daily digest, now.

    watchtower digest --preview [--config FILE]   print the digest text as of now; sends nothing
    watchtower digest --send [--config FILE]      queue it for the DSL and deputy now and deliver it through
                                                  SMTP once; exit 1 if any copy was not accepted

``--send`` is persist-first like the daemon: the rows are written to the outbox (held back from the running
daemon for a few minutes so the two never send the same row), then delivered by the outbox's own code. A copy
that failed for a passing reason stays queued and the daemon retries it; a bad address fails at once and the
operator is told. It does not replace the scheduled digest (its rows have their own dedup keys).
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import sys
from datetime import timedelta
from typing import Any

from watchtower.cli._common import add_config_arg, config_path, open_database
from watchtower.exceptions import WatchtowerError

#: what `watchtower digest --help` says: for the person at the terminal, not the developer (see the docstring)
HELP = """\
The Designated Safeguarding Lead's daily digest, now: items flagged in the last 24 hours, open items,
missed deadlines and items waiting for the DSL's review. The service sends it by itself every day.

  watchtower digest --preview   show the digest as it stands now; nothing is sent
  watchtower digest --send      email it to the DSL and deputy DSL now; exit 1 if a copy was not accepted

A copy the mail server could not take for a passing reason is retried by the running service, as for any
alert; a wrong address fails at once and the IT contact is told. Sending now does not replace the daily one.
"""

#: how long the running daemon leaves a CLI-queued digest alone before retrying it itself
HOLD_FROM_DAEMON = timedelta(minutes=5)


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "digest", help="preview the DSL digest, or send it now", description=HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--preview", action="store_true", help="show the digest as it stands now; send nothing")
    what.add_argument("--send", action="store_true", help="email it to the DSL and deputy DSL now")
    add_config_arg(p)
    p.set_defaults(func=_main)


def _main(args: argparse.Namespace) -> int:
    from watchtower.config import load_config

    config = load_config(config_path(args.config))
    if args.preview:
        return preview(config)
    return asyncio.run(send(config))


def preview(config: Any) -> int:
    """Print every digest the instance sends (a trust: each school's, then the trust safeguarding lead's)."""
    from watchtower.digest import build_digest, build_trust_digest, digests_of, render_digest
    from watchtower.models import ALL_SCHOOLS, utcnow

    db = open_database(config.store, command="digest")
    try:
        now = utcnow()
        rendered = [render_digest(build_trust_digest(db, config, now) if school == ALL_SCHOOLS
                                  else build_digest(db, config, now, school)) for school in digests_of(config)]
    finally:
        db.close()
    for i, (subject, text, _) in enumerate(rendered):
        if i:
            print("\n" + "=" * 72 + "\n")
        print(f"Subject: {subject}\n")
        print(text)
    return 0


async def send(config: Any, *, sender: Any = None, environ: Any = None, clock: Any = None) -> int:
    """Queue the digest now and deliver it once. Returns 0 if every copy was accepted, else 1.

    ``sender``, ``environ`` and ``clock`` are for tests (the real SMTP sender, the environment, the wall clock).
    """
    import os

    from watchtower.digest import digest_recipients, digests_of, queue_digests
    from watchtower.links import LinkSigner
    from watchtower.models import utcnow
    from watchtower.notify.notice import Notice
    from watchtower.notify.outbox import Notifier, OutboxSettings
    from watchtower.notify.smtp import SmtpSender
    from watchtower.people import Directory
    from watchtower.secrets import get_secret, has_secret
    from watchtower.store import Store, repo
    from watchtower.timeutil import ts

    env = os.environ if environ is None else environ
    clock = clock or utcnow
    if not any(digest_recipients(config, school) for school in digests_of(config)):
        raise WatchtowerError("no one has the dsl or deputy_dsl role: there is no one to send the digest to")
    link_name = config.dashboard.link_secret
    # the digest carries no acknowledgement links; the notifier needs a signer all the same
    key = get_secret(link_name, environ=env) if has_secret(link_name, environ=env) else secrets.token_urlsafe(32)
    roster = Directory.from_config(config)
    settings = OutboxSettings.from_config(config)
    store = Store(config.store.location())
    await store.open()
    try:
        notifier = Notifier(
            store=store,
            sender=sender or SmtpSender.from_config(config.smtp, environ=env),
            signer=LinkSigner(key, ttl=timedelta(hours=1)),
            settings=settings,
            people=roster.recipient,
            clock=clock,
        )
        now = clock()

        def queue(db: Any) -> list[int]:
            stamp = ts(now)
            keys = queue_digests(db, config, now, key=lambda school: Notice.manual_digest_key(
                stamp if school == config.all_schools[0].id else f"{school}:{stamp}"))
            ids = repo.alert_ids_by_keys(db, keys)
            repo.defer_alerts(db, ids, until=now + HOLD_FROM_DAEMON)
            return ids

        ids = await store.write(queue)
        sent = await notifier.deliver(ids)
        rows = await store.read(lambda db: repo.get_alerts(db, ids))
    finally:
        await store.close()
    for r in rows:
        ok = r["status"] == "sent"
        state = "delivered" if ok else f"NOT delivered ({r['status']}): {r['last_error']}"
        print(f"digest to {r['recipient']}: {state}", file=sys.stdout if ok else sys.stderr)
    return 0 if sent == len(ids) else 1

