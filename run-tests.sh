#!/usr/bin/env bash
# Sets up everything the tests need, then runs the test suite, the linter and the type checker.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh test
export QT_QPA_PLATFORM=offscreen
.venv/bin/python -m pytest -q "$@"
.venv/bin/python -m ruff check .
.venv/bin/python -m mypy trainer/core
