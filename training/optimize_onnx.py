"""Fuse the exported fp32 ONNX model's attention and GELU nodes, then quantise it to int8 (what ships).

    .venv/bin/python training/optimize_onnx.py training/.work/model.fp32.onnx \
        src/watchtower/classify/weights/model.int8.onnx

onnxruntime's transformer optimiser rewrites BERT-style subgraphs into fused operators (Attention, SkipLayerNorm,
BiasGelu, EmbedLayerNormalization are skipped: our inputs have no token types). On a 2-core server that makes the
int8 model markedly faster for the same outputs (the script prints the largest difference it sees against the
unfused int8 model on a few sentences, and both speeds). ``train_classifier.py`` calls :func:`fuse_and_quantize`
on every export; this script does the same to an existing fp32 export.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np

#: all-MiniLM-L6-v2's attention heads and hidden size
NUM_HEADS = 12
HIDDEN = 384


def fuse(fp32: Path, out: Path) -> None:
    from onnxruntime.transformers.optimizer import optimize_model

    opt = optimize_model(str(fp32), model_type="bert", num_heads=NUM_HEADS, hidden_size=HIDDEN, opt_level=1,
                         use_gpu=False)
    opt.save_model_to_file(str(out))


def quantize(fp32: Path, int8: Path) -> None:
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    # fused operators (com.microsoft domain) defeat shape inference: their outputs are float
    quantize_dynamic(str(fp32), str(int8), per_channel=True, weight_type=QuantType.QInt8,
                     extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT})


def fuse_and_quantize(fp32: Path, int8: Path) -> None:
    """fp32 ONNX -> fused fp32 (temporary) -> int8 per channel at ``int8``."""
    with tempfile.TemporaryDirectory() as tmp:
        fused = Path(tmp) / "model.fused.onnx"
        fuse(fp32, fused)
        quantize(fused, int8)


def _speed(path: Path, batches: list[tuple[np.ndarray, np.ndarray]]) -> tuple[float, np.ndarray]:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    opts.inter_op_num_threads = 1
    opts.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    outs = []
    sess.run(["probs"], {"input_ids": batches[0][0], "attention_mask": batches[0][1]})
    t0 = time.perf_counter()
    for x, m in batches:
        outs.append(sess.run(["probs"], {"input_ids": x, "attention_mask": m})[0])
    n = sum(len(x) for x, _ in batches)
    return n / (time.perf_counter() - t0), np.concatenate(outs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("fp32", type=Path)
    ap.add_argument("int8", type=Path)
    ap.add_argument("--compare", type=Path, default=None, help="an unfused int8 model to compare outputs and speed")
    args = ap.parse_args()
    fuse_and_quantize(args.fp32, args.int8)
    print(f"wrote {args.int8} ({args.int8.stat().st_size / 1e6:.1f} MB)")
    if args.compare:
        rng = np.random.default_rng(0)
        batches = []
        for _ in range(40):
            width = int(rng.integers(12, 64))
            x = rng.integers(1000, 29000, size=(32, width)).astype(np.int64)
            x[:, 0] = 101
            batches.append((x, np.ones_like(x)))
        fast, a = _speed(args.int8, batches)
        slow, b = _speed(args.compare, batches)
        print(f"fused int8 {fast:.0f} rows/s, unfused int8 {slow:.0f} rows/s; max |diff| {np.abs(a - b).max():.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
