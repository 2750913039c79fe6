#!/usr/bin/env bash
# Double-click launcher for macOS (Finder opens .command files in Terminal).
cd "$(dirname "$0")" && exec ./run.sh "$@"
