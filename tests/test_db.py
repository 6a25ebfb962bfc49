"""The database layer: SQL written once in SQLite's spelling runs the same on SQLite and on a real PostgreSQL;
transactions, errors and the schema's history behave alike on both; a database made by Watchtower 0.1 upgrades in
place."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from conftest import both_stores
from pg_server import PostgresServer
from watchtower.store import connect, immediate
from watchtower.store.db import BusyError, Db, IntegrityError, Location, open_db
from watchtower.store.dialect import UnsupportedSql, to_postgresql
from watchtower.store.migrations import LEGACY_TABLE, MIGRATIONS_TABLE, Migrations, migrations

DATA = Path(__file__).parent / "data"
#: the migrations tests/data/store-0.1.sql has applied
LEGACY_0_1 = ("m001_initial", "m002_people_and_reviews", "m003_queue_and_digest_indexes",
              "m004_possible_concerns_and_decision_records", "m005_inbox_claims", "m006_alert_sending",
              "m007_alert_muted", "m008_platform_actions")


class TestTheTranslationForPostgresql:
    def test_placeholders_become_psycopgs_and_a_percent_sign_is_escaped(self) -> None:
        assert to_postgresql("SELECT a % 2 FROM t WHERE b = ? AND c = ?") == \
            "SELECT a %% 2 FROM t WHERE b = %s AND c = %s"

    def test_literals_and_quoted_names_are_never_rewritten_but_their_percent_signs_are_escaped(self) -> None:
        sql = """SELECT 'is it? 100% like it''s ?' AS "what?" FROM t WHERE x LIKE '%"safeguarding"%' AND y = ?"""
        assert to_postgresql(sql) == \
            """SELECT 'is it? 100%% like it''s ?' AS "what?" FROM t WHERE x ILIKE '%%"safeguarding"%%' AND y = %s"""

    def test_a_dollar_quoted_body_is_left_as_it_is(self) -> None:
        assert to_postgresql("CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT 'a?' || ? $$; SELECT ?") \
            == "CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$ SELECT 'a?' || ? $$; SELECT %s"
        assert to_postgresql("SELECT $x$ LIKE 50% $x$, ?") == "SELECT $x$ LIKE 50%% $x$, %s"

    def test_comments_are_dropped_with_any_question_mark_in_them(self) -> None:
        assert to_postgresql("SELECT 1 -- why? 100%\n, ? /* and? */").split() == ["SELECT", "1", ",", "%s"]

    def test_like_ignores_case_as_in_sqlite(self) -> None:
        assert to_postgresql("a LIKE ? OR b NOT like ? ESCAPE '\\'") == "a ILIKE %s OR b NOT ILIKE %s ESCAPE '\\'"

    def test_json_each_over_a_text_column_becomes_json_array_elements_text(self) -> None:
        assert to_postgresql("EXISTS (SELECT 1 FROM json_each(items.categories) WHERE value = ?)") == \
            "EXISTS (SELECT 1 FROM json_array_elements_text((items.categories)::json) AS json_each(value) " \
            "WHERE value = %s)"
        assert to_postgresql("SELECT c.value FROM json_each(i.categories) AS c") == \
            "SELECT c.value FROM json_array_elements_text((i.categories)::json) AS c(value)"
        assert to_postgresql("SELECT j.value FROM json_each(COALESCE(x, '[]')) j JOIN t ON 1") == \
            "SELECT j.value FROM json_array_elements_text((COALESCE(x, '[]'))::json) AS j(value) JOIN t ON 1"

    def test_json_extract_with_a_literal_path_becomes_the_text_operator(self) -> None:
        assert to_postgresql("SELECT 1 FROM audit WHERE json_extract(detail, '$.to') = ?") == \
            "SELECT 1 FROM audit WHERE ((detail)::json #>> '{to}') = %s"
        assert to_postgresql("SELECT json_extract(a.x, '$.b[2].c') FROM a") == \
            "SELECT ((a.x)::json #>> '{b,2,c}') FROM a"
        with pytest.raises(UnsupportedSql, match="literal path"):
            to_postgresql("SELECT json_extract(x, ?) FROM t")

    def test_scalar_max_and_min_become_greatest_and_least_and_the_aggregates_stay(self) -> None:
        assert to_postgresql("SELECT MIN(MAX(a, b)), MAX(c), min(d, e, f) FROM t") == \
            "SELECT MIN(GREATEST(a, b)), MAX(c), LEAST(d, e, f) FROM t"
        assert to_postgresql("SELECT MAX(COALESCE(a, b)) FROM t") == "SELECT MAX(COALESCE(a, b)) FROM t"

    def test_insert_or_ignore_becomes_on_conflict_do_nothing_before_returning(self) -> None:
        assert to_postgresql("INSERT OR IGNORE INTO t (a) VALUES (?)") == \
            "INSERT INTO t (a) VALUES (%s) ON CONFLICT DO NOTHING"
        assert to_postgresql("insert or ignore into t (a) values (?) returning id;") == \
            "INSERT INTO t (a) values (%s) ON CONFLICT DO NOTHING returning id"

    def test_insert_or_replace_is_refused_with_what_to_write_instead(self) -> None:
        for sql in ("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", "REPLACE INTO meta VALUES (?, ?)"):
            with pytest.raises(UnsupportedSql, match="ON CONFLICT"):
                to_postgresql(sql)

    def test_column_types_in_ddl(self) -> None:
        ddl = to_postgresql(
            "CREATE TABLE t (id INTEGER PRIMARY KEY, text TEXT NOT NULL, -- a comment, id INTEGER\n"
            "n INTEGER NOT NULL DEFAULT 0, score REAL, raw BLOB, key TEXT PRIMARY KEY, "
            "status TEXT CHECK (status IN ('a', 'INTEGER')), UNIQUE (text, n))"
        )
        assert " ".join(ddl.split()) == (
            'CREATE TABLE t (id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY, text TEXT COLLATE "C" NOT '
            'NULL, n BIGINT NOT NULL DEFAULT 0, score DOUBLE PRECISION, raw BYTEA, key TEXT COLLATE "C" PRIMARY '
            """KEY, status TEXT COLLATE "C" CHECK (status IN ('a', 'INTEGER')), UNIQUE (text, n))"""
        )

    def test_an_added_column_is_translated_too(self) -> None:
        assert to_postgresql("ALTER TABLE items ADD COLUMN school TEXT NOT NULL DEFAULT 'main'") == \
            "ALTER TABLE items ADD COLUMN school TEXT COLLATE \"C\" NOT NULL DEFAULT 'main'"
        assert to_postgresql("ALTER TABLE alerts ADD CONSTRAINT c CHECK (x IN ('TEXT'))") == \
            "ALTER TABLE alerts ADD CONSTRAINT c CHECK (x IN ('TEXT'))"

    def test_other_statements_keep_their_types(self) -> None:
        assert to_postgresql("SELECT CAST(x AS INTEGER), CAST(y AS TEXT) FROM t") == \
            "SELECT CAST(x AS INTEGER), CAST(y AS TEXT) FROM t"


@pytest.fixture
def t(db: Db) -> Db:
    """``db`` with a scratch table ``t`` (id, name, n, flag, tags)."""
    with db.transaction():
        db.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE, n INTEGER, "
                   "flag INTEGER NOT NULL DEFAULT 0, tags TEXT)")
        db.executemany("INSERT INTO t (name, n, flag, tags) VALUES (?, ?, ?, ?)", [
            ("apple", 1, True, '["fruit", "red"]'),
            ("Banana", 2, False, '["fruit"]'),
            ("carrot", 3, True, '["veg"]'),
            ("Zebra 100%", None, False, None),
        ])
    return db


@both_stores
class TestTheSameSqlOnBothStores:
    def test_rows_are_dicts_and_scalar_is_the_first_value(self, t: Db) -> None:
        assert t.rows("SELECT name, n FROM t WHERE id = ?", [1]) == [{"name": "apple", "n": 1}]
        assert t.scalar("SELECT COUNT(*) FROM t") == 4
        assert t.scalar("SELECT name FROM t WHERE id = ?", [99]) is None

    def test_like_ignores_the_case_of_ascii_letters_and_escapes_work(self, t: Db) -> None:
        assert [r[0] for r in t.execute("SELECT name FROM t WHERE name LIKE ? ORDER BY id", ["%A%"])] == \
            ["apple", "Banana", "carrot", "Zebra 100%"]
        assert [r[0] for r in t.execute("SELECT name FROM t WHERE name LIKE ? ESCAPE '\\'", ["%100\\%"])] == \
            ["Zebra 100%"]

    def test_text_sorts_in_byte_order(self, t: Db) -> None:
        assert [r[0] for r in t.execute("SELECT name FROM t ORDER BY name")] == \
            ["Banana", "Zebra 100%", "apple", "carrot"]

    def test_json_each_reads_a_json_list_held_as_text(self, t: Db) -> None:
        sql = "SELECT name FROM t WHERE EXISTS (SELECT 1 FROM json_each(t.tags) WHERE value = ?) ORDER BY id"
        assert [r[0] for r in t.execute(sql, ["fruit"])] == ["apple", "Banana"]

    def test_booleans_are_stored_as_1_and_0_and_sums_are_integers(self, t: Db) -> None:
        assert t.scalar("SELECT COUNT(*) FROM t WHERE flag = ?", [True]) == 2
        assert t.scalar("SELECT SUM(n) FROM t") == 6
        assert isinstance(t.scalar("SELECT SUM(n) FROM t"), int)
        assert t.scalar("SELECT AVG(n) FROM t") == 2.0
        assert t.scalar("SELECT SUM(CASE WHEN n > ? THEN 1 ELSE 0 END) FROM t", [1]) == 2

    def test_json_extract_reads_a_key(self, t: Db) -> None:
        t.execute("INSERT INTO t (name, tags) VALUES (?, ?)", ["json", '{"to": "amy@school.example", "n": [1, 2]}'])
        assert t.scalar("SELECT name FROM t WHERE json_extract(tags, '$.to') = ?", ["amy@school.example"]) == "json"
        assert str(t.scalar("SELECT json_extract(tags, '$.n[1]') FROM t WHERE name = 'json'")) == "2"

    def test_a_post_with_a_nul_character_is_stored(self, t: Db, backend: str) -> None:
        """PostgreSQL's text cannot hold NUL: it is written as U+FFFD there, never refused (a hostile post must
        not stop its feed)."""
        t.execute("INSERT INTO t (name) VALUES (?)", ["nul\x00byte"])
        stored = t.scalar("SELECT name FROM t WHERE name LIKE 'nul%'")
        assert stored == ("nul\x00byte" if backend == "sqlite" else "nul\ufffdbyte")

    def test_scalar_max_of_two_columns(self, t: Db) -> None:
        assert t.scalar("SELECT MIN(MAX(n, flag)) FROM t WHERE n IS NOT NULL") == 1

    def test_insert_or_ignore_and_upsert(self, t: Db) -> None:
        t.execute("INSERT OR IGNORE INTO t (name) VALUES (?)", ["apple"])
        t.execute("INSERT INTO t (name, n) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET n = t.n + excluded.n",
                  ["apple", 10])
        assert t.rows("SELECT name, n FROM t WHERE name = 'apple'") == [{"name": "apple", "n": 11}]

    def test_returning_gives_the_new_id(self, t: Db) -> None:
        assert t.execute("INSERT INTO t (name) VALUES (?) RETURNING id", ["date"]).fetchone()[0] == 5

    def test_a_unique_key_says_integrity_error_and_the_transaction_is_rolled_back(self, t: Db) -> None:
        with pytest.raises(IntegrityError), t.transaction():
            t.execute("INSERT INTO t (name) VALUES (?)", ["fig"])
            t.execute("INSERT INTO t (name) VALUES (?)", ["apple"])
        assert t.scalar("SELECT COUNT(*) FROM t WHERE name = 'fig'") == 0
        assert not t.in_transaction

    def test_a_nested_transaction_is_a_savepoint(self, t: Db) -> None:
        with t.transaction():
            t.execute("UPDATE t SET n = 100 WHERE name = 'apple'")
            with pytest.raises(RuntimeError), t.transaction():
                t.execute("UPDATE t SET n = 200 WHERE name = 'apple'")
                raise RuntimeError("inner")
            assert t.scalar("SELECT n FROM t WHERE name = 'apple'") == 100
        assert t.scalar("SELECT n FROM t WHERE name = 'apple'") == 100

    def test_copied_rows_keep_their_ids_and_new_ones_come_after(self, t: Db) -> None:
        with t.transaction():
            t.insert_rows("t", ["id", "name"], [(40, "gooseberry"), (41, "honeydew")])
            t.reset_identity("t")
        assert t.execute("INSERT INTO t (name) VALUES (?) RETURNING id", ["kiwi"]).fetchone()[0] == 42

    def test_the_schema_can_be_listed(self, t: Db) -> None:
        assert "t" in t.table_names() and "items" in t.table_names()
        assert t.columns("t") == ["id", "name", "n", "flag", "tags"]

    def test_a_lock_not_had_in_time_is_a_busy_error(self, t: Db, store_location: Location) -> None:
        other = open_db(store_location)
        try:
            other.set_busy_timeout(0.2)
            with t.transaction():
                t.execute("UPDATE t SET n = 5 WHERE name = 'apple'")
                with pytest.raises(BusyError), other.transaction():
                    other.execute("UPDATE t SET n = 6 WHERE name = 'apple'")
            assert t.scalar("SELECT n FROM t WHERE name = 'apple'") == 5
        finally:
            other.close()

    def test_each_thread_may_have_its_own_connection(self, t: Db, store_location: Location) -> None:
        seen: list[int] = []

        def read() -> None:
            db = open_db(store_location)
            seen.append(db.scalar("SELECT COUNT(*) FROM t"))
            db.close()

        threads = [threading.Thread(target=read) for _ in range(4)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert seen == [4, 4, 4, 4]


def test_a_postgresql_connection_the_server_dropped_is_opened_again(pg_database: str,
                                                                   postgres: PostgresServer) -> None:
    db = connect(pg_database)
    pid = db.scalar("SELECT pg_backend_pid()")
    with postgres.admin() as admin:
        admin.execute("SELECT pg_terminate_backend(%s)", [pid])
    with pytest.raises(Exception, match=r"(?i)terminat|closed|connection"):
        db.execute("SELECT 1")  # the statement that finds out is lost ...
    assert db.scalar("SELECT COUNT(*) FROM items") == 0  # ... the next one runs on a new connection
    assert db.scalar("SELECT pg_backend_pid()") != pid
    with immediate(db):
        db.execute("INSERT INTO meta (key, value) VALUES ('k', 'v')")
    db.close()


def test_a_postgresql_store_with_a_wrong_password_says_where_the_password_goes(postgres: PostgresServer) -> None:
    from watchtower.exceptions import StoreError

    postgres.password_role("right-password-123")
    url = postgres.url("postgres", user="wt_password")
    with pytest.raises(StoreError, match=r"store\.password_secret"):
        connect(Location(url=url, password="wrong"), migrate=False)
    with pytest.raises(StoreError, match=r"store\.password_secret"):
        connect(Location(url=url), migrate=False)
    db = connect(Location(url=url, password="right-password-123"), migrate=False)
    assert db.scalar("SELECT current_user") == "wt_password"
    db.close()


# --- the schema's history --------------------------------------------------------------------------


def _schema(db: Db) -> list[tuple[str, str, str]]:
    """SQLite's stored schema (type, name, SQL) of Watchtower's own tables, indexes and triggers."""
    skip = {MIGRATIONS_TABLE, LEGACY_TABLE, "idx__sqlite_migrations_migration_set_name"}
    return [(r[0], r[1], r[2]) for r in db.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY type, name") if r[1] not in skip]


def _load_0_1(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.executescript((DATA / "store-0.1.sql").read_text())
    conn.close()


class TestADatabaseMadeByWatchtower01:
    """tests/data/store-0.1.sql is a database as Watchtower 0.1 (sqlite-utils' migrations) left it."""

    def test_upgrades_in_place_keeping_its_history_and_rows_and_running_nothing_again(self, tmp_path: Path) -> None:
        path = tmp_path / "old.db"
        _load_0_1(path)
        before = sqlite3.connect(path)
        legacy = before.execute("SELECT name, applied_at FROM _sqlite_migrations ORDER BY id").fetchall()
        before.close()
        db = connect(path)
        assert migrations.applied(db) == migrations.names
        recorded = db.execute(f"SELECT name, applied_at FROM {MIGRATIONS_TABLE} ORDER BY name").fetchall()
        assert recorded[:len(legacy)] == legacy  # the same names and times: taken over, not run again
        assert [name for name, _ in recorded] == migrations.names  # and only the later ones run now
        assert db.execute("SELECT COUNT(*) FROM _sqlite_migrations").fetchone()[0] == 8  # left as it was
        assert db.scalar("SELECT COUNT(*) FROM items") == 2
        assert db.scalar("SELECT username FROM users") == "amy"
        assert db.scalar("SELECT text FROM items WHERE platform = 'rss'") == "Oakfield 100% the best school"
        with immediate(db):
            db.execute("UPDATE alerts SET status = 'muted'")  # m007's CHECK, as 0.1 left it

    def test_has_the_schema_a_new_database_has(self, tmp_path: Path) -> None:
        _load_0_1(tmp_path / "old.db")
        assert _schema(connect(tmp_path / "old.db")) == _schema(connect(tmp_path / "new.db"))

    def test_takes_the_next_migration_once(self, tmp_path: Path) -> None:
        path = tmp_path / "old.db"
        _load_0_1(path)
        later = Migrations("watchtower")
        for m in migrations._migrations:
            later(name=m.name, foreign_keys_off=m.foreign_keys_off)(m.fn)
        ran: list[str] = []

        @later()
        def m999_later(db: Db) -> None:
            ran.append("m999")
            db.execute("ALTER TABLE items ADD COLUMN m999_note TEXT")

        db = open_db(path)
        assert later.apply(db) == [name for name in later.names if name not in LEGACY_0_1]
        assert later.apply(db) == []
        assert ran == ["m999"] and "m999_note" in db.columns("items")


@both_stores
def test_a_database_can_be_left_as_an_older_version_made_it(store_location: Location, backend: str,
                                                            request: pytest.FixtureRequest) -> None:
    """``stop_before``: what a test of a migration starts from (the database before that migration)."""
    where = store_location if backend == "sqlite" else Location(url=request.getfixturevalue("pg_empty_database"))
    db = open_db(where)
    assert migrations.apply(db, stop_before="m005_inbox_claims") == migrations.names[:4]
    assert "claimed_by" not in db.columns("items")
    assert migrations.apply(db) == migrations.names[4:]
    assert "claimed_by" in db.columns("items")
    db.close()


def test_two_processes_migrating_a_new_postgresql_database_at_once_do_it_once(pg_empty_database: str) -> None:
    errors: list[BaseException] = []
    applied: list[list[str]] = []

    def migrate() -> None:
        try:
            db = open_db(pg_empty_database)
            applied.append(migrations.apply(db))
            db.close()
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=migrate) for _ in range(3)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert errors == []
    assert sorted(name for names in applied for name in names) == sorted(migrations.names)
    db = open_db(pg_empty_database)
    assert db.scalar(f"SELECT COUNT(*) FROM {MIGRATIONS_TABLE}") == len(migrations.names)
    db.close()


def test_postgresql_gets_the_same_tables_and_columns_as_sqlite(tmp_path: Path, pg_empty_database: str) -> None:
    lite, pg = connect(tmp_path / "w.db"), connect(pg_empty_database)
    assert pg.table_names() == lite.table_names()
    for table in lite.table_names():
        assert pg.columns(table) == lite.columns(table), table
    pg.close()


def test_the_postgresql_driver_runs_with_memory_deny_write_execute(pg_database: str) -> None:
    """The unit has MemoryDenyWriteExecute=yes: psycopg and its libpq must work without W+X memory (the kernel's
    PR_SET_MDWE, Linux 6.3+, is the same rule), or the daemon could not open a PostgreSQL store."""
    import subprocess
    import sys

    code = r"""
import ctypes, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(65, 1, 0, 0, 0) != 0:
    print("NO_MDWE"); sys.exit(0)
from watchtower.store import connect, immediate, repo
db = connect(sys.argv[1])
with immediate(db):
    repo.set_meta(db, "mdwe", "ok")
print("OK", db.scalar("SELECT value FROM meta WHERE key = 'mdwe'"))
"""
    res = subprocess.run([sys.executable, "-c", code, pg_database], capture_output=True, text=True, timeout=120)
    if res.stdout.startswith("NO_MDWE"):
        pytest.skip("this kernel has no PR_SET_MDWE (Linux < 6.3): MemoryDenyWriteExecute not checked here")
    assert res.returncode == 0 and res.stdout.strip() == "OK ok", res.stdout + res.stderr


def test_without_postgresqls_programs_the_tests_say_how_to_install_them(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The PostgreSQL fixture fails (never skips) when initdb, pg_ctl or postgres cannot be found, with the fix."""
    from pg_server import PostgresMissing, find_bindir

    monkeypatch.setenv("WATCHTOWER_PG_BINDIR", str(tmp_path))
    with pytest.raises(PostgresMissing, match=r"make postgresql.*apt-get install postgresql"):
        find_bindir()
    monkeypatch.delenv("WATCHTOWER_PG_BINDIR")
    assert (find_bindir() / "initdb").is_file()  # Debian's, here
