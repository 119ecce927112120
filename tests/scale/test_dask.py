"""parley.scale: coding on a Dask LocalCluster of 2 worker processes gives exactly the single-process output."""
from __future__ import annotations

import json
import random

import pytest

pytest.importorskip("distributed")

from parley.model import Article, to_dict  # noqa: E402
from parley.scale import code_dask, worker_coder  # noqa: E402

ACTORS = ["Russian forces", "Ukraine's army", "Israeli aircraft", "Hamas fighters", "Sudan's army", "The RSF",
          "Indian police", "Protesters in Nairobi", "The United States", "China", "Turkey's president",
          "Rebels in eastern Congo"]
TARGETS = ["Kharkiv", "a village near Gaza City", "positions in Khartoum", "a market in Goma", "the parliament",
           "Taiwan", "Iran", "the capital", "a refugee camp", "the border town of Kupiansk"]
LEADS = [
    "{a} attacked {t} on {d}, killing {n} people, officials said.",
    "{a} shelled {t} overnight, wounding {n} civilians, the governor said on {d}.",
    "{a} accused {b} of violating the ceasefire on {d}.",
    "{a} agreed with {b} on {d} to exchange {n} prisoners after talks in Istanbul.",
    "{a} threatened to strike {t} if the blockade was not lifted.",
    "{a} arrested {n} demonstrators in {t} on {d}, police said.",
    "{a} met {b} in Doha on {d} to discuss a truce.",
    "{a} imposed sanctions on {b} on {d}.",
    "Thousands marched through {t} on {d} to demand an end to the war.",
    "{a} denied launching drones at {t}.",
]
FOLLOW = [
    "The attack came hours after talks in Geneva broke down.",
    "A spokesman said the talks would resume next week.",
    "Officials said {n} buildings were damaged.",
    "The United Nations called for restraint.",
    "It was the third such incident this month.",
    "The ministry did not comment.",
]
QUIET = ["The football club won 3-1 on Saturday in front of {n} fans.",
         "Shares rose on Monday as investors awaited the central bank's decision.",
         "The film festival opened in Cannes with a comedy."]


def articles(count: int, seed: int = 16) -> list[Article]:
    """``count`` varied short articles built from templates, each distinct."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        day = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        fill = dict(a=rng.choice(ACTORS), b=rng.choice(ACTORS), t=rng.choice(TARGETS), n=rng.randint(2, 90),
                    d=rng.choice(["Monday", "Tuesday", "Friday", "Sunday", "March 3"]))
        if i % 17 == 0:
            sentences = [rng.choice(QUIET)]
        else:
            sentences = [rng.choice(LEADS)] + rng.sample(FOLLOW, rng.randint(0, 3))
        text = " ".join(s.format(**fill) for s in sentences) + f" (report {i})"
        out.append(Article(id=f"a{i:03d}", text=text, title=f"Report {i}" if i % 3 else None, date=day,
                           outlet="Test Wire" if i % 2 else None))
    return out


def as_json(docs) -> list[str]:
    return [json.dumps(to_dict(d), sort_keys=True) for d in docs]


def test_two_workers_give_the_single_process_output(client, coder):
    arts = articles(200)
    expected = as_json(coder.code(arts))
    done = []
    got = as_json(code_dask(arts, client=client, options=coder.options, partition=16, progress=done.append))
    assert len(got) == 200
    assert got == expected
    assert sum(1 for d in expected if '"events": []' not in d) > 100  # the articles do code into events
    assert done[-1] == 200 and done == sorted(done)


def test_a_failing_article_does_not_lose_its_partition(client, coder):
    arts = articles(30, seed=3)
    bad = Article(id="bad", text=12345)  # not text: the coder raises on it
    got = list(code_dask(arts[:10] + [bad] + arts[10:], client=client, options=coder.options, partition=8))
    assert [d.id for d in got] == [a.id for a in arts]
    assert as_json(got) == as_json(coder.code(arts))


def test_one_partition_in_flight_keeps_the_order(client, coder):
    arts = articles(12, seed=5)
    got = code_dask(arts, client=client, options=coder.options, partition=1, in_flight=1)
    assert as_json(got) == as_json(coder.code(arts))


def test_partition_must_be_positive():
    with pytest.raises(ValueError):
        next(code_dask(articles(1), partition=0))


def test_a_second_run_on_the_same_client_reuses_the_workers_coders(client, coder):
    def coder_ids(dask_worker):
        return id(worker_coder(coder.options))

    list(code_dask(articles(4, seed=7), client=client, options=coder.options))
    before = client.run(coder_ids)
    list(code_dask(articles(4, seed=8), client=client, options=coder.options))
    assert client.run(coder_ids) == before  # not torn down and loaded again
    assert len(before) == 2
