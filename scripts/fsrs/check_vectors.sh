#!/usr/bin/env bash
# Regenerates the FSRS conformance fixtures into a temporary directory and byte-compares them with
# the committed ones, so a fixture can only change together with its generator.
#
# Usage: PYTHON=.venv/bin/python scripts/fsrs/check_vectors.sh
# $PYTHON must have fsrs==6.3.2 and fsrs-rs-python==0.9.3 installed (default: python3).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
python="${PYTHON:-python3}"
fixtures="$root/Tests/RecallCoreTests/Scheduling/Fixtures"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

"$python" "$root/scripts/fsrs/generate_vectors.py" --output "$tmp/fsrs-py-6.3.2.jsonl.gz"
"$python" "$root/scripts/fsrs/generate_memory_states.py" \
  --output "$tmp/fsrs-rs-0.9.3-memory-states.jsonl.gz"

status=0
for name in fsrs-py-6.3.2.jsonl.gz fsrs-rs-0.9.3-memory-states.jsonl.gz; do
  if cmp -s "$tmp/$name" "$fixtures/$name"; then
    echo "ok: $name matches its generator"
  else
    status=1
    # Tell a content change apart from a different zlib build, which only changes the container.
    if cmp -s <(gzip -dc "$tmp/$name") <(gzip -dc "$fixtures/$name"); then
      echo "DIFFERENT: $name has the same content but different gzip bytes (zlib version?)" >&2
    else
      echo "DIFFERENT: $name does not match what its generator produces; first differences:" >&2
      diff <(gzip -dc "$fixtures/$name") <(gzip -dc "$tmp/$name") | head -5 | cut -c1-300 >&2 || true
    fi
  fi
done
exit "$status"
