"""The feed reader built on feedparser (parley.ingest.feeds): RSS 2.0, Atom, RSS 1.0, other encodings, broken
feeds, items without text, the whole-file cap, and the entry mapping that ``parley watch`` shares."""
from __future__ import annotations

import logging
from pathlib import Path

import feedparser

from parley.ingest import ReadReport, feeds, read_paths


def read(path: Path, **kwargs):
    report = ReadReport()
    articles = list(read_paths([str(path)], report=report, **kwargs))
    return articles, report


def codes(report):
    return [(e.code, e.source) for e in report.errors]


def put(path: Path, content: str | bytes) -> Path:
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


RSS2 = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>The Lakeside Courier</title>
  <link>https://courier.example.com/</link>
  <item>
    <title>Dock workers strike in Lakeport</title>
    <link>https://courier.example.com/news/dock-strike</link>
    <guid isPermaLink="false">lc-77</guid>
    <pubDate>Sun, 14 Jul 2024 22:10:00 -0700</pubDate>
    <description>A short teaser.</description>
    <content:encoded><![CDATA[<p>Dock workers in Lakeport walked out on <em>Sunday</em>.</p>
<p>The union demands higher wages &amp; safer cranes.</p>]]></content:encoded>
  </item>
  <item>
    <guid>https://courier.example.com/news/ferry</guid>
    <description>&lt;b&gt;Ferry&lt;/b&gt; service resumed after the storm.</description>
  </item>
  <item>
    <description>No guid and no link.</description>
  </item>
</channel>
</rss>
"""


def test_rss2_items_give_every_field(tmp_path):
    path = put(tmp_path / "courier.rss", RSS2)
    articles, report = read(path)
    assert report.errors == []
    strike, ferry, bare = articles
    assert strike.id == "lc-77"
    assert strike.title == "Dock workers strike in Lakeport"
    assert strike.url == "https://courier.example.com/news/dock-strike"
    assert strike.outlet == "The Lakeside Courier"
    assert strike.date == "2024-07-14"  # the date as written, not the UTC one
    assert strike.text == ("Dock workers in Lakeport walked out on Sunday.\n"
                           "The union demands higher wages & safer cranes.")  # content:encoded wins
    assert strike.source == f"{path}:6"
    # a permalink guid is the id and the address
    assert (ferry.id, ferry.url, ferry.text) == ("https://courier.example.com/news/ferry",
                                                 "https://courier.example.com/news/ferry",
                                                 "Ferry service resumed after the storm.")
    assert ferry.title is None and ferry.date is None and ferry.source == f"{path}:15"
    assert (bare.id, bare.url, bare.source) == ("courier.rss:19", None, f"{path}:19")


ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title type="html">Valley &lt;i&gt;Post&lt;/i&gt;</title>
  <id>urn:example:valley-post</id>
  <updated>2024-07-15T08:00:00Z</updated>
  <entry>
    <id>urn:example:valley-post:1</id>
    <title type="text">Council vote: 5 &lt; 7</title>
    <link rel="self" href="https://valley.example.org/api/1"/>
    <link rel="alternate" href="https://valley.example.org/council-vote"/>
    <published>2024-07-14T23:50:00-04:00</published>
    <updated>2024-07-16T09:00:00Z</updated>
    <content type="text">  The council voted 5 &lt; 7 against the bridge &lt;b&gt;plan&lt;/b&gt;.  </content>
  </entry>
  <entry>
    <id>urn:example:valley-post:2</id>
    <link href="https://valley.example.org/market"/>
    <updated>2024-07-15T06:30:00Z</updated>
    <summary>Ignored: the content is there.</summary>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>The market <b>reopened</b>.</p><p>Stalls were full.</p></div></content>
  </entry>
</feed>
"""


def test_atom_entries_text_kept_as_written_xhtml_stripped(tmp_path):
    path = put(tmp_path / "valley.atom", ATOM)
    articles, report = read(path)
    assert report.errors == []
    vote, market = articles
    assert vote.outlet == "Valley Post"
    assert vote.id == "urn:example:valley-post:1"
    assert vote.title == "Council vote: 5 < 7"
    assert vote.url == "https://valley.example.org/council-vote"  # the alternate link, not rel="self"
    assert vote.date == "2024-07-14"  # published wins over updated
    assert vote.text == "The council voted 5 < 7 against the bridge <b>plan</b>."  # type="text": as written
    assert vote.source == f"{path}:6"
    assert market.url == "https://valley.example.org/market"
    assert market.date == "2024-07-15"
    assert market.text == "The market reopened.\nStalls were full."


def test_rss1_rdf_feed(tmp_path):
    feed = """<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://plain.example.net/"><title>Plain Old News</title>
    <link>https://plain.example.net/</link><description>d</description></channel>
  <item rdf:about="https://plain.example.net/a">
    <title>Rail line reopens</title><link>https://plain.example.net/a</link>
    <dc:date>2024-06-30T19:00:00+02:00</dc:date>
    <description>The rail line reopened on Sunday.</description>
  </item>
  <item rdf:about="https://plain.example.net/b"><title>Headline only</title><link>https://plain.example.net/b</link></item>
</rdf:RDF>
"""
    path = put(tmp_path / "plain.xml", feed)
    articles, report = read(path)
    [rail] = articles
    assert (rail.id, rail.url, rail.outlet, rail.title) == ("https://plain.example.net/a", "https://plain.example.net/a",
                                                            "Plain Old News", "Rail line reopens")
    assert rail.date == "2024-06-30" and rail.text == "The rail line reopened on Sunday."
    assert codes(report) == [("P006", f"{path}:11")]


def test_cp1251_feed_decodes_with_a_p035_warning(tmp_path, caplog):
    town, story = "\u0413\u043e\u0440\u043e\u0434", "\u0412 \u0433\u043e\u0440\u043e\u0434\u0435 \u043f\u0440\u043e\u0448\u0451\u043b \u043c\u0438\u0442\u0438\u043d\u0433."
    feed = (f'<?xml version="1.0" encoding="windows-1251"?>\n<rss version="2.0"><channel><title>{town}</title>\n'
            f"<item><guid>r1</guid><title>{town}</title><description>{story}</description></item>\n"
            "</channel></rss>\n")
    path = put(tmp_path / "town.rss", feed.encode("cp1251"))
    with caplog.at_level(logging.WARNING, logger="parley"):
        [article], report = read(path)
    assert report.errors == []
    assert (article.text, article.title, article.outlet, article.source) == (story, town, town, f"{path}:3")
    [warning] = [r.getMessage() for r in caplog.records if r.getMessage().startswith("[P035]")]
    assert warning.startswith(f"[P035] {path}: ") and "cp1251" in warning


def test_malformed_feed_gives_the_recovered_items_and_p011_with_the_line(tmp_path):
    feed = ("<rss version=\"2.0\"><channel><title>Broken Wire</title>\n"
            "<item><guid>b1</guid><description>First story.</description></item>\n"
            "<item><guid>b2</guid><description>Second <story.</description></item>\n"
            "<item><guid>b3</guid><description>Third story.</description></item>\n"
            "</channel></rss>\n")
    path = put(tmp_path / "broken.rss", feed)
    articles, report = read(path)
    ids = [a.id for a in articles]
    assert ids[0] == "b1" and "b3" in ids  # feedparser reads on past the error
    assert all(a.outlet == "Broken Wire" for a in articles)
    [error] = report.errors
    assert (error.code, error.source) == ("P011", f"{path}:3")
    assert "'broken.rss' is malformed at line 3" in error.detail


def test_item_without_text_is_p006_and_the_others_are_read(tmp_path):
    feed = ("<rss><channel><title>T</title>\n"
            "<item><guid>t1</guid><description>Has text.</description></item>\n"
            "<item><guid>t2</guid><title>Only a title</title><description>   </description></item>\n"
            "<item><guid>t3</guid><description>Also text.</description></item>\n"
            "</channel></rss>\n")
    path = put(tmp_path / "gaps.rss", feed)
    articles, report = read(path)
    assert [a.id for a in articles] == ["t1", "t3"]
    assert codes(report) == [("P006", f"{path}:3")]


def test_html_is_not_a_feed(tmp_path):
    path = put(tmp_path / "page.xml", "<!DOCTYPE html>\n<!-- <rss> -->\n<html><body><p>Hello</p></body></html>\n")
    articles, report = read(path)
    assert articles == [] and codes(report) == [("P011", f"{path}:3")]
    assert "root element is <html>" in report.errors[0].detail


def test_feed_file_over_the_cap_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(feeds, "MAX_FEED_BYTES", 2_000)
    path = put(tmp_path / "huge.rss", "<rss><channel>" + "<item><description>x</description></item>\n" * 100
               + "</channel></rss>")
    articles, report = read(path, max_bytes=1_000)
    assert articles == [] and codes(report) == [("P036", str(path))]
    assert "'huge.rss'" in report.errors[0].detail and "2,000 bytes" in report.errors[0].detail


def test_entry_article_is_the_mapping_watch_uses():
    parsed = feedparser.parse(RSS2.encode())
    strike = parsed.entries[0]
    article = feeds.entry_article(strike, "Outlet", "https://courier.example.com/rss", "fallback",
                                  text="The page's text.", url="https://courier.example.com/c", id="https://courier.example.com/c")
    assert (article.id, article.url, article.text, article.date, article.outlet) == (
        "https://courier.example.com/c", "https://courier.example.com/c", "The page's text.", "2024-07-14", "Outlet")
    assert feeds.entry_text(strike).startswith("Dock workers in Lakeport")
    assert feeds.entry_article(feedparser.parse(b"<rss><channel><item><title>t</title></item></channel></rss>")
                               .entries[0], None, "s", "f") is None
