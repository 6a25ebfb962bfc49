"""``watchtower check-config [FILE]``: validate the config and say what would be watched and who would be told.

Secrets are looked up as the daemon does: in ``$CREDENTIALS_DIRECTORY`` (systemd's ``LoadCredential=``, also
given to ``ExecReload=``), then the environment. Run by hand there is no ``$CREDENTIALS_DIRECTORY``: as root it
reads ``/etc/watchtower/credentials`` itself (``--credentials DIR``); as the service user, who cannot read those
root-only files, it says the secrets were not checked rather than that Watchtower would not start.

The last line is the verdict, one of: ``...: valid`` (exit 0) or ``N problem(s): Watchtower would not start``
(exit 1). A config that does not parse exits 2 with every wrong key (a school of a trust with fewer than two
moderators or no DSL is one, named by its id and name).

A trust's config is described school by school: what each school watches, its people, and who is told what (the
escalation chain with the names it reaches in that school), then the trust's people.
"""

from __future__ import annotations

import argparse
import asyncio
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from watchtower.cli._common import config_path
from watchtower.exceptions import WatchtowerError

#: where docs/operations.md puts the secret files (root-only; systemd hands the service copies)
DEFAULT_CREDENTIALS = Path("/etc/watchtower/credentials")


def register(sub: Any) -> None:
    p: argparse.ArgumentParser = sub.add_parser(
        "check-config", help="validate a config file and show what would be watched and who would be told",
        description="Validate a config file, show what would be watched and who would be told, and check that "
        "every secret it names is there. Exit 0: valid; 1: Watchtower would not start; 2: the file is wrong.",
    )
    p.add_argument("file", nargs="?", type=Path, default=None, help="config file (default: as for run)")
    p.add_argument("--config", dest="config_opt", type=Path, default=None, help=argparse.SUPPRESS)
    p.add_argument(
        "--credentials", type=Path, default=None, metavar="DIR",
        help=f"folder of secret files to check (default: $CREDENTIALS_DIRECTORY under systemd, else "
        f"{DEFAULT_CREDENTIALS} where readable)",
    )
    p.add_argument("--quiet", action="store_true", help="print only problems and the verdict (for ExecReload=)")
    p.set_defaults(func=_main)


@dataclass
class Secrets:
    """Where this run looks for secrets, and whether it can look at all."""

    environ: Mapping[str, str]
    #: why the secrets cannot be checked here (None: they can)
    unchecked: str | None = None
    missing: list[str] = field(default_factory=list)

    def has(self, name: str) -> bool:
        from watchtower.secrets import has_secret

        return self.unchecked is not None or has_secret(name, environ=self.environ)


def secrets_for(given: Path | None, environ: Mapping[str, str]) -> Secrets:
    env = dict(environ)
    if given is None and env.get("CREDENTIALS_DIRECTORY"):
        return Secrets(env)  # under systemd (ExecReload=, systemd-run): exactly what the daemon gets
    folder = given or DEFAULT_CREDENTIALS
    if given is None and not folder.exists():
        return Secrets(env)  # secrets from the environment only
    try:
        os.listdir(folder)
    except FileNotFoundError:
        raise WatchtowerError(f"--credentials {folder}: no such folder") from None
    except PermissionError:
        if given is not None:
            raise WatchtowerError(f"cannot read {folder}: run it with sudo") from None
        return Secrets(env, unchecked=(
            f"{folder} is readable by root only (as it should be); run `sudo watchtower check-config` to check "
            "them, or `sudo systemctl reload watchtower`, which checks them with the service's own credentials"
        ))
    env["CREDENTIALS_DIRECTORY"] = str(folder)
    return Secrets(env)


def secret_keys(config: Any) -> Iterator[tuple[str, str]]:
    """(where in the config, secret NAME) for every secret the daemon would read at start-up."""
    if config.store.password_secret:
        yield "store.password_secret", config.store.password_secret
    if config.smtp.password_secret:
        yield "smtp.password_secret", config.smtp.password_secret
    yield "dashboard.link_secret", config.dashboard.link_secret
    if config.webhooks.meta_enabled:
        yield "webhooks.meta_verify_token_secret", config.webhooks.meta_verify_token_secret
        yield "webhooks.meta_app_secret_secret", config.webhooks.meta_app_secret_secret
    for where, src in _sources(config):
        if not src.enabled:
            continue
        for key in type(src).model_fields:
            value = getattr(src, key)
            if key.endswith("_secret") and isinstance(value, str):
                yield f"{where} ({src.name}).{key}", value


def _sources(config: Any) -> Iterator[tuple[str, Any]]:
    """(where in the config, source) for every source: ``sources[2]``, or ``schools[1].sources[0]`` in a trust."""
    if config.schools:
        for i, school in enumerate(config.schools):
            for j, src in enumerate(school.sources):
                yield f"schools[{i}].sources[{j}]", src
    else:
        for i, src in enumerate(config.sources):
            yield f"sources[{i}]", src


def missing_secret_text(where: str, name: str) -> str:
    return (f"secret {name} (named by {where}) is NOT SET: put it in {DEFAULT_CREDENTIALS}/{name} (root only) "
            f"and give it to the service with the line LoadCredential={name}:{DEFAULT_CREDENTIALS}/{name} "
            "(sudo systemctl edit watchtower; docs/operations.md section 3)")


def _main(args: argparse.Namespace) -> int:
    from watchtower.config import load_config

    path = config_path(args.file or args.config_opt)
    config = load_config(path)
    secrets = secrets_for(args.credentials, os.environ)
    lines, problems = asyncio.run(_describe(config, secrets))
    for kind, text in lines:
        if not args.quiet or kind == "problem":
            print(text)
    if problems:
        print(f"\n{len(problems)} problem(s): Watchtower would not start until they are fixed.")
        return 1
    note = " (secrets not checked)" if secrets.unchecked else ""
    print(f"\n{path}: valid{note}: Watchtower would start with this config.")
    return 0


async def _describe(config: Any, secrets: Secrets) -> tuple[list[tuple[str, str]], list[str]]:
    """The report as (kind, line) pairs, kind "info" or "problem", and the problems."""
    import aiohttp

    out: list[tuple[str, str]] = []
    problems: list[str] = []

    def info(text: str = "") -> None:
        out.append(("info", text))

    def problem(text: str) -> None:
        problems.append(text)
        out.append(("problem", text))

    missing = {name: where for where, name in secret_keys(config) if not secrets.has(name)}
    # the connectors read their secrets when built: give the ones that cannot be checked here a stand-in
    environ = dict(secrets.environ)
    if secrets.unchecked:
        for _, name in secret_keys(config):
            environ.setdefault(name, "not-checked")
    where_of = {id(src): where for where, src in _sources(config)}
    trust = config.trust
    if config.schools:
        info(f"Trust: {trust.name if trust else config.display_name} ({len(config.all_schools)} schools)")
        info()
    async with aiohttp.ClientSession() as session:
        for school in config.all_schools:
            await _describe_school(config, school, session, environ, missing, where_of, info, problem)
    if config.schools:
        info("Trust-level people:")
        for tp in trust.people if trust else []:
            roles = ", ".join({"safeguarding_lead": "trust safeguarding lead (told about, and reads, every "
                               "school's safeguarding items)", "operator": "trust operator (told about every "
                               "school's sources and undeliverable email)"}[r] for r in tp.roles)
            info(f"  - {tp.name} <{tp.email}>: {roles}")
        if not (trust and trust.people):
            info("  (none: each school's DSL and operator only)")
        leads = config.trust_people_with("safeguarding_lead")
        if leads:
            info(f"  - trust safeguarding digest (every school's safeguarding items) every day at "
                 f"{config.escalation.digest_time.strftime('%H:%M')} to: {', '.join(p.name for p in leads)}")
        info()
    info(f"Retention: unflagged items {config.retention.unflagged_days} days, flagged "
         f"{config.retention.flagged_days} days; audit log kept")
    store_line, store_problem = await asyncio.to_thread(_store_text, config.store, environ, missing)
    if store_problem:
        problem(f"Store: {store_problem}")
    else:
        info(f"Store: {store_line}")
    info(f"Mail: {config.smtp.host}:{config.smtp.port} ({config.smtp.security}) from {config.smtp.from_address}")
    dash = config.dashboard
    listening = f"listening on {dash.host}:{dash.port}" if dash.enabled else "dashboard disabled"
    info(f"Dashboard: {dash.public_url} (the address in every email's links; {listening})")
    for name, where in missing.items():
        if not where.startswith(("sources[", "schools[")):
            problem(f"  {missing_secret_text(where, name)}")
    if secrets.unchecked:
        info(f"Secrets: not checked here: {secrets.unchecked}")
    for w in config.warnings():
        info(f"Warning: {w}")
    return out, problems


def _store_text(store: Any, environ: Mapping[str, str], missing: Mapping[str, str]) -> tuple[str, str | None]:
    """The store in words, and for PostgreSQL whether it can be reached and how far its schema is: (line, None)
    or (line, the problem that would stop the daemon)."""
    from watchtower.exceptions import StoreError
    from watchtower.store import connect
    from watchtower.store.migrations import migrations

    described = store.describe()
    if store.url is None:
        return described, None
    if store.password_secret in missing or environ.get(store.password_secret or "") == "not-checked":
        return f"{described} (not connected: its password secret is not here)", None
    try:
        db = connect(store.location(environ), migrate=False)
    except StoreError as exc:
        return described, f"{exc}"
    try:
        pending = len(migrations.pending(db))
    finally:
        db.close()
    schema = "up to date" if not pending else f"{pending} migration(s) to apply, which the daemon does at start"
    return f"{described} (connected; schema {schema})", None
async def _describe_school(config: Any, school: Any, session: Any, environ: Any, missing: dict[str, str],
                           where_of: dict[int, str], info: Any, problem: Any) -> None:
    """One school: its name and id, what it watches, its people, who is told what, its deadlines."""
    from watchtower.connectors import build_connector
    from watchtower.exceptions import ConfigError
    from watchtower.people import Roster, step_roles

    pad = "  " if config.schools else ""
    aliases = f" (also: {', '.join(school.aliases)})" if school.aliases else ""
    ident = f" [id {school.id}]" if config.schools else ""
    info(f"School: {school.name}{ident}{aliases}")
    info()
    info(f"{pad}Watching:")
    for src in school.sources:
        if not src.enabled:
            info(f"{pad}  - {src.name} [{src.type}] disabled")
            continue
        where = where_of.get(id(src), "")
        src_missing = [n for n in missing if missing[n].startswith(f"{where} ")]
        if src_missing:
            for name in src_missing:
                problem(f"{pad}  - {src.name} [{src.type}] NOT READY: {missing_secret_text(missing[name], name)}")
            continue
        try:
            conn = build_connector(src, session, school_names=school.names, environ=environ)
            hook = ("; and in real time by Meta webhook at <public_url>/webhooks/meta"
                    if config.webhooks.meta_enabled and src.type in ("facebook", "instagram") else "")
            info(f"{pad}  - {src.name} [{src.type}] every {src.interval_seconds:g}s: {conn.describe()}{hook}")
        except ConfigError as exc:
            problem(f"{pad}  - {src.name} [{src.type}] NOT READY: {exc}")
    if not school.sources:
        info(f"{pad}  (nothing)")
    info()
    info(f"{pad}People and roles:")
    for p in school.people:
        info(f"{pad}  - {p.name} <{p.email}>: {', '.join(p.roles)}")
    info()
    roster = Roster.from_config(config, school.id)

    def names(roles: list[str], categories: list[str]) -> str:
        told = roster.route(step_roles(roles, categories))
        return ", ".join(p.name for p in told) or "NO ONE"

    info(f"{pad}Who is told:")
    for rule in config.escalation.on_seen:
        info(f"{pad}  - {_rule_text(rule)}" + (f" -> {names(rule.roles, rule.categories)}" if config.schools else ""))
    for level in config.escalation.levels:
        info(f"{pad}  - {_level_text(level)}" + (f" -> {names(level.roles, level.categories)}"
                                                 if config.schools else ""))
    digest_to = ", ".join(p.name for p in roster.digest_recipients())
    info(f"{pad}  - DSL digest every day at {config.escalation.digest_time.strftime('%H:%M')} "
         f"({config.deadlines.timezone}) to: {digest_to}")
    ops = ", ".join(f"{name} <{email}>" if name != "Operator" else email for email, name in roster.operators())
    info(f"{pad}  - failing sources and undeliverable email: {ops or 'NO ONE'}")
    info()
    d = school.deadlines
    closures = f"; closed {', '.join(x.isoformat() for x in d.closure_dates)}" if d.closure_dates else ""
    info(f"{pad}Deadlines: critical {d.critical_hours:g} h, high {d.high_hours:g} h, media enquiry "
         f"{d.media_enquiry_hours:g} h, normal own-account {d.normal_hours:g} h (next working day at weekends; "
         f"{d.nation} bank holidays; end of day {d.end_of_day.strftime('%H:%M')}{closures})")
    if config.schools:
        lists = f"; lists file {school.classifier.lists_file}" if school.classifier.lists_file else ""
        staff = f"; staff names {', '.join(school.classifier.staff_names)}" if school.classifier.staff_names else ""
        info(f"{pad}Classifier: the school is {', '.join(school.classifier.school_names)}{staff}{lists}")
    info()


def _rule_text(rule: Any) -> str:
    what = []
    if getattr(rule, "severities", None):
        what.append("/".join(rule.severities))
    if getattr(rule, "categories", None):
        what.append("/".join(rule.categories))
    if getattr(rule, "sources", None):
        what.append("from " + "/".join(rule.sources))
    when = "at once" if getattr(rule, "urgent", False) else "batched"
    return f"{' '.join(what) or 'any'} item seen: {', '.join(rule.roles)} ({when})"


def _level_text(level: Any) -> str:
    if level.at_fraction is not None:
        when = f"{level.at_fraction:.0%} of the deadline passed"
    elif level.after_deadline_hours_by_severity:
        parts = ", ".join(f"{k} +{v:g} h" for k, v in level.after_deadline_hours_by_severity.items())
        when = f"deadline + {level.after_deadline_hours or 0:g} h ({parts})"
    elif level.after_deadline_hours is not None:
        when = f"deadline + {level.after_deadline_hours:g} h" if level.after_deadline_hours else "deadline passed"
    else:
        when = "?"
    return f"{when}, not acknowledged: {', '.join(level.roles)} [{level.id}]"
