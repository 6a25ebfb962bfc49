"""Watchtower: watches a UK school's social media so nothing abusive, dangerous or urgent sits unseen."""

from __future__ import annotations

__version__ = "0.1.0"
__all__ = ["__version__"]
