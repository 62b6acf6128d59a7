"""Shared test setup: Qt runs offscreen, never on a real display, and never speaks."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
