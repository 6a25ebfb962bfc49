"""Sending one email through a real SMTP server, and saying whether a failure is worth retrying.

aiosmtplib over smtplib-in-a-thread: it is asyncio-native (timeouts and cancellation work on shutdown), speaks
STARTTLS and implicit TLS, and raises typed exceptions carrying the SMTP reply code we classify on.
"""

from __future__ import annotations

import socket
from email.message import EmailMessage

import aiosmtplib

from watchtower.exceptions import PermanentDeliveryError, TransientDeliveryError


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

    async def send(self, message: EmailMessage) -> None:
        """Deliver ``message``; raise TransientDeliveryError (retry) or PermanentDeliveryError (don't)."""
        try:
            await aiosmtplib.send(
                message,
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
        except aiosmtplib.SMTPRecipientsRefused as exc:
            codes = [r.code for r in exc.recipients]
            detail = "; ".join(f"{r.recipient}: {r.code} {r.message}" for r in exc.recipients)
            if all(400 <= c < 500 for c in codes):
                raise TransientDeliveryError(f"recipient deferred: {detail}") from exc
            raise PermanentDeliveryError(f"recipient refused: {detail}") from exc
        except aiosmtplib.SMTPAuthenticationError as exc:
            # a config problem an operator must fix; keep the alert pending meanwhile
            raise TransientDeliveryError(
                f"SMTP login refused ({exc.code}): check smtp.username and the password"
            ) from exc
        except aiosmtplib.SMTPResponseException as exc:
            if 400 <= exc.code < 500:
                raise TransientDeliveryError(f"SMTP {exc.code}: {exc.message}") from exc
            if exc.code in (550, 551, 553) or 500 <= exc.code < 600:
                raise PermanentDeliveryError(f"SMTP {exc.code}: {exc.message}") from exc
            raise TransientDeliveryError(f"SMTP {exc.code}: {exc.message}") from exc
        except (aiosmtplib.SMTPException, OSError, TimeoutError) as exc:
            # connection refused, reset, timeout, TLS failure, server disconnected: all pass
            raise TransientDeliveryError(f"{type(exc).__name__}: {exc}") from exc
