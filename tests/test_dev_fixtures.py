"""The development articles and sentences (tests/fixtures/articles_dev, tests/fixtures/sentences_dev) are gold that
score.py can read: every anchor occurs once in its article, every type is a PLOVER type, every party's words
occur in their sentence; a sentence with no event is gold "NONE" with no parties (mixed.jsonl)."""
import json
from pathlib import Path

import pytest

from parley.events.lexicon import PLOVER_TYPES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOLDS = sorted((FIXTURES / "articles_dev").glob("*.gold.json"))
SENTENCES = sorted((FIXTURES / "sentences_dev").glob("*.jsonl"))


def test_there_are_development_sets():
    assert len(GOLDS) >= 75 and len(SENTENCES) == 3


@pytest.mark.parametrize("path", GOLDS, ids=lambda p: p.name)
def test_an_article_gold_is_well_formed(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    text = (path.parent / gold["text_file"]).read_text(encoding="utf-8")
    assert gold["id"] == gold["text_file"]
    keys = [e["key"] for e in gold["events"]]
    assert len(keys) == len(set(keys))
    for e in gold["events"]:
        assert text.count(e["anchor"]) == 1, e["key"]
        assert set(e["type"]) <= set(PLOVER_TYPES), e["key"]


@pytest.mark.parametrize("path", SENTENCES, ids=lambda p: p.name)
def test_a_sentence_set_is_well_formed(path):
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 100 and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        (event,) = r["events"]
        assert event["type"] in PLOVER_TYPES or (event["type"] == "NONE" and not event["source"] + event["target"])
        for party in event["source"] + event["target"]:
            assert party["text"] in r["text"], r["id"]
