"""Fuse the exported fp32 ONNX model's attention and GELU nodes, quantise it to int8, then fix its activation scales.

    .venv/bin/python training/optimize_onnx.py training/.work/model.fp32.onnx \
        src/watchtower/classify/weights/model.int8.onnx --calibration training/data/writers/w1.jsonl ...
    .venv/bin/python training/optimize_onnx.py --freeze src/watchtower/classify/weights \
        --calibration training/data/writers/w*.jsonl       # an int8 model that still measures its scales per call

onnxruntime's transformer optimiser rewrites BERT-style subgraphs into fused operators (Attention, SkipLayerNorm,
BiasGelu; not EmbedLayerNormalization, switched off). It recognises the attention only as transformers' eager
attention writes it, which ``train_classifier.py`` exports with, and :func:`fuse` stops if it fused none: the weights
-1623 and -1720, exported from the default (SDPA) attention, shipped with it unfused, unnoticed, and ran 8-20 %
slower. On a 2-core server fusing makes the int8 model markedly faster for the same outputs (the script prints the
largest difference it sees against the unfused int8 model on a few sentences, and both speeds).
``train_classifier.py`` calls :func:`fuse_and_quantize` on every export; this script does the same to an existing
fp32 export.

Dynamic quantisation measures each activation's range on every call, over the whole batch, so a post's scores
depended on the other posts in its call (on first-sight round 6, 21 of 1,280 posts got another severity alone than
in batches of 32, a head moving by up to 0.51). :func:`freeze_activation_scales` measures those ranges once, on
calibration posts run the way the runtime runs them, and writes them into the model as constants: every
``DynamicQuantizeLinear`` becomes a ``QuantizeLinear`` with a fixed scale and zero point, and the int8 weights and
fused operators are untouched. A post's scores then depend on that post alone.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import numpy as np

#: all-MiniLM-L6-v2's attention heads and hidden size
NUM_HEADS = 12
HIDDEN = 384


QUANTISATION = ("onnxruntime transformer optimiser (attention, GELU fused), then quantize_dynamic, QInt8, "
                "per_channel=True; then every activation's scale fixed from calibration posts (static, "
                "optimize_onnx.freeze_activation_scales)")


def fuse(fp32: Path, out: Path) -> None:
    from onnxruntime.transformers.fusion_options import FusionOptions
    from onnxruntime.transformers.optimizer import optimize_model

    options = FusionOptions("bert")
    # the embeddings stay as they are: fused, their LayerNorm's weights would be quantised to 8 bits with them, and
    # onnx_to_checkpoint.py would have a fourth operator to read back
    options.enable_embed_layer_norm = False
    opt = optimize_model(str(fp32), model_type="bert", num_heads=NUM_HEADS, hidden_size=HIDDEN, opt_level=1,
                         use_gpu=False, optimization_options=options)
    fused = opt.get_fused_operator_statistics()
    if not fused.get("Attention"):
        # the optimiser recognises only some attention graphs: exported from transformers' SDPA attention it fused
        # none, silently, and the int8 model ran 8-20 % slower (twenty-sixth session); export with eager attention
        raise SystemExit(f"{fp32}: the transformer optimiser fused no attention ({fused}): export the model with "
                         "eager attention (encoder.set_attn_implementation('eager')) and run this again")
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


def activation_ranges(int8: Path, batches: Iterable[tuple[np.ndarray, np.ndarray]]) -> dict[str, tuple[float, float]]:
    """The smallest and largest value each dynamically quantised activation takes over ``batches``, with 0 inside."""
    import onnx
    import onnxruntime as ort

    model = onnx.load(str(int8))
    names = [n.input[0] for n in model.graph.node if n.op_type == "DynamicQuantizeLinear"]
    if not names:
        return {}
    for name in names:
        model.graph.output.append(onnx.helper.make_tensor_value_info(name, onnx.TensorProto.FLOAT, None))
    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    opts.log_severity_level = 3
    sess = ort.InferenceSession(model.SerializeToString(), opts, providers=["CPUExecutionProvider"])
    lo = dict.fromkeys(names, 0.0)
    hi = dict.fromkeys(names, 0.0)
    for x, m in batches:
        for name, value in zip(names, sess.run(names, {"input_ids": x, "attention_mask": m}), strict=True):
            lo[name] = min(lo[name], float(value.min()))
            hi[name] = max(hi[name], float(value.max()))
    return {name: (lo[name], hi[name]) for name in names}


def freeze_activation_scales(int8: Path, out: Path, ranges: dict[str, tuple[float, float]],
                             margin: float = 0.0) -> None:
    """Rewrite every ``DynamicQuantizeLinear`` of ``int8`` as a ``QuantizeLinear`` with the scale and zero point that
    ``DynamicQuantizeLinear`` computes (uint8, asymmetric, 0 exact) from ``ranges`` widened by ``margin``."""
    import onnx
    from onnx import helper, numpy_helper

    model = onnx.load(str(int8))
    graph = model.graph
    missing = [n.input[0] for n in graph.node if n.op_type == "DynamicQuantizeLinear" and n.input[0] not in ranges]
    if missing:
        raise ValueError(f"no calibration range for {len(missing)} activations, e.g. {missing[0]}")
    nodes = []
    for node in graph.node:
        if node.op_type != "DynamicQuantizeLinear":
            nodes.append(node)
            continue
        lo, hi = ranges[node.input[0]]
        lo, hi = min(0.0, lo * (1 + margin)), max(0.0, hi * (1 + margin))
        scale = np.float32((hi - lo) / 255.0) if hi > lo else np.float32(1.0)
        zero_point = np.uint8(np.clip(np.round(-lo / scale), 0, 255))
        quantized, scale_name, zp_name = node.output
        graph.initializer.extend([numpy_helper.from_array(np.array(scale, dtype=np.float32), scale_name),
                                  numpy_helper.from_array(np.array(zero_point, dtype=np.uint8), zp_name)])
        nodes.append(helper.make_node("QuantizeLinear", [node.input[0], scale_name, zp_name], [quantized],
                                      name=node.name.replace("_QuantizeLinear", "") + "_StaticQuantizeLinear"))
    del graph.node[:]
    graph.node.extend(_integer_to_float(nodes, {i.name for i in graph.initializer}))
    onnx.checker.check_model(model)
    onnx.save(model, str(out))


def matmul_chains(nodes: list[Any]) -> list[tuple[Any, Any, Any, Any]]:
    """Each ``MatMulInteger -> Cast -> Mul(x, scales)`` chain that dynamic quantisation writes, where ``scales`` is
    the ``Mul`` of the activation's and the weight's scale: ``(matmul, cast, mul, scales)``."""
    producer = {out: n for n in nodes for out in n.output}
    consumers: dict[str, list[Any]] = {}
    for n in nodes:
        for name in n.input:
            consumers.setdefault(name, []).append(n)
    chains = []
    for n in nodes:
        if n.op_type != "MatMulInteger" or len(consumers.get(n.output[0], [])) != 1:
            continue
        cast = consumers[n.output[0]][0]
        if cast.op_type != "Cast" or len(consumers.get(cast.output[0], [])) != 1:
            continue
        mul = consumers[cast.output[0]][0]
        scales = producer.get(mul.input[1]) if mul.op_type == "Mul" and mul.input[0] == cast.output[0] else None
        if scales is not None and scales.op_type == "Mul":
            chains.append((n, cast, mul, scales))
    return chains


def _integer_to_float(nodes: list[Any], constants: set[str]) -> list[Any]:
    """``MatMulInteger -> Cast -> Mul(a_scale * b_scale)`` as one ``MatMulIntegerToFloat`` (com.microsoft).

    onnxruntime fuses this chain itself only when the activation's scale comes from a ``DynamicQuantizeLinear``;
    with a fixed scale it would run three operators where one does (about 10 % of the model's time)."""
    from onnx import helper

    replaced: dict[int, Any] = {}
    dropped: set[int] = set()
    for n, cast, mul, scales in matmul_chains(nodes):
        if not all(i in constants for i in scales.input):
            continue
        a_scale, b_scale = scales.input
        a, b, a_zero_point, b_zero_point = n.input
        replaced[id(n)] = helper.make_node("MatMulIntegerToFloat", [a, b, a_scale, b_scale, a_zero_point, b_zero_point],
                                           [mul.output[0]], name=n.name + "_ToFloat", domain="com.microsoft")
        dropped |= {id(cast), id(mul)}
    kept = [replaced.get(id(n), n) for n in nodes if id(n) not in dropped]
    used = {name for n in kept for name in n.input}
    return [n for n in kept if n.op_type != "Mul" or any(out in used for out in n.output)
            or not all(i in constants for i in n.input)]


def calibration_batches(model_dir: Path, texts: list[str], batch_size: int = 32) -> list[tuple[np.ndarray, np.ndarray]]:
    """``texts`` tokenised, windowed, sorted by length and padded exactly as the runtime does it."""
    from watchtower.classify._model import OnnxModel

    meta = json.loads((model_dir / "metadata.json").read_text(encoding="utf-8"))
    reader = OnnxModel(model_dir, max_length=int(meta["max_length"]), threads=2, max_windows=16)
    return [(x, m) for x, m, _ in reader.batches([ids for _, ids in reader.windows(texts)], batch_size)]


def freeze(model_dir: Path, calibration: list[Path], margin: float) -> dict[str, Any]:
    """Fix the activation scales of ``model_dir``'s int8 model in place from the posts in ``calibration``."""
    texts = [json.loads(line)["text"] for path in calibration
             for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    int8 = model_dir / "model.int8.onnx"
    ranges = activation_ranges(int8, calibration_batches(model_dir, texts))
    freeze_activation_scales(int8, int8, ranges, margin)
    return {"posts": len(texts), "margin": margin, "files": [p.as_posix() for p in calibration]}


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
    ap.add_argument("fp32", type=Path, nargs="?")
    ap.add_argument("int8", type=Path, nargs="?")
    ap.add_argument("--compare", type=Path, default=None, help="an unfused int8 model to compare outputs and speed")
    ap.add_argument("--freeze", type=Path, metavar="MODEL_DIR", default=None,
                    help="fix the activation scales of MODEL_DIR's int8 model in place (no fp32 needed)")
    ap.add_argument("--calibration", type=Path, nargs="+", default=[],
                    help="JSON Lines posts ('text') whose activations set the scales")
    ap.add_argument("--margin", type=float, default=0.0, help="widen every measured range by this fraction")
    args = ap.parse_args()
    if args.freeze:
        if not args.calibration:
            ap.error("--freeze needs --calibration")
        info = freeze(args.freeze, args.calibration, args.margin)
        meta_path = args.freeze / "metadata.json"
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["quantisation"] = QUANTISATION
        meta["activation_calibration"] = info
        meta_path.write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
        print(f"froze the activation scales of {args.freeze / 'model.int8.onnx'} on {info['posts']} posts")
        return 0
    if not (args.fp32 and args.int8):
        ap.error("give FP32 and INT8 paths, or --freeze MODEL_DIR")
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
