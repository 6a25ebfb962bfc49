"""Connectors: async clients that fetch new posts from each platform (issue 3).

Public surface:

- ``SourceConfig``: the pydantic discriminated union (on ``type``) of every source's config block.
- ``build_connector(cfg, session, *, school_names, environ=None)``: the connector for one block, with its
  secrets read (``watchtower.secrets.get_secret``) and its search terms defaulted to the school's names.
- ``Connector``, ``FetchResult``, ``Cursor``: the protocol every connector follows (``base.py``).
"""

from __future__ import annotations

from collections.abc import Mapping

import aiohttp

from watchtower.connectors import config
from watchtower.connectors.base import Connector, Cursor, FetchResult
from watchtower.connectors.config import (
    BlueskySource,
    FacebookSource,
    InstagramSource,
    MastodonSource,
    RedditSource,
    RssSource,
    SourceConfig,
    XSource,
    YouTubeSource,
)
from watchtower.exceptions import ConfigError, SecretMissing
from watchtower.secrets import get_secret

__all__ = ["Connector", "Cursor", "FetchResult", "build_connector"]
__all__ += config.__all__  # every source model and SourceConfig


def _secret(cfg: SourceConfig, key: str, name: str, environ: Mapping[str, str] | None) -> str:
    try:
        return get_secret(name, environ=environ)
    except SecretMissing as exc:
        raise SecretMissing(f"source {cfg.name!r} ({cfg.type}): {key} = {name!r} but {exc}") from None


def _queries(queries: list[str], school_names: list[str], cfg: SourceConfig) -> list[str]:
    chosen = queries or [n.strip() for n in school_names if n and n.strip()]
    if not chosen:
        raise ConfigError(
            f"source {cfg.name!r} ({cfg.type}): no search terms: set queries = [...] in the source or the "
            "school's name and aliases in the top-level config"
        )
    return list(dict.fromkeys(chosen))


def build_connector(
    cfg: SourceConfig,
    session: aiohttp.ClientSession,
    *,
    school_names: list[str],
    environ: Mapping[str, str] | None = None,
) -> Connector:
    """The connector for one source config block.

    ``school_names`` (the school's name then its aliases) are the search terms of any search source whose
    ``queries`` is empty. Secrets are read now, so a missing one fails at start-up with ``SecretMissing``
    naming the source, the key and where to put it; never on the first poll.
    """
    if isinstance(cfg, RssSource):
        from watchtower.connectors.rss import RssConnector

        return RssConnector(cfg, session)
    if isinstance(cfg, XSource):
        from watchtower.connectors.x import XConnector

        queries = _queries(cfg.queries, school_names, cfg) if cfg.search else []
        if cfg.user_context:
            assert cfg.consumer_key_secret and cfg.consumer_secret_secret
            assert cfg.access_token_secret and cfg.access_token_secret_secret
            return XConnector(
                cfg,
                session,
                queries=queries,
                consumer_key=_secret(cfg, "consumer_key_secret", cfg.consumer_key_secret, environ),
                consumer_secret=_secret(cfg, "consumer_secret_secret", cfg.consumer_secret_secret, environ),
                access_token=_secret(cfg, "access_token_secret", cfg.access_token_secret, environ),
                access_token_secret=_secret(
                    cfg, "access_token_secret_secret", cfg.access_token_secret_secret, environ
                ),
            )
        assert cfg.bearer_token_secret
        return XConnector(
            cfg,
            session,
            queries=queries,
            bearer_token=_secret(cfg, "bearer_token_secret", cfg.bearer_token_secret, environ),
        )
    if isinstance(cfg, FacebookSource):
        from watchtower.connectors.facebook import FacebookConnector

        return FacebookConnector(cfg, session, token=_secret(cfg, "token_secret", cfg.token_secret, environ))
    if isinstance(cfg, InstagramSource):
        from watchtower.connectors.instagram import InstagramConnector

        return InstagramConnector(cfg, session, token=_secret(cfg, "token_secret", cfg.token_secret, environ))
    if isinstance(cfg, YouTubeSource):
        from watchtower.connectors.youtube import YouTubeConnector

        return YouTubeConnector(cfg, session, api_key=_secret(cfg, "api_key_secret", cfg.api_key_secret, environ))
    if isinstance(cfg, MastodonSource):
        from watchtower.connectors.mastodon import MastodonConnector

        token = _secret(cfg, "token_secret", cfg.token_secret, environ) if cfg.token_secret else None
        queries = _queries(cfg.queries, school_names, cfg) if cfg.search else []
        return MastodonConnector(cfg, session, queries=queries, token=token)
    if isinstance(cfg, BlueskySource):
        from watchtower.connectors.bluesky import BlueskyConnector

        return BlueskyConnector(
            cfg,
            session,
            queries=_queries(cfg.queries, school_names, cfg),
            app_password=_secret(cfg, "app_password_secret", cfg.app_password_secret, environ),
        )
    if isinstance(cfg, RedditSource):
        from watchtower.connectors.reddit import RedditConnector

        return RedditConnector(cfg, session, queries=_queries(cfg.queries, school_names, cfg))
    raise ConfigError(f"source {cfg.name!r}: unknown type {cfg.type!r}")
