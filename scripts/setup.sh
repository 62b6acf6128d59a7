#!/usr/bin/env bash
# Sets up what Upsell Trainer needs on Debian/Ubuntu: system libraries for Qt (and, for the
# app, speech and X11), then a virtual environment in .venv with the project installed.
# Usage: scripts/setup.sh test|app     Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
purpose="${1:-test}"

qt_libs="libgl1 libegl1 libxkbcommon0 libglib2.0-0 libfontconfig1 libdbus-1-3 fonts-dejavu-core"
app_libs="libespeak-ng1 alsa-utils libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0"
want="$qt_libs"
[ "$purpose" = app ] && want="$want $app_libs"

python="${PYTHON:-python3}"
if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
  want="$want python3-venv"
fi

missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in $want; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
  done
fi
if [ -n "$missing" ]; then
  echo "setup: installing system packages:$missing" >&2
  if [ "$(id -u)" = 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
    echo "setup: please install as root: apt-get install$missing" >&2; exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq >/dev/null
  # shellcheck disable=SC2086
  $sudo apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  echo "setup: preparing .venv (first run takes a minute)" >&2
  [ -x .venv/bin/python ] || "$python" -m venv .venv
  log=.venv/setup.log
  if ! { .venv/bin/python -m pip install --disable-pip-version-check --upgrade pip &&
         .venv/bin/python -m pip install --disable-pip-version-check -e '.[test]'; } >"$log" 2>&1; then
    tail -n 30 "$log" >&2
    echo "setup: installing Python packages failed; the full log is in $log" >&2
    exit 1
  fi
  touch "$stamp"
fi
