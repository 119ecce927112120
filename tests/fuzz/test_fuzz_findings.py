"""What the fuzz found in the coder, each pinned by a test."""
from __future__ import annotations

import pytest

from parley.model import Article


@pytest.mark.xfail(strict=True, reason="issue 14: Coder.code must refuse or clean lone surrogates (parley/pipeline.py)")
def test_a_lone_surrogate_does_not_crash_the_coder(coder):
    # JSON's "\ud800" reads as a lone surrogate, which is no Unicode: spaCy's tokenizer and the sentence encoder's
    # raise on it, and the whole batch is lost. The readers refuse such records (P008), but the library takes any
    # Article.
    text = "Russian drones attacked Kharkiv on Tuesday, officials said. \ud800 Two people were wounded."
    docs = list(coder.code([Article(id="s", text=text, date="2024-03-05"), Article(id="t", text="\udfff")]))
    assert [d.id for d in docs] == ["s", "t"]
