#!/usr/bin/env bash
# Sets up what the desktop app needs (Qt, speech, X11 libraries and .venv), then starts it.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh app
exec .venv/bin/python main.py "$@"
