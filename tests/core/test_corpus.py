"""The labelled reply corpus (tests/data/corpus) and its validator/splitter."""

from __future__ import annotations

import importlib.util
import json
import random
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from trainer.core.rubric import CRITERION_IDS

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_corpus", CORPUS / "build_corpus.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


bc = _load_builder()


def _records() -> list[dict[str, Any]]:
    recs: list[dict[str, Any]] = []
    for half in ("dev", "test"):
        got, errs = bc.read_jsonl(CORPUS / f"{half}.jsonl")
        assert errs == []
        recs.extend(got)
    return recs


def _good(rid: str, labels: list[str] | None = None) -> dict[str, Any]:
    return {
        "id": rid,
        "text": "What breaks first if volume doubles?",
        "moment": "discovery",
        "persona": "ops_lead",
        "buyer_outcomes": [],
        "labels": labels or [],
        "near_miss": [],
    }


def _write(folder: Path, half: str, lines: list[str]) -> None:
    (folder / f"{half}.jsonl").write_text("".join(line + "\n" for line in lines), encoding="utf-8")


def test_committed_corpus_is_valid_and_meets_floors() -> None:
    assert bc.validate() == []


def test_every_id_has_positives_and_near_misses_in_each_half() -> None:
    for half in ("dev", "test"):
        pos, near, clean, total = bc.counts(bc.read_jsonl(CORPUS / f"{half}.jsonl")[0])
        assert all(pos[c] >= 10 and near[c] >= 5 for c in CRITERION_IDS), half
        assert clean >= 40 and total >= 250


def test_texts_are_unique() -> None:
    texts = [r["text"] for r in _records()]
    assert len(texts) == len(set(texts))


def test_context_rules_for_outcome_dependent_ids() -> None:
    for r in _records():
        if "tie_to_outcome" in r["labels"]:
            assert r["buyer_outcomes"], r["id"]
        if "premature_upsell" in r["labels"]:
            assert not r["buyer_outcomes"], r["id"]
            assert r["moment"] in ("prospecting", "discovery"), r["id"]


def test_validator_names_file_and_line(tmp_path: Path) -> None:
    bad_moment = dict(_good("x2"), moment="lunch")
    both = _good("x3", ["stop_rule"])
    both["near_miss"] = ["stop_rule"]
    _write(
        tmp_path,
        "dev",
        [json.dumps(_good("x1")), json.dumps(bad_moment), json.dumps(both), "{not json"],
    )
    _write(tmp_path, "test", [json.dumps(_good("x1", ["made_up_id"]))])
    errs = bc.validate(tmp_path)
    text = "\n".join(errs)
    assert "dev.jsonl:2: field 'moment' has unknown value 'lunch'" in text
    assert "dev.jsonl:3: id(s) stop_rule in both 'labels' and 'near_miss'" in text
    assert "dev.jsonl:4: not valid JSON" in text
    assert "test.jsonl:1: field 'labels' has unknown id(s) made_up_id" in text
    assert any("needs 10" in e for e in errs)


def test_validator_rejects_ids_reused_across_halves(tmp_path: Path) -> None:
    _write(tmp_path, "dev", [json.dumps(_good("same"))])
    _write(tmp_path, "test", [json.dumps(_good("same"))])
    assert any("id same already used in dev.jsonl" in e for e in bc.validate(tmp_path))


def test_validator_reports_missing_fields(tmp_path: Path) -> None:
    rec = _good("y1")
    del rec["persona"]
    _write(tmp_path, "dev", [json.dumps(rec)])
    _write(tmp_path, "test", [])
    assert any(e.startswith("dev.jsonl:1: missing field(s) persona") for e in bc.validate(tmp_path))


def test_split_is_deterministic_disjoint_and_balanced() -> None:
    recs = _records()
    shuffled = recs[:]
    random.Random(7).shuffle(shuffled)
    a, b = bc.split(recs), bc.split(shuffled)
    assert [r["id"] for r in a["dev"]] == [r["id"] for r in b["dev"]]
    dev_ids = {r["id"] for r in a["dev"]}
    test_ids = {r["id"] for r in a["test"]}
    assert not dev_ids & test_ids and len(dev_ids | test_ids) == len(recs)
    assert abs(len(dev_ids) - len(test_ids)) <= len(recs) // 20
    for half in ("dev", "test"):
        pos, near, clean, _ = bc.counts(a[half])
        assert all(pos[c] >= 10 and near[c] >= 5 for c in CRITERION_IDS)
        assert clean >= 40


@pytest.mark.parametrize("half", ["dev", "test"])
def test_write_jsonl_round_trips(tmp_path: Path, half: str) -> None:
    recs = bc.read_jsonl(CORPUS / f"{half}.jsonl")[0][:5]
    out = tmp_path / f"{half}.jsonl"
    bc.write_jsonl(out, recs)
    assert bc.read_jsonl(out) == (recs, [])
    assert not list(tmp_path.glob("*.tmp"))


def _extra() -> list[dict[str, Any]]:
    recs, errs = bc.read_jsonl(CORPUS / "dev_extra.jsonl")
    assert errs == []
    return recs


def test_dev_extra_meets_its_floors() -> None:
    pos, near, clean, total = bc.counts(_extra())
    for cid in CRITERION_IDS:
        if cid in bc.EXTRA_FOCUS_IDS:
            assert pos[cid] >= 25 and near[cid] >= 10, cid
        else:
            assert pos[cid] >= 10, cid
    assert clean >= 60 and total >= 450


def test_dev_extra_ids_and_texts_are_new() -> None:
    extra = _extra()
    ids = [r["id"] for r in extra]
    assert all(bc.EXTRA_ID.fullmatch(i) for i in ids)
    assert len(ids) == len(set(ids))
    assert not set(ids) & {r["id"] for r in _records()}
    half_texts = {r["text"].strip().lower() for r in _records()}
    texts = [r["text"].strip().lower() for r in extra]
    assert len(texts) == len(set(texts))
    repeated = [r["id"] for r, t in zip(extra, texts, strict=True) if t in half_texts]
    assert repeated == []


def test_dev_extra_context_rules_for_outcome_dependent_ids() -> None:
    for r in _extra():
        assert 4 <= len(r["text"].split()) <= 60, r["id"]  # longer call lines (block x6g and others) run past 45 words
        if "tie_to_outcome" in r["labels"]:
            assert r["buyer_outcomes"], r["id"]
        if "premature_upsell" in r["labels"]:
            assert not r["buyer_outcomes"], r["id"]
            assert r["moment"] in ("prospecting", "discovery"), r["id"]


def test_validator_checks_dev_extra_ids_and_texts(tmp_path: Path) -> None:
    _write(tmp_path, "dev", [json.dumps(_good("c0001"))])
    _write(tmp_path, "test", [json.dumps(dict(_good("c0002"), text="Who else signs off?"))])
    reused = dict(_good("c0001"), text="A brand new reply for the tuning file.")
    repeated = dict(_good("x0002"), text="who else signs off? ")
    _write(tmp_path, "dev_extra", [json.dumps(_good("y0001")), json.dumps(reused),
                                   json.dumps(repeated)])
    errs = bc.validate(tmp_path)
    text = "\n".join(errs)
    assert "dev_extra.jsonl:1: id 'y0001' must be 'x' followed by 4 digits" in text
    assert "dev_extra.jsonl:1: text repeats reply c0001" in text
    assert "dev_extra.jsonl:2: id c0001 already used in dev.jsonl" in text
    assert "dev_extra.jsonl:3: text repeats reply c0002" in text
    assert "Who else signs off" not in text  # a test-half reply is never printed
    assert "dev_extra.jsonl: 3 replies, needs 450" in text
    assert "dev_extra.jsonl: confirmshaming has 0 positives, needs 25" in text


def test_validator_reports_bad_dev_extra_lines_and_missing_file(tmp_path: Path) -> None:
    _write(tmp_path, "dev", [])
    _write(tmp_path, "test", [])
    assert "dev_extra.jsonl: file is missing" in bc.validate(tmp_path)
    bad = dict(_good("x0002"), persona="intern")
    _write(tmp_path, "dev_extra", ["{oops", json.dumps(bad), json.dumps(_good("x03"))])
    errs = bc.validate(tmp_path)
    assert "dev_extra.jsonl:1: not valid JSON (Expecting property name enclosed in double quotes)" \
        in errs
    assert "dev_extra.jsonl:2: field 'persona' has unknown value 'intern'" in errs
    # line numbers stay right after lines that could not be read
    assert "dev_extra.jsonl:3: id 'x03' must be 'x' followed by 4 digits" in errs
