#!/usr/bin/env python3
"""Structured data of every brief page, read by `extruct` as a search engine would.

The brief pages are found through the site's own indexes: the sitemap entries that
carry a `<lastmod>` (briefs), the search index and feed.json. On each, extruct must
find exactly one complete schema.org `NewsArticle` in JSON-LD (headline,
datePublished and dateModified with offsets, author, publisher with a name,
mainEntityOfPage and url on the canonical address, a `mentions` list of typed,
named entities, an image when the article has one) and Open Graph
`og:type=article` with `article:published_time` equal to datePublished.

Usage: check_structured.py PUBLIC_DIR
"""

import json
import os
import re
import sys
import xml.etree.ElementTree as ET

import extruct

from sitecheck_common import Report, base_url_of, file_for, site_path

OFFSET_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$")
SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
ENTITY_TYPES = {"Person", "Place", "Organization", "City", "Country", "AdministrativeArea",
                "GovernmentOrganization", "NGO", "Corporation"}


def brief_paths(rep, public, base):
    """Site paths of every brief, from the sitemap, the search index and feed.json."""
    paths = set()
    sitemap = os.path.join(public, "sitemap.xml")
    if os.path.isfile(sitemap):
        root = ET.parse(sitemap).getroot()
        files = [sitemap]
        if root.tag == SM + "sitemapindex":
            files = [file_for(public, site_path(l.text, base) or "") for l in root.iter(SM + "loc")]
        for f in filter(None, files):
            for u in ET.parse(f).getroot().iter(SM + "url"):
                if u.find(SM + "lastmod") is not None:
                    paths.add(site_path(u.findtext(SM + "loc"), base))
    from_index = set()
    index = os.path.join(public, "search-index.json")
    if os.path.isfile(index):
        with open(index, encoding="utf-8") as f:
            from_index = {site_path(d["url"], base) for d in json.load(f)}
        for p in sorted(from_index - paths):
            rep.fail(p, "in the search index but not in sitemap.xml with a <lastmod>")
    images = {}
    feed = os.path.join(public, "feed.json")
    if os.path.isfile(feed):
        with open(feed, encoding="utf-8") as f:
            for item in json.load(f).get("items", []):
                p = site_path(item["url"], base)
                paths.add(p)
                if item.get("image"):
                    images[p] = item["image"]
    return sorted(paths | from_index), images


def as_list(v):
    return v if isinstance(v, list) else [] if v is None else [v]


def check_brief(rep, public, base, path, feed_image):
    file = file_for(public, path)
    if not rep.check(file, path, "brief page missing"):
        return
    with open(file, encoding="utf-8") as f:
        html = f.read()
    url = base + path.lstrip("/")
    data = extruct.extract(html, base_url=url, syntaxes=["json-ld", "opengraph"], uniform=True)
    articles = [d for d in data["json-ld"] if "NewsArticle" in as_list(d.get("@type"))]
    if not rep.check(len(articles) == 1, path, f"{len(articles)} NewsArticle objects in JSON-LD, want 1"):
        return
    a = articles[0]
    w = f"{path} NewsArticle"
    rep.check(a.get("@context") in ("https://schema.org", "http://schema.org", "https://schema.org/"),
              w, f"@context is {a.get('@context')!r}")
    rep.check(isinstance(a.get("headline"), str) and a["headline"].strip(), w, "no headline")
    for field in ("datePublished", "dateModified"):
        rep.check(OFFSET_DATE.match(str(a.get(field, ""))), w, f"{field} {a.get(field)!r} is not a date-time with an offset")
    if a.get("datePublished") and a.get("dateModified"):
        rep.check(a["dateModified"] >= a["datePublished"] or a["dateModified"][:10] >= a["datePublished"][:10],
                  w, "dateModified is before datePublished")
    authors = as_list(a.get("author"))
    rep.check(authors, w, "no author")
    for au in authors:
        rep.check(isinstance(au, dict) and au.get("@type") in ("Person", "Organization") and au.get("name"),
                  w, f"author {au!r} is not a named Person or Organization")
    pub = a.get("publisher")
    rep.check(isinstance(pub, dict) and pub.get("@type") == "Organization" and pub.get("name"),
              w, f"publisher {pub!r} is not a named Organization")
    main = a.get("mainEntityOfPage")
    main_id = main.get("@id") if isinstance(main, dict) else main
    rep.check(main_id == url, w, f"mainEntityOfPage {main_id!r} is not the page's URL {url!r}")
    rep.check(a.get("url") == url, w, f"url {a.get('url')!r} is not the page's URL {url!r}")
    mentions = a.get("mentions")
    if rep.check(isinstance(mentions, list), w, "mentions is not a list"):
        for m in mentions:
            rep.check(isinstance(m, dict) and m.get("@type") in ENTITY_TYPES and m.get("name"),
                      w, f"mention {m!r} is not a named Person, Place or Organization")
        linked = len(re.findall(r'<ul class="entity-list">', html))
        if linked:
            rep.check(mentions, w, "the page lists people, places or organisations but mentions is empty")

    og = data["opengraph"][0] if data["opengraph"] else {}
    wo = f"{path} Open Graph"
    rep.check(og.get("@type") == "article", wo, f"og:type is {og.get('@type')!r}, not article")
    rep.check(og.get("og:title"), wo, "no og:title")
    rep.check(og.get("og:url") == url, wo, f"og:url {og.get('og:url')!r} is not {url!r}")
    pt = og.get("article:published_time")
    rep.check(pt and OFFSET_DATE.match(pt), wo, f"article:published_time {pt!r} is not a date-time with an offset")
    rep.check(pt == a.get("datePublished"), wo, "article:published_time differs from datePublished")

    image = og.get("og:image") or feed_image
    if image:
        images = as_list(a.get("image"))
        if rep.check(images, w, f"no image, but the article has {image!r}"):
            for img in images:
                src = img.get("url") if isinstance(img, dict) else img
                if src and src.startswith(base):
                    rep.check(file_for(public, site_path(src, base)), w, f"image {src!r} is not in the output")
                else:
                    rep.check(src and src.startswith(("http://", "https://")), w, f"image {src!r} is not absolute")
    return a


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[-1], file=sys.stderr)
        return 2
    public = sys.argv[1]
    base = base_url_of(public)
    rep = Report("structured data (extruct)")
    paths, images = brief_paths(rep, public, base)
    rep.check(paths, public, "no brief pages found (sitemap.xml, search-index.json, feed.json)")
    mentions = 0
    for p in paths:
        a = check_brief(rep, public, base, p, images.get(p))
        if a:
            mentions += len(as_list(a.get("mentions")))
    rep.note(f"{len(paths)} brief pages, {mentions} mentions in their JSON-LD")
    return rep.finish()


if __name__ == "__main__":
    sys.exit(main())
