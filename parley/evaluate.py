"""``parley evaluate GOLD [PRED]``: score parley's output against gold records.

GOLD is JSON Lines, one record per line with ``id``, ``text``, ``date``, ``dataset`` and the gold fields
of one of three kinds, recognised by their shape:

* ``events``: PLOVER-style gold events, each ``{"type", "source": [{"code"}], "target": [{"code"}]}``;
* ``acled``: an ACLED event record (``event_type``, ``sub_event_type``, ``latitude``, ``longitude``,
  ``fatalities``, ``event_date_iso``);
* ``subtype``: a CASE 2021 task 2 label (the ACLED sub-event type under its CASE name).

Records are scored in groups by their ``dataset`` (the kind's name when there is none). PRED is parley's
JSON Lines output; without it GOLD's texts are coded here first. The definitions are those of the
project's reference scorer:

* a document's main event is its first event; figures on ACLED types read its first event that has one;
* PLOVER types are compared as the sets of types per document (micro P/R/F1 over those sets); the main
  type is right when it is one of the gold types; actor and recipient codes are checked on the first
  predicted event of each gold event's type, a code family (IGO, NGO, IMG/ISM) accepting its members;
* weighted F1 is the mean of per-label F1 weighted by gold support over the gold labels (for CASE 2021:
  over its 25 ACLED-derived labels, gold records with other labels being left out);
* a place is right within 50 km (great-circle distance, Earth radius 6371 km).
"""
from __future__ import annotations

import contextlib
import json
import re
import sys
import unicodedata
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from parley.errors import Errors, InputError
from parley.ground.places import haversine_km

NONE = "NONE"
"""The label of a document with no (main, or ACLED) event."""

# ACLED sub-event type -> CASE 2021 task 2 label.
CASE_LABELS = {
    "Abduction/forced disappearance": "ABDUCT_DISSAP", "Agreement": "AGREEMENT",
    "Air/drone strike": "AIR_STRIKE", "Armed clash": "ARMED_CLASH", "Arrests": "ARREST",
    "Shelling/artillery/missile attack": "ART_MISS_ATTACK", "Attack": "ATTACK",
    "Change to group/activity": "CHANGE_TO_GROUP_ACT", "Chemical weapon": "CHEM_WEAP",
    "Disrupted weapons use": "DISR_WEAP", "Excessive force against protesters": "FORCE_AGAINST_PROTEST",
    "Government regains territory": "GOV_REGAINS_TERIT", "Grenade": "GRENADE",
    "Headquarters or base established": "HQ_ESTABLISHED", "Mob violence": "MOB_VIOL",
    "Non-state actor overtakes territory": "NON_STATE_ACTOR_OVERTAKES_TER",
    "Non-violent transfer of territory": "NON_VIOL_TERRIT_TRANSFER", "Other": "OTHER",
    "Peaceful protest": "PEACE_PROTEST", "Looting/property destruction": "PROPERTY_DISTRUCT",
    "Protest with intervention": "PROTEST_WITH_INTER", "Remote explosive/landmine/IED": "REM_EXPLOS",
    "Sexual violence": "SEX_VIOL", "Suicide bomb": "SUIC_BOMB", "Violent demonstration": "VIOL_DEMONSTR",
}

# A gold code that names a family of organisations accepts any member's code (or that sector).
_IGO = ("IGO UN UNO NATO EU AU ASEAN OSCE OPEC ECOWAS IAEA WHO IMF WB G7 G8 G20 OAS ARL APEC OIC SCO BRICS EC EEC "
        "COE UNSC UNHCR UNICEF WFP ICC ICJ WTO SADC IGAD CIS CSTO GCC PIF INTERPOL")
CODE_FAMILIES = {"IGO": frozenset(_IGO.split()), "NGO": frozenset("NGO ICRC IFRC MSF AMNESTY HRW OXFAM".split()),
                 "IMG": frozenset({"IMG", "ISM"}), "ISM": frozenset({"IMG", "ISM"})}

NEAR_KM = 50.0
TOP_CONFUSIONS = 8
_JSON_KINDS = {list: "array", str: "string", int: "number", float: "number", bool: "boolean", type(None): "null"}


# --------------------------------------------------------------------------- reading
def _json_objects(path: str, code: str) -> Iterator[tuple[int, dict]]:
    """(line number, object) for each non-blank line; ``code`` (P015/P016) for a line that is not one."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            for lineno, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise _bad(code, path, lineno, f"is not valid JSON ({exc.msg} at column {exc.colno})") from None
                if not isinstance(obj, dict):
                    kind = _JSON_KINDS.get(type(obj), type(obj).__name__)
                    raise _bad(code, path, lineno, f"is a JSON {kind}, not an object")
                yield lineno, obj
    except FileNotFoundError:
        raise InputError("P001", path, Errors.P001) from None
    except OSError as exc:  # a folder, no permission, ...
        raise InputError("P001", path, exc.strerror or str(exc)) from None
    except UnicodeDecodeError as exc:
        raise InputError("P008", path, Errors.P008.format(reason=exc.reason)) from None


def _bad(code: str, path: str, lineno: int, reason: str) -> InputError:
    return InputError(code, f"{path}:{lineno}", getattr(Errors, code).format(line=lineno, reason=reason))


def kind_of(record: dict) -> str | None:
    """Which kind of gold a record holds: plover, acled, case2021, or None."""
    if "acled" in record:
        return "acled"
    if "subtype" in record:
        return "case2021"
    if "events" in record:
        return "plover"
    return None


def _gold_problem(record: dict, kind: str | None, need_text: bool) -> str | None:
    """What is wrong with a gold record, or None."""
    if record.get("id") in (None, ""):
        return "has no 'id'"
    if need_text and not (isinstance(record.get("text"), str) and record["text"].strip()):
        return "has no 'text' to code (give PRED, or add the text)"
    if kind == "acled":
        a = record["acled"]
        if not isinstance(a, dict) or not all(isinstance(a.get(k), str) for k in ("event_type", "sub_event_type")):
            return "has an 'acled' field without string 'event_type' and 'sub_event_type'"
    elif kind == "case2021" and not isinstance(record["subtype"], str):
        return "has a 'subtype' that is not a string"
    elif kind == "plover":
        events = record["events"]
        if not isinstance(events, list) or not all(isinstance(e, dict) and isinstance(e.get("type"), str)
                                                   for e in events):
            return "has 'events' that are not a list of objects with a string 'type'"
        for e in events:
            for role in ("source", "target"):
                if not isinstance(e.get(role) or [], list) or not all(isinstance(p, dict) for p in e.get(role) or []):
                    return f"has an event whose '{role}' is not a list of objects"
    return None


def read_gold(path: str, need_text: bool = False) -> list[dict]:
    """The gold records of ``path`` in file order; P015 names the first bad line, P003 an empty file."""
    records, kinds = [], {}
    for lineno, record in _json_objects(path, "P015"):
        kind = kind_of(record)
        problem = _gold_problem(record, kind, need_text)
        group = record.get("dataset") or kind or "unknown"
        if problem is None and kinds.setdefault(group, kind) != kind:
            problem = f"is a {kind} record, but dataset {group!r} holds {kinds[group]} records"
        if problem:
            raise _bad("P015", path, lineno, problem)
        records.append(record)
    if not records:
        raise InputError("P003", path, Errors.P003)
    return records


def read_predictions(path: str) -> dict[str, dict]:
    """parley's JSON Lines output by document id (the last line of an id wins)."""
    docs = {}
    for lineno, doc in _json_objects(path, "P016"):
        events = doc.get("events") or []
        if doc.get("id") is None:
            raise _bad("P016", path, lineno, "has no 'id'")
        if not isinstance(events, list) or not all(isinstance(e, dict) for e in events):
            raise _bad("P016", path, lineno, "has 'events' that are not a list of objects")
        docs[str(doc["id"])] = doc
    return docs


def code_gold(path: str, date: str | None = None, save: str | None = None, coder: Any = None) -> dict[str, dict]:
    """Code the texts of a gold file with parley (record dates honoured, ``date`` for the rest)."""
    from parley.ingest.records import read_jsonl
    from parley.model import Article, to_dict
    from parley.pipeline import Coder

    def articles() -> Iterator[Article]:
        for item in read_jsonl(Path(path), path):
            if isinstance(item, Article):
                item.date = item.date or date
                yield item

    docs = {}
    with open(save, "w", encoding="utf-8") if save else contextlib.nullcontext() as out:
        for doc in (coder or Coder()).code(articles()):
            docs[doc.id] = to_dict(doc)
            if out:
                out.write(json.dumps(docs[doc.id], ensure_ascii=False) + "\n")
    return docs


# --------------------------------------------------------------------------- measures
def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where undefined)."""
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _row(tp: int, fp: int, fn: int) -> dict:
    p, r, f = prf(tp, fp, fn)
    return {"precision": p, "recall": r, "f1": f, "support": tp + fn}


def label_table(gold: list[str], pred: list[str], labels: list[str]) -> dict[str, dict]:
    """Per-label precision, recall, F1 and gold support of single-label predictions."""
    tp, fp, fn = Counter(), Counter(), Counter()
    for g, p in zip(gold, pred):
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    return {lab: _row(tp[lab], fp[lab], fn[lab]) for lab in labels}


def weighted_f1(table: dict[str, dict], labels: list[str]) -> tuple[float, float]:
    """(F1 averaged with gold support as weights, plain mean F1) over ``labels`` in that order."""
    total = sum(table[lab]["support"] for lab in labels)
    weighted = sum(table[lab]["f1"] * table[lab]["support"] for lab in labels)
    macro = sum(table[lab]["f1"] for lab in labels) / len(labels) if labels else 0.0
    return (weighted / total if total else 0.0), macro


def confusions(pairs: Counter) -> list[dict]:
    """The most common (gold, predicted) pairs that differ, most frequent first."""
    wrong = [(pair, n) for pair, n in pairs.most_common() if pair[0] != pair[1]]
    return [{"gold": g, "predicted": p, "count": n} for (g, p), n in wrong[:TOP_CONFUSIONS]]


def fold(text: str | None) -> str:
    """Lower-case ASCII words separated by single spaces ("Air/drone strike" -> "air drone strike")."""
    text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def _code_right(entities: Any, gold_codes: set[str]) -> bool:
    """Whether some entity carries one of the gold codes (or a member of its family, or it as sector)."""
    for ent in [entities] if isinstance(entities, dict) else entities or []:
        code = ent.get("country") or ent.get("code")
        for want in gold_codes:
            family = CODE_FAMILIES.get(want, frozenset())
            if code == want or (family and (code in family or ent.get("sector") == want)):
                return True
    return False


def _acled_event(doc: dict | None) -> dict:
    return next((e for e in (doc or {}).get("events") or []
                 if e.get("acled_sub_event_type") or e.get("acled_event_type")), {})


def _int(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


# --------------------------------------------------------------------------- scorers
def score_plover(gold: list[dict], preds: dict[str, dict]) -> dict:
    tp, fp, fn, pairs = Counter(), Counter(), Counter(), Counter()
    main_right = codes_right = codes_scored = 0
    for record in gold:
        events = (preds.get(str(record["id"])) or {}).get("events") or []
        want = {e["type"] for e in record["events"]}
        got = {e.get("event_type") for e in events}
        for t in want | got:
            (tp if t in want and t in got else fn if t in want else fp)[t] += 1
        main = events[0].get("event_type") if events else NONE
        main_right += main in want
        pairs.update((t, main) for t in want)
        for ge in record["events"]:
            hit = next((e for e in events if e.get("event_type") == ge["type"]), None)
            if hit is None:
                continue
            for role, field in (("source", "actor"), ("target", "recipient")):
                codes = {p.get("code") for p in ge.get(role) or [] if p.get("code")}
                if codes:
                    codes_scored += 1
                    codes_right += _code_right(hit.get(field), codes)
    p, r, f = prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    types = sorted(t for t in set(tp) | set(fp) | set(fn) if isinstance(t, str))
    return {"kind": "plover", "records": len(gold), "precision": p, "recall": r, "f1": f,
            "main_accuracy": main_right / len(gold), "dyad": codes_right / max(1, codes_scored),
            "counts": {"main_right": main_right, "codes_right": codes_right, "codes_scored": codes_scored},
            "per_type": {t: _row(tp[t], fp[t], fn[t]) for t in types}, "confusions": confusions(pairs)}


def score_case(gold: list[dict], preds: dict[str, dict]) -> dict:
    by_folded = {fold(name): label for name, label in CASE_LABELS.items()}
    labels = sorted(by_folded.values())
    scored = [r for r in gold if r["subtype"] in labels]
    g = [r["subtype"] for r in scored]
    p = [by_folded.get(fold(_acled_event(preds.get(str(r["id"]))).get("acled_sub_event_type")), NONE)
         for r in scored]
    table = label_table(g, p, labels)
    weighted, macro = weighted_f1(table, labels)
    return {"kind": "case2021", "records": len(gold), "scored": len(g), "weighted_f1": weighted, "macro_f1": macro,
            "accuracy": sum(a == b for a, b in zip(g, p)) / max(1, len(g)),
            "left_out": dict(Counter(r["subtype"] for r in gold if r["subtype"] not in labels)),
            "per_type": {lab: row for lab, row in table.items() if row["support"] or lab in p},
            "confusions": confusions(Counter(zip(g, p)))}


# ACLED's editorial notes on deaths spread across events ("[4 fatalities split across 22 events]"): no text
# states such a toll, so these notes are left out of "fatalities exact", as the reference scorer does.
ALLOCATED = re.compile(r"split (?:across|between)|coded to this event", re.I)


def score_acled(gold: list[dict], preds: dict[str, dict]) -> dict:
    et_g, et_p, sub_g, sub_p = [], [], [], []
    n = {"located": 0, "near": 0, "dated": 0, "deadly": 0, "deaths_right": 0, "calm": 0, "calm_right": 0,
         "allocated": 0}
    for record in gold:
        a = record["acled"]
        e = _acled_event(preds.get(str(record["id"])))
        et_g.append(a["event_type"])
        et_p.append(e.get("acled_event_type") or NONE)
        sub_g.append(a["sub_event_type"])
        sub_p.append(e.get("acled_sub_event_type") or NONE)
        n["dated"] += bool(a.get("event_date_iso")) and e.get("date") == a["event_date_iso"]
        if a.get("latitude") and a.get("longitude"):
            n["located"] += 1
            place = e.get("location") or {}
            try:
                km = haversine_km(float(a["latitude"]), float(a["longitude"]), float(place["lat"]), float(place["lon"]))
                n["near"] += km <= NEAR_KM
            except (KeyError, TypeError, ValueError):
                pass
        want, got = _int(a.get("fatalities")), _int(e.get("fatalities"))
        if ALLOCATED.search(record.get("text") or ""):
            n["allocated"] += 1  # ACLED's editors spread one report's deaths over several events: not in the text
        elif want:
            n["deadly"] += 1
            n["deaths_right"] += got == want
        else:
            n["calm"] += 1
            n["calm_right"] += got == 0
    types = label_table(et_g, et_p, sorted(set(et_g) | set(et_p) - {NONE}))
    subs = label_table(sub_g, sub_p, sorted(set(sub_g) | set(sub_p) - {NONE}))
    sub_weighted, sub_macro = weighted_f1(subs, sorted(set(sub_g)))
    return {"kind": "acled", "records": len(gold),
            "event_type_accuracy": sum(x == y for x, y in zip(et_g, et_p)) / len(gold),
            "sub_event_weighted_f1": sub_weighted, "sub_event_macro_f1": sub_macro,
            "location": n["near"] / max(1, n["located"]), "fatalities": n["deaths_right"] / max(1, n["deadly"]),
            "no_invented_deaths": n["calm_right"] / max(1, n["calm"]), "date": n["dated"] / len(gold),
            "counts": n, "per_event_type": types, "per_type": subs,
            "confusions": confusions(Counter(zip(sub_g, sub_p)))}


SCORERS = {"plover": score_plover, "acled": score_acled, "case2021": score_case}


def evaluate(gold: list[dict], preds: dict[str, dict]) -> dict[str, dict]:
    """Figures per dataset of ``gold`` (groups of a kind parley evaluate does not know are left out)."""
    groups: dict[str, list[dict]] = {}
    for record in gold:
        groups.setdefault(record.get("dataset") or kind_of(record) or "unknown", []).append(record)
    results = {}
    for name, rows in groups.items():
        kind = kind_of(rows[0])
        if kind in SCORERS:
            results[name] = SCORERS[kind](rows, preds)
            results[name]["missing"] = sum(str(r["id"]) not in preds for r in rows)
        else:
            print(f"parley: dataset {name!r} has no gold fields parley evaluate knows (events, acled, subtype); "
                  "not scored", file=sys.stderr)
    return results


# --------------------------------------------------------------------------- report
def _table(rows: dict[str, dict], title: str) -> list[str]:
    lines = [f"  {title:<32} {'P':>5} {'R':>5} {'F1':>5} {'gold':>5}"]
    lines += [f"  {lab:<32} {r['precision']:5.2f} {r['recall']:5.2f} {r['f1']:5.2f} {r['support']:5d}"
              for lab, r in rows.items()]
    return lines


def _ratio(label: str, right: int, total: int) -> str:
    return f"  {label} {right}/{total} = {right / max(1, total):.2f}"


def format_report(results: dict[str, dict]) -> str:
    """The figures for people: one block per dataset."""
    out = []
    for name, r in results.items():
        c = r.get("counts", {})
        out.append(f"{name} ({r['kind']}, {r['records']} records" + (f", {r['missing']} without a prediction)"
                                                                     if r["missing"] else ")"))
        if r["kind"] == "plover":
            out.append(f"  event types (sets per document): micro P {r['precision']:.2f} R {r['recall']:.2f} "
                       f"F1 {r['f1']:.2f}")
            out.append(_ratio("main event type right", c["main_right"], r["records"]))
            out.append(_ratio("actor/recipient codes right (on matched types)", c["codes_right"], c["codes_scored"]))
        elif r["kind"] == "case2021":
            out.append(f"  {r['scored']} records of the 25 ACLED sub-types: accuracy {r['accuracy']:.2f}, "
                       f"weighted F1 {r['weighted_f1']:.3f}, macro F1 {r['macro_f1']:.2f}")
            if r["left_out"]:
                out.append("  left out (labels that are no ACLED sub-type): "
                           + ", ".join(f"{k} {v}" for k, v in sorted(r["left_out"].items())))
        else:
            out.append(f"  event type accuracy {r['event_type_accuracy']:.2f}, sub-event type weighted F1 "
                       f"{r['sub_event_weighted_f1']:.2f}")
            out.append(_ratio("location within 50 km", c["near"], c["located"]))
            out.append(_ratio("fatalities exact where deaths are reported", c["deaths_right"], c["deadly"]))
            out.append(_ratio("no deaths invented where none are reported", c["calm_right"], c["calm"]))
            out.append(_ratio("main event date right", c["dated"], r["records"]))
            out += _table(r["per_event_type"], "ACLED event type")
        out += _table(r["per_type"], "event type" if r["kind"] == "plover" else "sub-event type")
        pairs = ", ".join(f"{x['gold']}->{x['predicted']} {x['count']}" for x in r["confusions"])
        out.append(f"  most common confusions (gold->predicted): {pairs or 'none'}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def run(gold_path: str, pred_path: str | None = None, *, as_json: bool = False, date: str | None = None,
        save: str | None = None, coder: Any = None) -> tuple[str, dict]:
    """Read (or code) and score; the text to print and the figures."""
    gold = read_gold(gold_path, need_text=pred_path is None)
    preds = read_predictions(pred_path) if pred_path else code_gold(gold_path, date, save, coder)
    results = evaluate(gold, preds)
    return (json.dumps(results) + "\n" if as_json else format_report(results)), results
