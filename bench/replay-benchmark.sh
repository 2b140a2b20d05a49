#!/usr/bin/env bash
# Replay benchmark: generates N simulated records (default one million, about a week of a busy
# county), replays them and prints records/s and the replay JVM's peak memory.
#
#   bench/replay-benchmark.sh [RECORDS] [WORK_DIR]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RECORDS="${1:-1000000}"
WORK="${2:-${TMPDIR:-/tmp}/pingzhi-replay-benchmark}"
# History, not the future: the job dead-letters event times ahead of the wall clock, and a million
# records span about ten simulated days. A year back leaves room for far larger RECORDS.
START="$(date -u -d "$(date -u +%F) -365 days" +%FT00:00:00Z)"
INPUT="$WORK/input-$RECORDS-$START"
OUTPUT="$WORK/output"

"$ROOT/pingzhi" build >/dev/null
if [ ! -f "$INPUT/police-110.jsonl" ]; then
  echo "generating $RECORDS records into $INPUT ..."
  "$ROOT/pingzhi" simulate --out "$INPUT" --records "$RECORDS" --incidents-per-day 27000 \
    --seed 42 --start "$START" >/dev/null
fi
rm -rf "$OUTPUT"

STATUS="$WORK/status"
START=$(date +%s.%N)
"$ROOT/pingzhi" replay --hotline "$INPUT/hotline-12345.jsonl" --police "$INPUT/police-110.jsonl" \
  --out "$OUTPUT" >"$WORK/replay.log" 2>&1 &
PID=$!
PEAK_KB=0
# The launcher execs the JVM, so $PID is the replay JVM itself; sample its high-water mark.
while kill -0 "$PID" 2>/dev/null; do
  HWM=$(awk '/VmHWM/ {print $2}' "/proc/$PID/status" 2>/dev/null || echo 0)
  [ -n "$HWM" ] && [ "$HWM" -gt "$PEAK_KB" ] && PEAK_KB=$HWM
  sleep 0.5
done
wait "$PID"
END=$(date +%s.%N)

SECONDS_TAKEN=$(echo "$END - $START" | bc -l)
echo "replay benchmark: $(grep '^replay:' "$WORK/replay.log" || tail -1 "$WORK/replay.log")"
printf 'records: %d  wall: %.1f s  throughput: %.0f records/s  peak RSS: %d MiB  cores: %d\n' \
  "$RECORDS" "$SECONDS_TAKEN" "$(echo "$RECORDS / $SECONDS_TAKEN" | bc -l)" "$((PEAK_KB / 1024))" \
  "$(nproc)"
