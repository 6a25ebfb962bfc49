"""The configuration: loaded and validated once, at start-up, from ``watchtower.toml``.

Every error names the key and the fix. Each component owns its section's schema (connectors, classifier,
deadlines, escalation); this module assembles them, adds people, SMTP, dashboard, store and retention, and
applies the policy checks (at least two moderators, a DSL, a headteacher or an AHT).

One config is one school (``[school]``, ``[[people]]``, ``[[sources]]``) or a multi-academy trust: a list of
``[[schools]]``, each with its own people, sources, deadlines and classifier lists, and an optional ``[trust]`` with
the trust's safeguarding lead and operator. Either form, not both. Everything else reads the resolved view,
:attr:`Config.all_schools` (a one-school config is a trust of one school, id ``default``): one :class:`School` per
school, with its people, sources, deadline and classifier settings.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    TypeAdapter,
    ValidationError,
    field_validator,
    model_validator,
)

from watchtower.classify.config import ClassifierConfig
from watchtower.connectors.config import SourceConfig
from watchtower.deadlines import DeadlineConfig
from watchtower.escalation import EscalationConfig
from watchtower.exceptions import ConfigError
from watchtower.models import DEFAULT_SCHOOL, ROLES, Role
from watchtower.secrets import SecretName

if TYPE_CHECKING:
    from watchtower.store.db import Location


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def distinct_names(name: str, aliases: Sequence[str]) -> list[str]:
    """A school's name and aliases, stripped, each once, in the order written (what the classifier searches for)."""
    seen: dict[str, None] = {}
    for n in [name, *aliases]:
        seen.setdefault(n.strip(), None)
    return [n for n in seen if n]


class SchoolConfig(_Section):
    name: str = Field(description="The school's name as people write it, e.g. 'Oakfield Academy'.", min_length=2)
    aliases: list[str] = Field(
        default_factory=list,
        description="Other names and handles to search for: 'Oakfield School', '@OakfieldSch', 'OA Sixth Form'.",
    )
    operator_email: str | None = Field(
        default=None,
        description="The IT technician's address: told when a source fails, a token expires or an email bounces. "
        "Defaults to the people with the admin role.",
    )

    @property
    def names(self) -> list[str]:
        return distinct_names(self.name, self.aliases)


def check_email(v: str) -> str:
    v = v.strip()
    local, _, domain = v.partition("@")
    if not local or "." not in domain or any(c in v for c in " \r\n<>,;"):
        raise ValueError(f"{v!r} is not an email address: write it as name@school.example")
    return v


#: A person's address (``[[people]]``, ``[[trust.people]]``): checked by :func:`check_email`.
Email = Annotated[str, AfterValidator(check_email)]


class Person(_Section):
    name: str = Field(description="Full name, shown in emails and the audit log.", min_length=1)
    email: Email = Field(description="Where this person's alerts go.")
    roles: list[Role] = Field(description="One or more of: " + ", ".join(ROLES) + ".", min_length=1)


_SCHOOL_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")


class SchoolClassifierConfig(_Section):
    """A school's own classifier lists in a trust (``[schools.classifier]``): the model and its thresholds are the
    trust's (``[classifier]``); these add to the trust's lists, and ``lists_file`` replaces the trust's."""

    staff_names: list[str] = Field(
        default_factory=list, description="This school's staff and governors: insults naming them are harassment."
    )
    school_names: list[str] = Field(
        default_factory=list, description="More names of this school (its name and aliases are always used)."
    )
    allowed_phone_numbers: list[str] = Field(
        default_factory=list, description="This school's public phone numbers (never personal data)."
    )
    lists_file: Path | None = Field(
        default=None, description="This school's own lists file (the DSL's additions); default: the trust's."
    )

    @field_validator("lists_file")
    @classmethod
    def _lists_file_loads(cls, v: Path | None) -> Path | None:
        from watchtower.classify.rules.lists import load

        load(v)  # raises ListError (a ValueError) naming the file, the entry and the fix
        return v


DEFAULT_STORE_PATH = Path("/var/lib/watchtower/watchtower.db")
class SchoolEntry(_Section):
    """One ``[[schools]]`` entry of a trust config: the school's ``[school]``, ``[[people]]``, ``[[sources]]``,
    ``[deadlines]`` (over the trust's) and classifier lists."""

    id: str = Field(
        description="Short, stable id kept with every item, alert and user of this school, e.g. 'oakfield' "
        "(lower-case letters, digits, - and _). Changing it orphans the school's history; a school that was "
        "a one-school install keeps id = \"default\".",
    )
    name: str = Field(description="The school's name as people write it.", min_length=2)
    aliases: list[str] = Field(default_factory=list, description="Other names and handles of this school.")
    operator_email: str | None = Field(
        default=None, description="This school's IT contact for failing sources (default: its admins)."
    )
    people: list[Person] = Field(default_factory=list, description="This school's people and their roles.")
    sources: list[SourceConfig] = Field(default_factory=list, description="What to watch for this school.")
    deadlines: DeadlineConfig = Field(
        default_factory=DeadlineConfig,
        description="This school's nation, closure dates and clocks; unset keys come from the trust's [deadlines].",
    )
    classifier: SchoolClassifierConfig = Field(default_factory=SchoolClassifierConfig)

    @field_validator("id")
    @classmethod
    def _id(cls, v: str) -> str:
        if not _SCHOOL_ID.fullmatch(v):
            raise ValueError(f"{v!r} is not a school id: use lower-case letters, digits, - and _ (at most 40), "
                             'e.g. id = "oakfield"')
        return v


class TrustPerson(_Section):
    name: str = Field(description="Full name, shown in emails and the audit log.", min_length=1)
    email: Email = Field(description="Where this person's alerts go.")
    roles: list[Literal["safeguarding_lead", "operator"]] = Field(
        min_length=1,
        description="safeguarding_lead: told about, and reads, every school's safeguarding items; operator: told "
        "about every school's sources and undeliverable email.",
    )


class TrustConfig(_Section):
    """``[trust]``: the multi-academy trust around the ``[[schools]]`` and its trust-level people."""

    name: str = Field(description="The trust's name, e.g. 'Northfield Learning Trust'.", min_length=2)
    people: list[TrustPerson] = Field(
        default_factory=list, description="Trust-level people: the trust safeguarding lead, the trust operator."
    )


@dataclass(frozen=True)
class School:
    """One school of the instance, resolved: what the pipeline, the notifier and the dashboard read."""

    id: str
    name: str
    aliases: tuple[str, ...]
    operator_email: str | None
    people: tuple[Person, ...]
    sources: tuple[SourceConfig, ...]
    deadlines: DeadlineConfig
    classifier: ClassifierConfig

    @property
    def names(self) -> list[str]:
        return distinct_names(self.name, self.aliases)

    def people_with(self, role: str) -> list[Person]:
        return [p for p in self.people if role in p.roles]


class StoreConfig(_Section):
    """Where Watchtower keeps everything: a SQLite file (``path``, the default) or a PostgreSQL database (``url``),
    exactly one of them."""

    path: Path | None = Field(
        default=None,
        description="The SQLite database file (its folder must be writable by the service user). Default "
        f"{DEFAULT_STORE_PATH} unless url is given.",
    )
    url: str | None = Field(
        default=None,
        description="A PostgreSQL database instead of the SQLite file, e.g. "
        "postgresql://watchtower@db.trust.example:5432/watchtower?sslmode=verify-full (docs/operations.md, "
        "\"PostgreSQL\"). No password here: name its secret in password_secret.",
    )
    password_secret: SecretName | None = Field(
        default=None,
        description="NAME of the secret holding the PostgreSQL password (environment variable or systemd "
        "credential). Not needed when the server trusts the service user (a local socket, a client certificate).",
    )

    lease_seconds: float = Field(
        default=30, ge=3, le=3600,
        description="Several daemons on one PostgreSQL database: how long a daemon's hold on a source or a "
        "periodic job lasts without renewal (renewed every third of it). A daemon that dies has its sources "
        "taken over within about 4/3 of this (docs/operations.md, section 12).",
    )

    @model_validator(mode="before")
    @classmethod
    def _default_path(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("path") is None and data.get("url") is None:
            return {**data, "path": DEFAULT_STORE_PATH}
        return data

    @field_validator("url")
    @classmethod
    def _url(cls, v: str | None) -> str | None:
        if v is None:
            return v
        from urllib.parse import parse_qs, urlsplit

        v = v.strip()
        if not v.startswith(("postgresql://", "postgres://")):
            raise ValueError(f"{v!r} is not a PostgreSQL address: write postgresql://USER@HOST:5432/DATABASE "
                             "(for a SQLite file, use path instead)")
        parts = urlsplit(v)
        if parts.password is not None or "password" in parse_qs(parts.query):
            raise ValueError("the password does not go in the config file: put it in a credential file and name it "
                             'in store.password_secret = "NAME" (docs/operations.md, section 3 "Secrets")')
        if not parts.path.strip("/") and "dbname" not in parse_qs(parts.query):
            raise ValueError(f"{v!r} names no database: add it after the host, e.g. "
                             "postgresql://watchtower@db.trust.example:5432/watchtower")
        return v

    @model_validator(mode="after")
    def _one_store(self) -> StoreConfig:
        if self.url is not None and self.path is not None:
            raise ValueError("give path (a SQLite file) or url (a PostgreSQL database), not both: remove one of "
                             "store.path and store.url")
        if self.password_secret is not None and self.url is None:
            raise ValueError("store.password_secret is the password of a PostgreSQL store: it needs store.url")
        return self

    @property
    def is_postgresql(self) -> bool:
        return self.url is not None

    def location(self, environ: Mapping[str, str] | None = None) -> Location:
        """Where the store is, with the PostgreSQL password read from its secret (SecretMissing if it is not
        set)."""
        from watchtower.secrets import get_secret
        from watchtower.store.db import Location

        if self.url is None:
            assert self.path is not None
            return Location(path=self.path)
        password = get_secret(self.password_secret, environ=environ) if self.password_secret else None
        return Location(url=self.url, password=password)

    def describe(self) -> str:
        """The store in words, without any secret."""
        if self.url is None:
            return f"SQLite file {self.path}"
        from watchtower.store.db import redact_url

        return f"PostgreSQL {redact_url(self.url)}"


class SmtpConfig(_Section):
    host: str = Field(default="localhost", description="SMTP server host name.")
    port: int = Field(default=587, ge=1, le=65535, description="SMTP port: 587 STARTTLS, 465 TLS, 25 plain relay.")
    security: Literal["starttls", "tls", "none"] = Field(
        default="starttls", description="starttls (port 587), tls (port 465) or none (a local relay only)."
    )
    username: str | None = Field(default=None, description="SMTP login, if the server needs one.")
    password_secret: SecretName | None = Field(
        default=None,
        description="NAME of the secret holding the SMTP password (environment variable or systemd credential).",
    )
    from_address: str = Field(
        default="watchtower@localhost", description="The From: address of every alert, e.g. watchtower@school.example."
    )
    timeout_seconds: float = Field(default=30, gt=0, description="Give up on one SMTP conversation after this long.")
    validate_certs: bool = Field(default=True, description="Check the server's TLS certificate (leave on).")


class NotifyConfig(_Section):
    max_backoff_seconds: float = Field(
        default=600, gt=0, description="Longest wait between two tries of an email that failed for a passing reason."
    )
    first_backoff_seconds: float = Field(default=5, gt=0, description="Wait before the first retry of a failed email.")
    give_up_hours: float = Field(
        default=72, gt=0, description="After this long failing, an email is marked failed and the operator is told."
    )


class DashboardConfig(_Section):
    enabled: bool = Field(default=True, description="Serve the moderators' and DSL's dashboard from the daemon.")
    host: str = Field(default="127.0.0.1", description="Address to listen on. Keep loopback behind a reverse proxy.")
    port: int = Field(default=8080, ge=1, le=65535, description="Port to listen on.")
    public_url: str = Field(
        default="http://127.0.0.1:8080",
        description="The address people open (behind the reverse proxy): used for links in emails.",
    )
    @field_validator("public_url")
    @classmethod
    def _url(cls, v: str) -> str:
        v = v.strip()
        if not v.startswith(("https://", "http://")) or len(v.split("://", 1)[1].strip("/")) == 0:
            raise ValueError(f"{v!r} is not a web address: write the address people open, e.g. "
                             "public_url = \"https://watchtower.school.example\"")
        return v

    link_secret: str = Field(
        default="WATCHTOWER_LINK_KEY",
        description="NAME of the secret used to sign acknowledgement links in emails (32+ random bytes).",
    )
    link_ttl_hours: float = Field(default=72, gt=0, description="Acknowledgement links in emails expire after this.")
    moderators_see_safeguarding_text: bool = Field(
        default=False,
        description="If false, moderators see that a safeguarding item exists and its deadline, not its text.",
    )
    session_hours: float = Field(default=12, gt=0, description="A dashboard login lasts this long.")
    trusted_proxies: list[str] = Field(
        default_factory=lambda: ["127.0.0.1", "::1"],
        description="Addresses of the reverse proxy in front of the dashboard: only from these is the client "
        "address in X-Forwarded-For believed (for the login rate limit and the audit log).",
    )


def _steps(kind: str, *steps: str) -> Any:
    """A guidance field: the steps shown on an item's page for ``kind``, a fresh list for each config."""
    return Field(default_factory=lambda: list(steps), description=f"Steps shown on a {kind} item's page.")


class GuidanceConfig(_Section):
    """"What to do now" on a critical item's page, from the school's policies: short steps, in order."""

    threat: list[str] = _steps(
        "threat",
        "If anyone may be in immediate danger, call 999 now.",
        "Tell the headteacher straight away.",
        "Do not reply publicly. Keep the post: hide it rather than delete it, so the police can see it.",
    )
    safeguarding: list[str] = _steps(
        "safeguarding",
        "Do not reply publicly and do not contact the child or the author.",
        "Tell the DSL now (in person or by phone if urgent): the DSL decides what happens next.",
        "If a child is in immediate danger, call 999.",
    )
    hate: list[str] = _steps(
        "hate",
        "Hide the post (do not delete it: it may be evidence).",
        "Report it to the platform.",
        "Tell the headteacher.",
    )


class RetentionConfig(_Section):
    unflagged_days: int = Field(default=30, ge=1, description="Items with no category are purged after this.")
    flagged_days: int = Field(default=365, ge=1, description="Flagged items are purged after this.")
    purge_time: str = Field(default="03:15", description="Local time of the daily purge (HH:MM).")


class WatchConfig(_Section):
    dormant_days: int = Field(
        default=14, ge=1, description="Tell the moderators when a school account has posted nothing for this long."
    )
    spike_replies: int = Field(
        default=5, ge=2, description="A pile-on: this many flagged replies to one post or thread ..."
    )
    spike_minutes: int = Field(default=60, ge=1, description="... within this many minutes raises a spike alert.")
    silent_after_hours: float = Field(
        default=24,
        gt=0,
        description="Default for every source: alert when it has not polled successfully for this long.",
    )


class WebhooksConfig(_Section):
    meta_enabled: bool = Field(
        default=False,
        description="Receive Facebook/Instagram webhooks (real-time comments) on the dashboard's address at "
        "/webhooks/meta. Needs a public HTTPS name (reverse proxy); polling still runs to catch what is missed.",
    )
    meta_verify_token_secret: SecretName = Field(
        default="META_WEBHOOK_VERIFY_TOKEN",
        description="NAME of the secret holding the verify token you typed into the Meta app's webhook settings.",
    )
    meta_app_secret_secret: SecretName = Field(
        default="META_APP_SECRET",
        description="NAME of the secret holding the Meta app secret (checks X-Hub-Signature-256 on every delivery).",
    )


class LoggingConfig(_Section):
    level: Literal["debug", "info", "warning", "error"] = Field(default="info", description="Log level.")
    format: Literal["auto", "json", "console"] = Field(
        default="auto", description="auto: JSON under systemd or a pipe, readable on a terminal."
    )


class ActionTemplates(_Section):
    acknowledgement: str = Field(
        default="Thank you — we've received your message and will reply by {deadline}.",
        description="Reply that acknowledges a comment, query or complaint. {deadline} becomes the item's "
        "acknowledgement deadline in the school's time zone (e.g. 'Tue 3 Mar 17:00'), {school} the school's name.",
    )
    removed: str = Field(
        default="We have removed a comment here because {reason}. Please keep comments kind and respectful: "
        "{school}",
        description="Notice posted after hiding or removing a comment ('inform the audience exactly why'). "
        "{reason} is what the moderator types; {school} the school's name.",
    )


class ActionsConfig(_Section):
    """Acting on the platform from Watchtower (hide, delete, reply, ban), with the school's own tokens."""

    enabled: bool = Field(default=True, description="Offer actions on the platform from the dashboard and CLI.")
    dry_run: bool = Field(
        default=False,
        description="Record and audit each action with the exact call it would make, but call no platform "
        "(for trying it safely).",
    )
    first_backoff_seconds: float = Field(default=10, gt=0, description="Wait before retrying a transient failure.")
    max_backoff_seconds: float = Field(default=900, gt=0, description="Longest wait between retries.")
    max_attempts: int = Field(default=8, ge=1, le=100, description="Give up (status failed) after this many tries.")
    youtube_client_id_secret: SecretName | None = Field(
        default=None, description="Name of the secret holding the Google OAuth client id (YouTube moderation)."
    )
    youtube_client_secret_secret: SecretName | None = Field(
        default=None, description="Name of the secret holding the Google OAuth client secret."
    )
    youtube_refresh_token_secret: SecretName | None = Field(
        default=None,
        description="Name of the secret holding a refresh token for the channel's owner, scope "
        "https://www.googleapis.com/auth/youtube.force-ssl (see connectors/youtube.md). Unset: no YouTube actions.",
    )
    youtube_token_uri: str = Field(
        default="https://oauth2.googleapis.com/token", description="Google's OAuth token endpoint."
    )
    templates: ActionTemplates = Field(default_factory=ActionTemplates)


class Config(_Section):
    school: SchoolConfig | None = Field(default=None, description="The school (a one-school config).")
    people: list[Person] = Field(default_factory=list, description="Everyone Watchtower emails, with their roles.")
    sources: list[SourceConfig] = Field(default_factory=list, description="What to watch.")
    schools: list[SchoolEntry] = Field(
        default_factory=list, description="A trust's schools, each with its people and sources (instead of "
        "[school], [[people]] and [[sources]])."
    )
    trust: TrustConfig | None = Field(default=None, description="The trust around [[schools]] (optional).")
    classifier: ClassifierConfig = Field(default_factory=ClassifierConfig)
    deadlines: DeadlineConfig = Field(default_factory=DeadlineConfig)
    escalation: EscalationConfig = Field(default_factory=EscalationConfig)
    smtp: SmtpConfig = Field(default_factory=SmtpConfig)
    notify: NotifyConfig = Field(default_factory=NotifyConfig)
    dashboard: DashboardConfig = Field(default_factory=DashboardConfig)
    guidance: GuidanceConfig = Field(default_factory=GuidanceConfig)
    store: StoreConfig = Field(default_factory=StoreConfig)
    retention: RetentionConfig = Field(default_factory=RetentionConfig)
    watch: WatchConfig = Field(default_factory=WatchConfig)
    webhooks: WebhooksConfig = Field(default_factory=WebhooksConfig)
    logging: LoggingConfig = Field(default_factory=LoggingConfig)
    actions: ActionsConfig = Field(default_factory=ActionsConfig)

    #: the resolved schools, with the identity of the fields they were resolved from (``model_copy(update=...)``
    #: replaces a field without validating: the view is resolved again when one changed)
    _resolved: tuple[tuple[int, ...], tuple[School, ...]] | None = PrivateAttr(default=None)

    @model_validator(mode="before")
    @classmethod
    def _schools_inherit(cls, data: Any) -> Any:
        """Each school's ``[schools.deadlines]`` is read over the trust's ``[deadlines]``."""
        return inherit_deadlines(data)

    @model_validator(mode="after")
    def _policy(self) -> Config:
        problems = form_problems(self.model_fields_set, bool(self.schools), self.trust is not None)
        if self.schools:
            problems += trust_problems(self.schools, self.trust, self.deadlines.timezone)
        elif not problems:
            problems += policy_problems(self.people, [s.name for s in self.sources])
        if "smtp" in self.model_fields_set and "public_url" not in self.dashboard.model_fields_set:
            problems.append(PUBLIC_URL_REQUIRED)
        if problems:
            raise ValueError("\n".join(problems))
        return self

    @property
    def _schools(self) -> tuple[School, ...]:
        key = tuple(id(getattr(self, k)) for k in ("school", "people", "sources", "schools", "deadlines", "classifier"))
        if self._resolved is None or self._resolved[0] != key:
            self._resolved = (key, self._resolve())
        return self._resolved[1]

    def _resolve(self) -> tuple[School, ...]:
        if not self.schools:
            assert self.school is not None
            return (School(DEFAULT_SCHOOL, self.school.name, tuple(self.school.aliases), self.school.operator_email,
                           tuple(self.people), tuple(self.sources), self.deadlines, self.classifier),)
        out = []
        for e in self.schools:
            own = e.classifier
            clf = self.classifier.model_copy(update={
                "staff_names": [*self.classifier.staff_names, *own.staff_names],
                "school_names": [e.name, *e.aliases, *own.school_names],
                "allowed_phone_numbers": [*self.classifier.allowed_phone_numbers, *own.allowed_phone_numbers],
                "lists_file": own.lists_file or self.classifier.lists_file,
            })
            out.append(School(e.id, e.name, tuple(e.aliases), e.operator_email, tuple(e.people), tuple(e.sources),
                              e.deadlines, clf))
        return tuple(out)

    # --- the schools, resolved (a one-school config is a trust of one) ---------------------------------

    @property
    def all_schools(self) -> tuple[School, ...]:
        """Every school of the instance, in config order."""
        return self._schools

    @property
    def multi_school(self) -> bool:
        """Whether this instance serves more than one school (emails then say which)."""
        return len(self._schools) > 1

    @property
    def display_name(self) -> str:
        """The trust's name, else the (only) school's."""
        if self.trust is not None:
            return self.trust.name
        return self._schools[0].name if len(self._schools) == 1 else "all schools"

    @property
    def timezone(self) -> str:
        """The instance's time zone (every school shares it)."""
        return self.deadlines.timezone

    def school_by_id(self, school_id: str) -> School:
        """The school with this id; KeyError for an id no school has (a school removed from the config)."""
        for s in self._schools:
            if s.id == school_id:
                return s
        raise KeyError(school_id)

    def school_named(self, school_id: str) -> str:
        """The school's name, or its id when it is no longer configured."""
        try:
            return self.school_by_id(school_id).name
        except KeyError:
            return school_id

    def school_of_source(self, source_name: str) -> School | None:
        """The school a configured source belongs to (None: no source has that name)."""
        for s in self._schools:
            if any(src.name == source_name for src in s.sources):
                return s
        return None

    @property
    def all_sources(self) -> list[SourceConfig]:
        """Every school's sources (names are unique across the instance)."""
        return [src for s in self._schools for src in s.sources]

    @property
    def all_people(self) -> list[Person | TrustPerson]:
        """Everyone Watchtower emails, each address once (school people first, then trust-level people)."""
        out: dict[str, Person | TrustPerson] = {}
        for s in self._schools:
            for p in s.people:
                out.setdefault(p.email.lower(), p)
        for tp in self.trust.people if self.trust else []:
            out.setdefault(tp.email.lower(), tp)
        return list(out.values())

    def trust_people_with(self, role: Literal["safeguarding_lead", "operator"]) -> list[TrustPerson]:
        return [p for p in (self.trust.people if self.trust else []) if role in p.roles]

    def people_with(self, role: str) -> list[Person]:
        """The people with ``role`` in any school."""
        return [p for s in self._schools for p in s.people if role in p.roles]

    def warnings(self) -> list[str]:
        """Things that are allowed but probably wrong, shown by ``check-config``."""
        out = []
        for school in self._schools:
            where = f"{school.name}: " if self.schools else ""
            for role, why in (
                ("headteacher", "serious items and breaches escalate to the headteacher"),
                ("aht", "missed deadlines escalate to an AHT"),
                ("deputy_dsl", "safeguarding alerts also go to the deputy DSL"),
            ):
                if not school.people_with(role):
                    out.append(f"{where}no one has the role {role!r}: {why}")
            if not school.sources:
                out.append(f"{where}no sources: Watchtower would watch nothing" if self.schools
                           else "no [[sources]]: Watchtower would watch nothing")
        if self.webhooks.meta_enabled:
            out += _shared_meta_accounts(self.all_sources)
        from watchtower.classify.rules.lists import retired_disabled

        lists_files = {school.classifier.lists_file for school in self._schools}
        for path in sorted(p for p in lists_files if p is not None):
            out += [f"classifier.lists_file {path}: {text}" for text in retired_disabled(path)]
        return out


def _shared_meta_accounts(sources: Sequence[SourceConfig]) -> list[str]:
    """Webhooks go to the source that watches their Page or Instagram account: one watched by two sources
    (two schools' configs naming the same Page) goes to the first only."""
    seen: dict[tuple[str, str], str] = {}
    out = []
    for src in sources:
        account = getattr(src, "page_id", None) or getattr(src, "ig_user_id", None)
        if not src.enabled or src.type not in ("facebook", "instagram") or account is None:
            continue
        first = seen.setdefault((src.type, account), src.name)
        if first != src.name:
            out.append(f"webhooks.meta_enabled: sources {first!r} and {src.name!r} watch the same {src.type} "
                       f"account {account}: its webhooks are stored under {first!r} (and its school) only")
    return out


PUBLIC_URL_REQUIRED = (
    "dashboard.public_url: required when [smtp] is set: every email links to the dashboard, and without it the "
    "links would point at 127.0.0.1 (the reader's own phone). Add it under [dashboard], e.g. "
    'public_url = "https://watchtower.school.example" (the address people open, behind the reverse proxy)'
)


def policy_problems(people: Sequence[Person], source_names: list[str], *, where: str = "",
                    table: str = "[[people]]") -> list[str]:
    """The school policy's checks on people and sources, every one that fails. ``where`` names the school in a
    trust ("schools[1] (elm-park, Elm Park Primary): "), ``table`` the table a person is added in."""
    out = []
    moderators = [p for p in people if "moderator" in p.roles]
    if len(moderators) < 2:
        out.append(
            f"{where}people: {len(moderators)} moderator(s) configured; school policy requires at least two "
            f"(add another {table} entry with roles = [\"moderator\"])"
        )
    if not any("dsl" in p.roles for p in people):
        out.append(
            f"{where}people: no Designated Safeguarding Lead; safeguarding alerts must reach one "
            f"(add a {table} entry with roles = [\"dsl\"])"
        )
    if not any({"headteacher", "aht"} & set(p.roles) for p in people):
        out.append(
            f"{where}people: no headteacher and no AHT: a journalist's enquiry goes straight to the Headteacher "
            "(and the AHT), and threats, hate and missed deadlines escalate to the AHT and then the Headteacher, "
            f"so they would reach no one (add a {table} entry with roles = [\"headteacher\"], and one with "
            "[\"aht\"]" + ("; the trust safeguarding lead does not stand in for them)" if where else ")")
        )
    dupes = [e for e, n in Counter(p.email.lower() for p in people).items() if n > 1]
    if dupes:
        out.append(f"{where}people: {dupes[0]} is listed twice: give each person one entry with several roles")
    dup_sources = [n for n, c in Counter(source_names).items() if c > 1]
    if dup_sources:
        out.append(f"sources: two sources are named {dup_sources[0]!r}: every source needs its own name "
                   "(across all schools: the name is the source's key in the database)")
    return out


ONE_SCHOOL_KEYS = ("school", "people", "sources")


def form_problems(given: set[str] | frozenset[str], has_schools: bool, has_trust: bool) -> list[str]:
    """One school (``[school]`` with ``[[people]]`` and ``[[sources]]``) or a trust (``[[schools]]``), not both."""
    one = [k for k in ONE_SCHOOL_KEYS if k in given]
    if has_schools and one:
        return [f"{k}: a config with [[schools]] keeps each school's {k} inside its [[schools]] entry "
                f"({'[[schools.' + k + ']]' if k != 'school' else 'its id, name and aliases'}): move it there, "
                "or remove [[schools]] for a one-school config" for k in one]
    if not has_schools and "school" not in given:
        return ["school: this key is required: describe the school in [school] (name, aliases), or list a "
                "trust's schools in [[schools]] (config/watchtower.toml shows both)"]
    if has_trust and not has_schools:
        return ["trust: [trust] goes with [[schools]]: list the trust's schools in [[schools]] (each with its "
                "people and sources), or remove [trust] for a one-school config"]
    return []


def _school_where(i: int, entry: SchoolEntry) -> str:
    return f"schools[{i}] ({entry.id}, {entry.name}): "


def trust_problems(schools: Sequence[SchoolEntry], trust: TrustConfig | None, timezone: str) -> list[str]:
    """Every school of a trust passes the school policy (named in each message); ids, names and source names are
    unique across the trust; trust-level people are listed once; every school shares the trust's time zone."""
    out: list[str] = []
    for i, e in enumerate(schools):
        out += policy_problems(e.people, [], where=_school_where(i, e), table="[[schools.people]]")
        if e.deadlines.timezone != timezone:
            out.append(f"{_school_where(i, e)}deadlines.timezone: every school in one Watchtower shares the time "
                       f"zone of [deadlines] ({timezone}): remove it here, or set it in [deadlines]")
    for what, values in (("id", [e.id for e in schools]), ("name", [e.name.strip().lower() for e in schools])):
        dupes = [v for v, n in Counter(values).items() if n > 1]
        if dupes:
            out.append(f"schools: two schools have the {what} {dupes[0]!r}: every school needs its own {what}")
    names = [src.name for e in schools for src in e.sources]
    dup_sources = [n for n, c in Counter(names).items() if c > 1]
    if dup_sources:
        owners = [e.id for e in schools for src in e.sources if src.name == dup_sources[0]]
        out.append(f"sources: two sources are named {dup_sources[0]!r} (schools {', '.join(owners)}): every source "
                   "needs its own name across the whole trust (the name is the source's key in the database), "
                   f"e.g. \"{owners[-1]}-{dup_sources[0]}\"")
    if trust is not None:
        dupes = [e for e, n in Counter(p.email.lower() for p in trust.people).items() if n > 1]
        if dupes:
            out.append(f"trust.people: {dupes[0]} is listed twice: give each person one entry with several roles")
    return out


def inherit_deadlines(data: Any) -> Any:
    """A copy of the raw config with each ``[[schools]]`` entry's ``deadlines`` read over the top-level ones."""
    if not isinstance(data, dict) or not isinstance(data.get("schools"), list):
        return data
    base = data.get("deadlines")
    if not isinstance(base, dict):
        base = {}
    out = dict(data)
    schools = []
    for entry in data["schools"]:
        if isinstance(entry, dict):
            own = entry.get("deadlines")
            entry = {**entry, "deadlines": {**base, **own} if isinstance(own, dict) else
                     (own if own is not None else dict(base))}
        schools.append(entry)
    out["schools"] = schools
    return out


_SOURCE_TYPES = frozenset({"rss", "x", "facebook", "instagram", "youtube", "mastodon", "bluesky", "reddit"})


def _loc(loc: tuple[int | str, ...]) -> str:
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part in _SOURCE_TYPES and out.endswith("]"):
            continue  # the discriminated union's tag adds nothing for a person
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


#: what to write instead, by pydantic's error type
_TYPE_FIXES = {
    "int_parsing": "write a whole number without quotes, e.g. {key} = 30",
    "int_type": "write a whole number without quotes, e.g. {key} = 30",
    "int_from_float": "write a whole number (no decimal point), e.g. {key} = 30",
    "float_parsing": "write a number without quotes, e.g. {key} = 4 or {key} = 0.5",
    "float_type": "write a number without quotes, e.g. {key} = 4 or {key} = 0.5",
    "bool_parsing": "write true or false, without quotes: {key} = true",
    "bool_type": "write true or false, without quotes: {key} = true",
    "string_type": 'write text in double quotes: {key} = "..."',
    "list_type": 'write a list in square brackets, even for one entry: {key} = ["..."]',
    "dict_type": "write a table: a [section] heading, or {key} = {{ name = value }}",
    "model_type": "write a table: a [section] heading, or {key} = {{ name = value }}",
    "date_parsing": "write each date as YYYY-MM-DD, year first, e.g. 2026-12-25",
    "date_from_datetime_parsing": "write each date as YYYY-MM-DD, year first, e.g. 2026-12-25",
    "date_type": "write each date as YYYY-MM-DD, year first, e.g. 2026-12-25",
    "time_parsing": 'write the time as "HH:MM" on the 24-hour clock, e.g. {key} = "07:30"',
    "time_type": 'write the time as "HH:MM" on the 24-hour clock, e.g. {key} = "07:30"',
}


def _secret_sibling(err: dict[str, Any]) -> str | None:
    """For an unknown key such as ``password`` or ``token``: the ``*_secret`` key the section does have."""
    loc = tuple(err.get("loc", ()))
    if not loc or not isinstance(loc[-1], str):
        return None
    key = loc[-1]
    model = _model_at(loc[:-1])
    if model is None:
        return None
    for candidate in (f"{key}_secret", f"{key.removesuffix('_file')}_secret"):
        if candidate in model.model_fields:
            return candidate
    return None


def _model_at(loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The config model (section) that ``loc`` points into, where it is one model (not a [[sources]] entry)."""
    model: type[BaseModel] = Config
    for part in loc:
        if isinstance(part, int):
            return None
        field = model.model_fields.get(part)
        ann = field.annotation if field else None
        if not (isinstance(ann, type) and issubclass(ann, BaseModel)):
            return None
        model = ann
    return model


def _fix(err: dict[str, Any]) -> str:
    kind = err.get("type", "")
    if kind == "missing":
        return "this key is required: add it (config/watchtower.toml shows an example)"
    if kind == "extra_forbidden":
        sibling = _secret_sibling(err)
        if sibling:
            return (f"unknown key: secrets never go in the config file. Put the value in a credential file and "
                    f"name it instead: {sibling} = \"NAME\" (docs/operations.md, section 3 \"Secrets\")")
        return "unknown key: check its spelling, or remove it (config/watchtower.toml lists every key)"
    if kind == "union_tag_invalid":
        return "type must be one of rss, x, facebook, instagram, youtube, mastodon, bluesky, reddit"
    if kind == "union_tag_not_found":
        return "every [[sources]] entry needs a type: rss, x, facebook, instagram, youtube, mastodon, bluesky or reddit"
    msg = str(err.get("msg", "invalid value")).removeprefix("Value error, ")
    fix = _TYPE_FIXES.get(kind)
    if fix:
        key = next((str(p) for p in reversed(tuple(err.get("loc", ()))) if isinstance(p, str)), "key")
        return f"{msg} (you wrote {err.get('input')!r}): {fix.format(key=key)}"
    return msg


def format_validation_error(exc: ValidationError, path: Path | str, extra: list[str] | None = None) -> str:
    lines = [f"{path}: invalid configuration:"]
    for err in exc.errors():
        loc = tuple(err["loc"])
        if not loc and err.get("type") == "value_error":
            # the policy checks: each line already names its key
            lines.extend(f"  - {m}" for m in _fix(dict(err)).splitlines())
            continue
        lines.append(f"  - {_loc(loc)}: {_fix(dict(err))}")
    lines.extend(f"  - {m}" for m in extra or [])
    return "\n".join(lines)


def _source_names(sources: Any) -> list[str]:
    if not isinstance(sources, list):
        return []
    return [str(s["name"]) for s in sources if isinstance(s, dict) and isinstance(s.get("name"), str)]


def _policy_when_fields_fail(data: dict[str, Any], exc: ValidationError) -> list[str]:
    """When a field is wrong, pydantic skips the policy checks; run those whose input is valid, so one run
    reports every mistake."""
    if any(not e["loc"] for e in exc.errors()):
        return []  # they ran
    schools = data.get("schools")
    out: list[str] = []
    if isinstance(schools, list) and schools:
        out += form_problems(set(data), True, "trust" in data)
        names: list[str] = []
        for i, entry in enumerate(schools):
            if not isinstance(entry, dict):
                continue
            names += _source_names(entry.get("sources", []))
            try:
                people = TypeAdapter(list[Person]).validate_python(entry.get("people", []))
            except ValidationError:
                continue
            where = f"schools[{i}] ({entry.get('id', '?')}, {entry.get('name', '?')}): "
            out += policy_problems(people, [], where=where, table="[[schools.people]]")
        out += [p for p in policy_problems([], names) if p.startswith("sources:")]
    else:
        try:
            people = TypeAdapter(list[Person]).validate_python(data["people"])
        except (KeyError, ValidationError):
            return []
        out = policy_problems(people, _source_names(data.get("sources", [])))
    dashboard = data.get("dashboard")
    if "smtp" in data and not (isinstance(dashboard, dict) and "public_url" in dashboard):
        out.append(PUBLIC_URL_REQUIRED)
    return out


def parse_config(data: dict[str, Any], *, path: Path | str = "<config>") -> Config:
    """Validate a parsed TOML document. Raises ConfigError naming each bad key and the fix."""
    try:
        return Config.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(format_validation_error(exc, path, _policy_when_fields_fail(data, exc))) from None


def load_config(path: Path | str) -> Config:
    """Read and validate ``path``. Raises ConfigError with a message a technician can act on."""
    p = Path(path)
    try:
        raw = p.read_bytes()
    except FileNotFoundError:
        raise ConfigError(
            f"{p}: no such config file: copy config/watchtower.toml there and fill it in, or pass --config FILE"
        ) from None
    except PermissionError:
        raise ConfigError(f"{p}: cannot read the config file: make it readable by the watchtower user") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{p}: the config file is not UTF-8 text: save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{p}: not valid TOML: {exc} (check quotes, brackets and '=' on that line)") from None
    return parse_config(data, path=p)
