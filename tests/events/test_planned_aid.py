"""A party's plain statement that it will deliver aid or arms ("Germany would deliver more IRIS-T systems to
Ukraine") is the delivery, planned (AID), not a promise coded as AGREE; being "ready to" give it is a willingness
(AGREE), and a delivery made conditional is a commitment too. Sentences written for this test."""
import pytest

from tests.events.helpers import coded as _code
from tests.events.helpers import countries


@pytest.mark.parametrize("text", [
    "Spain's defence minister said Madrid would supply Ukraine with six more Leopard tanks next month.",
    "Canada will deliver 40 armoured vehicles to Ukraine by the end of the year, the defence ministry said.",
])
def test_a_planned_delivery_is_aid_planned(coder, text):
    found = [e for e in _code(coder, text) if e.event_type in ("AID", "AGREE")]
    assert found and found[0].event_type == "AID" and found[0].status in ("planned", "intended"), \
        [(e.event_type, e.status) for e in found]
    assert "UKR" in countries(found[0].recipient)


def test_readiness_to_give_is_a_willingness(coder):
    text = "Brazil is ready to contribute up to 800 troops to a peacekeeping force in Haiti, its minister said."
    found = [e for e in _code(coder, text) if e.event_type in ("AID", "AGREE", "COOPERATE")]
    assert found and found[0].event_type == "AGREE", [(e.event_type, e.status) for e in found]
