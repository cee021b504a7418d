#!/usr/bin/env bash
# The one test command: unit + integration tests on SQLite and PostgreSQL, then browser tests in Chromium.
# Installs PostgreSQL, Chromium, LibreOffice Writer, poppler-utils (pdftotext, pdfinfo) and qpdf from Debian when missing, starts a
# throwaway PostgreSQL cluster on a free loopback port, removes it afterwards, and prints one line "N passed, N failed" for all test projects.
set -uo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)

log() { printf '==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

install_missing() {
  local pkgs=()
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || pkgs+=(postgresql)
  command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || pkgs+=(chromium)
  command -v libreoffice >/dev/null 2>&1 || command -v soffice >/dev/null 2>&1 || [ -x /usr/bin/soffice ] || pkgs+=(libreoffice-writer-nogui)
  command -v pdftotext >/dev/null 2>&1 || [ -x /usr/bin/pdftotext ] || pkgs+=(poppler-utils)
  command -v qpdf >/dev/null 2>&1 || [ -x /usr/bin/qpdf ] || pkgs+=(qpdf)
  if [ ${#pkgs[@]} -gt 0 ]; then
    log "Installing ${pkgs[*]} from Debian"
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  fi
}

PG_DIR=""
PG_BIN=""
stop_postgres() {
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    if [ "$(id -u)" -eq 0 ]; then
      runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    else
      "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
  fi
}
trap stop_postgres EXIT

start_postgres() {
  PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
  PG_DIR=$(mktemp -d /tmp/samverka-pg.XXXXXX)
  local port
  port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 20000)))
  local run=()
  if [ "$(id -u)" -eq 0 ]; then
    # initdb refuses to run as root: the cluster belongs to the postgres user.
    chown postgres "$PG_DIR"
    run=(runuser -u postgres --)
  fi
  "${run[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null || return 1
  "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w \
    -o "-p $port -k $PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start >/dev/null || return 1
  export SAMVERKA_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=20"
  log "PostgreSQL $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$port (throwaway, $PG_DIR)"
}

install_missing
start_postgres || { echo "Could not start PostgreSQL"; exit 1; }

RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"
# Tests that measure something (ranking quality) leave their report here.
export SAMVERKA_TEST_RESULTS="$RESULTS"

log "Building"
dotnet build Samverka.slnx -c Release -nologo -v q -clp:ErrorsOnly || { echo "0 passed, 1 failed"; exit 1; }

status=0
for project in tests/Samverka.Tests tests/Samverka.BrowserTests; do
  name=$(basename "$project")
  log "Running $name"
  dotnet test "$project" -c Release --no-build -nologo -v q \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" "$@" || status=1
done

[ -f "$RESULTS/matching-quality.txt" ] && cat "$RESULTS/matching-quality.txt"

# One line for CI, summed over every project's results.
read -r passed failed total < <(python3 - "$RESULTS" <<'PY'
import sys, glob, re
p = f = t = 0
for path in glob.glob(sys.argv[1] + "/*.trx"):
    text = open(path, encoding="utf-8").read()
    m = re.search(r'<Counters [^>]*', text)
    if not m: continue
    c = dict(re.findall(r'(\w+)="(\d+)"', m.group(0)))
    p += int(c.get("passed", 0)); f += int(c.get("failed", 0)) + int(c.get("error", 0)) + int(c.get("timeout", 0)) + int(c.get("aborted", 0))
    t += int(c.get("total", 0))
print(p, f, t)
PY
)
notrun=$(( total - passed - failed ))
echo "${passed} passed, ${failed} failed"
[ "$notrun" -gt 0 ] && echo "(${notrun} not run)"
if [ "$status" -ne 0 ] || [ "$failed" -gt 0 ] || [ "$passed" -eq 0 ] || [ "$notrun" -gt 0 ]; then
  exit 1
fi
exit 0
