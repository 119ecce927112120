"""What the fuzz found in the coder, each pinned by a test."""
from __future__ import annotations

from parley.model import Article


def test_a_lone_surrogate_does_not_crash_the_coder(coder):
    # JSON's "\ud800" reads as a lone surrogate, which is no Unicode: spaCy's tokenizer and the sentence encoder's
    # raise on it, and the whole batch is lost. The readers refuse such records (P008), but the library takes any
    # Article.
    text = "Russian drones attacked Kharkiv on Tuesday, officials said. \ud800 Two people were wounded."
    docs = list(coder.code([Article(id="s", text=text, date="2024-03-05"), Article(id="t", text="\udfff")]))
    assert [d.id for d in docs] == ["s", "t"]
    assert any(e.event_type == "ASSAULT" for e in docs[0].events)
    for e in docs[0].events:  # offsets still index the text: the surrogate became one U+FFFD
        assert e.evidence.sentence == text[e.evidence.start:e.evidence.end].replace("\ud800", "\ufffd")
