"""``watchtower classify``: classify posts from JSON lines (design.md, command-line contract).

    watchtower classify --jsonl FILE|- [--config FILE] [--chunk N]

Each input line is a JSON object with ``text`` (required), and optionally ``id`` (any JSON value, echoed)
and ``source`` ("own", "mention" or null). Each input line gives one output line on stdout, in input order:

    {"id": ..., "categories": [...], "severity": "high", "scores": {...}, "reasons": [...], "possible": [...]}

``possible`` lists the critical categories with real but inconclusive evidence (design.md "Possible
concern"): such an item is raised to at least ``high`` and its reason says "possible ... concern, please check".

Blank lines are skipped (they hold no item). A malformed line (not JSON, not an object, no string ``text``,
a bad ``source``, invalid UTF-8) does not stop the run: its output line is
``{"id": <id if readable, else null>, "line": N, "error": "..."}``, the same message goes to stderr, and the
command exits 1 after processing every line. Exit 0 when every line was classified; 2 on a bad config or
unreadable file.

Lines are read and classified in chunks of ``--chunk`` (default 512) and written as each chunk completes,
so memory stays bounded whatever the input size. Classification is the daemon's own code
(:func:`watchtower.classify.load_classifier`); nothing touches the network. ``--config`` reads only the
``[classifier]`` table of watchtower.toml; without it ``$WATCHTOWER_CONFIG`` or a default config file is
used if one exists, else the built-in defaults.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

from watchtower.cli._common import add_config_arg, config_path
from watchtower.exceptions import ConfigError, WatchtowerError

if TYPE_CHECKING:
    from watchtower.classify import Classifier, ClassifierConfig

_MISSING = object()


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "classify",
        help="classify JSON-lines posts: categories, severity, scores and reasons",
        description="Read JSON lines holding 'text' (optionally 'id', 'source') and write one JSON line per "
        "input line, in order, with categories, severity, scores and reasons. Malformed lines give an "
        "'error' line and exit status 1 at the end.",
    )
    parser.add_argument("--jsonl", required=True, metavar="FILE", help="JSON-lines input file, or - for stdin")
    parser.add_argument("--chunk", type=int, default=512, metavar="N",
                        help="lines read and classified at a time (default 512)")
    add_config_arg(parser)
    parser.set_defaults(func=run)


def load_config(path: Path | None) -> ClassifierConfig:
    """The ``[classifier]`` table of ``path`` (or of the default config file, if any) as a ClassifierConfig."""
    import tomllib

    from pydantic import ValidationError

    from watchtower.classify import ClassifierConfig

    explicit = path is not None
    chosen = config_path(path)
    if not chosen.exists():
        if explicit:
            raise ConfigError(f"config file {chosen} does not exist")
        return ClassifierConfig()
    try:
        with chosen.open("rb") as fh:
            table = tomllib.load(fh).get("classifier", {})
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"cannot read {chosen}: {exc}") from exc
    if not isinstance(table, dict):
        raise ConfigError(f"{chosen}: [classifier] must be a table")
    try:
        return ClassifierConfig(**table)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ConfigError(f"{chosen}: [classifier] {where}: {first['msg']}") from exc


def parse_line(raw: bytes) -> tuple[Any, str | None, str | None, str | None]:
    """``(id, text, source, error)`` for one input line; ``error`` is None when the line is usable."""
    try:
        obj = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        return None, None, None, "line is not valid UTF-8"
    except json.JSONDecodeError as exc:
        return None, None, None, f"not valid JSON: {exc.msg} (column {exc.colno})"
    if not isinstance(obj, dict):
        return None, None, None, f"expected a JSON object, got {type(obj).__name__}"
    item_id = obj.get("id")
    text = obj.get("text", _MISSING)
    if text is _MISSING:
        return item_id, None, None, "missing 'text'"
    if not isinstance(text, str):
        return item_id, None, None, f"'text' must be a string, got {type(text).__name__}"
    source = obj.get("source")
    if source is not None and source not in ("own", "mention"):
        return item_id, None, None, f"'source' must be \"own\", \"mention\" or null, not {source!r}"
    return item_id, text, source, None


def _chunks(lines: Iterable[bytes], size: int) -> Iterator[list[tuple[int, bytes]]]:
    chunk: list[tuple[int, bytes]] = []
    for number, raw in enumerate(lines, start=1):
        if not raw.strip():
            continue
        chunk.append((number, raw))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def classify_stream(clf: Classifier, lines: Iterable[bytes], out: IO[str], err: IO[str], chunk: int = 512) -> int:
    """Classify JSON lines from ``lines`` onto ``out``; returns the number of malformed lines."""
    errors = 0
    for block in _chunks(lines, chunk):
        parsed = [(number, *parse_line(raw)) for number, raw in block]
        good = [p for p in parsed if p[4] is None]
        texts = [p[2] or "" for p in good]  # a usable line always has its text (parse_line)
        results = iter(clf.classify_batch(texts, [p[3] for p in good])) if good else iter(())
        for number, item_id, _text, _source, error in parsed:
            if error is None:
                row = next(results).as_contract(item_id)
            else:
                errors += 1
                row = {"id": item_id, "line": number, "error": error}
                print(f"watchtower classify: line {number}: {error}", file=err)
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()
    return errors


def run(args: argparse.Namespace) -> int:
    from watchtower.classify import load_classifier

    if args.chunk < 1:
        raise ConfigError("--chunk must be at least 1")
    config = load_config(args.config)
    clf = load_classifier(config)
    if args.jsonl == "-":
        errors = classify_stream(clf, sys.stdin.buffer, sys.stdout, sys.stderr, args.chunk)
    else:
        try:
            fh = open(args.jsonl, "rb")  # noqa: SIM115 - closed below, after streaming
        except OSError as exc:
            raise WatchtowerError(f"cannot read {args.jsonl}: {exc.strerror}") from exc
        with fh:
            errors = classify_stream(clf, fh, sys.stdout, sys.stderr, args.chunk)
    if errors:
        print(f"watchtower classify: {errors} malformed line(s); see the 'error' lines", file=sys.stderr)
        return 1
    return 0
