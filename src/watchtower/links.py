"""Signed, expiring, single-item acknowledgement links for emails.

A link names one item and one person and expires. It must not act on a plain GET (mail scanners open links):
GET shows a confirmation page, POST acts, and each link acts once (its nonce is recorded when used).
Format: ``<item_id>.<person_ref>.<expires_unix>.<nonce>.<signature_b64>``; the signature is HMAC-SHA256 over the
first four fields with a key from the secrets (``dashboard.link_secret``).

``person_ref`` is opaque: ``~`` and a keyed hash of the recipient's address, so a forwarded or logged link does not
say who it was sent to (without the key nobody can even confirm a guess). The dashboard finds the person by
comparing it with the refs of the people in the config (``resolve_person``). Links made before this change carry
the address in base64 (no ``~``); they are still accepted until they expire.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from watchtower.exceptions import LinkError

_OPAQUE = "~"  # not a base64url character: an opaque person ref, never an encoded address


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass(frozen=True)
class LinkClaim:
    item_id: int
    person: str  # an opaque ref (``~...``: see ``LinkSigner.resolve_person``) or, in an old link, the address
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

    def person_ref(self, person: str) -> str:
        """The opaque id of a recipient inside a token (stable for one key and address)."""
        mac = hmac.new(self._key, b"person\0" + person.strip().lower().encode("utf-8"), hashlib.sha256)
        return _OPAQUE + _b64(mac.digest()[:12])

    def resolve_person(self, claim: LinkClaim, addresses: Iterable[str]) -> str | None:
        """The address a verified claim names: found among ``addresses`` (the configured people) for an opaque
        ref, read from the token for an old-format link; ``None`` when no listed person matches."""
        if not claim.person.startswith(_OPAQUE):
            return claim.person
        return next((a for a in addresses if hmac.compare_digest(self.person_ref(a), claim.person)), None)

    def make(self, item_id: int, person: str, *, now: datetime) -> str:
        expires = int((now + self.ttl).timestamp())
        body = f"{int(item_id)}.{self.person_ref(person)}.{expires}.{secrets.token_urlsafe(12)}"
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
            person = person_b64 if person_b64.startswith(_OPAQUE) else _unb64(person_b64).decode("utf-8")
            expires = datetime.fromtimestamp(int(expires_s), tz=now.tzinfo)
        except (ValueError, UnicodeDecodeError) as exc:
            raise LinkError("this link is damaged") from exc
        if now >= expires:
            raise LinkError("this link has expired: open the dashboard to acknowledge the item")
        return LinkClaim(item_id=item_id, person=person, expires=expires, nonce=nonce)
