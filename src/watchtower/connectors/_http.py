"""HTTP plumbing shared by the connectors: one GET/POST with a timeout, typed failures, rate-limit headers.

Every connector talks to its platform through :func:`request`, which turns the ways a request can go wrong
at the transport level (timeouts, refused connections, truncated bodies) into ``SourceUnavailable``; the
connector then reads the status and body and decides what the platform meant (auth, quota, rate limit).
"""

from __future__ import annotations

import asyncio
import email.utils
import html
import json
import re
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import aiohttp
from multidict import CIMultiDictProxy
from yarl import URL

from watchtower import __version__
from watchtower.exceptions import SourceAuthFailed, SourceUnavailable

#: Sent on every request: Reddit and some news sites refuse generic clients.
USER_AGENT = f"Watchtower/{__version__} (school social media monitor; +https://github.com/watchtower-school)"


@dataclass(frozen=True, slots=True)
class Response:
    """A fully read HTTP response: the body is in memory, the connection is back in the pool."""

    status: int
    headers: CIMultiDictProxy[str]
    body: bytes
    url: URL

    @property
    def content_type(self) -> str:
        return self.headers.get("Content-Type", "").split(";", 1)[0].strip().lower()

    def looks_like_html(self) -> bool:
        """A proxy's or CDN's error page rather than the API's own answer."""
        if self.content_type in ("text/html", "application/xhtml+xml"):
            return True
        head = self.body[:512].lstrip().lower()
        return head.startswith((b"<!doctype html", b"<html"))

    def json(self, *, source: str) -> Any:
        """The body as JSON; an HTML page or a truncated/malformed body is ``SourceUnavailable``."""
        if self.looks_like_html():
            raise SourceUnavailable(
                f"HTTP {self.status} from {self.url.host}: an HTML page instead of JSON "
                "(a proxy or outage page)",
                source=source,
                retry_after=retry_after_header(self.headers),
            )
        try:
            return json.loads(self.body)
        except (ValueError, UnicodeDecodeError) as exc:
            raise SourceUnavailable(
                f"HTTP {self.status} from {self.url.host}: malformed JSON ({exc})", source=source
            ) from exc


class BodyTooLarge(SourceUnavailable):
    """The body is longer than the caller allows (``max_bytes``): refused before it is read whole."""

    def __init__(self, message: str, *, limit: int, source: str | None = None) -> None:
        super().__init__(message, source=source)
        self.limit = limit


def megabytes(n: int) -> str:
    """``n`` bytes for a person: ``5 MB``, ``0.5 MB``."""
    return f"{n / 1_000_000:g} MB"


async def request(
    session: aiohttp.ClientSession,
    method: str,
    url: str | URL,
    *,
    source: str,
    seconds: float,
    params: Mapping[str, str | int] | None = None,
    headers: Mapping[str, str] | None = None,
    json_body: Any = None,
    data: Mapping[str, str] | None = None,
    max_bytes: int | None = None,
) -> Response:
    """Send one request and read the whole body within ``seconds``.

    Transport failures (timeout, connection refused or reset, a body cut short) become ``SourceUnavailable``.
    With ``max_bytes``, a body longer than that (as announced by ``Content-Length``, or as read, after
    decompression) is ``BodyTooLarge`` and the connection is dropped: memory stays bounded whatever the server
    sends. The status is NOT checked here: each connector knows what its platform's statuses and bodies mean.
    """
    all_headers = {"User-Agent": USER_AGENT}
    if headers:
        all_headers.update(headers)
    try:
        async with asyncio.timeout(seconds):
            async with session.request(
                method,
                url,
                params=params,
                headers=all_headers,
                json=json_body,
                data=data,
                allow_redirects=True,
            ) as resp:
                if max_bytes is None:
                    body = await resp.read()
                else:
                    body = await _read_at_most(resp, max_bytes, source=source)
                return Response(status=resp.status, headers=resp.headers, body=body, url=resp.url)
    except TimeoutError as exc:
        raise SourceUnavailable(f"no answer from {URL(url).host} within {seconds:g}s", source=source) from exc
    except aiohttp.ClientError as exc:
        raise SourceUnavailable(
            f"request to {URL(url).host} failed: {type(exc).__name__}: {exc}", source=source
        ) from exc


async def _read_at_most(resp: aiohttp.ClientResponse, max_bytes: int, *, source: str) -> bytes:
    """The body, or ``BodyTooLarge`` as soon as it is known to be longer than ``max_bytes``."""
    announced = resp.content_length
    if announced is not None and announced > max_bytes:
        raise BodyTooLarge(
            f"the response from {resp.url.host} is {megabytes(announced)} (Content-Length), over the "
            f"{megabytes(max_bytes)} cap",
            limit=max_bytes,
            source=source,
        )
    body = bytearray()
    async for chunk in resp.content.iter_chunked(64 * 1024):
        body += chunk
        if len(body) > max_bytes:
            raise BodyTooLarge(
                f"the response from {resp.url.host} is longer than the {megabytes(max_bytes)} cap "
                "(stopped reading there)",
                limit=max_bytes,
                source=source,
            )
    return bytes(body)


# --- rate limits and retry hints ------------------------------------------------------------


def retry_after_header(headers: Mapping[str, str], *, now: float | None = None) -> float | None:
    """``Retry-After`` as seconds from now (it may be seconds or an HTTP date); None when absent or junk."""
    value = headers.get("Retry-After")
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def seconds_until_epoch(value: str | int | float | None, *, now: float | None = None) -> float | None:
    """A reset header holding Unix seconds (X, Bluesky) as a delay from now, never negative."""
    if value is None:
        return None
    try:
        reset = float(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, reset - (time.time() if now is None else now))


def seconds_until_iso(value: str | None, *, now: float | None = None) -> float | None:
    """A reset header holding an ISO 8601 time (Mastodon's ``X-RateLimit-Reset``) as a delay from now."""
    if not value:
        return None
    try:
        when = parse_iso(value)
    except ValueError:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def raise_for_transport_status(resp: Response, *, source: str, retry_after: float | None = None) -> None:
    """The statuses every platform means the same way: 429 and 5xx are transient, 401 is auth."""
    if resp.status == 429:
        raise SourceUnavailable(
            f"rate limited by {resp.url.host} (HTTP 429)",
            source=source,
            retry_after=retry_after if retry_after is not None else retry_after_header(resp.headers),
        )
    if resp.status >= 500:
        raise SourceUnavailable(
            f"{resp.url.host} answered HTTP {resp.status}",
            source=source,
            retry_after=retry_after if retry_after is not None else retry_after_header(resp.headers),
        )
    if resp.status == 401:
        raise SourceAuthFailed(
            f"{resp.url.host} refused the credentials (HTTP 401): renew the token", source=source
        )


# --- safety -------------------------------------------------------------------------------------


def same_origin(candidate: str | URL, base: str | URL) -> bool:
    """True when ``candidate`` has the scheme, host and port of ``base``.

    Used before sending a token to a URL a platform handed back (a ``Link`` header, a ``next`` link):
    a token is only ever sent to the host the operator configured.
    """
    c, b = URL(str(candidate)), URL(str(base))
    return c.scheme == b.scheme and c.host == b.host and c.port == b.port


# --- text and time --------------------------------------------------------------------------------

_TAG = re.compile(r"<[^>]+>")
_BREAK = re.compile(r"<\s*(br|/p|/div|/li)\s*/?>", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\f\v]+")


def html_to_text(value: str | None) -> str:
    """Plain text from a fragment of HTML: tags dropped, line breaks kept, entities decoded."""
    if not value:
        return ""
    text = _BREAK.sub("\n", value)
    text = _TAG.sub("", text)
    text = html.unescape(text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def parse_iso(value: str) -> datetime:
    """An ISO 8601 time from an API as an aware UTC datetime.

    Accepts ``Z``, ``+00:00`` and Graph's ``+0000``; a time with no zone is taken as UTC.
    """
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    m = re.search(r"([+-])(\d{2})(\d{2})$", text)
    if m and not re.search(r"[+-]\d{2}:\d{2}$", text):
        text = text[: m.start()] + f"{m.group(1)}{m.group(2)}:{m.group(3)}"
    when = datetime.fromisoformat(text)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC)


def iso(when: datetime) -> str:
    """A UTC time as it is kept in a cursor."""
    return when.astimezone(UTC).isoformat()


def max_id(ids: Iterable[str]) -> str | None:
    """The greatest of numeric string ids (snowflakes compare by length, then lexically)."""
    best: str | None = None
    for value in ids:
        if best is None or (len(value), value) > (len(best), best):
            best = value
    return best


def id_greater(a: str, b: str) -> bool:
    """``a`` > ``b`` for numeric string ids of any length."""
    return (len(a), a) > (len(b), b)
