"""A party denying an act of its own ("Kigali denies backing the rebels", "Moscow denied that its forces struck
the hospital") rejects the claim: one REJECT by the denier, against whoever made the claim; the act it denies
stays negated (a story of that act keeps the denial and is marked disputed). A denial whose object is a request
or an entry stays the refusal it is. Sentences written for this test."""
import pytest

from parley.model import Article

CASES = [
    # (text, denier, who the denial answers or None when no one is named)
    ("Kyiv accused Russian forces of shelling a maternity ward in Kherson. The Russian defence ministry denied "
     "that its troops had fired on the hospital.", "RUS", "UKR"),
    ("Seoul blamed Pyongyang for jamming GPS signals near the border; North Korea denied jamming anything.",
     "PRK", "KOR"),
    ("Addis Ababa again denies sending soldiers across the border into Eritrea.", "ETH", None),
    ("The Houthis accused Washington of bombing a fuel port. The Pentagon denied that its aircraft had struck civilian sites.",
     "USA", "YEM"),
    ("Beijing denied supplying drones to Moscow, a spokesman told a regular briefing.", "CHN", None),
]


def _code(coder, text):
    return next(coder.code([Article(id="d", text=text, date="2025-05-10")])).events


@pytest.mark.parametrize("text,denier,accuser", CASES, ids=[c[1] for c in CASES])
def test_a_denied_act_is_a_rejection_by_the_denier(coder, text, denier, accuser):
    events = _code(coder, text)
    last = text.split(". ")[-1].split("; ")[-1]
    mine = [e for e in events if e.evidence.sentence.rstrip(".").endswith(last.rstrip(".")[-20:])
            or last[:30] in e.evidence.sentence]
    rejects = [e for e in mine if e.event_type == "REJECT" and denier in {a.country for a in e.actor}]
    assert rejects, [(e.event_type, e.evidence.sentence) for e in events]
    if accuser:
        assert accuser in {r.country for r in rejects[0].recipient}
    # the act denied is never reported as having happened (it stays, negated, for the story it disputes)
    assert not [e for e in mine if e.event_type not in ("REJECT",) and e.status == "occurred"
                and denier in {a.country for a in e.actor}], [(e.event_type, e.status) for e in mine]


def test_the_accusation_stands(coder):
    events = _code(coder, CASES[0][0])
    assert any(e.event_type == "ACCUSE" and {a.country for a in e.actor} == {"UKR"} for e in events)


@pytest.mark.parametrize("text,actor", [
    ("Israel denied entry to the UN special rapporteur.", "ISR"),
    ("The court denied bail to the opposition leader in Minsk.", "BLR"),
])
def test_denying_a_request_is_still_a_refusal(coder, text, actor):
    events = _code(coder, text)
    assert [e for e in events if e.event_type == "REJECT" and e.status == "occurred"], \
        [(e.event_type, e.status) for e in events]
