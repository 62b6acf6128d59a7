"""trainer.core.scoring.evaluation: corpus loading and per-id metrics."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from trainer.core.findings import Finding, ScoreContext
from trainer.core.rubric import CRITERION_IDS
from trainer.core.scoring.evaluation import (
    CorpusError,
    Example,
    IdMetrics,
    corpus_stats,
    evaluate,
    format_table,
    load_corpus,
    load_split,
    parse_example,
)


def _line(**kw: object) -> str:
    base: dict[str, object] = {
        "id": "x1",
        "text": "hello",
        "moment": "demo",
        "persona": "p",
        "buyer_outcomes": [],
        "labels": [],
        "near_miss": [],
    }
    base.update(kw)
    return json.dumps(base)


def test_metrics_arithmetic() -> None:
    m = IdMetrics("stop_rule", tp=3, fp=1, fn=2)
    assert m.support == 5
    assert m.precision == pytest.approx(0.75)
    assert m.recall == pytest.approx(0.6)
    assert m.f1 == pytest.approx(2 * 0.75 * 0.6 / 1.35)


def test_an_id_never_labelled_nor_predicted_is_perfect() -> None:
    m = IdMetrics("stop_rule", tp=0, fp=0, fn=0)
    assert (m.precision, m.recall, m.f1) == (1.0, 1.0, 1.0)
    assert IdMetrics("stop_rule", tp=0, fp=2, fn=0).precision == 0.0


def _fake_scorer(text: str, ctx: ScoreContext | None) -> list[Finding]:
    if "deadline" in text:
        return [Finding("pressure_tactics", "avoid", 0, 1, text[0], "fake.rule")]
    return []


def _ex(text: str, labels: set[str]) -> Example:
    return Example("e", text, "demo", None, (), frozenset(labels), frozenset())


def test_evaluate_counts_per_id_and_lists_misses() -> None:
    report = evaluate(
        [
            _ex("a deadline", {"pressure_tactics"}),  # tp
            _ex("deadline again", set()),  # fp
            _ex("calm", {"pressure_tactics", "stop_rule"}),  # two fn
        ],
        _fake_scorer,
    )
    p = report.per_id["pressure_tactics"]
    assert (p.tp, p.fp, p.fn) == (1, 1, 1)
    assert report.per_id["stop_rule"].fn == 1
    assert sorted((m.kind, m.criterion) for m in report.misses) == [
        ("fn", "pressure_tactics"),
        ("fn", "stop_rule"),
        ("fp", "pressure_tactics"),
    ]
    assert report.examples == 3
    # 17 ids are perfect (1.0), pressure 0.5, stop_rule 0.0
    assert report.macro_f1 == pytest.approx((17 + 0.5) / 19)
    table = format_table(report)
    assert table.splitlines()[0].split() == ["id", "precision", "recall", "F1", "support"]
    assert all(c in table for c in CRITERION_IDS)
    assert "macro-F1" in table


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "invalid JSON"),
        ("[]", "expected a JSON object"),
        (_line(text=""), "field 'text'"),
        (_line(moment="lunch"), "field 'moment'"),
        (_line(labels=["nope"]), "unknown ids"),
        (_line(buyer_outcomes="x"), "buyer_outcomes"),
    ],
)
def test_bad_lines_name_file_line_and_field(line: str, message: str) -> None:
    with pytest.raises(CorpusError, match=message) as err:
        parse_example(line, "dev.jsonl:7")
    assert str(err.value).startswith("dev.jsonl:7:")


def test_load_split_reads_both_halves(tmp_path: Path) -> None:
    (tmp_path / "dev.jsonl").write_text(
        _line(id="d1", labels=["stop_rule"]) + "\n\n", encoding="utf-8"
    )
    (tmp_path / "test.jsonl").write_text(
        _line(id="t1", near_miss=["stop_rule"]) + "\n", encoding="utf-8"
    )
    assert [e.id for e in load_split(tmp_path, "all")] == ["d1", "t1"]
    dev = load_corpus(tmp_path / "dev.jsonl")
    assert dev[0].labels == frozenset({"stop_rule"})
    assert dev[0].context() == ScoreContext(moment="demo", buyer_outcomes=())
    stats = corpus_stats(load_split(tmp_path, "all"))
    assert stats.replies == 2 and stats.clean == 1
    assert stats.positives["stop_rule"] == 1 and stats.near_misses["stop_rule"] == 1
    assert stats.moments == frozenset({"demo"})
    with pytest.raises(ValueError):
        load_split(tmp_path, "train")


def test_dev_split_adds_dev_extra_when_present(tmp_path: Path) -> None:
    (tmp_path / "dev.jsonl").write_text(_line(id="d1") + "\n", encoding="utf-8")
    (tmp_path / "test.jsonl").write_text(_line(id="t1") + "\n", encoding="utf-8")
    assert [e.id for e in load_split(tmp_path, "dev")] == ["d1"]
    (tmp_path / "dev_extra.jsonl").write_text(_line(id="x0001") + "\n", encoding="utf-8")
    assert [e.id for e in load_split(tmp_path, "dev")] == ["d1", "x0001"]
    assert [e.id for e in load_split(tmp_path, "dev-core")] == ["d1"]
    assert [e.id for e in load_split(tmp_path, "all")] == ["d1", "x0001", "t1"]
    with pytest.raises(ValueError, match="unknown split"):
        load_split(tmp_path, "train")
