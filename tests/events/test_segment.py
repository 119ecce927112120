"""Sentence splitting keeps exact offsets; the pre-filter finds trigger forms and only them."""
import pytest

from parley.events.lexicon import load_lexicon, noun_forms, verb_forms
from parley.events.segment import blank_editorial, split_sentences, trigger_filter


def test_offsets_index_the_text():
    text = "U.S. President Joe Biden met Mr. Smith on Monday. Talks ended.\n\nA new paragraph starts here."
    sents = split_sentences(text)
    assert [s.text for s in sents] == [
        "U.S. President Joe Biden met Mr. Smith on Monday.", "Talks ended.", "A new paragraph starts here."]
    for s in sents:
        assert text[s.start:s.end] == s.text


@pytest.mark.parametrize("text,n", [
    ("Gen. Ivanov spoke. He left.", 2),
    ("The U.N. Security Council met on Friday.", 1),
    ("Headline without a stop\n\nBody sentence one. Body sentence two!", 3),
    ("He said: \"We will fight.\" Then he left.", 2),
    ("", 0),
])
def test_sentence_counts(text, n):
    assert len(split_sentences(text)) == n


def test_verb_forms_cover_regular_and_irregular_inflections():
    assert {"attack", "attacks", "attacked", "attacking"} <= verb_forms("attack")
    assert {"stopped", "stopping"} <= verb_forms("stop")
    assert {"met", "meets"} <= verb_forms("meet")
    assert {"carries", "carried"} <= verb_forms("carry")
    assert "talks" in noun_forms("talk")


def test_filter_matches_whole_words_only():
    pat = trigger_filter(load_lexicon().word_forms())
    assert pat.search("Russian drones attacked Kyiv overnight")
    assert pat.search("The two sides MET in Geneva")
    assert not pat.search("The weather was mild and sunny across the region")
    assert not pat.search("An attacker-free zone") or pat.search("attack")  # word boundary, not substring


@pytest.mark.parametrize("text,note", [
    ("Militants raided a checkpoint near Gao (coded to Gao town). Two soldiers died.", "(coded to Gao town)"),
    ("Farmers marched on the ministry [size=several hundred] demanding subsidies.", "[size=several hundred]"),
    ("Shelling killed 2 [2 fatalities split among 5 events] in the district.",
     "[2 fatalities split among 5 events]"),
    ("Students rallied outside the court (Coded as two separate events).", "(Coded as two separate events)"),
])
def test_editors_coding_notes_are_blanked_in_place(text, note):
    out = blank_editorial(text)
    assert len(out) == len(text)
    assert note not in out and out.replace(" ", "") == text.replace(note, "").replace(" ", "")


@pytest.mark.parametrize("text", [
    "\"We will not give up [the city],\" the commander said.",
    "He [Lavrov] called the talks useful (a rare word of praise).",
    "The convoy (coding error aside) reached the bridge.",
])
def test_brackets_that_are_news_text_stay(text):
    assert blank_editorial(text) == text


def test_a_coding_note_never_places_the_event(coder):
    from parley.model import Article
    text = "On 3 May 2024, drones struck a fuel depot in Tokmak district (coded to Melitopol). No casualties."
    doc = next(coder.code([Article(id="a", text=text, date="2024-05-04")]))
    names = {e.location.name for e in doc.events if e.location is not None}
    assert names and "Melitopol" not in names
    assert all(text[e.evidence.start:e.evidence.end] == e.evidence.sentence for e in doc.events)


@pytest.mark.parametrize("text,parts", [
    ("Moscow said its troops had taken the village of Sokil; Kyiv did not confirm the claim.",
     ["Moscow said its troops had taken the village of Sokil", "Kyiv did not confirm the claim."]),
    ("The mayor accused the militia of looting the market; the militia denied any part in it.",
     ["The mayor accused the militia of looting the market", "the militia denied any part in it."]),
    ("Losses overnight: Kherson 2; Nikopol 1; Sumy 3.", ["Losses overnight: Kherson 2; Nikopol 1; Sumy 3."]),
    ("Talks resumed in Doha; no breakthrough.", ["Talks resumed in Doha; no breakthrough."]),
])
def test_a_semicolon_between_two_clauses_parts_them(text, parts):
    sents = split_sentences(text)
    assert [s.text for s in sents] == parts
    assert all(text[s.start:s.end] == s.text for s in sents)


def test_a_negated_clause_after_a_semicolon_leaves_the_claim_coded(coder):
    from parley.model import Article
    text = ("The defence ministry said on Tuesday that its troops had captured the village of Pryvilne; "
            "Kyiv did not confirm the report.")
    doc = next(coder.code([Article(id="a", text=text, date="2024-06-05")]))
    assert any(e.trigger == "captured" and e.status == "occurred" for e in doc.events)


def test_the_dateline_is_cut_after_a_headline_of_two_clauses():
    text = ("Doha talks stall over prisoner lists; next round unclear\n\n"
            "DOHA, May 4 (Gulf Wire) - Negotiators for Sudan's army and the RSF met for three hours on Sunday.")
    sents = split_sentences(text)
    lead = next(s for s in sents if "Negotiators" in s.text)
    assert lead.text.startswith("Negotiators") and text[lead.start:lead.end] == lead.text


def test_a_headline_of_two_clauses_is_not_coded(coder):
    from parley.model import Article
    text = ("RSF seizes Kordofan town of En Nahud; thousands flee\n\nPORT SUDAN, Jan 12 — Sudan's paramilitary Rapid "
            "Support Forces said on Saturday they had taken full control of En Nahud. Residents said fighters looted "
            "the market. Aid agencies said hundreds of families had fled the town.")
    events = next(coder.code([Article(id="h", text=text, date="2025-01-12")])).events
    assert events and all(e.evidence.start > text.index("PORT SUDAN") for e in events), \
        [(e.event_type, e.evidence.sentence[:30]) for e in events]


def test_a_lone_headline_is_coded(coder):
    from parley.model import Article
    events = next(coder.code([Article(id="h", text="Army retakes Wad Madani from RSF; thousands return",
                                      date="2025-01-12")])).events
    assert events


def test_a_stamp_alone_on_its_line_stamps_the_post():
    text = "Posts of the regional governor.\n\n07:45\nThe enemy shelled Nikopol overnight.\n\n10:10\nA woman was hurt."
    stamped = [(s.stamp, s.text) for s in split_sentences(text) if s.stamp]
    assert stamped == [("07:45", "The enemy shelled Nikopol overnight."), ("10:10", "A woman was hurt.")]


@pytest.mark.parametrize("dateline", [
    "NAIROBI/GOMA, 4 April 2025 – ", "WARSAW, May 9, 2025 (Reuters) - ", "TBILISI, 2025-02-17 - ",
    "BAMAKO, Mali, Aug 21 — ", "Port Sudan, 10 December 2025 - ", "Cox's Bazar, March 3, 2025 – ",
])
def test_a_dateline_with_a_full_date_is_cut(dateline):
    text = dateline + "The Sahel Relief Network, a group of local charities, condemned the looting of a clinic."
    sents = split_sentences(text)
    assert sents[0].text.startswith("The Sahel Relief Network"), sents[0].text
    assert sents[0].dateline == dateline.strip()


def test_a_short_report_with_no_place_of_its_own_happened_where_it_was_filed(coder):
    from parley.model import Article

    text = "POKROVSK, March 5, 2025 (Reuters) - Artillery fire killed two civilians on Wednesday, police said."
    events = next(coder.code([Article(id="d", text=text, date="2025-03-05")])).events
    attacks = [e for e in events if e.event_type == "ASSAULT"]
    assert attacks and attacks[0].location is not None and attacks[0].location.name == "Pokrovsk", \
        [(e.event_type, e.location) for e in events]


@pytest.mark.parametrize("text", [
    "Kyiv, the capital, was hit again - officials said three people died.",
    "Gaza City, where the strike hit, is home to 600,000 people - most of them displaced.",
])
def test_a_place_in_title_case_with_no_dated_dash_is_no_dateline(text):
    assert split_sentences(text)[0].dateline is None
