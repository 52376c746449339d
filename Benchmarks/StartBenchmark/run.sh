#!/usr/bin/env bash
# Issue 14's figures in one run, against the real Waldur (../shared/real-waldur/) or, CI-sized, against the sandbox:
#   1. the official Python client's default full fetch (its own paging, full orders),
#   2. `waldur-orders list --format tsv` (the list view's fields),
#   3. the screen's first start (empty cache) until every queue is loaded,
#   4. the second start (warm cache): cached rows drawn, then fresh; and the server CPU of an idle refresh tick.
# Wall time, client CPU, and the server process's CPU (from /proc) for each. Prints figures; asserts nothing.
#
# Usage: run.sh --real URL SERVER_PID        (token: WALDUR_ACCESS_TOKEN, e.g. the real server's staff token)
#        run.sh --sandbox [ORDERS]           starts `waldur-orders sandbox --orders ORDERS` (default 10,000) itself
# Environment: BINARY (default .build/release/waldur-orders, else .build/debug/waldur-orders), BENCH_PYTHON (a python
# with waldur-api-client; default the conformance venv, made by Tests/Conformance/python-client.sh --setup-only),
# IDLE_SECONDS (default 30), REFRESH_SECONDS (default 5), SKIP_PYTHON=1 (leave out step 1).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
binary="${BINARY:-}"
if [ -z "$binary" ]; then
  binary="$repo/.build/release/waldur-orders"
  [ -x "$binary" ] || binary="$repo/.build/debug/waldur-orders"
fi
[ -x "$binary" ] || { echo "run.sh: no waldur-orders binary at $binary (build it first)" >&2; exit 2; }

sandbox_pid=""
cleanup() { [ -n "$sandbox_pid" ] && kill "$sandbox_pid" 2>/dev/null || true; }
trap cleanup EXIT
case "${1:-}" in
  --real)
    url="$2"; pid="$3"
    : "${WALDUR_ACCESS_TOKEN:?set WALDUR_ACCESS_TOKEN}"
    ;;
  --sandbox)
    orders="${2:-10000}"
    out=$(mktemp)
    "$binary" sandbox --orders "$orders" --port 0 >"$out" 2>&1 &
    sandbox_pid=$!
    for _ in $(seq 1 600); do grep -q '^token staff' "$out" && break; sleep 0.1; done
    url=$(awk '/^url / {print $2}' "$out")
    WALDUR_ACCESS_TOKEN=$(awk '/^token staff / {print $4}' "$out")
    export WALDUR_ACCESS_TOKEN
    rm -f "$out"
    [ -n "$url" ] && [ -n "$WALDUR_ACCESS_TOKEN" ] || { echo "run.sh: the sandbox did not start" >&2; exit 1; }
    pid="$sandbox_pid"
    ;;
  *)
    sed -n '2,14p' "$0" >&2
    exit 64
    ;;
esac
echo "# $(date -u +%FT%TZ) binary $binary, server $url (pid $pid), load $(cut -d' ' -f1-3 /proc/loadavg)"
count() { wc -l <"$1" | tr -d ' '; }
out=$(mktemp)
trap 'cleanup; rm -f "$out"' EXIT

# 1. The Python client, default paging, full orders (it prints its own time and the count of orders).
if [ "${SKIP_PYTHON:-0}" != 1 ]; then
  python="${BENCH_PYTHON:-}"
  if [ -z "$python" ]; then
    python=$(CONFORMANCE_VENV="${CONFORMANCE_VENV:-$repo/.build/python-conformance-venv}" bash "$repo/Tests/Conformance/python-client.sh" --setup-only | tail -1)
  fi
  echo "# name wall_s client_user_s client_sys_s server_cpu_s"
  OUT="$out" BENCH_TOKEN="$WALDUR_ACCESS_TOKEN" bash "$repo/Benchmarks/RealServer/fetch_bench.sh" python_default_full "$pid" \
    "$python" "$repo/Benchmarks/SandboxBenchmark/python_fetch.py" "$url" --default-paging
  echo "#   python printed: $(tail -1 "$out")"
fi

# 2. `list` with the list view's fields.
OUT="$out" bash "$repo/Benchmarks/RealServer/fetch_bench.sh" list_tsv_fields "$pid" \
  "$binary" list --format tsv --api-url "$url"
echo "#   list printed $(( $(count "$out") - 1 )) orders"

# 3 and 4. The screen's starts and an idle tick.
bash "$here/start_bench.sh" "$binary" "$url" "$pid" "${IDLE_SECONDS:-30}" "${REFRESH_SECONDS:-5}"
