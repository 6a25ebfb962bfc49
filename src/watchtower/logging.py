"""One ``configure()`` for structlog: JSON lines under systemd or a pipe, the console renderer on a terminal.

Event names are stable snake_case with data as keyword arguments. Post text and secrets never go to INFO.
"""

from __future__ import annotations

import logging
import os
import sys
from typing import Any

import structlog

_LEVELS = {"debug": logging.DEBUG, "info": logging.INFO, "warning": logging.WARNING, "error": logging.ERROR}


def configure(level: str = "info", fmt: str = "auto", stream: Any = None) -> None:
    out = stream or sys.stderr
    if fmt == "auto":
        under_systemd = bool(os.environ.get("JOURNAL_STREAM") or os.environ.get("INVOCATION_ID"))
        fmt = "console" if (hasattr(out, "isatty") and out.isatty() and not under_systemd) else "json"
    renderer: Any = (
        structlog.dev.ConsoleRenderer(colors=False)
        if fmt == "console"
        else structlog.processors.JSONRenderer(sort_keys=False)
    )
    structlog.configure(
        processors=[
            structlog.contextvars.merge_contextvars,
            structlog.processors.add_log_level,
            structlog.processors.TimeStamper(fmt="iso", utc=True),
            structlog.processors.StackInfoRenderer(),
            structlog.processors.format_exc_info,
            renderer,
        ],
        wrapper_class=structlog.make_filtering_bound_logger(_LEVELS.get(level, logging.INFO)),
        logger_factory=structlog.PrintLoggerFactory(file=out),
        cache_logger_on_first_use=False,
    )
    quiet_onnxruntime()


#: onnxruntime's own logger: 3 = ERROR. Its warnings (e.g. about /sys/class/drm it cannot read inside the
#: systemd sandbox) are coloured plain text on stderr, which would break the journal's JSON lines.
ONNXRUNTIME_SEVERITY = 3


def quiet_onnxruntime() -> None:
    """Keep onnxruntime's native warnings out of the log: only its errors, which also reach us as exceptions.

    Set once, before the first InferenceSession: the environment-wide default logger is what prints while the
    session is created (a session's own ``log_severity_level`` applies only after that).
    """
    try:
        import onnxruntime
    except ImportError:
        return
    onnxruntime.set_default_logger_severity(ONNXRUNTIME_SEVERITY)


def get_logger(**bind: Any) -> Any:
    return structlog.get_logger("watchtower").bind(**bind)
