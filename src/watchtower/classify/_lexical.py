"""A second opinion on the critical categories from the words themselves: character and word n-gram logistic
regressions trained on the labelled writers' school posts, one for "any critical category" (which decides) and one
for each of threat, hate and safeguarding (which says which of them the post reads like).

The fine-tuned MiniLM reads meaning; these read spellings, dialect words, emoji and the short phrases that every
writer who wrote about calorie goals or a Traveller slur happened to use, which a 22 M-parameter encoder trained on
fewer posts does not weigh. Measured on writers neither model saw (training/README.md, twelfth session), the two
miss different posts. The lexical score only ever raises a post the model, the rules and the lists left below
``high`` to a *possible* concern (``lexical_threshold``): a person checks it; it never makes an alert alone.

Features are hashed (no vocabulary to ship): the n-grams of 2-5 characters of the normalised text and of the raw
lower-cased text (emoji kept), and its words and word pairs, each block scaled to unit length. The same
:func:`features` builds the training matrix (training/train_lexical.py), so training and the daemon cannot drift.
"""

from __future__ import annotations

import json
import re
import zlib
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import numpy as np

from watchtower.classify._normalise import join_spelled, normalise
from watchtower.models import CRITICAL_CATEGORIES

#: hashed feature space (2**18: collisions cost less than a point of recall, the weights stay about 1.5 MB)
N_FEATURES = 1 << 18
#: the regressions: "critical" (threat, hate or safeguarding: the score held to ``lexical_threshold``), then one per
#: critical category (the possible concern's category is the highest of these)
HEADS = ("critical", *CRITICAL_CATEGORIES)
WEIGHTS_FILE = "lexical.npz"
_CHAR_NS = (2, 3, 4, 5)
_WORD = re.compile(r"\w+|[^\w\s]")
_MASK = np.uint64(N_FEATURES - 1)
_MUL = np.uint64(1000003)
_MIX = np.uint64(0xFF51AFD7ED558CCD)
_S33 = np.uint64(33)
_MAX_CHARS = 4000  # a post longer than this is read by its first 4,000 characters (a few tweets' worth)


def _reading(text: str, norm: str | None = None) -> str:
    t = text[:_MAX_CHARS]
    # as written, but a post spelled out letter by letter is read with its words joined (as the model reads it)
    return f"{normalise(t) if norm is None or len(text) > _MAX_CHARS else norm} \n {join_spelled(t).lower()}"


def _char_ngrams(reading: str) -> np.ndarray:
    cps = np.frombuffer(reading.encode("utf-32-le"), dtype=np.uint32).astype(np.uint64)
    parts = []
    with np.errstate(over="ignore"):  # the hash wraps modulo 2**64 on purpose
        for n in _CHAR_NS:
            if len(cps) < n:
                break
            h = np.full(len(cps) - n + 1, n, dtype=np.uint64)
            for k in range(n):
                h = (h * _MUL) ^ cps[k : len(cps) - n + 1 + k]
            h ^= h >> _S33
            h *= _MIX
            h ^= h >> _S33
            parts.append(h & _MASK)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.uint64)


def _word_ngrams(reading: str) -> np.ndarray:
    words = _WORD.findall(reading)
    grams = [*words, *(f"{a} {b}" for a, b in pairwise(words))]
    return np.array([zlib.crc32(g.encode("utf-8")) & (N_FEATURES - 1) for g in grams], dtype=np.uint64)


def _unit(idx: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    if not len(idx):
        return idx.astype(np.int64), np.zeros(0, dtype=np.float32)
    keys, counts = np.unique(idx, return_counts=True)
    vals = counts.astype(np.float32)
    return keys.astype(np.int64), vals / np.float32(np.sqrt(float(np.dot(vals, vals))))


def features(text: str, norm: str | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The post's hashed features: indices (sorted, may repeat across the two blocks) and their values. ``norm``:
    ``normalise(text)`` where the caller has it already (the classifier's first reading), to spare doing it twice."""
    reading = _reading(text, norm)
    ci, cv = _unit(_char_ngrams(reading))
    wi, wv = _unit(_word_ngrams(reading))
    return np.concatenate([ci, wi]), np.concatenate([cv, wv])


@dataclass(frozen=True)
class LexicalModel:
    """The trained regressions: ``weights[h]`` and ``bias[h]`` for each of :data:`HEADS`."""

    weights: np.ndarray  # (len(HEADS), N_FEATURES)
    bias: np.ndarray  # (len(HEADS),)
    version: str

    def scores(self, text: str, norm: str | None = None) -> dict[str, float]:
        idx, vals = features(text, norm)
        z = self.weights[:, idx].astype(np.float32) @ vals + self.bias
        p = 1.0 / (1.0 + np.exp(-z))
        return {h: float(p[i]) for i, h in enumerate(HEADS)}

    def save(self, folder: Path, meta: dict[str, object]) -> Path:
        path = folder / WEIGHTS_FILE
        np.savez_compressed(path, weights=self.weights.astype(np.float16), bias=self.bias.astype(np.float32),
                            meta=np.array(json.dumps({**meta, "version": self.version})))
        return path


def load(folder: Path) -> LexicalModel | None:
    """The lexical model shipped beside the MiniLM weights, or None where the folder has none (an older
    weights folder, or a school's own model_dir without it): then there is no second opinion."""
    path = folder / WEIGHTS_FILE
    if not path.exists():
        return None
    with np.load(path, allow_pickle=False) as z:
        weights, bias, meta = z["weights"], z["bias"], json.loads(str(z["meta"]))
    if weights.shape != (len(HEADS), N_FEATURES) or bias.shape != (len(HEADS),):
        raise ValueError(f"{path}: weights of shape {weights.shape}, expected {(len(HEADS), N_FEATURES)}: "
                         "rebuild it with training/train_lexical.py")
    return LexicalModel(weights, bias.astype(np.float32), str(meta.get("version", "unknown")))
