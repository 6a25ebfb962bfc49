#!/usr/bin/env bash
# Two MiniLM candidates trained side by side on one GPU, from the shipped int8 weights, on every labelled writer
# post but the calibration writers (metadata.json), w8, the files HELD names and first_sight/next/; the one whose kept
# epoch scores best (offensive val macro-F1 + calibration critical AUROC, the train script's own rule) comes back
# as fp16 parts to be joined and exported on the CPU (training/README.md, twenty-fifth session, has the commands).
#
# Run from the project root on the GPU machine, with these beside the tree (none of them is in git):
#   .gpu/base       the base MiniLM's config.json and tokenizer files (no weights: they come from the ONNX model)
#   .gpu/tweeteval  ../shared/data/tweeteval
#   .gpu/hardneg.jsonl  the harmless posts of rounds 28-47 (w146-w231), seen once more an epoch
# Environment: PY (default python3), DEVICE (default cuda), OUT (where the results go), MAX_MINUTES (per run),
# HELD (more read writer files to score each epoch).
set -euo pipefail
PY=${PY:-python3}; DEVICE=${DEVICE:-cuda}; OUT=${OUT:?set OUT}; MAX_MINUTES=${MAX_MINUTES:-6}
WORK=${WORK:-/tmp/wt-gpu}; LIMIT=${LIMIT:-0}
export PYTHONPATH="src:training${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1
mkdir -p "$WORK" "$OUT"
W=training/data/writers; F=tests/data/first_sight
# the calibration writers the shipped thresholds were tuned on, as the weights' metadata names them
CAL=$("$PY" -c "import json; print(' '.join(json.load(open('src/watchtower/classify/weights/metadata.json'))['calibration_files']))")
# scored each epoch for the record, never trained on: w8, and any read round named in HELD (the twenty-fifth
# session passed round 48, then in next/ and read). Never an unread round: its figures would be read too soon.
HELD="$W/w8.jsonl ${HELD:-}"
TRAIN=$(ls $W/w*.jsonl $F/w*.jsonl | grep -vxF -f <(printf '%s\n' $CAL $HELD) | tr '\n' ' ')
"$PY" training/onnx_to_checkpoint.py --base .gpu/base src/watchtower/classify/weights "$WORK/init.pt"
common=(--base .gpu/base --device "$DEVICE" --no-export --data .gpu/tweeteval --init "$WORK/init.pt"
        --extra training/data/semantic_examples.positive.jsonl training/data/semantic_examples.negative.jsonl
        --extra-repeat 2 --writers $TRAIN .gpu/hardneg.jsonl --writers-repeat 1 --calibration $CAL
        --held-out $HELD --max-minutes "$MAX_MINUTES" --threads 4 --limit "$LIMIT")
# O: the fifteenth session's rate (K's), two epochs; P: twice the rate, three epochs
"$PY" training/train_classifier.py "${common[@]}" --epochs 2 --lr 1.5e-5 --work "$WORK/O" > "$OUT/O.log" 2>&1 &
o=$!
"$PY" training/train_classifier.py "${common[@]}" --epochs 3 --lr 3e-5 --work "$WORK/P" > "$OUT/P.log" 2>&1 &
p=$!
wait $o || echo "O failed: $(tail -3 "$OUT/O.log")"
wait $p || echo "P failed: $(tail -3 "$OUT/P.log")"
"$PY" - "$WORK" "$OUT" <<'PYEOF'
import json, sys
from pathlib import Path
import torch
work, out = Path(sys.argv[1]), Path(sys.argv[2])
best = None
for name in ("O", "P"):
    h = work / name / "history.json"
    if not h.is_file():
        continue
    hist = json.loads(h.read_text())
    (out / f"{name}.history.json").write_text(json.dumps(hist, indent=1))
    score = max(r["choice"] for r in hist)  # the train script's own rule for keeping an epoch
    print(name, "kept score", round(score, 4))
    if best is None or score > best[1]:
        best = (name, score)
if best is None:
    raise SystemExit("no candidate finished")
state = torch.load(work / best[0] / "best.pt", map_location="cpu")
torch.save({k: v.half() if v.is_floating_point() else v for k, v in state.items()}, work / "best16.pt")
(out / "chosen.txt").write_text(best[0] + "\n")
print("chosen", best[0])
PYEOF
split -b 15M -d "$WORK/best16.pt" "$OUT/best16.pt.part"
ls -la "$OUT"
