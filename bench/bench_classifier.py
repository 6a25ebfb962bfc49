"""Benchmark the triage classifier (not a test): speed, memory, and TweetEval validation quality.

    .venv/bin/python bench/bench_classifier.py [--data ../shared/data/tweeteval] [--json]

Measures, on this machine, with the shipped int8 model:
- load time of ``load_classifier()`` (model + tokenizer + rules);
- items/s at batch 1 (one post per call) and batch 32 (TweetEval offensive val through ``classify_batch``);
- peak RSS of this process (only numpy, onnxruntime, tokenizers and watchtower are imported);
- TweetEval val macro-F1: offensive (an item counts offensive if it gets any of offensive, harassment, hate,
  threat, sexual) and hate (category ``hate``), for the whole classifier and for the model heads alone;
- ``watchtower classify --jsonl`` over 3,000 posts, including process start (items/s): short posts
  (school set + TweetEval val tweets of <= 120 characters) and full-length TweetEval val tweets.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
OFFENSIVE_LIKE = {"offensive", "harassment", "hate", "threat", "sexual"}


def macro_f1(y: np.ndarray, p: np.ndarray) -> float:
    f1s = []
    for cls in (0, 1):
        tp = np.sum((p == cls) & (y == cls))
        fp = np.sum((p == cls) & (y != cls))
        fn = np.sum((p != cls) & (y == cls))
        f1s.append(0.0 if tp == 0 else 2 * tp / (2 * tp + fp + fn))
    return float(np.mean(f1s))


def read(data: Path, task: str) -> tuple[list[str], np.ndarray]:
    texts = (data / task / "val_text.txt").read_text(encoding="utf-8").splitlines()
    labels = np.array([int(x) for x in (data / task / "val_labels.txt").read_text().split()])
    return [t.strip() for t in texts], labels


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "tweeteval")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()

    t0 = time.perf_counter()
    from watchtower.classify import load_classifier

    clf = load_classifier()
    load_s = time.perf_counter() - t0
    res: dict[str, object] = {"model_version": clf.version, "load_seconds": round(load_s, 2)}

    off_texts, off_y = read(args.data, "offensive")
    hate_texts, hate_y = read(args.data, "hate")

    clf.classify_batch(off_texts[:32])  # warm-up
    n1 = 300
    t = time.perf_counter()
    for text in off_texts[:n1]:
        clf.classify_batch([text])
    res["items_per_s_batch1"] = round(n1 / (time.perf_counter() - t), 1)

    t = time.perf_counter()
    off_out = []
    for i in range(0, len(off_texts), 32):
        off_out += clf.classify_batch(off_texts[i : i + 32])
    res["items_per_s_batch32"] = round(len(off_texts) / (time.perf_counter() - t), 1)
    hate_out = clf.classify_batch(hate_texts)

    def flagged(out: list, cats: set[str]) -> np.ndarray:
        return np.array([int(bool(cats & set(c.categories))) for c in out])

    cfg = clf.config
    res["offensive_val_macro_f1"] = round(macro_f1(off_y, flagged(off_out, OFFENSIVE_LIKE)), 4)
    res["offensive_val_macro_f1_model_head_only"] = round(
        macro_f1(off_y, np.array([int(c.scores["offensive"] >= cfg.offensive_threshold) for c in off_out])), 4)
    res["hate_val_macro_f1"] = round(macro_f1(hate_y, flagged(hate_out, {"hate"})), 4)
    res["hate_val_macro_f1_model_head_only"] = round(
        macro_f1(hate_y, np.array([int(c.scores["hate"] >= cfg.hate_threshold) for c in hate_out])), 4)
    res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    res["heavy_modules_loaded"] = sorted({m.split(".")[0] for m in sys.modules} & {"torch", "transformers", "sklearn"})

    # the command line over 3,000 posts, process start included: short posts (the school test set and
    # TweetEval val tweets of at most 120 characters, like most comments), and long ones (all of val)
    school = [json.loads(x)["text"] for x in (ROOT / "tests" / "data" / "school_posts.jsonl").read_text().splitlines()]
    short = school + [t for t in off_texts + hate_texts if len(t) <= 120]
    for label, pool in (("short", short), ("tweeteval", off_texts + hate_texts)):
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as fh:
            for i in range(3000):
                fh.write(json.dumps({"id": i, "text": pool[(i * 7919) % len(pool)], "source": "mention"}) + "\n")
            path = fh.name
        cli = [str(Path(sys.executable).parent / "watchtower"), "classify", "--jsonl", path]
        t = time.perf_counter()
        done = subprocess.run(cli, capture_output=True, text=True, check=False)
        elapsed = time.perf_counter() - t
        Path(path).unlink()
        lines = done.stdout.count("\n")
        res[f"cli_3000_{label}_mean_chars"] = round(sum(len(p) for p in pool) / len(pool))
        res[f"cli_3000_{label}_seconds_incl_start"] = round(elapsed, 2)
        res[f"cli_3000_{label}_items_per_s_incl_start"] = round(lines / elapsed, 1)
        res[f"cli_3000_{label}_exit_code"] = done.returncode

    if args.json:
        print(json.dumps(res))
    else:
        for k, v in res.items():
            print(f"{k:45s} {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
