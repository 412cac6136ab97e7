"""Shared helpers of the site checks: a failure collector and URL-to-file mapping.

The checks read a built `public/` folder the way a crawler or a feed reader would
(through the site's own URLs), so every URL they meet is mapped back to the file a
static host would serve for it.
"""

import os
import sys
from urllib.parse import urlsplit


class Report:
    """Collects failures of one check and prints them readably."""

    def __init__(self, name):
        self.name = name
        self.failures = []
        self.notes = []

    def fail(self, where, message):
        self.failures.append(f"{where}: {message}")

    def note(self, message):
        self.notes.append(message)

    def check(self, condition, where, message):
        if not condition:
            self.fail(where, message)
        return condition

    def finish(self):
        """Prints the report; returns the process exit code."""
        for n in self.notes:
            print(f"  {n}")
        if self.failures:
            print(f"{self.name}: {len(self.failures)} problem(s)")
            for f in self.failures:
                print(f"  FAIL {f}")
            return 1
        print(f"{self.name}: ok")
        return 0


def site_path(url, base_url):
    """The site path (`/a/b/`) of a URL that is absolute on `base_url` or root-relative."""
    if url.startswith(base_url):
        rest = url[len(base_url):]
        return "/" + rest.lstrip("/")
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return None
    return parts.path


def file_for(public, path):
    """The file a static server sends for a site path, or None."""
    rel = path.split("#", 1)[0].split("?", 1)[0].lstrip("/")
    candidate = os.path.join(public, rel)
    if path.endswith("/") or os.path.isdir(candidate):
        candidate = os.path.join(candidate, "index.html")
    return candidate if os.path.isfile(candidate) else None


def die(message):
    print(message, file=sys.stderr)
    sys.exit(2)


def base_url_of(public):
    """The site's base URL: the canonical link of its home page."""
    import re

    path = os.path.join(public, "index.html")
    if not os.path.isfile(path):
        die(f"{path}: missing; is this a built site?")
    with open(path, encoding="utf-8") as f:
        m = re.search(r'<link rel="canonical" href="([^"]+)"', f.read())
    if not m:
        die(f"{path}: no <link rel=\"canonical\">")
    return m.group(1).rstrip("/") + "/"
