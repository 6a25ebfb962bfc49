"""The technician's docs under connectors/ name every config key of every source type."""

from __future__ import annotations

from pathlib import Path

import pytest

from watchtower.connectors import config as c

DOCS = Path(__file__).resolve().parents[2] / "connectors"
MODELS = {
    "rss": c.RssSource, "x": c.XSource, "facebook": c.FacebookSource, "instagram": c.InstagramSource,
    "youtube": c.YouTubeSource, "mastodon": c.MastodonSource, "bluesky": c.BlueskySource, "reddit": c.RedditSource,
}


@pytest.mark.parametrize("platform", sorted(MODELS))
def test_every_config_key_is_documented(platform):
    text = (DOCS / "README.md").read_text() + (DOCS / f"{platform}.md").read_text()
    missing = [key for key in MODELS[platform].model_fields if f"`{key}`" not in text and f"{key} =" not in text]
    assert not missing, f"connectors/{platform}.md does not mention {missing}"
