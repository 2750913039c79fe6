#!/usr/bin/env bash
# Set up (if needed) and launch Bake Tracker on data/bake_tracker.db
# (or the database given with --db PATH_OR_URL or BAKE_TRACKER_DB).
set -euo pipefail
cd "$(dirname "$0")"
source tools/ensure-venv.sh
exec .venv/bin/python -m src.app "$@"
