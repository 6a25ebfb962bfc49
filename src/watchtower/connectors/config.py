"""Each source's config: a pydantic discriminated union on ``type``, one model per platform.

Secrets are named, never given: ``token_secret = "FACEBOOK_PAGE_TOKEN"`` means "read the value from
``$CREDENTIALS_DIRECTORY/FACEBOOK_PAGE_TOKEN`` or the environment variable of that name"
(``watchtower.secrets``).
``api_base`` defaults to the platform's real host; tests point it at 127.0.0.1.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator, model_validator
from yarl import URL

from watchtower.secrets import SecretName

_NAME_RE = r"^[a-z0-9][a-z0-9_.:-]{0,63}$"
_GRAPH_VERSION_RE = re.compile(r"^v\d{1,3}\.\d$")


def _http_url(value: str, key: str) -> str:
    url = URL(value)
    if url.scheme not in ("http", "https") or not url.host:
        raise ValueError(f"{key} must be an http(s) URL with a host, not {value!r}")
    return value.rstrip("/") if key == "api_base" else value




def _api_base(value: str) -> str:
    return _http_url(value, "api_base")


ApiBase = Annotated[str, AfterValidator(_api_base)]
"""A platform API's base URL: http(s) with a host, kept without a trailing slash."""


class _Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(
        pattern=_NAME_RE,
        description="Unique id of this source, kept in the database with its cursor, e.g. 'facebook-page'. "
        "Lower case letters, digits and _ . : - only. Renaming it starts the source afresh.",
    )
    enabled: bool = Field(True, description="Set false to keep the block but stop polling it.")
    interval_seconds: float = Field(
        600, ge=10, description="Seconds between polls (the poller adds a little jitter)."
    )
    timeout_seconds: float = Field(
        30, gt=0, le=600, description="Seconds one HTTP request may take before the poll counts as failed."
    )
    silent_after_hours: float | None = Field(
        None,
        gt=0,
        description="Alert the operator when this source has had no successful poll for this many hours. "
        "Unset: no alert.",
    )


class _SearchSource(_Source):
    queries: list[str] = Field(
        default_factory=list,
        description="Search terms. Empty: the school's name and aliases from the top-level config.",
    )

    @field_validator("queries")
    @classmethod
    def _no_blank_queries(cls, value: list[str]) -> list[str]:
        cleaned = [q.strip() for q in value]
        if any(not q for q in cleaned):
            raise ValueError("queries must not contain empty strings")
        return cleaned


class RssSource(_Source):
    """One RSS or Atom feed: a Google Alert, a news site's feed, a Mastodon tag's ``.rss``."""

    type: Literal["rss"] = Field(description="An RSS/Atom feed.")
    url: str = Field(
        description="The feed's URL, e.g. https://www.google.com/alerts/feeds/<user>/<alert>. "
        "One feed per source so each has its own watermark, failure state and silence alert."
    )
    interval_seconds: float = Field(600, ge=10, description="Seconds between polls (default 10 minutes).")
    source: Literal["mention", "own"] = Field(
        "mention",
        description="'mention' for news and alerts about the school; 'own' for a feed the school publishes "
        "(its items are then own_post=True).",
    )
    max_body_mb: float = Field(
        5,
        gt=0,
        le=100,
        description="Largest feed body read, in megabytes (default 5; a busy news feed is under 1). A longer "
        "or endless body is refused and the poll fails saying so, instead of filling memory.",
    )
    max_entries: int = Field(
        300,
        ge=1,
        le=5000,
        description="Most entries read from one poll of the feed (default 300), the first in the feed's order "
        "(feeds list their newest first); the rest are ignored.",
    )

    @field_validator("url")
    @classmethod
    def _url(cls, value: str) -> str:
        return _http_url(value, "url")


class XSource(_SearchSource):
    """X (Twitter) API v2 through tweepy: mentions, replies, recent search and the school's own posts."""

    type: Literal["x"] = Field(description="X / Twitter API v2.")
    api_base: ApiBase = Field(
        "https://api.twitter.com",
        description="API host. tweepy hard-codes https://api.twitter.com; another value is reached by "
        "rewriting request URLs (tests, or a proxy). OAuth 1.0a user signatures only hold on the real host.",
    )
    user_id: str = Field(pattern=r"^\d+$", description="The school account's numeric user id.")
    handle: str = Field(
        pattern=r"^@?[A-Za-z0-9_]{1,15}$", description="The school account's @handle (with or without @)."
    )
    bearer_token_secret: SecretName | None = Field(
        "X_BEARER_TOKEN",
        description="Name of the secret holding an app-only Bearer token. Used when the four user-context "
        "secrets below are not set.",
    )
    consumer_key_secret: SecretName | None = Field(
        None, description="Name of the secret holding the app's API key (user context, OAuth 1.0a)."
    )
    consumer_secret_secret: SecretName | None = Field(
        None, description="Name of the secret holding the app's API key secret (user context)."
    )
    access_token_secret: SecretName | None = Field(
        None,
        description="Name of the secret holding the school account's access token (user context: mentions "
        "and own posts are then billed as cheaper 'owned reads').",
    )
    access_token_secret_secret: SecretName | None = Field(
        None, description="Name of the secret holding the account's access token secret (user context)."
    )
    mentions: bool = Field(True, description="Read posts that mention the school account.")
    replies: bool = Field(True, description="Read replies to the school account's posts.")
    search: bool = Field(True, description="Recent search (last 7 days) for the queries / school names.")
    own_posts: bool = Field(True, description="Read the school account's own posts (own_post=True).")
    max_pages: int = Field(
        3, ge=1, le=50, description="At most this many pages (100 posts) per stream per poll, to cap cost."
    )
    interval_seconds: float = Field(
        300, ge=60, description="Seconds between polls (default 5 minutes: every post read is billed)."
    )

    @model_validator(mode="after")
    def _one_auth(self) -> XSource:
        user = [
            self.consumer_key_secret,
            self.consumer_secret_secret,
            self.access_token_secret,
            self.access_token_secret_secret,
        ]
        if any(user) and not all(user):
            raise ValueError(
                "user-context auth needs all four of consumer_key_secret, consumer_secret_secret, "
                "access_token_secret and access_token_secret_secret"
            )
        if not any(user) and not self.bearer_token_secret:
            raise ValueError("set bearer_token_secret, or the four user-context secret names")
        return self

    @property
    def user_context(self) -> bool:
        return self.access_token_secret is not None


class _GraphSource(_Source):
    api_base: ApiBase = Field(
        "https://graph.facebook.com",
        description="Graph API host (graph.facebook.com; graph.instagram.com for Instagram Login tokens).",
    )
    graph_version: str = Field(
        "v25.0", description="Graph API version, pinned (v25.0 is available until 29 July 2028)."
    )
    lookback_days: float = Field(
        14,
        gt=0,
        le=365,
        description="Posts published within this many days are checked for new comments on every poll.",
    )
    interval_seconds: float = Field(300, ge=30, description="Seconds between polls (default 5 minutes).")

    @field_validator("graph_version")
    @classmethod
    def _version(cls, value: str) -> str:
        if not _GRAPH_VERSION_RE.match(value):
            raise ValueError(f"graph_version must look like 'v25.0', not {value!r}")
        return value


class FacebookSource(_GraphSource):
    """A Facebook Page: its posts, visitor and tagging posts, and every comment and reply on them."""

    type: Literal["facebook"] = Field(description="Facebook Page through the Graph API.")
    page_id: str = Field(pattern=r"^\d+$", description="The Page's numeric id.")
    token_secret: SecretName = Field(
        "FACEBOOK_PAGE_TOKEN", description="Name of the secret holding a long-lived Page access token."
    )
    comments: bool = Field(True, description="Read comments and replies on recent posts.")
    tagged: bool = Field(True, description="Read public posts that tag the Page (/tagged).")



class InstagramSource(_GraphSource):
    """An Instagram professional account: its media, comments and replies on them, media it is tagged in."""

    type: Literal["instagram"] = Field(description="Instagram professional account through the Graph API.")
    ig_user_id: str = Field(pattern=r"^\d+$", description="The Instagram professional account's numeric id.")
    token_secret: SecretName = Field(
        "INSTAGRAM_TOKEN",
        description="Name of the secret holding the access token (a Page token for Facebook Login, or an "
        "Instagram user token for Instagram Login).",
    )
    max_media: int = Field(
        25, ge=1, le=200, description="At most this many recent media are checked for comments per poll."
    )
    tags: bool = Field(True, description="Read media the account is tagged in (/tags).")



class YouTubeSource(_Source):
    """A YouTube channel's comment threads (Data API v3, API key)."""

    type: Literal["youtube"] = Field(description="YouTube Data API v3.")
    api_base: ApiBase = Field(
        "https://www.googleapis.com/youtube/v3", description="Data API base URL."
    )
    channel_id: str = Field(pattern=r"^UC[A-Za-z0-9_-]{10,}$", description="The channel id (starts UC).")
    api_key_secret: SecretName = Field(
        "YOUTUBE_API_KEY", description="Name of the secret holding the API key."
    )
    max_pages: int = Field(
        5, ge=1, le=100, description="At most this many pages (100 threads, 1 quota unit each) per poll."
    )
    interval_seconds: float = Field(
        900, ge=60, description="Seconds between polls (default 15 minutes; 10,000 units/day quota)."
    )


class MastodonSource(_SearchSource):
    """Mastodon: hashtag timelines and (with a token) full-text search on one instance."""

    type: Literal["mastodon"] = Field(description="Mastodon REST API.")
    api_base: ApiBase = Field("https://mastodon.social", description="The instance's base URL.")
    tags: list[str] = Field(
        default_factory=list, description="Hashtags to follow, without '#', e.g. ['OakfieldSchool']."
    )
    search: bool = Field(
        False,
        description="Also run full-text search for the queries (needs a token; instances only index "
        "posts whose authors opted in).",
    )
    token_secret: SecretName | None = Field(
        None, description="Name of the secret holding an access token with read:statuses / read:search."
    )
    max_pages: int = Field(
        5, ge=1, le=50, description="At most this many pages (40 posts each) per tag per poll."
    )
    interval_seconds: float = Field(600, ge=30, description="Seconds between polls (default 10 minutes).")

    @field_validator("tags")
    @classmethod
    def _tags(cls, value: list[str]) -> list[str]:
        out = [t.strip().lstrip("#") for t in value]
        bad = [t for t in out if not re.match(r"^\w+$", t)]
        if bad:
            raise ValueError(f"tags must be single words without '#': {bad}")
        return out

    @model_validator(mode="after")
    def _something(self) -> MastodonSource:
        if not self.tags and not self.search:
            raise ValueError("set tags = [...] or search = true, or the source watches nothing")
        if self.search and not self.token_secret:
            raise ValueError("search = true needs token_secret: Mastodon only searches for logged-in users")
        return self


class BlueskySource(_SearchSource):
    """Bluesky post search (needs a login with an app password since January 2025)."""

    type: Literal["bluesky"] = Field(description="Bluesky / AT Protocol.")
    api_base: ApiBase = Field(
        "https://bsky.social", description="The PDS to log in to and search through (XRPC base, no /xrpc)."
    )
    handle: str = Field(description="The account to log in as, e.g. oakfieldschool.bsky.social.")
    app_password_secret: SecretName = Field(
        "BLUESKY_APP_PASSWORD", description="Name of the secret holding an app password (not the password)."
    )
    max_pages: int = Field(
        3, ge=1, le=50, description="At most this many pages (100 posts) per query per poll."
    )
    interval_seconds: float = Field(600, ge=30, description="Seconds between polls (default 10 minutes).")


class RedditSource(_SearchSource):
    """Reddit site-wide search (public JSON listing)."""

    type: Literal["reddit"] = Field(description="Reddit search.")
    api_base: ApiBase = Field("https://www.reddit.com", description="Reddit's base URL.")
    max_pages: int = Field(
        2, ge=1, le=10, description="At most this many pages (100 posts) per query per poll."
    )
    interval_seconds: float = Field(
        900, ge=60, description="Seconds between polls (default 15 min; 10 requests/minute without OAuth)."
    )


SourceConfig = Annotated[
    RssSource
    | XSource
    | FacebookSource
    | InstagramSource
    | YouTubeSource
    | MastodonSource
    | BlueskySource
    | RedditSource,
    Field(discriminator="type"),
]
"""One ``[[sources]]`` block; ``type`` picks the model."""

__all__ = [
    "BlueskySource",
    "FacebookSource",
    "InstagramSource",
    "MastodonSource",
    "RedditSource",
    "RssSource",
    "SourceConfig",
    "XSource",
    "YouTubeSource",
]
