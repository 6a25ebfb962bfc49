"""Need-to-know, one rule for every channel (design.md): the DSL, deputy DSL and headteacher always read a
safeguarding item's text; moderators only where ``moderators_see_safeguarding_text`` allows; nobody else (the AHT,
an admin, a terminal). Each row of the table is checked through every channel that shows an item's text: the email,
the dashboard's item page (text, link, quoted reasons), the dashboard's search, the command line's queue."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from types import SimpleNamespace
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from conftest import FakeClock, add_item, both_stores
from watchtower import access
from watchtower.cli.ack import excerpt
from watchtower.config import Config
from watchtower.models import ROLES
from watchtower.notify.render import Recipient, item_view
from watchtower.store import repo
from watchtower.store.db import Db
from watchtower.users import User
from watchtower.web import _context, _items
from watchtower.web import _queries as q

pytestmark = both_stores

SECRET = "she said she will hurt herself after school"
REASON = "rule:self_harm 'hurt herself'"

#: (roles, moderators_see_safeguarding_text, may read a safeguarding item's text)
TABLE: list[tuple[tuple[str, ...], bool, bool]] = [
    (("dsl",), False, True),
    (("deputy_dsl",), False, True),
    (("headteacher",), False, True),
    (("moderator",), False, False),
    (("aht",), False, False),
    (("admin",), False, False),
    ((), False, False),  # a terminal: nobody in particular
    (("dsl",), True, True),
    (("headteacher",), True, True),
    (("moderator",), True, True),
    (("aht",), True, False),  # the flag lets moderators read it, not everyone who is emailed (issue 15)
    (("admin",), True, False),
    (("moderator", "aht"), False, False),
    (("aht", "deputy_dsl"), False, True),
]


def _channels(item: dict[str, Any], cls: dict[str, Any], roles: tuple[str, ...], flag: bool,
              search: Callable[[bool], list[int]]) -> dict[str, bool]:
    """Whether each channel showed this person the item's text (and the words its reasons quote)."""
    config = SimpleNamespace(dashboard=SimpleNamespace(moderators_see_safeguarding_text=flag))
    seen: dict[str, bool] = {}
    view = item_view(item, recipient=Recipient("p@school.example", "P", frozenset(roles)), step_reason="seen",
                     also_told=[], ack_url="a", item_url="b", tz=ZoneInfo("Europe/London"),
                     moderators_see_safeguarding=flag)
    seen["email"] = bool(view["show_text"]) and SECRET in str(view["text"]) and REASON in view["reasons"]
    assert bool(view["show_text"]) == (SECRET in str(view) or REASON in str(view)), "email: half withheld"
    if len(roles) <= 1:  # a dashboard account holds one role
        user = User(1, "u", "U", None, roles[0] if roles else "", False)
        readable = _context.can_read(item, user, config)
        shown_cls = _items._readable_classification(cls, readable)
        assert shown_cls is not None
        seen["dashboard item page"] = readable and REASON in shown_cls["reasons"]
        assert readable == (REASON in shown_cls["reasons"]), "dashboard: half withheld"
        seen["dashboard search"] = item["id"] in search(_context.reads_safeguarding(user, config))
    seen["cli queue"] = SECRET in excerpt(item, reader=roles, settings=config.dashboard)
    seen["access"] = access.may_read_text(roles, item, access.TextPolicy(flag))
    return seen


@pytest.fixture
def world(db: Db, config: Config, clock: FakeClock) -> tuple[dict[str, Any], dict[str, Any],
                                                                     Callable[[bool], list[int]]]:
    now: datetime = clock()
    item_id = add_item(db, config, text=SECRET, categories=["safeguarding"], now=now, reasons=[REASON])
    row = repo.get_item(db, item_id)
    assert row is not None
    detail = q.item_detail(db, item_id)
    assert detail is not None and detail["classification"] is not None
    item = {**detail["item"], "reasons_list": [REASON]}

    def search(reads: bool) -> list[int]:
        rows, _ = q.queue(db, q.QueueFilter(q="hurt herself", severity="any", status="all"), reads_safeguarding=reads,
                          schools=("1 = 1", []))
        return [r["id"] for r in rows]

    return item, detail["classification"], search


@pytest.mark.parametrize(("roles", "flag", "reads"), TABLE)
def test_every_channel_applies_the_one_rule(world: Any, roles: tuple[str, ...], flag: bool, reads: bool) -> None:
    item, cls, search = world
    seen = _channels(item, cls, roles, flag, search)
    assert seen == dict.fromkeys(seen, reads), seen


def test_items_that_are_not_safeguarding_are_read_by_everyone() -> None:
    item = {"categories_list": ["harassment"], "text": "x"}
    assert all(access.may_read_text(r, item, access.TextPolicy()) for r in [*ROLES, ()])
    assert access.may_read_text((), {"categories": '["harassment"]'}, access.TextPolicy())
    assert not access.may_read_text((), {"categories": '["safeguarding"]'}, access.TextPolicy())


def test_redact_withholds_text_link_title_and_quoted_words() -> None:
    shown = access.redact({"text": SECRET, "title": "t", "url": "https://news.example/girl-hurt", "id": 3,
                           "reasons_list": [REASON, "model:safeguarding=0.91"]})
    assert shown == {"text": "", "title": "", "url": "", "id": 3,
                     "reasons_list": ["rule:self_harm (quoted words withheld)", "model:safeguarding=0.91"]}
    # the records behind the reasons keep the quotes: someone who may not read the post gets none of them
    assert access.redact({"reasons": [REASON], "decisions": ["a record quoting the post"]})["decisions"] is None


def test_one_list_of_roles() -> None:
    from watchtower import escalation

    assert set(escalation.ROLES) == set(ROLES) - {"admin"}
    from watchtower.models import TRUST_ROLES

    assert set(ROLES) | set(TRUST_ROLES) >= access.SAFEGUARDING_READERS

