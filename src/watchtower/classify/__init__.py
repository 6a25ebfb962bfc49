"""The triage classifier: decides what a person must see (design.md, categories and severity).

A fine-tuned MiniLM model (int8 ONNX, four heads: offensive, hate, threat, safeguarding) plus precise rules
for threats, safeguarding, personal data, media enquiries, complaints, queries, sexual content, harassment and
hate.
Every decision carries its reasons. Run time needs only numpy, onnxruntime and tokenizers.

    from watchtower.classify import load_classifier
    clf = load_classifier()
    [c] = clf.classify_batch(["I'll k1ll u tomorrow"], sources=["mention"])
    c.categories, c.severity, c.reasons   # ['threat'], Severity.CRITICAL, ["rule:threat_phrase 'i'll kill u'"]
"""

from __future__ import annotations

from watchtower.classify._classifier import Classifier
from watchtower.classify.config import ClassifierConfig

__all__ = ["Classifier", "ClassifierConfig", "load_classifier"]


def load_classifier(config: ClassifierConfig | None = None) -> Classifier:
    """Load the model and rules once (about a second); reuse the returned classifier for every batch."""
    return Classifier(config)
