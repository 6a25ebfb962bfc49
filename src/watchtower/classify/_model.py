"""The fine-tuned MiniLM model at run time: onnxruntime + tokenizers + numpy only (no torch).

Texts are first rewritten the way the training data was written (:mod:`._prepare`: handles become
``@user``, links ``URL``), tokenised in one call, sorted by length and run in batches of similar length,
so that padding (the main waste on short posts) stays small.

A post longer than ``max_length`` tokens is read in overlapping windows of that length (a quarter of each window
shared with the next, at most ``max_windows`` of them) and each head keeps its highest score over the windows:
the model was trained on 64 tokens, and a long comment's dangerous sentence is often buried after its first 64
(on the writers' posts, 220 of the 258 longer than that were critical).

A post that hides letters behind look-alike digits and symbols ("th@t w0man is g3tting sh0t") is read twice, as
written and with them as letters (:func:`._normalise.unleet`), and each head keeps its higher score in the same way:
the model learned words, and "g3tting sh0t" is not one it knows (round 52: threat 0.02 as written, 1.00 spelled out).
A post spelled out letter by letter with wide gaps between its words is read with its words joined instead
(:func:`._normalise.join_spelled`): as a row of single letters it means nothing to the model.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from watchtower.classify._normalise import join_spelled, unleet
from watchtower.classify._prepare import prepare
from watchtower.exceptions import ConfigError

DEFAULT_MODEL_DIR = Path(__file__).resolve().parent / "weights"
MODEL_FILE = "model.int8.onnx"
TOKENIZER_FILE = "tokenizer.json"
METADATA_FILE = "metadata.json"


class OnnxModel:
    """Loads once; :meth:`predict` returns probabilities ``float32[n, heads]`` in ``self.heads`` order."""

    def __init__(self, model_dir: Path | None, *, max_length: int, threads: int, max_windows: int = 1) -> None:
        import onnxruntime as ort
        from tokenizers import Tokenizer

        self.folder = folder = model_dir or DEFAULT_MODEL_DIR
        missing = [f for f in (MODEL_FILE, TOKENIZER_FILE, METADATA_FILE) if not (folder / f).is_file()]
        if missing:
            raise ConfigError(f"classifier model_dir {folder} lacks {', '.join(missing)}: run "
                              "training/train_classifier.py or point [classifier] model_dir at the weights")
        self.metadata: dict[str, Any] = json.loads((folder / METADATA_FILE).read_text(encoding="utf-8"))
        self.heads: list[str] = list(self.metadata["heads"])
        self.version: str = str(self.metadata["version"])
        self.emoji_names = bool(self.metadata.get("prepare", {}).get("emoji_names", False))
        self.tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
        self.tokenizer.enable_truncation(max_length, stride=max_length // 4 if max_windows > 1 else 0)
        self.max_windows = max_windows
        self.tokenizer.no_padding()
        self.pad_id = self.tokenizer.token_to_id("[PAD]") or 0
        opts = ort.SessionOptions()
        opts.intra_op_num_threads = threads
        opts.inter_op_num_threads = 1
        opts.execution_mode = ort.ExecutionMode.ORT_SEQUENTIAL
        opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        opts.log_severity_level = 3
        self.session = ort.InferenceSession(str(folder / MODEL_FILE), opts, providers=["CPUExecutionProvider"])

    def predict(self, texts: list[str], batch_size: int) -> np.ndarray:
        out = np.zeros((len(texts), len(self.heads)), dtype=np.float32)
        if not texts:
            return out
        windows = self.windows(texts)
        probs = np.zeros((len(windows), len(self.heads)), dtype=np.float32)
        for x, mask, idx in self.batches([ids for _, ids in windows], batch_size):
            probs[idx] = self.session.run(["probs"], {"input_ids": x, "attention_mask": mask})[0]
        if len(windows) == len(texts):  # no post needed a second window or reading
            return probs
        np.maximum.at(out, np.asarray([owner for owner, _ in windows]), probs)
        return out

    def windows(self, texts: list[str]) -> list[tuple[int, list[int]]]:
        """The token ids the model reads, a window at a time, each with the index of the text it comes from."""
        owners, readings = list(range(len(texts))), [join_spelled(t) for t in texts]
        for i, text in enumerate(readings[: len(texts)]):
            if (plain := unleet(text)) is not None:
                owners.append(i)
                readings.append(plain)
        prepared = [prepare(t, emoji_names=self.emoji_names) for t in readings]
        return [(owners[i], window.ids) for i, enc in enumerate(self.tokenizer.encode_batch(prepared))
                for window in [enc, *enc.overflowing][: self.max_windows]]

    def batches(self, ids: list[list[int]], batch_size: int) -> Iterator[tuple[np.ndarray, np.ndarray, list[int]]]:
        """The model's inputs: ``ids`` sorted by length and padded a batch at a time (so that padding, the main
        waste on short posts, stays small), with the index in ``ids`` of each row."""
        order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
        for start in range(0, len(order), batch_size):
            idx = order[start : start + batch_size]
            width = max(len(ids[i]) for i in idx)
            x = np.full((len(idx), width), self.pad_id, dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                x[row, : len(ids[i])] = ids[i]
                mask[row, : len(ids[i])] = 1
            yield x, mask, idx
