"""Meta's Graph API over aiohttp, shared by the Facebook and Instagram connectors.

- The version is pinned (``/v25.0/...``); the token goes only to the configured ``api_base``.
- Paging never follows ``paging.next`` as given: the ``after`` cursor (or the next link's query) is
  re-applied to our own base URL and path, so a token is never sent to a host taken from a response body.
- Errors dispatch on ``error.code``, not the HTTP status (platforms.md §2): 190 and permission codes are
  ``SourceAuthFailed``; 4/17/32/613/341 and the Pages BUC codes are ``SourceUnavailable`` with a delay taken
  from ``X-Business-Use-Case-Usage`` (``estimated_time_to_regain_access``, minutes); 1/2 and 5xx are transient.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator, Mapping
from typing import Any

import aiohttp
from yarl import URL

from watchtower.connectors._http import raise_for_transport_status, request, retry_after_header
from watchtower.exceptions import SourceAuthFailed, SourceUnavailable

RATE_LIMIT_CODES = frozenset({4, 17, 32, 613, 341, *range(80001, 80015)})
TRANSIENT_CODES = frozenset({1, 2})
#: When Meta throttles without saying for how long: its windows are rolling hours.
DEFAULT_THROTTLE_SECONDS = 300.0


def usage_retry_after(headers: Mapping[str, str]) -> float | None:
    """Seconds until access returns, from ``X-Business-Use-Case-Usage`` (minutes) when Meta says."""
    raw = headers.get("X-Business-Use-Case-Usage")
    if not raw:
        return None
    try:
        usage = json.loads(raw)
    except ValueError:
        return None
    minutes = [
        float(entry.get("estimated_time_to_regain_access") or 0)
        for entries in (usage.values() if isinstance(usage, dict) else [])
        for entry in (entries if isinstance(entries, list) else [])
        if isinstance(entry, dict)
    ]
    worst = max(minutes, default=0.0)
    return worst * 60 if worst > 0 else None


def usage_percent(headers: Mapping[str, str]) -> float:
    """The highest percentage in Meta's usage headers (100 = throttled)."""
    worst = 0.0
    for name in ("X-App-Usage", "X-Page-Usage", "X-Business-Use-Case-Usage"):
        raw = headers.get(name)
        if not raw:
            continue
        try:
            usage = json.loads(raw)
        except ValueError:
            continue
        if name == "X-Business-Use-Case-Usage":
            values = usage.values() if isinstance(usage, dict) else []
            blocks = [e for v in values if isinstance(v, list) for e in v]
        else:
            blocks = [usage]
        for block in blocks:
            if isinstance(block, dict):
                for key in ("call_count", "total_cputime", "total_time"):
                    value = block.get(key)
                    if isinstance(value, int | float):
                        worst = max(worst, float(value))
    return worst


class GraphClient:
    def __init__(
        self,
        session: aiohttp.ClientSession,
        *,
        api_base: str,
        version: str,
        token: str,
        source: str,
        timeout: float,
    ) -> None:
        self.session = session
        self.base = URL(api_base.rstrip("/") + "/" + version)
        self.token = token
        self.source = source
        self.timeout = timeout
        #: the highest usage percentage Meta reported on the last answer (for describe/logging)
        self.last_usage = 0.0

    @classmethod
    def for_source(cls, cfg: Any, session: aiohttp.ClientSession, *, token: str) -> GraphClient:
        """The client for a Facebook or Instagram source block (both share the Graph settings)."""
        return cls(
            session,
            api_base=cfg.api_base,
            version=cfg.graph_version,
            token=token,
            source=cfg.name,
            timeout=cfg.timeout_seconds,
        )

    def url(self, path: str) -> URL:
        return self.base / path.strip("/")

    async def get(self, path: str, params: Mapping[str, str | int] | None = None) -> dict[str, Any]:
        query: dict[str, str | int] = dict(params or {})
        query["access_token"] = self.token
        resp = await request(
            self.session, "GET", self.url(path), source=self.source, seconds=self.timeout, params=query
        )
        self.last_usage = usage_percent(resp.headers)
        if resp.looks_like_html():
            raise_for_transport_status(resp, source=self.source)
            raise SourceUnavailable(
                f"Graph API answered HTTP {resp.status} with an HTML page", source=self.source
            )
        data = resp.json(source=self.source)
        if isinstance(data, dict) and isinstance(data.get("error"), dict):
            raise self._error(data["error"], resp.status, resp.headers)
        raise_for_transport_status(resp, source=self.source)
        if resp.status != 200 or not isinstance(data, dict):
            raise SourceUnavailable(f"Graph API answered HTTP {resp.status} without data", source=self.source)
        return data

    def _error(self, error: dict[str, Any], status: int, headers: Mapping[str, str]) -> Exception:
        code = error.get("code")
        sub = error.get("error_subcode")
        msg = str(error.get("message") or "")[:300]
        what = f"Graph error {code}" + (f"/{sub}" if sub else "") + f": {msg}"
        if code == 190:
            return SourceAuthFailed(
                f"{what} — the access token expired or was revoked: generate a new long-lived token",
                source=self.source,
            )
        if code == 10 or (isinstance(code, int) and 200 <= code <= 299):
            return SourceAuthFailed(
                f"{what} — a permission is missing: re-grant the permissions listed in the docs",
                source=self.source,
            )
        if code in RATE_LIMIT_CODES:
            delay = usage_retry_after(headers) or retry_after_header(headers) or DEFAULT_THROTTLE_SECONDS
            return SourceUnavailable(f"{what} — rate limited by Meta", source=self.source, retry_after=delay)
        if code == 100 and sub == 33:
            return SourceAuthFailed(
                f"{what} — the object does not exist or this token cannot see it: check the id in config",
                source=self.source,
            )
        if code == 368:
            return SourceUnavailable(
                f"{what} — Meta has temporarily blocked this action", source=self.source, retry_after=3600
            )
        if code in TRANSIENT_CODES or status >= 500:
            return SourceUnavailable(what, source=self.source, retry_after=retry_after_header(headers))
        return SourceUnavailable(f"{what} (HTTP {status})", source=self.source)

    async def pages(
        self, path: str, params: Mapping[str, str | int], *, max_pages: int
    ) -> AsyncIterator[list[dict[str, Any]]]:
        """Each page's ``data`` list, newest first, at most ``max_pages`` pages.

        The next page is requested on our own base URL and path with the ``after`` cursor (or the query of
        ``paging.next`` minus any token, for time-based paging): never by calling the link itself.
        """
        query: dict[str, str | int] = dict(params)
        for _ in range(max_pages):
            data = await self.get(path, query)
            rows = data.get("data")
            yield [r for r in rows if isinstance(r, dict)] if isinstance(rows, list) else []
            raw_paging = data.get("paging")
            paging: dict[str, Any] = raw_paging if isinstance(raw_paging, dict) else {}
            if not paging.get("next"):
                return
            after = (paging.get("cursors") or {}).get("after")
            if after:
                query = {**params, "after": str(after)}
                continue
            try:
                nxt = URL(str(paging["next"]))
            except ValueError:
                return
            query = {k: v for k, v in nxt.query.items() if k != "access_token"}
            if not query:
                return
