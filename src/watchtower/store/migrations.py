"""Schema changes, applied in order at start-up, each in a transaction with its record, on either store.

The record is the table ``schema_migrations`` (one row per migration applied, by name). A SQLite database made
before it existed (Watchtower 0.1 used sqlite-utils' ``_sqlite_migrations``) keeps its history: the names recorded
there count as applied, so an existing install upgrades in place and nothing runs twice.

Each migration is written once, in SQLite's spelling; on PostgreSQL its DDL is translated
(``watchtower.store.dialect``: identity ids, BIGINT, text in byte order) and the things SQLite spells its own way
(the audit log's triggers, the table rebuilds of m007 and m013) branch on ``db.dialect``. Never edit what a
migration that has shipped does on SQLite: add a new one.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from watchtower.store.db import Db
from watchtower.timeutil import ts

#: the record of applied migrations
MIGRATIONS_TABLE = "schema_migrations"
#: sqlite-utils' record (Watchtower 0.1): read, never written
LEGACY_TABLE = "_sqlite_migrations"
#: PostgreSQL: the advisory lock two daemons starting at once take, so that one of them migrates
_PG_LOCK = 0x77746D67  # "wtmg"


@dataclass(frozen=True)
class Migration:
    name: str
    fn: Callable[[Db], None]
    #: SQLite: run with foreign key enforcement off (a rebuild of a table other tables refer to: dropping it with
    #: enforcement on would delete, by ON DELETE CASCADE, every row that refers to it), then checked before commit
    foreign_keys_off: bool = False


class Migrations:
    """An ordered set of migrations; ``@migrations()`` registers one under its function's name."""

    def __init__(self, name: str) -> None:
        self.name = name
        self._migrations: list[Migration] = []

    def __call__(self, *, name: str | None = None,
                 foreign_keys_off: bool = False) -> Callable[[Callable[[Db], None]], Callable[[Db], None]]:
        def inner(fn: Callable[[Db], None]) -> Callable[[Db], None]:
            migration_name = name or fn.__name__
            if any(m.name == migration_name for m in self._migrations):
                raise ValueError(f"migration {migration_name!r} is already registered")
            self._migrations.append(Migration(migration_name, fn, foreign_keys_off))
            return fn

        return inner

    @property
    def names(self) -> list[str]:
        return [m.name for m in self._migrations]

    def applied(self, db: Db) -> list[str]:
        """The names recorded as applied (either record), in the order they were applied. Reads only."""
        names: list[str] = []
        if db.has_table(MIGRATIONS_TABLE):
            names = [r[0] for r in db.execute(f"SELECT name FROM {MIGRATIONS_TABLE} ORDER BY applied_at, name")]
        return names + [n for n in self._legacy(db) if n not in names]

    def pending(self, db: Db) -> list[Migration]:
        done = set(self.applied(db))
        return [m for m in self._migrations if m.name not in done]

    def _legacy(self, db: Db) -> list[str]:
        if db.dialect != "sqlite" or not db.has_table(LEGACY_TABLE):
            return []
        return [r[0] for r in db.execute(
            f"SELECT name FROM {LEGACY_TABLE} WHERE migration_set = ? ORDER BY rowid", [self.name])]

    def _lock(self, db: Db) -> None:
        """Inside a transaction: one process at a time past this point (SQLite's BEGIN IMMEDIATE already is)."""
        if db.dialect == "postgresql":
            db.execute("SELECT pg_advisory_xact_lock(?)", [_PG_LOCK])

    def apply(self, db: Db, *, stop_before: str | None = None) -> list[str]:
        """Apply every pending migration, each in its own transaction with its record; returns their names. A
        migration that raises is rolled back and stays pending. ``stop_before``: apply only those before the
        migration of that name (a test's database as an older version left it)."""
        from watchtower.models import utcnow

        if not self.pending(db) and db.has_table(MIGRATIONS_TABLE):
            return []
        with db.transaction():
            self._lock(db)
            db.execute(
                f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)")
            if db.dialect == "sqlite" and db.has_table(LEGACY_TABLE):
                db.execute(
                    f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) SELECT name, applied_at FROM {LEGACY_TABLE} "
                    "WHERE migration_set = ? ON CONFLICT (name) DO NOTHING",
                    [self.name],
                )
        done: list[str] = []
        for m in self._migrations:
            if m.name == stop_before:
                break
            with _foreign_keys_off(db, m), db.transaction():
                self._lock(db)
                if db.execute(f"SELECT 1 FROM {MIGRATIONS_TABLE} WHERE name = ?", [m.name]).fetchone():
                    continue  # applied before, or by another process while this one waited
                m.fn(db)
                if m.foreign_keys_off and db.dialect == "sqlite":
                    _check_foreign_keys(db, m.name)
                db.execute(f"INSERT INTO {MIGRATIONS_TABLE} (name, applied_at) VALUES (?, ?)",
                           [m.name, ts(utcnow())])
            done.append(m.name)
        return done


@contextlib.contextmanager
def _foreign_keys_off(db: Db, m: Migration) -> Iterator[None]:
    """SQLite, for a migration that asks for it: foreign key enforcement off for its transaction (the documented
    way to rebuild a table others refer to: https://www.sqlite.org/lang_altertable.html, "Making Other Kinds Of
    Table Schema Changes"), on again after, whatever happened. The pragma is a no-op inside a transaction, so it
    is read back: a migration that would run with enforcement still on is refused instead."""
    if not m.foreign_keys_off or db.dialect != "sqlite":
        yield
        return
    db.execute("PRAGMA foreign_keys = OFF")
    try:
        if db.scalar("PRAGMA foreign_keys") != 0:
            raise RuntimeError(f"{m.name}: foreign keys could not be turned off (migrations must be applied outside "
                               "a transaction); refusing to rebuild a table other tables refer to")
        yield
    finally:
        db.execute("PRAGMA foreign_keys = ON")


def _check_foreign_keys(db: Db, name: str) -> None:
    """Inside the migration's transaction: every foreign key still points at a row, or nothing is committed."""
    broken = db.execute("PRAGMA foreign_key_check").fetchall()
    if broken:
        tables = sorted({r[0] for r in broken})
        raise RuntimeError(f"{name}: {len(broken)} rows of {', '.join(tables)} would refer to rows that are gone; "
                           "nothing was changed")


migrations = Migrations("watchtower")


@migrations()
def m001_initial(db: Db) -> None:
    db.execute(
        """
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            platform TEXT NOT NULL,
            platform_id TEXT NOT NULL,
            source TEXT NOT NULL CHECK (source IN ('own', 'mention')),
            source_name TEXT NOT NULL,          -- the configured source that first saw it
            own_post INTEGER NOT NULL DEFAULT 0, -- the school's own outgoing post
            url TEXT,
            author_handle TEXT,
            author_name TEXT,
            title TEXT,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,            -- UTC ISO 8601, from the platform
            first_seen_at TEXT NOT NULL,         -- UTC, when Watchtower first stored it
            has_media INTEGER NOT NULL DEFAULT 0,
            parent_id TEXT,
            extra TEXT NOT NULL DEFAULT '{}',
            -- current triage (history in classifications)
            classified_at TEXT,
            categories TEXT,                      -- JSON list
            severity INTEGER,                     -- 0 none .. 3 critical
            deadline_at TEXT,                     -- UTC; NULL = nothing owed
            deadline_reason TEXT,
            -- workflow
            acknowledged_at TEXT,
            acknowledged_by TEXT,
            resolved_at TEXT,
            resolved_by TEXT,
            not_concern INTEGER NOT NULL DEFAULT 0,
            dsl_reviewed_at TEXT,
            dsl_reviewed_by TEXT,
            UNIQUE (platform, platform_id)
        )
        """
    )
    db.execute("CREATE INDEX items_unclassified ON items (id) WHERE classified_at IS NULL")
    db.execute(
        "CREATE INDEX items_open ON items (severity, deadline_at) "
        "WHERE acknowledged_at IS NULL AND resolved_at IS NULL AND deadline_at IS NOT NULL"
    )
    db.execute("CREATE INDEX items_seen ON items (first_seen_at)")
    db.execute("CREATE INDEX items_author ON items (author_handle)")
    db.execute("CREATE INDEX items_parent ON items (platform, parent_id)")
    db.execute(
        """
        CREATE TABLE classifications (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            classified_at TEXT NOT NULL,
            categories TEXT NOT NULL,
            severity INTEGER NOT NULL,
            scores TEXT NOT NULL,
            reasons TEXT NOT NULL,
            model_version TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE INDEX classifications_item ON classifications (item_id)")
    db.execute(
        """
        CREATE TABLE escalation_steps (
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            step TEXT NOT NULL,
            at TEXT NOT NULL,
            reason TEXT NOT NULL,
            PRIMARY KEY (item_id, step)
        )
        """
    )
    db.execute(
        """
        CREATE TABLE acknowledgements (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            channel TEXT NOT NULL,               -- dashboard, email-link, cli, email-reply
            note TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE actions (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            action TEXT NOT NULL,
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            channel TEXT NOT NULL,
            note TEXT
        )
        """
    )
    db.execute("CREATE INDEX actions_item ON actions (item_id)")
    db.execute(
        """
        CREATE TABLE alerts (
            id INTEGER PRIMARY KEY,
            dedup_key TEXT NOT NULL UNIQUE,      -- (item, step, person): never sent twice
            kind TEXT NOT NULL,                  -- item, digest, system
            item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
            step TEXT NOT NULL,
            recipient TEXT NOT NULL,
            recipient_name TEXT,
            role TEXT,
            urgent INTEGER NOT NULL DEFAULT 0,
            reason TEXT,
            subject TEXT,                        -- system and digest alerts carry their own text
            body TEXT,
            created_at TEXT NOT NULL,
            not_before TEXT NOT NULL,            -- batching: wait until then
            status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            last_error TEXT,
            sent_at TEXT,
            message_id TEXT
        )
        """
    )
    db.execute("CREATE INDEX alerts_pending ON alerts (next_attempt_at) WHERE status = 'pending'")
    db.execute("CREATE INDEX alerts_item ON alerts (item_id)")
    db.execute(
        """
        CREATE TABLE audit (
            id INTEGER PRIMARY KEY,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,                 -- a person, or 'watchtower'
            action TEXT NOT NULL,
            item_id INTEGER,
            channel TEXT NOT NULL,
            detail TEXT NOT NULL DEFAULT '{}'
        )
        """
    )
    db.execute("CREATE INDEX audit_item ON audit (item_id)")
    # The audit log is append-only: the database itself refuses to change or delete a row.
    if db.dialect == "postgresql":
        _append_only_postgresql(db, "audit", "the audit log is append-only")
    else:
        db.execute(
            "CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )
        db.execute(
            "CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit "
            "BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END"
        )
    db.execute(
        """
        CREATE TABLE cursors (
            source_name TEXT PRIMARY KEY,
            cursor TEXT NOT NULL,
            updated_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE source_health (
            source_name TEXT PRIMARY KEY,
            platform TEXT NOT NULL,
            status TEXT NOT NULL,                -- ok, failing, auth_failed, quota, silent
            last_success_at TEXT,
            last_error_at TEXT,
            last_error TEXT,
            consecutive_failures INTEGER NOT NULL DEFAULT 0,
            items_seen INTEGER NOT NULL DEFAULT 0,
            status_since TEXT
        )
        """
    )
    db.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")


@migrations()
def m002_people_and_reviews(db: Db) -> None:
    db.execute(
        """
        CREATE TABLE users (
            id INTEGER PRIMARY KEY,
            username TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            email TEXT,
            role TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            disabled INTEGER NOT NULL DEFAULT 0,
            created_at TEXT NOT NULL,
            failed_logins INTEGER NOT NULL DEFAULT 0,
            locked_until TEXT,
            last_login_at TEXT
        )
        """
    )
    db.execute(
        """
        CREATE TABLE sessions (
            token_hash TEXT PRIMARY KEY,
            user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
            csrf_token TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE reviews (
            id INTEGER PRIMARY KEY,
            by TEXT NOT NULL,
            at TEXT NOT NULL,
            comment TEXT,
            item_ids TEXT NOT NULL
        )
        """
    )
    db.execute("CREATE TABLE used_links (nonce TEXT PRIMARY KEY, used_at TEXT NOT NULL)")


@migrations()
def m003_queue_and_digest_indexes(db: Db) -> None:
    """At a million items the queue page and the digest scanned the whole table (407 ms and 778 ms in
    bench/); these partial indexes cover only flagged items, so they stay small (8 ms and 43 ms)."""
    db.execute(
        "CREATE INDEX items_queue ON items (severity, deadline_at) WHERE severity > 0 AND resolved_at IS NULL"
    )
    db.execute("CREATE INDEX items_flagged_classified ON items (classified_at) WHERE severity > 0")
    db.execute("CREATE INDEX items_review ON items (first_seen_at) WHERE severity > 0 AND dsl_reviewed_at IS NULL")
    db.execute("CREATE INDEX items_acknowledged ON items (acknowledged_at) WHERE acknowledged_at IS NOT NULL")


@migrations()
def m004_possible_concerns_and_decision_records(db: Db) -> None:
    """Issue 13: an item may be a possible concern (critical-category evidence that is real but not conclusive:
    raised to high and routed as that category would be), and each classification keeps the structured record of
    its decisions (category, by rule|list|model, name, score, threshold key, threshold) that its reasons render."""
    db.execute("ALTER TABLE items ADD COLUMN possible TEXT")
    db.execute("ALTER TABLE classifications ADD COLUMN possible TEXT")
    db.execute("ALTER TABLE classifications ADD COLUMN decisions TEXT")


@migrations()
def m005_inbox_claims(db: Db) -> None:
    """Issue 18: an item can be claimed by, or assigned to, one person ("Amy is on it"), so two moderators do
    not both reply. ``claimed_by`` is the person's address, as acknowledgements record people."""
    db.execute("ALTER TABLE items ADD COLUMN claimed_by TEXT")
    db.execute("ALTER TABLE items ADD COLUMN claimed_at TEXT")


@migrations()
def m006_alert_sending(db: Db) -> None:
    """Issue 14: an email doubled across a SIGKILL. ``sending_at`` is set just before an alert's SMTP transaction
    and cleared when it is recorded as sent (right after the server's 250), retried or failed: a pending row that
    still has it after a restart was in flight when the process died, so its resend is known to be "in doubt"
    (it goes out with the same Message-ID, which mail clients collapse)."""
    db.execute("ALTER TABLE alerts ADD COLUMN sending_at TEXT")


@migrations()
def m007_alert_muted(db: Db) -> None:
    """Issue 15: a notice whose item was acknowledged, resolved or purged before it went out is muted, not sent
    ("acknowledge by ..." for an item acknowledged 15 minutes earlier). SQLite cannot alter a CHECK constraint, so
    the table is rebuilt from its own stored definition with 'muted' allowed, and its indexes recreated.
    PostgreSQL can: there the CHECK constraint is replaced in place."""
    if db.dialect == "postgresql":
        checks = [r[0] for r in db.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'alerts'::regclass AND contype = 'c' "
            "AND pg_get_constraintdef(oid) LIKE '%''pending''%'")]
        if len(checks) != 1:
            raise RuntimeError("m007: the alerts table is not as m001 made it; refusing to change it")
        db.execute(f"ALTER TABLE alerts DROP CONSTRAINT {checks[0]}")
        db.execute("ALTER TABLE alerts ADD CONSTRAINT alerts_status_check "
                   "CHECK (status IN ('pending', 'sent', 'failed', 'muted'))")
        return
    _rebuild_sqlite_table(db, "alerts", "m007", "CHECK (status IN ('pending', 'sent', 'failed'))",
                          "CHECK (status IN ('pending', 'sent', 'failed', 'muted'))", "m001")


def _rebuild_sqlite_table(db: Db, table: str, migration: str, old: str, new: str, made_by: str) -> None:
    """SQLite cannot change a table's constraints: make the table again from its own stored definition with ``old``
    (which must stand in it once) replaced by ``new``, copy its rows with their ids, drop the old one, rename, and
    make every index and trigger on it again as it was made (https://www.sqlite.org/lang_altertable.html, "Making
    Other Kinds Of Table Schema Changes"). A table that refers to this one must be rebuilt with foreign key
    enforcement off (``migrations(foreign_keys_off=True)``)."""
    (table_sql,) = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()
    if table_sql.count(old) != 1:
        raise RuntimeError(f"{migration}: the {table} table is not as {made_by} made it; refusing to rebuild it")
    # every index (but a UNIQUE's own, which the new table makes) and trigger on it, as they were made
    recreate = [r[0] for r in db.execute(
        "SELECT sql FROM sqlite_master WHERE type IN ('index', 'trigger') AND tbl_name = ? AND sql IS NOT NULL "
        "ORDER BY type, name", [table])]
    rebuilt = f"{table}_{migration}"
    new_sql = table_sql.replace(old, new).replace(f"CREATE TABLE {table} (", f"CREATE TABLE {rebuilt} (", 1)
    if rebuilt not in new_sql:
        raise RuntimeError(f"{migration}: the {table} table's stored definition is not as {made_by} wrote it; "
                           "refusing to rebuild it")
    columns = ", ".join(db.columns(table))
    before = db.scalar(f"SELECT COUNT(*) FROM {table}")
    db.execute(new_sql)
    db.execute(f"INSERT INTO {rebuilt} ({columns}) SELECT {columns} FROM {table}")
    db.execute(f"DROP TABLE {table}")
    db.execute(f"ALTER TABLE {rebuilt} RENAME TO {table}")
    for sql in recreate:
        db.execute(sql)
    if db.scalar(f"SELECT COUNT(*) FROM {table}") != before:
        raise RuntimeError(f"{migration}: the rebuilt {table} table does not hold every row; nothing was changed")


@migrations()
def m008_platform_actions(db: Db) -> None:
    """Issue 17: acting on the platform (hide, unhide, delete, reply, ban) from Watchtower. An action is a row before
    it is an API call, like an alert: ``dedup_key`` (item, action, parameters, generation) makes a double click or a
    restart do it once; ``status`` goes pending -> sending (claimed, written before the call) -> done | failed |
    dry_run | uncertain (a reply interrupted mid-call: a person checks the platform before sending it again).
    The evidence snapshot taken before a delete or ban is kept here, so it outlives the item's retention."""
    db.execute(
        """
        CREATE TABLE platform_actions (
            id INTEGER PRIMARY KEY,
            dedup_key TEXT NOT NULL UNIQUE,
            item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
            platform TEXT NOT NULL,
            source_name TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('hide', 'unhide', 'delete', 'reply', 'ban')),
            target_id TEXT NOT NULL,               -- the platform's id of the comment or post acted on
            params TEXT NOT NULL DEFAULT '{}',     -- JSON: reply text, template used
            plan TEXT NOT NULL,                    -- what was confirmed: the exact call, in words
            requested_by TEXT NOT NULL,
            requested_at TEXT NOT NULL,
            channel TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'sending', 'done', 'failed', 'dry_run', 'uncertain')),
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL,
            started_at TEXT,
            finished_at TEXT,
            last_error TEXT,
            result TEXT,                           -- the platform's answer (JSON)
            evidence_sha256 TEXT,
            evidence TEXT                          -- the evidence snapshot (JSON), taken before a delete or ban
        )
        """
    )
    db.execute("CREATE INDEX platform_actions_due ON platform_actions (next_attempt_at) WHERE status = 'pending'")
    db.execute("CREATE INDEX platform_actions_item ON platform_actions (item_id)")


@migrations()
def m009_schools(db: Db) -> None:
    """Issue 16: one Watchtower for a multi-academy trust. Every item, source, alert, audit row and dashboard user
    belongs to a school (its config id). Rows from before are the one-school config's, ``default``. A user's
    ``school`` is one id, several separated by commas, or ``*`` (every school: the trust's people); an audit row
    not about one school is ``*``. Plain ALTER TABLE and CREATE INDEX: the same statements run on PostgreSQL."""
    db.execute("ALTER TABLE items ADD COLUMN school TEXT NOT NULL DEFAULT 'default'")
    db.execute("ALTER TABLE source_health ADD COLUMN school TEXT NOT NULL DEFAULT 'default'")
    db.execute("ALTER TABLE alerts ADD COLUMN school TEXT NOT NULL DEFAULT 'default'")
    db.execute("ALTER TABLE audit ADD COLUMN school TEXT NOT NULL DEFAULT 'default'")
    db.execute("ALTER TABLE users ADD COLUMN school TEXT NOT NULL DEFAULT 'default'")
    # one school's queue and one school's recent items, without reading the others'
    db.execute(
        "CREATE INDEX items_school_queue ON items (school, severity, deadline_at) "
        "WHERE severity > 0 AND resolved_at IS NULL"
    )
    db.execute("CREATE INDEX items_school_seen ON items (school, first_seen_at)")


@migrations()
def m010_school_queue_and_digest_indexes(db: Db) -> None:
    """Issue 16, a trust at scale (bench/, sections queue1m and db). At a million items across 30 schools the queue
    page took 340 ms for one school's moderator and 490 ms trust-wide: its default view (flagged or owed a reply,
    not resolved) read every item of the school through items_school_seen, or every item of the trust, because
    none of the earlier partial indexes serves its ``severity > 0 OR deadline_at IS NOT NULL``. items_inbox holds
    only the rows that view shows (a few thousand) with every column its count and its order read, so both come
    from the index alone (11 ms and 16 ms). Its WHERE is written as the query writes it (web._queries.queue): that
    is how SQLite and PostgreSQL both know it applies. items_school_platform serves the page's platform list.

    And the daily digest, since m009 kept to one school, read the school's items for its "awaiting DSL review"
    count and list instead of m003's items_review (44 ms became 410 ms at a million items): items_school_review
    is items_review with the school first.

    Plain CREATE INDEX: the same statements run on PostgreSQL."""
    db.execute(
        "CREATE INDEX items_inbox ON items "
        "(school, severity, deadline_at, acknowledged_at, first_seen_at, classified_at, resolved_at) "
        "WHERE (severity > 0 OR deadline_at IS NOT NULL) AND resolved_at IS NULL"
    )
    db.execute("CREATE INDEX items_school_platform ON items (school, platform)")
    db.execute(
        "CREATE INDEX items_school_review ON items (school, first_seen_at) "
        "WHERE severity > 0 AND dsl_reviewed_at IS NULL"
    )


@migrations()
def m011_daemon_leases(db: Db) -> None:
    """Issue 16: several daemons on one PostgreSQL database share the work. ``daemons``: one row per running
    daemon (``host:pid:random``), its heartbeat renewed with its leases; a daemon is live while its heartbeat is
    younger than the lease time. ``leases``: who polls each source (``source:NAME``) and runs each periodic job
    (``job:NAME``), until when; an expired lease is anyone's. ``alerts.claimed_by``/``claimed_until``: the
    notifier that is sending a row, so that two never send one (times are the database's clock)."""
    db.execute("CREATE TABLE daemons (id TEXT PRIMARY KEY, host TEXT NOT NULL, pid INTEGER NOT NULL, "
               "started_at TEXT NOT NULL, heartbeat_at TEXT NOT NULL)")
    db.execute("CREATE TABLE leases (name TEXT PRIMARY KEY, holder TEXT, expires_at TEXT, acquired_at TEXT)")
    db.execute("ALTER TABLE alerts ADD COLUMN claimed_by TEXT")
    db.execute("ALTER TABLE alerts ADD COLUMN claimed_until TEXT")


@migrations()
def m012_queue_page_by_id(db: Db) -> None:
    """Issue 16: the trust-wide queue page at a million items on PostgreSQL took 144 ms (bench/README.md, queue1m;
    42-47 ms after it). Two causes. The page's rows came from the table: PostgreSQL (unlike SQLite) keeps no row id
    in an index, so items_inbox could give the count but not "which 50 rows", and the page read all 14,263 of the
    trust's rows in the view (a bitmap scan of a quarter of the table's pages) to sort them and keep 50.
    items_inbox now ends with ``id``: the page first finds its 50 ids by their sort keys in the index alone, then
    reads those 50 rows (``web._queries.queue``). On SQLite, where every index already ends with the rowid, the
    index is the same.

    And an index-only scan reads only the index where the table's visibility map says a page is all-visible (else
    it visits the row to see if this transaction may see it), and the visibility map is kept by VACUUM.
    PostgreSQL's default autovacuum visits a table after 20 % of it changed: at a trust's million items, days of
    rows (the very ones the queue shows) before each visit. On PostgreSQL ``items`` is visited after 1 % changed.
    Its WHERE is still word for word the one the query writes (m010)."""
    db.execute("DROP INDEX items_inbox")
    db.execute(
        "CREATE INDEX items_inbox ON items "
        "(school, severity, deadline_at, acknowledged_at, first_seen_at, classified_at, resolved_at, id) "
        "WHERE (severity > 0 OR deadline_at IS NOT NULL) AND resolved_at IS NULL"
    )
    if db.dialect == "postgresql":
        db.execute("ALTER TABLE items SET (autovacuum_vacuum_scale_factor = 0.01, "
                   "autovacuum_vacuum_insert_scale_factor = 0.01, autovacuum_analyze_scale_factor = 0.02)")


@migrations(foreign_keys_off=True)
def m013_items_unique_per_school(db: Db) -> None:
    """Issue 16: a post seen by two schools of a trust is an item of each. Items were unique on (platform,
    platform_id), and ingest kept the first: a public post mentioning two schools (a search, a news feed, a post on
    one school's Page tagging another) was stored for whichever school's source saw it first, and the other school
    never had it triaged, owed, alerted or shown. Items are now unique on (platform, platform_id, school); within
    one school (and so in a one-school install) the same post seen twice is still one item.

    PostgreSQL drops m001's UNIQUE constraint and adds the new one. SQLite cannot change a table constraint, so the
    table is rebuilt from its own stored definition (every column m004, m005 and m009 added is in it) with the new
    UNIQUE, rows copied with their ids, and every index and trigger on it recreated; the migration runs with foreign
    key enforcement off (else dropping the old table would cascade to every classification, step and
    acknowledgement), and the foreign keys of the tables that refer to items are checked before it commits."""
    old_unique, new_unique = "UNIQUE (platform, platform_id)", "UNIQUE (platform, platform_id, school)"
    if db.dialect == "postgresql":
        uniques = [r[0] for r in db.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'items'::regclass AND contype = 'u' "
            "AND pg_get_constraintdef(oid) = ?", [old_unique])]
        if len(uniques) != 1:
            raise RuntimeError("m013: the items table is not as m001 made it; refusing to change it")
        db.execute(f"ALTER TABLE items DROP CONSTRAINT {uniques[0]}")
        db.execute(f"ALTER TABLE items ADD CONSTRAINT items_platform_platform_id_school_key {new_unique}")
        return
    if db.scalar("PRAGMA foreign_keys") != 0:
        raise RuntimeError("m013: foreign keys are enforced; dropping items now would delete every row that refers "
                           "to it (register it with foreign_keys_off=True)")
    (table_sql,) = db.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'items'").fetchone()
    if "school TEXT" not in table_sql:
        raise RuntimeError("m013: the items table is not as m001 and m009 made it; refusing to rebuild it")
    _rebuild_sqlite_table(db, "items", "m013", old_unique, new_unique, "m001 and m009")


@migrations()
def m014_retire_shared_webhook_health(db: Db) -> None:
    """Issue 16: webhook deliveries keep health per source (``webhook:<source>``). Before, every delivery shared one
    row, ``webhook:meta``; nothing writes it now, and left alone it would read as a source silent for ever
    (``watchtower status``, the silent-source watcher)."""
    db.execute("DELETE FROM source_health WHERE source_name = 'webhook:meta'")


def _append_only_postgresql(db: Db, table: str, message: str) -> None:
    """PostgreSQL's spelling of m001's triggers: no UPDATE, DELETE or TRUNCATE of ``table``, as an integrity error
    (what SQLite's RAISE(ABORT) is)."""
    db.execute(
        f"CREATE FUNCTION {table}_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ "
        f"BEGIN RAISE EXCEPTION '{message}' USING ERRCODE = 'integrity_constraint_violation'; END $$"
    )
    db.execute(f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
               f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()")
    db.execute(f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
               f"FOR EACH ROW EXECUTE FUNCTION {table}_append_only()")
    db.execute(f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
               f"FOR EACH STATEMENT EXECUTE FUNCTION {table}_append_only()")
