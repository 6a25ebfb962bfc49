"""Every exception Watchtower raises on purpose, in one module to avoid import loops."""

from __future__ import annotations


class WatchtowerError(Exception):
    """Base class for Watchtower's own errors."""


class ConfigError(WatchtowerError):
    """The configuration is invalid. The message names the key and the fix."""


class SecretMissing(ConfigError):
    """A secret named in the config is not in the environment or the systemd credentials."""


# --- sources -----------------------------------------------------------------------------


class SourceError(WatchtowerError):
    """Base for a connector's failures. ``source`` names the source when known."""

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.source = source


class SourceUnavailable(SourceError):
    """Transient: timeout, 5xx, 429, an HTML error page, malformed JSON or XML.

    The poller retries with backoff; ``retry_after`` (seconds) is honoured when the platform said when.
    """

    def __init__(self, message: str, *, retry_after: float | None = None, source: str | None = None) -> None:
        super().__init__(message, source=source)
        self.retry_after = retry_after


class SourceAuthFailed(SourceError):
    """The token expired or a permission was revoked: stop polling this source and tell the operator."""


class SourceMisconfigured(SourceAuthFailed):
    """The platform says what the config names does not exist (an X user id, a page id): no retry will help until
    a person corrects the config. A kind of SourceAuthFailed (connectors that only know that still work), with its
    own status (``misconfigured``) and operator wording."""


class SourceQuotaExhausted(SourceError):
    """A usage cap or depleted credits (X 402/usage-capped, YouTube quota): tell the operator, don't hammer.

    ``retry_after`` is when the quota is expected back (seconds), if known.
    """

    def __init__(self, message: str, *, retry_after: float | None = None, source: str | None = None) -> None:
        super().__init__(message, source=source)
        self.retry_after = retry_after


# --- notifications -------------------------------------------------------------------------


class DeliveryError(WatchtowerError):
    """Sending an alert failed."""


class TransientDeliveryError(DeliveryError):
    """Worth retrying with backoff: connection refused, timeouts, SMTP 4xx."""


class PermanentDeliveryError(DeliveryError):
    """Not worth retrying: a bad address, SMTP 5xx on the recipient, a template error."""


# --- store -------------------------------------------------------------------------------


class StoreError(WatchtowerError):
    """The database could not be opened or written."""


class WorkerStopped(WatchtowerError):
    """One of the daemon's own loops (triage, escalator, notifier) ended while it should have run: the daemon
    stops with a failure, so that systemd (``Restart=on-failure``) starts it again."""


class LinkError(WatchtowerError):
    """A signed acknowledgement link is tampered, expired or already used."""
