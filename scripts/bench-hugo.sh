#!/usr/bin/env bash
# Builds the same generated news site with Hugo and with Dateline, alternating runs,
# output on tmpfs, and prints wall time and peak memory of each run, the medians and
# the ratio Dateline/Hugo.
#
#   scripts/bench-hugo.sh [N] [RUNS]      # N articles (default 10000), RUNS each (default 5)
#
# Hugo (Debian package `hugo`) and GNU time are installed when missing. The articles
# come from the bench generator (`cargo bench --bench site -- generate DIR N`); the
# Hugo copy of the site keeps the Markdown files as they are (Hugo reads TOML and YAML
# front matter) and turns each wire `.txt` into Markdown with the same title, date and
# paragraphs (scripts/wire2md.awk). Hugo's theme is minimal and written here: a page
# per article, a home page listing all, tag pages, RSS (Hugo's own, 50 items like
# Dateline's feeds). Dateline runs cold (`--no-cache`), with extraction, entity pages
# and the timeline. Environment: DATELINE_BENCH_DIR (default /dev/shm/dateline-bench),
# DATELINE_BENCH_SEED (default 42), CARGO_TARGET_DIR, DATELINE_BIN (a dateline binary
# to measure instead of the release build, e.g. `DATELINE_BIN=$(scripts/build-pgo.sh)`).
set -euo pipefail

N=${1:-10000}
RUNS=${2:-5}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
WORK=${DATELINE_BENCH_DIR:-/dev/shm/dateline-bench}
TARGET=${CARGO_TARGET_DIR:-$REPO/target}
DATELINE=${DATELINE_BIN:-$TARGET/release/dateline}

if [[ $WORK == /dev/shm/* ]] && [[ $(stat -f -c %T /dev/shm) != tmpfs ]]; then
    echo "/dev/shm is not a tmpfs here: set DATELINE_BENCH_DIR to a tmpfs folder" >&2
    exit 1
fi
mkdir -p "$WORK"

apt_updated=
need() { # need COMMAND PACKAGE
    command -v "$1" >/dev/null 2>&1 && return
    [[ -n $apt_updated ]] || { apt-get update -qq; apt_updated=1; }
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
need hugo hugo
[[ -x /usr/bin/time ]] || { apt-get update -qq; DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time >/dev/null; }

echo "building dateline (release) and the generator…" >&2
[[ -n ${DATELINE_BIN:-} ]] || (cd "$REPO" && cargo build --release --quiet)
SITE=$WORK/site-$N
(cd "$REPO" && cargo bench --quiet --bench site -- generate "$SITE" "$N" ${DATELINE_BENCH_SEED:+"$DATELINE_BENCH_SEED"})

# The Hugo copy of the site, remade when the generated site changed.
HSITE=$WORK/hugo-$N
if ! cmp -s "$SITE/.bench-site" "$HSITE/.bench-site" 2>/dev/null; then
    echo "converting to a Hugo site in $HSITE…" >&2
    rm -rf "$HSITE"
    mkdir -p "$HSITE/content/posts" "$HSITE/layouts/_default"
    cp -r "$SITE/content/." "$HSITE/content/posts/"
    find "$HSITE/content" -name '*.txt' -print0 | xargs -0 -r awk -f "$HERE/wire2md.awk"
    find "$HSITE/content" -name '*.txt' -delete
    cat >"$HSITE/config.toml" <<'EOF'
baseURL = "https://bench.example.org/"
languageCode = "en"
title = "The Bench Gazette"
rssLimit = 50
[taxonomies]
tag = "tags"
EOF
    cat >"$HSITE/layouts/_default/baseof.html" <<'EOF'
<!doctype html>
<html lang="{{ .Site.LanguageCode }}">
<head><meta charset="utf-8"><title>{{ .Title }} | {{ .Site.Title }}</title>
{{ range .AlternativeOutputFormats }}<link rel="{{ .Rel }}" type="{{ .MediaType.Type }}" href="{{ .Permalink }}">{{ end }}
</head>
<body><header><a href="{{ "/" | relURL }}">{{ .Site.Title }}</a> <a href="{{ "/tags/" | relURL }}">Tags</a></header>
<main>{{ block "main" . }}{{ end }}</main></body>
</html>
EOF
    cat >"$HSITE/layouts/_default/single.html" <<'EOF'
{{ define "main" }}<article><h1>{{ .Title }}</h1>
<time datetime="{{ .Date.Format "2006-01-02T15:04:05Z07:00" }}">{{ .Date.Format "2 January 2006" }}</time>
{{ with .Params.authors }}<p class="byline">{{ delimit . ", " }}</p>{{ end }}{{ with .Params.author }}<p class="byline">{{ . }}</p>{{ end }}
{{ .Content }}
<ul class="tags">{{ range .GetTerms "tags" }}<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>{{ end }}</ul>
</article>{{ end }}
EOF
    cat >"$HSITE/layouts/index.html" <<'EOF'
{{ define "main" }}<ul>{{ range .Site.RegularPages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>{{ end }}
EOF
    cat >"$HSITE/layouts/_default/list.html" <<'EOF'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>{{ end }}</ul>{{ end }}
EOF
    cat >"$HSITE/layouts/_default/terms.html" <<'EOF'
{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>{{ end }}</ul>{{ end }}
EOF
    cp "$SITE/.bench-site" "$HSITE/.bench-site"
fi

OUT_H=$WORK/out-hugo-$N
OUT_D=$WORK/out-dateline-$N
TIMES=$(mktemp)
trap 'rm -f "$TIMES"' EXIT
load() { cut -d' ' -f1 /proc/loadavg; }
# shellcheck source=bench-common.sh
source "$HERE/bench-common.sh" # measure, median

echo "hugo $(hugo version | awk '{print $2}'), dateline $("$DATELINE" --version | awk '{print $2}'); N=$N, $RUNS runs each, output in $WORK" >&2
hugo_s=() hugo_k=() hugo_c=() dl_s=() dl_k=() dl_c=()
for ((i = 1; i <= RUNS; i++)); do
    l1=$(load)
    read -r s k c < <(measure "$OUT_H" hugo --source "$HSITE" --destination "$OUT_H" --quiet)
    hugo_s+=("$s") hugo_k+=("$k") hugo_c+=("$c")
    l2=$(load)
    read -r s2 k2 c2 < <(measure "$OUT_D" "$DATELINE" build --root "$SITE" --output "$OUT_D" --no-cache -q)
    dl_s+=("$s2") dl_k+=("$k2") dl_c+=("$c2")
    printf 'run %d: hugo %6.2f s %5d MiB cpu %6.2f s (load %s) | dateline %6.2f s %5d MiB cpu %6.2f s (load %s)\n' \
        "$i" "$s" $((k / 1024)) "$c" "$l1" "$s2" $((k2 / 1024)) "$c2" "$l2"
done
rm -rf "$OUT_H" "$OUT_D" "$TIMES.err"

hs=$(median "${hugo_s[@]}") hk=$(median "${hugo_k[@]}") hc=$(median "${hugo_c[@]}")
ds=$(median "${dl_s[@]}") dk=$(median "${dl_k[@]}") dc=$(median "${dl_c[@]}")
awk -v n="$N" -v hs="$hs" -v hk="$hk" -v hc="$hc" -v ds="$ds" -v dk="$dk" -v dc="$dc" 'BEGIN {
    printf "median N=%d: hugo %.2f s %.0f MiB cpu %.2f s | dateline %.2f s %.0f MiB cpu %.2f s\n", n, hs, hk / 1024, hc, ds, dk / 1024, dc
    printf "dateline/hugo: wall %.2f, peak memory %.2f, cpu %.2f\n", ds / hs, dk / hk, dc / hc
}'
