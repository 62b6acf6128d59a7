"""`trainer test [PATH...]`: play golden transcripts and compare with their expectations."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "test",
        help="play golden transcripts (scenarios/<id>.golden.yaml) and check the results",
        description=(
            "Play each golden transcript's replies through the conversation engine and compare "
            "the path, outcome, ethics verdict, score and findings with its expectations. "
            "Failures print a diff of expected against actual; the exit status is 1 when any "
            "transcript fails or a file is invalid. With --record, print what actually happens "
            "in golden form instead (to write expectations from)."
        ),
    )
    parser.add_argument(
        "paths",
        nargs="*",
        metavar="PATH",
        help="golden files, scenario files or folders (default: every golden in scenarios/)",
    )
    parser.add_argument(
        "--record",
        action="store_true",
        help="print the actual path/outcome/findings of each golden in golden YAML form",
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    import sys

    from trainer.core.scenario.golden import find_goldens, load_pair, record_golden, run_golden
    from trainer.core.scenario.loader import ScenarioError, default_scenarios_dir

    paths = args.paths or [default_scenarios_dir()]
    goldens, lacking = find_goldens(paths)
    status = 0
    explicit_files = {str(p) for p in args.paths}
    for scenario_file in lacking:
        if str(scenario_file) in explicit_files:
            print(f"{scenario_file}: no golden transcripts beside it", file=sys.stderr)
            status = 1
        else:
            print(f"{scenario_file}: warning: no golden transcripts", file=sys.stderr)
    if not goldens:
        print("no golden files found", file=sys.stderr)
        return 1
    passed = failed = 0
    for golden_path in goldens:
        try:
            golden, scenario = load_pair(golden_path)
        except ScenarioError as exc:
            for problem in exc.problems:
                print(problem.format(), file=sys.stderr)
            status = 1
            continue
        if args.record:
            if len(goldens) > 1:
                print(f"# {golden_path}")
            sys.stdout.write(record_golden(golden, scenario))
            continue
        result = run_golden(golden, scenario, path=str(golden_path))
        for t in result.transcripts:
            if t.passed:
                passed += 1
                print(f"PASS {golden_path} {t.name}")
            else:
                failed += 1
                status = 1
                print(f"FAIL {golden_path} {t.name}: {'; '.join(t.mismatches)}")
                if t.diff:
                    print(t.diff)
    if not args.record:
        print(f"{passed} passed, {failed} failed", file=sys.stderr)
    return status
