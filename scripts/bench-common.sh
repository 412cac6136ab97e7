# Shared by scripts/bench-hugo.sh and scripts/bench-ab.sh (sourced, not run).
# Needs GNU time at /usr/bin/time and a temporary file in $TIMES.

# measure OUT COMMAND… — deletes OUT, runs COMMAND; prints "WALL_SECONDS KIB CPU_SECONDS".
measure() {
    rm -rf "$1"; shift
    /usr/bin/time -f '%e %M %U %S' -o "$TIMES" "$@" >/dev/null 2>"$TIMES.err" || { cat "$TIMES.err" >&2; exit 1; }
    tail -n1 "$TIMES" | awk '{print $1, $2, $3 + $4}'
}

# median NUMBER… — the median of the numbers given.
median() { printf '%s\n' "$@" | sort -g | awk '{v[NR]=$1} END {print (NR%2 ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2)}'; }
