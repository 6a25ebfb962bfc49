"""Schools in the store (migration m009) and the parts of a trust that run on it: each school's digest and the trust
safeguarding lead's, per-school batches of harmless comments, source notices to the school's and the trust's
operators, dashboard users of a school from the command line."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from conftest import TRUST_LEAD, TRUST_OPERATOR, SmtpServer, add_item, both_stores, build_notifier, trust_data
from watchtower.cli import main as cli_main
from watchtower.config import Config, parse_config
from watchtower.digest import digest_tick
from watchtower.models import Item
from watchtower.poller import operator_notice
from watchtower.store import Store, connect, immediate, repo
from watchtower.store.db import Db, IntegrityError, Location, open_db
from watchtower.store.migrations import migrations

pytestmark = both_stores

NOW = datetime(2026, 3, 4, 10, 0, tzinfo=UTC)  # a Wednesday in term


@pytest.fixture
def trust(store_location: Location, smtp: SmtpServer) -> Config:
    sources = {"oakfield": [{"type": "rss", "name": "oak-feed", "url": "https://feeds.example/oak"}],
               "hillside": [{"type": "rss", "name": "hill-feed", "url": "https://feeds.example/hill"}]}
    return parse_config(trust_data(store_location, smtp.port, sources))


def item(db: Db, config: Config, school: str, text: str, categories: list[str], **kw: Any) -> int:
    """An item of ``school`` stored and triaged with the real pipeline code."""
    from conftest import store_and_triage
    from watchtower.models import Classification, Decision

    it = Item(platform="rss", source=kw.pop("source", "own"), platform_id=f"{school}-{text}", url=None,
              author_handle="someone", author_name="Someone", text=text, created_at=kw.pop("at", NOW))
    cls = Classification(categories=categories, scores={c: 0.99 for c in categories},
                         reasons=[f"rule:test '{text}'" for _ in categories], model_version="test",
                         decisions=[Decision(c, "rule", "test") for c in categories])
    with immediate(db):
        return store_and_triage(db, config, it, cls, source_name=f"{school}-feed", now=kw.pop("now", NOW),
                                school=school)


class TestMigrationM009:
    def test_rows_from_before_schools_belong_to_the_default_school(self, tmp_path: Path) -> None:
        path = tmp_path / "old.db"
        old = open_db(path)
        migrations.apply(old, stop_before="m009_schools")
        old.execute("INSERT INTO items (platform, platform_id, source, source_name, text, created_at, first_seen_at) "
                    "VALUES ('rss', 'x1', 'own', 'feed', 'hello', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')")
        old.execute("INSERT INTO users (username, name, role, password_hash, created_at) "
                    "VALUES ('amy', 'Amy', 'moderator', 'h', '2026-01-01T00:00:00Z')")
        old.execute("INSERT INTO audit (at, actor, action, channel) VALUES ('2026-01-01T00:00:00Z', 'x', 'y', 'cli')")
        old.close()

        db = connect(path)  # the daemon's start-up applies m009
        for table in ("items", "users", "audit"):
            assert db.execute(f"SELECT school FROM {table}").fetchall() == [("default",)], table
        for table in ("source_health", "alerts"):
            assert "school" in db.columns(table), table
        indexes = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"items_school_queue", "items_school_seen"} <= indexes
        # the audit log is still append-only after the new column
        with pytest.raises(IntegrityError, match="append-only"):
            db.execute("UPDATE audit SET school = 'hillside'")
        db.close()

    def test_an_audit_line_about_an_item_is_the_items_school_and_one_about_none_is_the_trusts(
        self, db: Db, trust: Config
    ) -> None:
        hill = item(db, trust, "hillside", "hello", [])
        with immediate(db):
            repo.audit(db, actor="amy", action="look", channel="cli", now=NOW, item_id=hill)
            repo.audit(db, actor="amy", action="login", channel="dashboard", now=NOW)
        rows = db.execute("SELECT action, school FROM audit WHERE action IN ('look', 'login')").fetchall()
        assert rows == [("look", "hillside"), ("login", "*")]


class TestEachSchoolsDigest:
    def test_each_school_gets_its_own_and_the_trust_lead_gets_every_schools_safeguarding(
        self, db: Db, trust: Config
    ) -> None:
        item(db, trust, "oakfield", "oak harassment", ["harassment"])
        item(db, trust, "oakfield", "oak safeguarding", ["safeguarding"])
        item(db, trust, "hillside", "hill safeguarding", ["safeguarding"])
        item(db, trust, "hillside", "hill complaint", ["complaint"])
        with immediate(db):
            # three schools' DSL and deputy, and the trust lead
            assert digest_tick(db, trust, NOW + timedelta(minutes=1)) == 2 + 2 + 2 + 1
        rows = db.execute("SELECT recipient, subject, body, school FROM alerts WHERE kind = 'digest'").fetchall()
        by = {r[0]: (r[1], json.loads(r[2])["text"], r[3]) for r in rows}
        subject, text, school = by["dsl@hillside.example"]
        assert subject.startswith("[Hillside Primary] Watchtower daily digest") and school == "hillside"
        assert "hill safeguarding" in text and "hill complaint" in text and "oak safeguarding" not in text
        assert "oak harassment" in by["deputy@oakfield.example"][1] and "hill" not in by["deputy@oakfield.example"][1]
        subject, text, school = by[TRUST_LEAD]
        assert subject.startswith("[Northfield Learning Trust] Watchtower safeguarding digest (every school)")
        assert school == "*"
        assert "oak safeguarding" in text and "hill safeguarding" in text
        assert "[Oakfield Academy]" in text and "[Hillside Primary]" in text
        assert "harassment" not in text and "complaint" not in text  # the lead's digest is safeguarding only
        with immediate(db):
            assert digest_tick(db, trust, NOW + timedelta(minutes=6)) == 0  # once a day


class TestEmailsOfATrust:
    async def test_harmless_comments_are_batched_per_school_for_someone_at_two(
        self, store_location: Location, smtp: SmtpServer, make_config: Callable[..., Config], tmp_path: Path
    ) -> None:
        data = trust_data(store_location, smtp.port)
        shared = {"name": "Sam Both", "email": "sam@trust.example", "roles": ["moderator"]}
        for school in data["schools"][:2]:
            school["people"].append(shared)
        config = parse_config(data)
        db = connect(store_location)
        item(db, config, "oakfield", "nice concert", [], now=NOW)
        item(db, config, "hillside", "great play", [], now=NOW)
        db.close()
        store = Store(store_location)
        await store.open()
        try:
            await build_notifier(config, store, lambda: NOW + timedelta(minutes=1)).flush()
        finally:
            await store.close()
        to_sam = smtp.to("sam@trust.example")
        assert sorted(m.subject.split("]")[0] + "]" for m in to_sam) == ["[Hillside Primary]", "[Oakfield Academy]"]
        for m in to_sam:
            school = "Oakfield Academy" if m.subject.startswith("[Oakfield") else "Hillside Primary"
            assert school in m.part("plain")

    def test_a_stopped_source_tells_its_schools_operator_and_the_trusts_named_by_school(
        self, db: Db, trust: Config
    ) -> None:
        from watchtower.people import operators

        notify = operator_notice(lambda: operators(trust, "hillside"), school="hillside",
                                 label=lambda: trust.school_named("hillside"))
        with immediate(db):
            notify(db, "hill-feed", "auth_failed", "the token expired", NOW)
        rows = db.execute("SELECT recipient, subject, body, school FROM alerts").fetchall()
        assert {r[0] for r in rows} == {"it@hillside.example", TRUST_OPERATOR}
        assert all(r[1].startswith("[Hillside Primary] Watchtower: hill-feed has stopped") for r in rows)
        assert all(r[2].startswith("School: Hillside Primary") and r[3] == "hillside" for r in rows)


class TestUsersFromTheCommandLine:
    def write(self, tmp_path: Path, config: Config) -> Path:
        from conftest import to_toml

        data = config.model_dump(mode="json", exclude_defaults=True)
        schools, tr = data.pop("schools"), data.pop("trust")
        text = to_toml(data) + to_toml({"trust": {"name": tr["name"]}, "trust.people": tr["people"]})
        for s in schools:
            text += "[[schools]]\n" + "".join(f"{k} = {json.dumps(v)}\n" for k, v in s.items()
                                              if k in ("id", "name")) + to_toml({"schools.people": s["people"]})
        path = tmp_path / "trust.toml"
        path.write_text(text, encoding="utf-8")
        return path

    def test_a_user_belongs_to_the_schools_named(self, tmp_path: Path, trust: Config, store_location: Location,
                                                monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]) -> None:
        import io

        path = self.write(tmp_path, trust)

        def add(*args: str) -> int:
            monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
            return cli_main(["user", "add", *args, "--password-stdin", "--config", str(path)])

        assert add("amy", "--name", "Amy", "--role", "moderator") == 2
        assert "several schools: say which with --school" in capsys.readouterr().err
        assert add("amy", "--name", "Amy", "--role", "moderator", "--school", "nowhere") == 2
        assert "no school has the id 'nowhere'" in capsys.readouterr().err
        assert add("amy", "--name", "Amy", "--role", "moderator", "--school", "oakfield", "--school",
                   "hillside") == 0
        assert "Oakfield Academy, Hillside Primary" in capsys.readouterr().out
        assert add("grace", "--name", "Grace", "--role", "trust_safeguarding_lead") == 0
        db = connect(store_location)
        assert dict(db.execute("SELECT username, school FROM users").fetchall()) == {
            "amy": "oakfield,hillside", "grace": "*"}
        db.close()


def test_a_one_school_config_keeps_its_items_in_the_default_school(db: Db, config: Config) -> None:
    item_id = add_item(db, config, text="hello", categories=["query"], now=NOW)
    assert db.execute("SELECT school FROM items WHERE id = ?", [item_id]).fetchone() == ("default",)
    assert {r[0] for r in db.execute("SELECT school FROM alerts")} == {"default"}


def test_the_command_line_queue_names_each_items_school(tmp_path: Path, trust: Config, db: Db,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    item(db, trust, "oakfield", "oak query", ["query"])
    item(db, trust, "hillside", "hill query", ["query"])
    path = TestUsersFromTheCommandLine().write(tmp_path, trust)
    assert cli_main(["queue", "--config", str(path)]) == 0
    out = capsys.readouterr().out
    assert "SCHOOL" in out and "oakfield" in out and "hillside" in out
    assert cli_main(["queue", "--school", "hillside", "--config", str(path)]) == 0
    out = capsys.readouterr().out
    assert "hill query" in out and "oak query" not in out
