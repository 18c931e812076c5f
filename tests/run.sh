#!/usr/bin/env bash
# The test command (README): installs what a fresh Debian machine lacks, starts a throwaway PostgreSQL
# cluster for the PostgreSQL variants of the integration tests, runs every .NET test and the browser SDK's
# unit tests, and exits non-zero if anything failed.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

apt_updated=""
# ensure_package <debian package> <shell test that succeeds when it is installed>
ensure_package() {
  if eval "$2" >/dev/null 2>&1; then return; fi
  if [ -z "$apt_updated" ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  echo "run.sh: installing $1"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$1" >/dev/null
}

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

ensure_package postgresql 'ls /usr/lib/postgresql/*/bin/initdb'
ensure_package chromium 'command -v chromium'

# ---- A throwaway PostgreSQL cluster on 127.0.0.1, trust auth, removed on exit -------------------------------
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)"
PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/passbind-pg.XXXXXX")"
PG_PORT="$(free_port)"
if [ "$(id -u)" -eq 0 ]; then
  # PostgreSQL refuses to run as root.
  chown postgres:postgres "$PG_DIR"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi

RESULTS="$(mktemp -d "${TMPDIR:-/tmp}/passbind-results.XXXXXX")"
cleanup() {
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$PG_DIR" "$RESULTS"
}
trap cleanup EXIT

as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 \
  || { cat "$PG_DIR/initdb.log"; exit 1; }
as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=off" start >/dev/null \
  || { cat "$PG_DIR/postgres.log"; exit 1; }
echo "run.sh: PostgreSQL $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$PG_PORT"

# A superuser, so each test class can create and drop its own database.
export PASSBIND_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"

# ---- Tests ----------------------------------------------------------------------------------------------------
failed=0

dotnet test Passbind.slnx --nologo -v quiet \
  --logger "console;verbosity=minimal" --logger trx --results-directory "$RESULTS/dotnet" || failed=1

node --test --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$RESULTS/js.tap" sdk/js/test || failed=1

# The benchmark driver's one-minute mode: proves it still drives real binds (it fails on any error); the
# figures of a quick run on a shared machine mean nothing, so they are not kept.
echo "run.sh: benchmark driver, quick mode"
dotnet run -c Release --project bench/Passbind.Bench -- --quick >"$RESULTS/bench.jsonl" 2>"$RESULTS/bench.log" \
  || { echo "run.sh: the benchmark driver failed:"; tail -n 40 "$RESULTS/bench.log"; failed=1; }

set +o pipefail

# ---- Summary: TRX counters of every test assembly, plus the TAP totals of the JS tests ------------------------
sum_trx() {
  cat "$RESULTS"/dotnet/*.trx 2>/dev/null | grep -o "<Counters [^>]*" | grep -o " $1=\"[0-9]*\"" | grep -o "[0-9]*" \
    | awk '{ n += $1 } END { print n + 0 }'
}
sum_tap() {
  grep -o "^# $1 [0-9]*" "$RESULTS/js.tap" 2>/dev/null | awk '{ n += $3 } END { print n + 0 }'
}
passed=$(( $(sum_trx passed) + $(sum_tap pass) ))
failures=$(( $(sum_trx failed) + $(sum_tap fail) ))
echo "run.sh: $passed passed, $failures failed"

# The failed tests again, by name, so that the end of the log says what failed without a search through it.
if [ "$failures" -ne 0 ]; then
  echo "run.sh: failed tests:"
  cat "$RESULTS"/dotnet/*.trx 2>/dev/null | grep -o '<UnitTestResult [^>]*outcome="Failed"[^>]*' \
    | grep -o 'testName="[^"]*"' | sed 's/^testName="/  /; s/"$//'
  grep -E '^not ok ' "$RESULTS/js.tap" 2>/dev/null | sed 's/^/  /'
fi

if [ "$failed" -ne 0 ] || [ "$failures" -ne 0 ]; then
  exit 1
fi
