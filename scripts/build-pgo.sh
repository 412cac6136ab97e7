#!/usr/bin/env bash
# A profile-guided (PGO) release build of dateline, for deployments and benchmarks:
# an instrumented release build builds a training site (cold, then cached, then after
# one edit) and the example site; the release build is then compiled again with that
# profile. The plain `cargo build --release` is untouched.
#
#   scripts/build-pgo.sh [TRAIN_N=2000 | SITE_DIR]
#
# Prints the path of the binary (target/pgo/release/dateline). A number trains on that
# many generated articles of seed 7, not the benchmarks' default 42: a benchmark of the
# PGO binary does not build the very articles it was trained on (it does build
# articles of the same generator). A folder trains on a copy of that site (a newsroom's
# own archive and templates: the profile then favours what its articles hold); the
# folder itself is left as it is.
# Needs rustup's llvm-tools for `llvm-profdata` (installed when missing), and about
# seven minutes on two cores (two fat-LTO builds). Environment: CARGO_TARGET_DIR.
set -euo pipefail
TRAIN=${1:-2000}
# What to train on, checked before the first (long) build; a folder made absolute, as
# the script works from the repository.
if [[ -d $TRAIN ]]; then
    [[ -d $TRAIN/content ]] || { echo "$TRAIN: no content folder, not a Dateline site" >&2; exit 2; }
    TRAIN=$(cd "$TRAIN" && pwd)
elif [[ ! $TRAIN =~ ^[0-9]+$ ]]; then
    echo "usage: scripts/build-pgo.sh [TRAIN_N=2000 | SITE_DIR]" >&2
    exit 2
fi
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/.." && pwd)
TARGET=${CARGO_TARGET_DIR:-$REPO/target}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# Fixed paths in RUSTFLAGS, so that cargo rebuilds only what changed: the profiles
# folder, and the profile named by its content.
PROFILES=$TARGET/pgo-generate/profiles

host=$(rustc -vV | sed -n 's/^host: //p')
profdata=$(rustc --print sysroot)/lib/rustlib/$host/bin/llvm-profdata
if [[ ! -x $profdata ]]; then
    echo "installing llvm-tools (for llvm-profdata)…" >&2
    rustup component add llvm-tools >&2
fi

cd "$REPO"
echo "instrumented build…" >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-generate=$PROFILES" \
    cargo build --release --quiet --target-dir "$TARGET/pgo-generate"
gen=$TARGET/pgo-generate/release/dateline
rm -rf "$PROFILES"

if [[ -d $TRAIN ]]; then
    echo "training on a copy of $TRAIN and the example site…" >&2
    # What a build reads (not the output, the cache or anything else in the folder).
    mkdir "$WORK/site"
    for part in dateline.toml content templates static data; do
        if [[ -e $TRAIN/$part ]]; then cp -R "$TRAIN/$part" "$WORK/site/"; fi
    done
else
    echo "training on $TRAIN generated articles and the example site…" >&2
    cargo bench --quiet --bench site -- generate "$WORK/site" "$TRAIN" 7 >/dev/null
fi
"$gen" build --root "$WORK/site" -o "$WORK/out" --no-cache -q
"$gen" build --root "$WORK/site" -o "$WORK/out" -q
# One edit: the first Markdown article, else the first wire text. (`sed -n 1p`, not
# `head`, which would end `sort` early: pipefail.)
one=$(find "$WORK/site/content" -type f -name '*.md' | sort | sed -n 1p)
[[ -n $one ]] || one=$(find "$WORK/site/content" -type f -name '*.txt' | sort | sed -n 1p)
if [[ -n $one ]]; then
    printf '\nThe minister said on Tuesday that the talks would resume in March.\n' >>"$one"
    "$gen" build --root "$WORK/site" -o "$WORK/out" -q
fi
"$gen" build --root "$REPO" -o "$WORK/example" --no-cache -q

"$profdata" merge -o "$WORK/dateline.profdata" "$PROFILES"
mkdir -p "$TARGET/pgo"
rm -f "$TARGET"/pgo/dateline-*.profdata
use=$TARGET/pgo/dateline-$(sha256sum "$WORK/dateline.profdata" | cut -c1-16).profdata
cp "$WORK/dateline.profdata" "$use"
echo "optimised build…" >&2
RUSTFLAGS="${RUSTFLAGS:-} -Cprofile-use=$use" \
    cargo build --release --quiet --target-dir "$TARGET/pgo"
echo "$TARGET/pgo/release/dateline"
