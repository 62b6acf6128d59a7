"""The core must stay plain Python: importing every trainer.core module loads no Qt."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import trainer.core


def _core_modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.walk_packages(trainer.core.__path__, prefix="trainer.core.")
    )


def test_core_has_modules() -> None:
    assert "trainer.core.rubric" in _core_modules()


def test_importing_every_core_module_loads_no_qt() -> None:
    # A fresh interpreter, so Qt loaded by other tests in this process cannot hide a leak.
    code = (
        "import importlib, sys\n"
        f"for name in {_core_modules()!r}:\n"
        "    importlib.import_module(name)\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'trainer.ui')))\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "", f"trainer.core loaded Qt/UI modules: {out.stdout.strip()}"
