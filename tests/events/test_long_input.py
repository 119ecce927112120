"""Long and hostile text: sentence splitting does work in proportion to the text, a "sentence" of any length is
cut into pieces the parser can take, and one such article never costs the others in its batch."""
from parley.events.segment import MAX_SENTENCE_CHARS, split_sentences
from parley.model import Article


class CountingText(str):
    """A text that counts the characters copied out of it by slicing."""

    copied = 0

    def __getitem__(self, key):
        piece = str.__getitem__(self, key)
        if isinstance(key, slice):
            CountingText.copied += len(piece)
        return piece


def test_splitting_copies_the_text_a_bounded_number_of_times():
    # Every full stop used to search all the text before it for an abbreviation: work grew with the square
    # of the length. Now the characters copied out of the text are a small multiple of its length.
    body = "The U.S. envoy met Gen. Syrskyi and Mr. Umerov in Kyiv. Drones hit Sumy at 3 a.m. on Friday. " * 400
    text = CountingText(body)
    CountingText.copied = 0
    sentences = split_sentences(text)
    assert len(sentences) >= 800
    assert CountingText.copied <= 4 * len(body), CountingText.copied


def test_abbreviations_still_do_not_end_sentences():
    text = "Gen. Zaluzhnyi met U.S. officials. J. Smith of the U.N. said talks went well. Prices rose approx. 3%."
    assert [s.text for s in split_sentences(text)] == [
        "Gen. Zaluzhnyi met U.S. officials.", "J. Smith of the U.N. said talks went well.", "Prices rose approx. 3%."]


def test_a_line_without_punctuation_is_cut_into_pieces_with_exact_offsets():
    words = ["shelling", "near", "the", "village", "continued", "according", "to", "local", "reports,", "and"]
    text = " ".join(words[i % len(words)] for i in range(60_000))  # about 400 KB, no full stop
    pieces = split_sentences(text)
    assert len(pieces) > 100
    assert all(len(p.text) <= MAX_SENTENCE_CHARS for p in pieces)
    assert all(text[p.start:p.end] == p.text for p in pieces)
    assert pieces[-1].end == len(text)
    joined = "".join(text[a.end:b.start] for a, b in zip(pieces, pieces[1:]))
    assert joined.strip() == ""  # nothing but the spaces between pieces is left out


def test_a_run_of_letters_longer_than_the_limit_is_cut_at_the_limit():
    text = "Troops attacked " + "x" * (3 * MAX_SENTENCE_CHARS)
    pieces = split_sentences(text)
    assert all(len(p.text) <= MAX_SENTENCE_CHARS for p in pieces)
    assert "".join(p.text for p in pieces).replace(" ", "") == text.replace(" ", "")


def test_an_article_longer_than_the_parser_takes_does_not_lose_its_batch(coder):
    # One "sentence" of 1.1 million characters: more than spaCy's max_length. It used to raise E088 inside
    # nlp.pipe and lose every article of the batch, the good ones too.
    junk = "Rebels attacked " + " ".join(["convoy"] * 160_000) + "\n"
    good = Article(id="good", text="Russian drones attacked Kharkiv on Tuesday, the governor said.",
                   date="2025-03-04")
    docs = list(coder.code([Article(id="junk", text=junk, date="2025-03-04"), good]))
    assert [d.id for d in docs] == ["junk", "good"]
    assert any(e.event_type == "ASSAULT" for e in docs[1].events)
    assert len(junk) > coder.nlp.max_length


def test_coding_many_articles_adds_no_strings_to_the_vocabulary(coder):
    # Every new word a parse meets used to stay in spaCy's string store for the life of the coder: memory grew
    # with the number of articles. Each chunk is now coded in a memory zone that frees them.
    import itertools

    def articles(start):
        for i in range(start, start + 40):
            yield Article(id=f"m{i}", text=f"Troops of the Zorvak{i} brigade attacked Quellmont{i} on Monday, "
                                           f"officials of Brindor{i} said.", date="2025-03-04")

    list(coder.code(articles(0)))
    before = len(coder.nlp.vocab.strings)
    docs = list(coder.code(itertools.chain(articles(100), articles(200))))
    assert len(docs) == 80 and any(d.events for d in docs)
    assert len(coder.nlp.vocab.strings) == before
