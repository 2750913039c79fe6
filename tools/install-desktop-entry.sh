#!/usr/bin/env bash
# Install bake-tracker.desktop into the Linux application menu with this checkout's real path.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
target="${XDG_DATA_HOME:-$HOME/.local/share}/applications/bake-tracker.desktop"
mkdir -p "$(dirname "$target")"
sed -e "s|^Exec=.*|Exec=\"$here/run.sh\"|" -e "s|^Path=.*|Path=$here|" \
  "$here/bake-tracker.desktop" > "$target"
chmod +x "$target"
echo "Installed $target (Bake Tracker now appears in your applications menu)."
