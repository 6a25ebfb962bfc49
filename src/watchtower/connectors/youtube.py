"""A YouTube channel's comments through the Data API v3 (an API key, public data only).

``commentThreads?allThreadsRelatedToChannelId=...&order=time`` has no ``since``: threads come newest first and
paging stops at the first thread older than the watermark. Replies that come inside a thread (YouTube includes
up to five) are returned when newer than the watermark.

What YouTube makes impossible with an API key: a new reply on an old thread does not bring the thread back to the
top, so such replies are seen only while their thread is within the pages read; comments held for review are not
listed (that needs OAuth as the channel owner). Quota: 1 unit a call, 10,000 units a day, reset at midnight
Pacific time; ``quotaExceeded`` is ``SourceQuotaExhausted`` with the time until that reset.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp

from watchtower.connectors._common import BaseConnector, Watermark, unique
from watchtower.connectors._http import parse_iso, request, retry_after_header
from watchtower.connectors.base import Cursor, FetchResult
from watchtower.connectors.config import YouTubeSource
from watchtower.exceptions import SourceAuthFailed, SourceQuotaExhausted, SourceUnavailable
from watchtower.models import Item, utcnow

PACIFIC = ZoneInfo("America/Los_Angeles")
AUTH_REASONS = frozenset({
    "keyInvalid", "keyExpired", "API_KEY_INVALID", "API_KEY_EXPIRED", "forbidden", "accessNotConfigured",
    "ipRefererBlocked", "channelNotFound", "authError", "insufficientPermissions",
})
QUOTA_REASONS = frozenset({"quotaExceeded", "dailyLimitExceeded"})
RATE_REASONS = frozenset({"rateLimitExceeded", "userRateLimitExceeded"})


def seconds_until_pacific_midnight(now: datetime | None = None) -> float:
    """When the daily quota comes back: midnight in California, across its clock changes."""
    local = (now or utcnow()).astimezone(PACIFIC)
    midnight = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), tzinfo=PACIFIC)
    return max(60.0, (midnight - local).total_seconds())


def comment_to_item(
    comment: dict[str, Any], *, video_id: str | None, parent_id: str | None, channel_id: str
) -> Item | None:
    snippet = comment.get("snippet") or {}
    if not comment.get("id") or not snippet.get("publishedAt"):
        return None
    author_channel = (snippet.get("authorChannelId") or {}).get("value")
    video = video_id or snippet.get("videoId")
    url = f"https://www.youtube.com/watch?v={video}&lc={comment['id']}" if video else None
    handle = snippet.get("authorDisplayName")
    return Item(
        platform="youtube",
        source="own",
        platform_id=str(comment["id"]),
        url=url,
        author_handle=handle if isinstance(handle, str) and handle.startswith("@") else author_channel,
        author_name=handle,
        text=str(snippet.get("textOriginal") or snippet.get("textDisplay") or ""),
        created_at=parse_iso(str(snippet["publishedAt"])),
        has_media=False,
        parent_id=parent_id or video,
        own_post=author_channel == channel_id,
        title=None,
        extra={"video_id": video, "author_channel_id": author_channel},
    )


class YouTubeConnector(BaseConnector):
    platform = "youtube"

    def __init__(self, cfg: YouTubeSource, session: aiohttp.ClientSession, *, api_key: str) -> None:
        super().__init__(name=cfg.name, session=session, timeout=cfg.timeout_seconds)
        self.cfg = cfg
        self.api_key = api_key

    def describe(self) -> str:
        return (
            f"youtube {self.name}: comments on channel {self.cfg.channel_id} every {self.cfg.interval_seconds:g}s, "
            f"up to {self.cfg.max_pages} pages (quota units) per poll"
        )

    async def _get(self, params: dict[str, str | int]) -> dict[str, Any]:
        resp = await request(
            self.session, "GET", self.cfg.api_base + "/commentThreads", source=self.name, seconds=self.timeout,
            params={**params, "key": self.api_key},
        )
        data = resp.json(source=self.name)
        error = data.get("error") if isinstance(data, dict) else None
        if isinstance(error, dict) or resp.status != 200:
            error = error if isinstance(error, dict) else {}
            reasons = {str(e.get("reason")) for e in error.get("errors") or [] if isinstance(e, dict)}
            reasons |= {str(d.get("reason")) for d in error.get("details") or [] if isinstance(d, dict)}
            message = str(error.get("message") or f"HTTP {resp.status}")[:300]
            if reasons & QUOTA_REASONS:
                raise SourceQuotaExhausted(
                    f"YouTube daily quota used up ({message}); it resets at midnight Pacific time",
                    source=self.name,
                    retry_after=seconds_until_pacific_midnight(),
                )
            if reasons & RATE_REASONS or resp.status == 429 or resp.status >= 500:
                raise SourceUnavailable(
                    f"YouTube answered HTTP {resp.status}: {message}",
                    source=self.name,
                    retry_after=retry_after_header(resp.headers),
                )
            if resp.status in (401, 403) or reasons & AUTH_REASONS or resp.status == 404:
                raise SourceAuthFailed(
                    f"YouTube refused the request (HTTP {resp.status}: {', '.join(sorted(reasons)) or message}): "
                    "check the API key, that the Data API is enabled, and channel_id",
                    source=self.name,
                )
            raise SourceUnavailable(f"YouTube answered HTTP {resp.status}: {message}", source=self.name)
        if not isinstance(data, dict):
            raise SourceUnavailable("YouTube sent JSON that is not an object", source=self.name)
        return data

    async def fetch(self, cursor: Cursor) -> FetchResult:
        wm = Watermark.load(cursor.get("comments"))
        new_wm = Watermark(wm.newest, wm.ids)
        items: list[Item] = []
        token: str | None = None
        for _ in range(self.cfg.max_pages):
            params: dict[str, str | int] = {
                "part": "snippet,replies",
                "allThreadsRelatedToChannelId": self.cfg.channel_id,
                "order": "time",
                "maxResults": 100,
                "textFormat": "plainText",
            }
            if token:
                params["pageToken"] = token
            data = await self._get(params)
            reached = False
            for thread in data.get("items") or []:
                if not isinstance(thread, dict):
                    continue
                snippet = thread.get("snippet") or {}
                video_id = snippet.get("videoId")
                top = comment_to_item(
                    snippet.get("topLevelComment") or {}, video_id=video_id, parent_id=None,
                    channel_id=self.cfg.channel_id,
                )
                if top is None:
                    continue
                if wm.older_than(top.created_at):
                    reached = True
                candidates = [top] + [
                    reply
                    for raw in (thread.get("replies") or {}).get("comments") or []
                    if (reply := comment_to_item(raw, video_id=video_id, parent_id=top.platform_id,
                                                 channel_id=self.cfg.channel_id)) is not None
                ]
                for item in candidates:
                    if wm.is_new(item.created_at, item.platform_id):
                        items.append(item)
                        new_wm.advance(item.created_at, item.platform_id)
            token = data.get("nextPageToken")
            if reached or not token:
                break
        dumped = new_wm.dump()
        return FetchResult(unique(items), {"comments": dumped} if dumped else {})
