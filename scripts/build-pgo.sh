#!/usr/bin/env bash
# A profile-guided (PGO) release build of dateline, for deployments and benchmarks:
# an instrumented release build builds a generated training site (cold, then cached,
# then after one edit) and the example site; the release build is then compiled
# again with that profile. The plain `cargo build --release` is untouched.
#
#   scripts/build-pgo.sh [TRAIN_N=2000]
#
# Prints the path of the binary (target/pgo/release/dateline). The training site uses
# seed 7, not the benchmarks' default 42: a benchmark of the PGO binary does not build
# the very articles it was trained on (it does build articles of the same generator).
# Needs rustup's llvm-tools for `llvm-profdata` (installed when missing), and about
# seven minutes on two cores (two fat-LTO builds). Environment: CARGO_TARGET_DIR.
set -euo pipefail
N=${1:-2000}
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

echo "training on $N generated articles and the example site…" >&2
cargo bench --quiet --bench site -- generate "$WORK/site" "$N" 7 >/dev/null
"$gen" build --root "$WORK/site" -o "$WORK/out" --no-cache -q
"$gen" build --root "$WORK/site" -o "$WORK/out" -q
one=$(find "$WORK/site/content" -name '*.md' | sort | sed -n 1p) # (head would end sort early: pipefail)
printf '\nThe minister said on Tuesday that the talks would resume in March.\n' >>"$one"
"$gen" build --root "$WORK/site" -o "$WORK/out" -q
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
