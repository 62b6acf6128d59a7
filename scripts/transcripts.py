"""Regenerate docs/transcripts/: each shipped scenario played in the terminal by an ethical rep
(the golden 'ideal' replies) and a pushy one (the golden 'pushy' replies).

    .venv/bin/python scripts/transcripts.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from trainer.core.files import write_text_atomic
from trainer.core.scenario.golden import find_goldens, load_golden

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "transcripts"
KINDS = {"ideal": "ethical", "pushy": "pushy"}


def main() -> int:
    goldens, _missing = find_goldens([ROOT / "scenarios"])
    for path in goldens:
        golden = load_golden(path)
        for transcript in golden.transcripts:
            kind = KINDS.get(transcript.name)
            if kind is None:
                continue
            command = [
                sys.executable, "-m", "trainer", "practice", golden.scenario,
                "--no-save", "--seed", str(transcript.seed),
            ]
            played = subprocess.run(
                command, input="".join(r + "\n" for r in transcript.replies),
                capture_output=True, text=True, check=True, cwd=ROOT,
            )
            header = (
                f"# {golden.scenario}, played in the terminal by a {kind} rep "
                f"(the '{transcript.name}' replies of {path.name}):\n"
                f"#   python -m trainer practice {golden.scenario} --no-save "
                f"--seed {transcript.seed} < replies.txt\n\n"
            )
            target = OUT / f"{golden.scenario}-{kind}.txt"
            write_text_atomic(target, header + played.stdout)
            print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
