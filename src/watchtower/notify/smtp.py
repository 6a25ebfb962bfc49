"""Sending one email through a real SMTP server, and saying whether a failure is worth retrying.

aiosmtplib over smtplib-in-a-thread: it is asyncio-native (timeouts and cancellation work on shutdown), speaks
STARTTLS and implicit TLS, and raises typed exceptions carrying the SMTP reply code we classify on.
"""

from __future__ import annotations

import socket
from collections.abc import Awaitable, Callable, Mapping
from email.message import EmailMessage
from typing import TYPE_CHECKING

import aiosmtplib

from watchtower.exceptions import PermanentDeliveryError, TransientDeliveryError
from watchtower.secrets import get_secret

if TYPE_CHECKING:
    from watchtower.config import SmtpConfig


class SmtpSender:
    def __init__(
        self,
        *,
        host: str,
        port: int,
        security: str = "starttls",
        username: str | None = None,
        password: str | None = None,
        timeout: float = 30,
        validate_certs: bool = True,
    ) -> None:
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.timeout = timeout
        self.validate_certs = validate_certs
        # aiosmtplib looks the host name up (getfqdn, in a thread) on every send unless told it once
        self.local_hostname = socket.getfqdn()

    @classmethod
    def from_config(cls, smtp: SmtpConfig, *, environ: Mapping[str, str] | None = None) -> SmtpSender:
        """The sender the ``[smtp]`` table describes (the daemon's, and ``watchtower digest --send``'s), its
        password read from the secret it names."""
        password = get_secret(smtp.password_secret, environ=environ) if smtp.password_secret else None
        return cls(
            host=smtp.host,
            port=smtp.port,
            security=smtp.security,
            username=smtp.username,
            password=password,
            timeout=smtp.timeout_seconds,
            validate_certs=smtp.validate_certs,
        )

    async def send(self, message: EmailMessage) -> None:
        """Deliver ``message``; raise TransientDeliveryError (retry) or PermanentDeliveryError (don't)."""
        await self.send_confirmed(message, on_accepted=None)

    async def send_confirmed(
        self, message: EmailMessage, *, on_accepted: Callable[[], Awaitable[None]] | None
    ) -> None:
        """Deliver ``message`` and await ``on_accepted()`` as soon as the server has answered DATA with 250,
        before QUIT: the caller records the email as sent while the connection is still open, so the window in
        which a crash leaves a delivered email unrecorded (and resent after a restart) is one local database
        write, not a round trip more. An exception from ``on_accepted`` propagates as it is."""
        client = aiosmtplib.SMTP(
            hostname=self.host,
            port=self.port,
            username=self.username,
            password=self.password,
            use_tls=self.security == "tls",
            start_tls=self.security == "starttls",
            validate_certs=self.validate_certs,
            timeout=self.timeout,
            local_hostname=self.local_hostname,
        )
        try:
            try:
                await client.connect()  # and logs in, when given a username and password
                await client.send_message(message)
            except Exception as exc:
                raise _classify(exc) from exc
            if on_accepted is not None:
                await on_accepted()
        finally:
            if client.is_connected:
                try:
                    await client.quit()
                except (aiosmtplib.SMTPException, OSError, TimeoutError):
                    client.close()


def _classify(exc: Exception) -> Exception:
    """The delivery error an aiosmtplib (or socket) failure stands for; anything else is returned as it is."""
    if isinstance(exc, aiosmtplib.SMTPRecipientsRefused):
        codes = [r.code for r in exc.recipients]
        detail = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in exc.recipients)
        if all(400 <= c < 500 for c in codes):
            return TransientDeliveryError(f"recipient deferred: {detail}")
        return PermanentDeliveryError(f"recipient refused: {detail}")
    if isinstance(exc, aiosmtplib.SMTPAuthenticationError):
        # a config problem an operator must fix; keep the alert pending meanwhile
        return TransientDeliveryError(f"SMTP login refused ({exc.code}): check smtp.username and the password")
    if isinstance(exc, aiosmtplib.SMTPResponseException):
        if 400 <= exc.code < 500:
            return TransientDeliveryError(f"SMTP {exc.code}: {exc.message}")
        if 500 <= exc.code < 600:
            return PermanentDeliveryError(f"SMTP {exc.code}: {exc.message}")
        return TransientDeliveryError(f"SMTP {exc.code}: {exc.message}")
    if isinstance(exc, aiosmtplib.SMTPException | OSError | TimeoutError):
        # connection refused, reset, timeout, TLS failure, server disconnected: all pass
        return TransientDeliveryError(f"{type(exc).__name__}: {exc}")
    return exc
