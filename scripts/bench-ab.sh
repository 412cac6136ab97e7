#!/usr/bin/env bash
# Alternating A/B of two dateline binaries: cold `--no-cache` builds of one site, A then
# B, RUNS times, output on tmpfs; prints each binary's wall seconds, CPU seconds (user +
# system) and peak KiB per run and their medians. On a shared VM whose speed drifts
# between minutes, alternating runs compare two builds fairly where separate benches
# do not.
#
#   scripts/bench-ab.sh OLD_BINARY NEW_BINARY [RUNS=5] [SITE=/dev/shm/dateline-bench/site-10000]
#
# Make the site first with `cargo bench --bench site -- generate DIR N`.
set -euo pipefail
[[ $# -ge 2 ]] || { sed -n '2,10p' "$0" >&2; exit 2; }
HERE=$(cd "$(dirname "$0")" && pwd)
A=$(realpath "$1") B=$(realpath "$2") RUNS=${3:-5} SITE=${4:-/dev/shm/dateline-bench/site-10000}
[[ -x /usr/bin/time ]] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
OUT=$(mktemp -d /dev/shm/dateline-ab.XXXXXX)
TIMES=$OUT/times
trap 'rm -rf "$OUT"' EXIT
# shellcheck source=bench-common.sh
source "$HERE/bench-common.sh" # measure, median

a_s=() a_k=() a_c=() b_s=() b_k=() b_c=()
for ((i = 1; i <= RUNS; i++)); do
    read -r s k c < <(measure "$OUT/public" "$A" build --root "$SITE" --output "$OUT/public" --no-cache -q)
    a_s+=("$s") a_k+=("$k") a_c+=("$c")
    read -r s k c < <(measure "$OUT/public" "$B" build --root "$SITE" --output "$OUT/public" --no-cache -q)
    b_s+=("$s") b_k+=("$k") b_c+=("$c")
done
for x in a b; do
    declare -n ws=${x}_s ks=${x}_k cs=${x}_c
    X=${x^^}
    echo "$X wall ${ws[*]} | cpu ${cs[*]} | KiB ${ks[*]}"
    awk -v x="$X" -v w="$(median "${ws[@]}")" -v c="$(median "${cs[@]}")" -v k="$(median "${ks[@]}")" \
        'BEGIN { printf "%s median: wall %.2f s, cpu %.2f s, peak %.0f MiB\n", x, w, c, k / 1024 }'
done
