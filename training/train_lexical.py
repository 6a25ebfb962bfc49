"""Train the lexical second opinion (``src/watchtower/classify/_lexical.py``) on labelled writers' posts.

Four L2-regularised logistic regressions over the hashed character and word n-grams of each post: "critical"
(threat, hate or safeguarding) and one per critical category, classes weighted to balance. About a minute on two
cores for 47,000 posts. Needs scikit-learn (the ``train`` extra); the daemon reads the result with numpy alone.

    .venv/bin/python training/train_lexical.py --writers training/data/writers/*.jsonl \
        tests/data/first_sight/w*.jsonl --out src/watchtower/classify/weights

``--held-out FILES`` trains without those files and reports, on them, how many critical posts that the shipped
classifier leaves below high the lexical score would raise, and how many harmless ones, at several thresholds:
that is how ``lexical_threshold`` is chosen (on writers the regressions never saw). ``--baseline SNAPSHOT`` gives
the shipped classifier's severities (a JSON-lines file of {"id", "pred": {"severity"}}); without it they
are computed here.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from bench_writers import read  # noqa: E402

from watchtower.classify import _lexical  # noqa: E402
from watchtower.models import CRITICAL_CATEGORIES as CRITICAL  # noqa: E402


def matrix(rows: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    from scipy.sparse import csr_matrix

    indices, values, ptr = [], [], [0]
    for row in rows:
        i, v = _lexical.features(str(row["text"]))
        indices.append(i)
        values.append(v)
        ptr.append(ptr[-1] + len(i))
    return csr_matrix((np.concatenate(values), np.concatenate(indices), np.array(ptr)),
                      shape=(len(rows), _lexical.N_FEATURES))


def labels(rows: list[dict[str, Any]], head: str) -> np.ndarray:
    wanted = set(CRITICAL) if head == "critical" else {head}
    return np.array([bool(wanted & set(row["categories"])) for row in rows])


def train(rows: list[dict[str, Any]], c: float) -> tuple[np.ndarray, np.ndarray]:
    from sklearn.linear_model import LogisticRegression

    x = matrix(rows)
    weights = np.zeros((len(_lexical.HEADS), _lexical.N_FEATURES), dtype=np.float32)
    bias = np.zeros(len(_lexical.HEADS), dtype=np.float32)
    for k, head in enumerate(_lexical.HEADS):
        model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
        model.fit(x, labels(rows, head))
        weights[k] = model.coef_[0]
        bias[k] = model.intercept_[0]
    return weights, bias


def report(model: _lexical.LexicalModel, rows: list[dict[str, Any]], severity: dict[str, str]) -> None:
    scores = [model.scores(str(r["text"])) for r in rows]
    crit = np.array([bool(set(CRITICAL) & set(r["categories"])) for r in rows])
    harmless = np.array([not r["categories"] for r in rows])
    high = np.array([severity[r["id"]] in ("high", "critical") for r in rows])
    p = np.array([s["critical"] for s in scores])
    print(f"held out: {len(rows)} posts, {crit.sum()} critical, {harmless.sum()} harmless; the classifier alone: "
          f"crit -> high+ {high[crit].mean():.3f}, harmless -> high+ {high[harmless].mean():.3f}")
    for t in (0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        add = ~high & (p >= t)
        right = sum(1 for i in np.where(add & crit)[0]
                    if max(CRITICAL, key=scores[i].__getitem__) in rows[i]["categories"])
        both = high | (p >= t)
        print(f"  lexical_threshold {t:.2f}: crit -> high+ {both[crit].mean():.3f} (+{(add & crit).sum()}, "
              f"{right} in a right category), harmless -> high+ {both[harmless].mean():.3f} "
              f"(+{(add & harmless).sum()}), other posts raised +{(add & ~crit & ~harmless).sum()}")


def baseline(rows: list[dict[str, Any]], snapshot: Path | None) -> dict[str, str]:
    if snapshot is not None:
        out = {}
        for line in snapshot.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            out[r["id"]] = r["pred"]["severity"]
        return out
    from watchtower.classify import ClassifierConfig, load_classifier

    clf = load_classifier(ClassifierConfig(lexical_threshold=None))
    verdicts = clf.classify_batch([str(r["text"]) for r in rows])
    return {r["id"]: str(v.as_contract()["severity"]) for r, v in zip(rows, verdicts, strict=True)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--writers", type=Path, nargs="+", required=True, help="labelled writers' JSON-lines files")
    ap.add_argument("--held-out", type=Path, nargs="*", default=[], help="files to leave out and report on")
    ap.add_argument("--baseline", type=Path, help="the shipped classifier's severities on the held-out posts")
    ap.add_argument("--c", type=float, default=4.0, help="inverse regularisation strength (default 4)")
    ap.add_argument("--out", type=Path, help="folder to write lexical.npz to (the weights folder to ship it)")
    args = ap.parse_args()
    held = {p.resolve() for p in args.held_out}
    files = [p for p in args.writers if p.resolve() not in held]
    rows = read(files)
    start = time.perf_counter()
    weights, bias = train(rows, args.c)
    minutes = (time.perf_counter() - start) / 60
    version = "lexical-" + dt.datetime.now(dt.UTC).strftime("%Y%m%d-%H%M")
    model = _lexical.LexicalModel(weights, bias, version)
    print(f"{version}: {len(rows)} posts from {len(files)} files, C={args.c}, {minutes:.1f} min")
    if args.held_out:
        held_rows = read(list(args.held_out))
        report(model, held_rows, baseline(held_rows, args.baseline))
    if args.out:
        meta = {
            "trained_on": [{"file": str(p.resolve().relative_to(ROOT) if p.resolve().is_relative_to(ROOT) else p),
                            "posts": sum(1 for r in rows if r["writer"] == p.stem),
                            "sha256": hashlib.sha256(p.read_bytes()).hexdigest()} for p in files],
            "c": args.c, "n_features": _lexical.N_FEATURES, "heads": list(_lexical.HEADS),
            "created": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"), "minutes": round(minutes, 1),
        }
        print("wrote", model.save(args.out, meta))


if __name__ == "__main__":
    main()
