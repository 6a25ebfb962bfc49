"""The moderation client for an item: the configured source that saw it (or the first of its platform), with that
source's own credentials (the same secrets the connector reads; YouTube's OAuth ones from ``[actions]``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, cast

import aiohttp

from watchtower.config import Config
from watchtower.connectors.config import (
    BlueskySource,
    FacebookSource,
    InstagramSource,
    MastodonSource,
    XSource,
    YouTubeSource,
)
from watchtower.exceptions import SecretMissing
from watchtower.platform_actions.clients import (
    BlueskyModeration,
    FacebookModeration,
    InstagramModeration,
    MastodonModeration,
    ModerationClient,
    XModeration,
    YouTubeModeration,
)
from watchtower.platform_actions.model import NotPossible
from watchtower.secrets import get_secret


def source_for(config: Config, platform: str, source_name: str, school: str | None = None) -> Any:
    """The source that saw the item, else the first enabled source of its platform of the item's ``school`` (never
    another school's account: in a trust each school's tokens act on its own accounts only)."""
    owner = config.school_of_source(source_name)
    if owner is None and school is not None:
        try:
            owner = config.school_by_id(school)
        except KeyError:
            owner = None
    if owner is None:
        if config.multi_school:
            return None
        owner = config.all_schools[0]
    enabled = [s for s in owner.sources if s.enabled and s.type == platform]
    return next((s for s in enabled if s.name == source_name), enabled[0] if enabled else None)


def acting_source(config: Config, platform: str, source_name: str, school: str | None = None) -> Any:
    """The source whose token acts on an item (:func:`source_for`), or ``NotPossible`` naming the school."""
    src = source_for(config, platform, source_name, school)
    if src is None:
        owner = config.school_of_source(source_name)
        whose = (owner.name if owner is not None else config.school_named(school) if school is not None
                 else "this school")
        raise NotPossible(f"no enabled {platform} source of {whose} in the config: Watchtower has no token for "
                          f"{whose}'s {platform} account (another school's is never used)")
    return src


def build_client(config: Config, platform: str, source_name: str, session: aiohttp.ClientSession | None,
                 environ: Mapping[str, str] | None, *, planning: bool = False,
                 school: str | None = None) -> ModerationClient:
    """The client for this platform. ``planning``: only to describe calls (no secrets read, no session)."""
    src = acting_source(config, platform, source_name, school)
    sess = cast(aiohttp.ClientSession, session)

    def secret(name: str | None, key: str) -> str:
        if planning:
            return ""
        if not name:
            raise NotPossible(f"source {src.name!r} has no {key}: see connectors/{platform}.md")
        try:
            return get_secret(name, environ=environ)
        except SecretMissing as exc:
            raise NotPossible(f"source {src.name!r}: {key} = {name!r} but {exc}") from None

    if isinstance(src, FacebookSource):
        return FacebookModeration(src, sess, token=secret(src.token_secret, "token_secret"))
    if isinstance(src, InstagramSource):
        return InstagramModeration(src, sess, token=secret(src.token_secret, "token_secret"))
    if isinstance(src, YouTubeSource):
        a = config.actions
        if not a.youtube_refresh_token_secret:
            raise NotPossible("YouTube actions need OAuth as the channel owner: set [actions] "
                              "youtube_refresh_token_secret (see connectors/youtube.md); the API key only reads")
        return YouTubeModeration(
            src, sess, client_id=secret(a.youtube_client_id_secret, "youtube_client_id_secret"),
            client_secret=secret(a.youtube_client_secret_secret, "youtube_client_secret_secret"),
            refresh_token=secret(a.youtube_refresh_token_secret, "youtube_refresh_token_secret"),
            token_uri=a.youtube_token_uri)
    if isinstance(src, XSource):
        if not src.user_context:
            raise NotPossible("X actions need the school account's user-context credentials (the four "
                              "consumer/access secrets): an app-only bearer token cannot hide or reply")
        return XModeration(
            src, sess, consumer_key=secret(src.consumer_key_secret, "consumer_key_secret"),
            consumer_secret=secret(src.consumer_secret_secret, "consumer_secret_secret"),
            access_token=secret(src.access_token_secret, "access_token_secret"),
            access_token_secret=secret(src.access_token_secret_secret, "access_token_secret_secret"))
    if isinstance(src, MastodonSource):
        return MastodonModeration(src, sess, token=secret(src.token_secret, "token_secret"))
    if isinstance(src, BlueskySource):
        return BlueskyModeration(src, sess, app_password=secret(src.app_password_secret, "app_password_secret"))
    raise NotPossible(f"Watchtower cannot act on {platform}")
