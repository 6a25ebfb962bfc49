from __future__ import annotations

from watchtower.cli import main

raise SystemExit(main())
