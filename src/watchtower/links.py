"""Signed, expiring, single-item acknowledgement links for emails.

A link names one item and one person and expires. It must not act on a plain GET (mail scanners open links):
GET shows a confirmation page, POST acts, and each link acts once (its nonce is recorded when used).
Format: ``<item_id>.<person_b64>.<expires_unix>.<nonce>.<signature_b64>``; the signature is HMAC-SHA256 over the
first four fields with a key from the secrets (``dashboard.link_secret``).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from watchtower.exceptions import LinkError


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class LinkClaim:
    item_id: int
    person: str
    expires: datetime
    nonce: str


class LinkSigner:
    def __init__(self, key: str | bytes, *, ttl: timedelta) -> None:
        raw = key.encode("utf-8") if isinstance(key, str) else key
        if len(raw) < 16:
            raise LinkError("the link signing key is too short: use at least 32 random characters")
        self._key = hashlib.sha256(b"watchtower-ack-link\0" + raw).digest()
        self.ttl = ttl

    def _sign(self, body: str) -> str:
        return _b64(hmac.new(self._key, body.encode("ascii"), hashlib.sha256).digest())

    def make(self, item_id: int, person: str, *, now: datetime) -> str:
        expires = int((now + self.ttl).timestamp())
        body = f"{int(item_id)}.{_b64(person.encode('utf-8'))}.{expires}.{secrets.token_urlsafe(12)}"
        return f"{body}.{self._sign(body)}"

    def verify(self, token: str, *, now: datetime) -> LinkClaim:
        """Check signature and expiry. Single use is checked by the caller against the store (``nonce``)."""
        parts = token.split(".")
        if len(parts) != 5:
            raise LinkError("this link is not a Watchtower acknowledgement link (it may have been cut short)")
        body, sig = ".".join(parts[:4]), parts[4]
        if not hmac.compare_digest(self._sign(body), sig):
            raise LinkError("this link has been altered or was not made by this Watchtower")
        item_s, person_b64, expires_s, nonce = parts[:4]
        try:
            item_id = int(item_s)
            person = _unb64(person_b64).decode("utf-8")
            expires = datetime.fromtimestamp(int(expires_s), tz=now.tzinfo)
        except (ValueError, UnicodeDecodeError) as exc:
            raise LinkError("this link is damaged") from exc
        if now >= expires:
            raise LinkError("this link has expired: open the dashboard to acknowledge the item")
        return LinkClaim(item_id=item_id, person=person, expires=expires, nonce=nonce)
