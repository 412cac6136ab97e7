#!/usr/bin/env bash
# Instructions, not seconds: runs two dateline binaries under callgrind on one site
# (`build --no-cache -q --dry-run`, both at once, one core each) and prints each
# total and the functions whose inclusive instruction counts moved most. On this
# shared VM wall times drift by 10 % and more between minutes; instruction counts
# repeat to within about 1 % (hash seeds and thread timing), so a change of a few
# per cent shows here when alternating timed runs cannot resolve it. Compare
# binaries built alike (both with or both without LTO: inlining moves counts
# between functions; totals stay comparable).
#
#   scripts/bench-instructions.sh OLD_BINARY NEW_BINARY [SITE=/dev/shm/dateline-bench/site-1000] [PATTERN…]
#
# The 1,000-article site takes about a minute under callgrind, 10,000 about ten.
# PATTERNs keep only functions whose names contain one of them (default: dateline
# and tera). Needs valgrind (apt-get install valgrind) and python3.
set -euo pipefail
[[ $# -ge 2 ]] || { sed -n '2,16p' "$0" >&2; exit 2; }
A=$(realpath "$1") B=$(realpath "$2") SITE=${3:-/dev/shm/dateline-bench/site-1000}
shift 2; [[ $# -gt 0 ]] && shift
command -v valgrind >/dev/null || { echo "needs valgrind (apt-get install valgrind)" >&2; exit 1; }
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
for x in a b; do
    bin=$A; [[ $x == b ]] && bin=$B
    valgrind --tool=callgrind --callgrind-out-file="$OUT/$x.out" "$bin" build --root "$SITE" \
        --no-cache -q --dry-run >"$OUT/$x.log" 2>&1 &
done
wait
python3 - "$OUT/a.out" "$OUT/b.out" "$@" <<'PY'
import re, subprocess, sys

def load(path):
    out = subprocess.run(["callgrind_annotate", "--inclusive=yes", "--threshold=100", path],
                         capture_output=True, text=True, check=True).stdout
    total, funcs = None, {}
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+)\s+\([^)]*\)\s+(.*)$", line)
        if not m:
            continue
        n = int(m.group(1).replace(",", ""))
        name = re.sub(r" \[.*\]$", "", re.sub(r"^\S*?:", "", m.group(2), count=1))
        if name == "PROGRAM TOTALS":
            total = n
        elif "'2" not in name:  # recursion levels repeat their callers
            funcs[name] = max(funcs.get(name, 0), n)
    return total, funcs

(ta, a), (tb, b) = load(sys.argv[1]), load(sys.argv[2])
pats = sys.argv[3:] or ["dateline::", "tera::"]
print(f"instructions: old {ta / 1e9:.3f} G, new {tb / 1e9:.3f} G ({100 * (tb - ta) / ta:+.2f} %)")
rows = sorted(((b.get(k, 0) - a.get(k, 0), k) for k in set(a) | set(b)
               if any(p in k for p in pats) and max(a.get(k, 0), b.get(k, 0)) > ta / 1000),
              key=lambda r: -abs(r[0]))
print(f"{'old M':>10} {'new M':>10} {'Δ total':>8}  function (inclusive; inlining moves counts)")
for d, k in rows[:25]:
    print(f"{a.get(k, 0) / 1e6:10.1f} {b.get(k, 0) / 1e6:10.1f} {100 * d / ta:+7.2f}%  {k[:110]}")
PY
