#!/usr/bin/env bash
# Set up (if needed) and run every check: ruff, mypy, and the whole pytest suite with coverage.
# Extra arguments go to pytest, e.g. ./run-tests.sh src/tests/services -k fifo
set -euo pipefail
cd "$(dirname "$0")"
source tools/ensure-venv.sh
py=.venv/bin/python

# GUI tests need a display: use the real one, else start a private Xvfb if it is installed.
xvfb_pid=""
if [ -z "${DISPLAY:-}" ] && command -v Xvfb >/dev/null 2>&1; then
  for n in $(seq 90 120); do
    if [ ! -e "/tmp/.X11-unix/X$n" ] && [ ! -e "/tmp/.X$n-lock" ]; then
      Xvfb ":$n" -screen 0 1600x1000x24 -nolisten tcp >/dev/null 2>&1 &
      xvfb_pid=$!
      export DISPLAY=":$n"
      sleep 1
      break
    fi
  done
fi
trap '[ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true' EXIT

if [ $# -eq 0 ]; then
  echo "== ruff"; $py -m ruff check src
  $py -m ruff format --check src
  echo "== mypy"; $py -m mypy
fi
echo "== pytest"
$py -m pytest --cov --cov-report=term:skip-covered "$@"
