"""Issue 13's targets on posts nobody tuned to: the classifier over labelled writers' posts (not a test).

    .venv/bin/python bench/bench_writers.py training/data/writers/w8.jsonl [more.jsonl ...] [--json] [--misses]

Each file holds one writer's posts (``{"id", "text", "categories", "kind", "source", "writer"}``, see
training/data/writers/README.md). The posts go through the same classifier as ``watchtower classify`` (in
process, the shipped weights and config defaults) and are scored against the writer's labels:

- critical posts (labelled threat, hate or safeguarding) raised to critical; raised to at least high (a
  possible concern counts: it is raised to high and reaches the same people);
- harmless posts (no category) raised to high or critical;
- category macro-F1 over design.md's ten categories (multi-label, per-category F1, averaged over the
  categories that occur in the labels);
- the same per writer, and recall per kind of post (coded hate, indirect suicidal talk, grooming ...).

Figures are only a result on writers whose posts were never used to train or tune the classifier: which
writers those are is recorded in training/README.md.
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path
from typing import Any

from watchtower.models import CATEGORIES, UNREAD_RULE, Severity, unread_in

CRITICAL = {"threat", "hate", "safeguarding"}


def read(paths: list[Path]) -> list[dict[str, Any]]:
    rows = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                row.setdefault("writer", path.stem)
                rows.append(row)
    return rows


def f1(tp: int, fp: int, fn: int) -> float:
    return 0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn)


def _unread(pred: dict[str, Any]) -> bool:
    return unread_in(pred["reasons"]) is not None


def score(rows: list[dict[str, Any]], preds: list[dict[str, Any]]) -> dict[str, Any]:
    """The issue's four figures for ``rows`` (labels) against ``preds`` (contract lines)."""
    crit = [(r, p) for r, p in zip(rows, preds, strict=True) if CRITICAL & set(r["categories"])]
    harmless = [(r, p) for r, p in zip(rows, preds, strict=True) if not r["categories"]]
    sev = {s.label: s for s in Severity}
    out: dict[str, Any] = {
        "posts": len(rows),
        "critical_posts": len(crit),
        "harmless_posts": len(harmless),
        "critical_to_critical": round(sum(p["severity"] == "critical" for _, p in crit) / max(len(crit), 1), 3),
        "critical_to_high_or_more": round(
            sum(sev[p["severity"]] >= Severity.HIGH for _, p in crit) / max(len(crit), 1), 3),
        "harmless_to_high_or_more": round(
            sum(sev[p["severity"]] >= Severity.HIGH for _, p in harmless) / max(len(harmless), 1), 3),
        # a post in a language or script the classifier was not built to read carries the not-English note: what a
        # person is shown either way (raised, or marked "not read" on its card, email and the DSL's digest)
        "marked_not_read": sum(_unread(p) for p in preds),
        "critical_to_high_or_marked_not_read": round(
            sum(sev[p["severity"]] >= Severity.HIGH or _unread(p) for _, p in crit) / max(len(crit), 1), 3),
    }
    per_cat = {}
    for cat in CATEGORIES:
        tp = sum(cat in r["categories"] and cat in p["categories"] for r, p in zip(rows, preds, strict=True))
        fp = sum(cat not in r["categories"] and cat in p["categories"] for r, p in zip(rows, preds, strict=True))
        fn = sum(cat in r["categories"] and cat not in p["categories"] for r, p in zip(rows, preds, strict=True))
        if tp + fn:
            per_cat[cat] = round(f1(tp, fp, fn), 3)
    out["category_f1"] = per_cat
    out["category_macro_f1"] = round(sum(per_cat.values()) / max(len(per_cat), 1), 3)
    return out


def separation(rows: list[dict[str, Any]], probs: Any, heads: list[str]) -> dict[str, Any]:
    """The model alone, no rules or gates: each critical head's AUROC on its own category, and the share of critical
    posts whose highest critical head score is above the score that raises 2, 5 or 8 % of the harmless posts."""
    import numpy as np
    from sklearn.metrics import roc_auc_score  # a training dependency: make train-deps

    crit_heads = [h for h in ("threat", "safeguarding", "hate") if h in heads]
    out: dict[str, Any] = {"auroc": {}}
    for h in crit_heads:
        y = np.array([h in r["categories"] for r in rows])
        if 0 < y.sum() < len(y):
            out["auroc"][h] = round(float(roc_auc_score(y, probs[:, heads.index(h)])), 3)
    top = probs[:, [heads.index(h) for h in crit_heads]].max(axis=1)
    out["critical_recall_at_harmless"] = critical_recall_at_harmless(rows, top)
    return out


def critical_recall_at_harmless(rows: list[dict[str, Any]], score: Any) -> dict[str, float]:
    """The share of critical posts whose ``score`` is above the score that raises 2, 5 or 8 % of the harmless
    posts (``score``: one number a post, in the order of ``rows``)."""
    import numpy as np

    crit = np.array([bool(CRITICAL & set(r["categories"])) for r in rows])
    harmless = np.sort(score[np.array([not r["categories"] for r in rows])])[::-1]
    return {f"{rate:.2f}": round(float(np.mean(score[crit] > harmless[int(rate * len(harmless))])), 3)
            for rate in (0.02, 0.05, 0.08)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", type=Path, nargs="+")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--misses", action="store_true", help="list critical posts not raised to critical, and "
                    "harmless posts raised to high or critical (reads the held-out text: not while tuning)")
    ap.add_argument("--model-dir", type=Path, default=None,
                    help="a candidate's weights folder instead of the shipped one (with --thresholds: its values)")
    ap.add_argument("--thresholds", default="{}", help="JSON of [classifier] values over the defaults")
    ap.add_argument("--separation", action="store_true", help="also the model alone, no gates: critical heads' "
                    "AUROC and critical recall at 2 / 5 / 8 %% of harmless posts raised (needs make train-deps)")
    args = ap.parse_args()

    from watchtower.classify import ClassifierConfig, load_classifier

    clf = load_classifier(ClassifierConfig(model_dir=args.model_dir, **json.loads(args.thresholds)))
    rows = read(args.files)
    sources = [r.get("source") if r.get("source") in ("own", "mention") else None for r in rows]
    preds = [c.as_contract(r.get("id")) for r, c in
             zip(rows, clf.classify_batch([r["text"] for r in rows], sources), strict=True)]
    result: dict[str, Any] = {"model_version": clf.version, "overall": score(rows, preds)}
    if args.separation:
        probs = clf._model.predict([r["text"] for r in rows], clf.config.batch_size)
        result["separation"] = separation(rows, probs, clf._model.heads)
    by_writer: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        by_writer[r["writer"]].append(i)
    result["by_writer"] = {
        w: score([rows[i] for i in idx], [preds[i] for i in idx]) for w, idx in sorted(by_writer.items())
    }
    by_kind: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if CRITICAL & set(r["categories"]):
            by_kind[r.get("kind", "?")].append(i)
    result["critical_by_kind"] = {
        k: {"posts": len(idx),
            "to_critical": round(sum(preds[i]["severity"] == "critical" for i in idx) / len(idx), 3),
            "to_high_or_more": round(sum(preds[i]["severity"] in ("high", "critical") for i in idx) / len(idx), 3)}
        for k, idx in sorted(by_kind.items(), key=lambda kv: -len(kv[1]))
    }
    harmless_kinds: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        if not r["categories"]:
            harmless_kinds[r.get("kind", "?")].append(i)
    result["harmless_raised_by_kind"] = {
        k: {"posts": len(idx),
            "to_high_or_more": round(sum(preds[i]["severity"] in ("high", "critical") for i in idx) / len(idx), 3)}
        for k, idx in sorted(harmless_kinds.items(), key=lambda kv: -len(kv[1]))
    }
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        o = result["overall"]
        print(f"model {result['model_version']}: {o['posts']} posts ({o['critical_posts']} critical, "
              f"{o['harmless_posts']} harmless)")
        print("                     crit->crit  crit->high+  harmless->high+  cat macro-F1")
        for name, s in [("overall", o), *result["by_writer"].items()]:
            print(f"  {name:<18} {s['critical_to_critical']:>10.3f} {s['critical_to_high_or_more']:>12.3f} "
                  f"{s['harmless_to_high_or_more']:>16.3f} {s['category_macro_f1']:>13.3f}")
        print("  category F1: " + ", ".join(f"{k} {v:.2f}" for k, v in o["category_f1"].items()))
        if o["marked_not_read"]:
            print(f"  marked not read (rule:{UNREAD_RULE}): {o['marked_not_read']} posts; critical posts raised to "
                  f"high+ or marked: {o['critical_to_high_or_marked_not_read']:.3f}")
        if sep := result.get("separation"):
            print("  model alone, no gates: AUROC " + ", ".join(f"{k} {v:.3f}" for k, v in sep["auroc"].items())
                  + "; critical recall at harmless " + " / ".join(
                      f"{k}: {v:.3f}" for k, v in sep["critical_recall_at_harmless"].items()))
        print("  critical posts by kind (to critical / to high+):")
        for k, s in result["critical_by_kind"].items():
            print(f"    {k:<24} {s['posts']:>4}  {s['to_critical']:.2f} / {s['to_high_or_more']:.2f}")
        print("  harmless posts raised to high+ by kind:")
        for k, s in result["harmless_raised_by_kind"].items():
            print(f"    {k:<24} {s['posts']:>4}  {s['to_high_or_more']:.2f}")
    if args.misses:
        for r, p in zip(rows, preds, strict=True):
            if CRITICAL & set(r["categories"]) and p["severity"] != "critical":
                print(f"MISS  {r['id']} {r['categories']} -> {p['severity']} {p['categories']}: {r['text'][:140]}")
            if not r["categories"] and p["severity"] in ("high", "critical"):
                print(f"FALSE {r['id']} -> {p['severity']} {p['categories']} {p['reasons']}: {r['text'][:140]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
