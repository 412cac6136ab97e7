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
[[ $# -ge 2 ]] || { sed -n '2,9p' "$0" >&2; exit 2; }
A=$(realpath "$1") B=$(realpath "$2") RUNS=${3:-5} SITE=${4:-/dev/shm/dateline-bench/site-10000}
[[ -x /usr/bin/time ]] || { echo "needs GNU time (apt-get install time)" >&2; exit 1; }
OUT=$(mktemp -d /dev/shm/dateline-ab.XXXXXX)
trap 'rm -rf "$OUT"' EXIT
for ((i = 1; i <= RUNS; i++)); do
    for X in A B; do
        BIN=${!X}
        rm -rf "$OUT/public"
        /usr/bin/time -f "$X %e %U %S %M" -o "$OUT/t" "$BIN" build --root "$SITE" \
            --output "$OUT/public" --no-cache -q >/dev/null
        cat "$OUT/t"
    done
done | awk '
    { wall[$1] = wall[$1] " " $2; cpu[$1] = cpu[$1] " " ($3 + $4); kib[$1] = kib[$1] " " $5
      w[$1, ++n[$1]] = $2; c[$1, n[$1]] = $3 + $4; m[$1, n[$1]] = $5 }
    function median(arr, k, cnt,    v, i, j, t) {
        for (i = 1; i <= cnt; i++) v[i] = arr[k, i]
        for (i = 1; i <= cnt; i++) for (j = i + 1; j <= cnt; j++) if (v[j] < v[i]) { t = v[i]; v[i] = v[j]; v[j] = t }
        return cnt % 2 ? v[(cnt + 1) / 2] : (v[cnt / 2] + v[cnt / 2 + 1]) / 2
    }
    END {
        for (k = 0; k < 2; k++) {
            x = k ? "B" : "A"
            printf "%s wall%s | cpu%s | KiB%s\n", x, wall[x], cpu[x], kib[x]
            printf "%s median: wall %.2f s, cpu %.2f s, peak %.0f MiB\n", x, median(w, x, n[x]), median(c, x, n[x]), median(m, x, n[x]) / 1024
        }
    }'
