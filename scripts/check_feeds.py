#!/usr/bin/env python3
"""Feeds, sitemaps and robots.txt of a built Dateline site, read by real parsers.

`feedparser` reads atom.xml and rss.xml as a feed reader would, and `feedparser-rs`
(feedparser's API in Rust) reads feed.json: feedparser 6.0, the latest release, has
no JSON Feed support. (feedparser-rs is not used on the XML feeds: it drops links to
localhost, the example site's base URL.) Each feed must
parse cleanly (no `bozo`), carry a title and a link, and give every entry a title,
link, id, published date and summary; the three list the same briefs, newest first,
and every link leads to a page that exists. The sitemaps are read as XML: every
`<loc>` is a page of the site and every feed entry is in sitemap.xml; news-sitemap.xml
has the Google News fields; robots.txt names the sitemap.

Usage: check_feeds.py PUBLIC_DIR
"""

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

import feedparser
import feedparser_rs

from sitecheck_common import Report, base_url_of, file_for, site_path

OFFSET_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


def check_feed(rep, public, base, name, parser):
    """Checks one feed as read by `parser`; returns the list of entry links, in order."""
    path = os.path.join(public, name)
    if not rep.check(os.path.isfile(path), name, "missing"):
        return []
    with open(path, "rb") as f:
        data = f.read()
    d = parser.parse(data)
    name = f"{name} [{parser.__name__}]"
    if d.bozo:
        rep.fail(name, f"does not parse cleanly: {d.bozo_exception!r}")
    rep.check(d.version, name, "feedparser does not recognise the format")
    rep.check(d.feed.get("title"), name, "feed has no title")
    link = d.feed.get("link")
    if rep.check(link, name, "feed has no link"):
        rep.check(link.rstrip("/") + "/" == base, name, f"feed link {link!r} is not the base URL {base!r}")
    rep.check(d.entries, name, "feed has no entries")
    links = []
    previous = None
    for i, e in enumerate(d.entries):
        where = f"{name} entry {i + 1} ({e.get('title', '?')!r})"
        for field in ("title", "link", "id", "summary"):
            rep.check((e.get(field) or "").strip(), where, f"no {field}")
        published = e.get("published_parsed")
        rep.check(published, where, f"no parseable published date (got {e.get('published')!r})")
        if published and previous and published > previous:
            rep.fail(where, "entries are not newest first")
        previous = published or previous
        if name.startswith("atom") and e.get("published"):
            rep.check(OFFSET_DATE.match(e.published), where, f"published {e.published!r} is not RFC 3339")
        url = e.get("link", "")
        links.append(url)
        p = site_path(url, base)
        if rep.check(url.startswith(base), where, f"link {url!r} is not on the base URL"):
            rep.check(file_for(public, p), where, f"link {url!r} has no page in the output")
    if name.startswith("feed.json"):
        raw = json.loads(data)
        rep.check(raw.get("version") == "https://jsonfeed.org/version/1.1", name, "version is not JSON Feed 1.1")
        for i, item in enumerate(raw.get("items", [])):
            if "date_published" in item:
                rep.check(OFFSET_DATE.match(item["date_published"]), f"{name} item {i + 1}",
                          f"date_published {item['date_published']!r} is not RFC 3339")
    rep.note(f"{name}: {d.version}, {len(d.entries)} entries")
    return links


def check_sitemaps(rep, public, base, feed_links):
    path = os.path.join(public, "sitemap.xml")
    if not rep.check(os.path.isfile(path), "sitemap.xml", "missing"):
        return
    root = ET.parse(path).getroot()
    locs = []
    if root.tag == SM + "sitemapindex":
        for sm in root.iter(SM + "loc"):
            sub = file_for(public, site_path(sm.text, base) or "")
            if rep.check(sub, "sitemap.xml", f"child sitemap {sm.text!r} missing"):
                locs += [l.text for l in ET.parse(sub).getroot().iter(SM + "loc")]
    else:
        rep.check(root.tag == SM + "urlset", "sitemap.xml", f"root is {root.tag}, not urlset")
        locs = [l.text for l in root.iter(SM + "loc")]
    for loc in locs:
        p = site_path(loc or "", base)
        if rep.check(loc and loc.startswith(base), "sitemap.xml", f"{loc!r} is not on the base URL"):
            rep.check(file_for(public, p), "sitemap.xml", f"{loc!r} has no page in the output")
    for link in feed_links:
        rep.check(link in locs, "sitemap.xml", f"feed entry {link!r} is missing")
    rep.check(len(set(locs)) == len(locs), "sitemap.xml", "has duplicate URLs")
    rep.note(f"sitemap.xml: {len(locs)} URLs")

    path = os.path.join(public, "news-sitemap.xml")
    if rep.check(os.path.isfile(path), "news-sitemap.xml", "missing"):
        root = ET.parse(path).getroot()
        urls = root.findall(SM + "url")
        rep.check(len(urls) <= 1000, "news-sitemap.xml", "more than 1,000 URLs")
        for u in urls:
            loc = u.findtext(SM + "loc") or ""
            where = f"news-sitemap.xml {loc!r}"
            rep.check(file_for(public, site_path(loc, base) or ""), where, "has no page in the output")
            n = u.find(NEWS + "news")
            if not rep.check(n is not None, where, "no <news:news>"):
                continue
            rep.check(n.findtext(f"{NEWS}publication/{NEWS}name"), where, "no publication name")
            rep.check(n.findtext(f"{NEWS}publication/{NEWS}language"), where, "no publication language")
            rep.check(OFFSET_DATE.match(n.findtext(NEWS + "publication_date") or ""), where,
                      "no RFC 3339 publication_date")
            rep.check(n.findtext(NEWS + "title"), where, "no title")
        rep.note(f"news-sitemap.xml: {len(urls)} URLs (briefs of the two days before the build)")

    path = os.path.join(public, "robots.txt")
    if rep.check(os.path.isfile(path), "robots.txt", "missing"):
        with open(path, encoding="utf-8") as f:
            rep.check(f"Sitemap: {base}sitemap.xml" in f.read(), "robots.txt", "does not name the sitemap")


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    public = sys.argv[1]
    base = base_url_of(public)
    rep = Report("feeds and sitemaps")
    lists = {}
    for name, parsers in (("atom.xml", (feedparser,)),
                          ("rss.xml", (feedparser,)),
                          ("feed.json", (feedparser_rs,))):
        for parser in parsers:
            lists[f"{name} [{parser.__name__}]"] = check_feed(rep, public, base, name, parser)
    first = next(iter(lists.values()))
    for name, links in lists.items():
        rep.check(links == first, name, "does not list the same briefs in the same order as atom.xml")
    check_sitemaps(rep, public, base, first)
    return rep.finish()


if __name__ == "__main__":
    sys.exit(main())
