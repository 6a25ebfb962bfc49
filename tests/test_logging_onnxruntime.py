"""onnxruntime prints its warnings natively (coloured text on stderr, outside structlog), which broke the
journal's JSON lines: ``logging.configure()`` turns them down before the classifier creates its session."""

from __future__ import annotations

import io

import onnxruntime
import pytest

from watchtower.logging import configure


def test_configure_sets_onnxruntimes_default_logger_to_errors_only(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[int] = []
    monkeypatch.setattr(onnxruntime, "set_default_logger_severity", calls.append)
    configure(level="info", fmt="json", stream=io.StringIO())
    assert calls and calls[-1] >= 3  # 3 = ERROR: no WARNING text among the JSON
