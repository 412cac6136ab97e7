#!/bin/sh
# Fills fuzz/corpus/<target>/ with seed inputs: the repository's own articles
# (content/, tests/fixtures/) and the hand-written files in fuzz/seeds/.
# Targets whose first input byte selects an option (article, extract) get each
# seed once per selector value worth trying.
set -eu
cd "$(dirname "$0")"
repo=..
rm -rf corpus
mkdir -p corpus/front_matter corpus/wire corpus/article corpus/markdown corpus/extract
n=0
for f in $(find "$repo/content" "$repo/tests/fixtures" seeds -type f \( -name '*.md' -o -name '*.txt' \) | sort); do
    n=$((n + 1))
    case "$f" in
        *.md) cp "$f" "corpus/front_matter/$n.md"
              sed '1,/^\(+++\|---\)$/d' "$f" > "corpus/markdown/$n.md"
              sels="0 1 2 10" ;;
        *.txt) cp "$f" "corpus/wire/$n.txt"
              sels="3 9 15 21" ;;
    esac
    # article: byte % 6 picks the file name (.md or .txt), byte / 6 the time zone.
    for sel in $sels; do
        { printf "\\$(printf '%03o' "$sel")"; cat "$f"; } > "corpus/article/$n-$sel"
    done
    # extract: bits pick the article date, the Markdown plain view and a title.
    for sel in 1 5 9 13; do
        { printf "\\$(printf '%03o' "$sel")"; cat "$f"; } > "corpus/extract/$n-$sel"
    done
done
echo "seeded $n files into fuzz/corpus/"
