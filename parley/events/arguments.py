"""Noun phrases of a dependency parse: which tokens make up an argument, and where it splits into parties.

"U.S. President Donald Trump and Ukrainian President Volodymyr Zelensky" is one argument with two parties;
"the oil depot in southern Russia" is one party whose own words name no country (the place does).
"""
from __future__ import annotations

# Dependencies that stay inside a noun phrase.
_INSIDE = {"compound", "amod", "poss", "case", "det", "nummod", "nmod", "appos", "conj", "cc", "flat", "quantmod",
           "punct", "predet", "npadvmod", "nn", "advmod"}
# Prepositions whose object still belongs to the phrase ("the president of Russia").
_INSIDE_PREPS = {"of"}
# Prepositions that place a thing ("the depot in southern Russia"): used only when nothing else resolves.
PLACE_PREPS = {"in", "near", "at", "outside", "inside", "around", "across", "on"}


def phrase_tokens(head) -> list:
    """Tokens of the noun phrase headed by ``head``: modifiers and conjuncts, no clauses or place phrases."""
    out = []
    stack = [head]
    while stack:
        t = stack.pop()
        out.append(t)
        for c in t.children:
            if c.dep_ in _INSIDE:
                stack.append(c)
            elif c.dep_ == "prep" and c.lower_ in _INSIDE_PREPS:
                stack.extend(c.children)
                out.append(c)
    return sorted(out, key=lambda t: t.i)


def parties(head) -> list[list]:
    """Split the phrase headed by ``head`` into its coordinated parties (one token list each)."""
    tokens = phrase_tokens(head)
    if head.dep_ in ("nsubj", "nsubjpass") and head.i < head.head.i:
        # a subject ends before its verb: what a parse hung on it from after the verb ("artillery ... hit 12 areas
        # ..., four command posts") is no part of it
        tokens = [t for t in tokens if t.i < head.head.i]
    inside = {t.i for t in tokens}
    members = [t for t in tokens if t.i == head.i or (t.dep_ == "conj" and t.head.i in inside)]
    if len(members) == 1:
        return [[t for t in tokens if t.dep_ not in ("cc",) and not _edge_punct(t)]]
    owner: dict[int, int] = {}
    for m in sorted(members, key=lambda m: len(list(m.ancestors))):
        for t in phrase_tokens(m):
            owner[t.i] = m.i  # deeper members are visited later and overwrite: the nearest member owns a token
    groups: dict[int, list] = {m.i: [] for m in members}
    for t in tokens:
        if t.dep_ == "cc" or t.is_punct:
            continue
        groups[owner.get(t.i, head.i)].append(t)
    return [g for g in groups.values() if g]


def _edge_punct(t) -> bool:
    return t.is_punct


def place_objects(head) -> list:
    """Objects of the place prepositions attached to ``head`` ("in southern Russia" -> Russia)."""
    out = []
    for c in head.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            out.extend(p for p in c.children if p.dep_ == "pobj")
    return out
