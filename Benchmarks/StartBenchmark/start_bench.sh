#!/usr/bin/env bash
# The screen's start against a running server, as a user sees it (tmux capture-pane every 50 ms): the first start with
# an empty cache until every queue is loaded, the second start (warm cache) until the cached rows are drawn and until
# the server's changes are in (fresh), and then the server CPU of an idle refresh tick. Server CPU is read from
# /proc/SERVER_PID/stat (utime+stime of the process and its threads), so SERVER_PID must be the server process.
#
# Usage: start_bench.sh BINARY API_URL SERVER_PID [IDLE_SECONDS] [REFRESH_SECONDS]
#   The token comes from WALDUR_ACCESS_TOKEN in the environment (never the command line).
# Prints `name value unit` lines:
#   first_start_rows_s / first_start_loaded_s / first_start_server_cpu_s
#   second_start_drawn_s / second_start_fresh_s / second_start_server_cpu_s
#   idle_tick_server_cpu_ms (over IDLE_SECONDS, default 30, refresh every REFRESH_SECONDS, default 5, after
#   SETTLE_SECONDS, default 20)
set -euo pipefail
binary="$1"; url="$2"; pid="$3"; idle="${4:-30}"; refresh="${5:-5}"
: "${WALDUR_ACCESS_TOKEN:?set WALDUR_ACCESS_TOKEN}"
hz=$(getconf CLK_TCK)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
now() { date +%s.%N; }
cache=$(mktemp -d)
socket="start-bench-$$"
cleanup() { tmux -L "$socket" kill-server 2>/dev/null || true; rm -rf "$cache"; }
trap cleanup EXIT

# Starts the app in a fresh tmux server (160×50 so every tab's count is drawn).
launch() {
  tmux -L "$socket" kill-server 2>/dev/null || true
  tmux -L "$socket" -f /dev/null new-session -d -s bench -x 160 -y 50 \
    "env -i HOME='$HOME' TERM=xterm-256color PATH='$PATH' XDG_CACHE_HOME='$cache' XDG_STATE_HOME='$cache/state' \
     WALDUR_ACCESS_TOKEN='$WALDUR_ACCESS_TOKEN' '$binary' --api-url '$url' --refresh '$refresh'; echo '[exited]'; sleep 600"
}
screen() { tmux -L "$socket" capture-pane -p -t bench 2>/dev/null || true; }
# Waits (up to 30 min) until the screen matches the extended regex $1 and does not match $2 (if given).
wait_for() {
  local deadline=$(( $(date +%s) + 1800 )) s
  while [ "$(date +%s)" -lt "$deadline" ]; do
    s=$(screen)
    if grep -Eq -- "$1" <<<"$s" && { [ -z "${2:-}" ] || ! grep -Eq -- "$2" <<<"$s"; }; then return 0; fi
    sleep 0.05
  done
  echo "timed out waiting for /$1/ (not /${2:-}/); screen:" >&2
  screen >&2
  exit 1
}
# Quits with q and waits until the app has exited (it writes the snapshot on the way out).
quit() {
  tmux -L "$socket" send-keys -t bench q
  wait_for '^\[exited\]'
  tmux -L "$socket" kill-server 2>/dev/null || true
}
elapsed() { echo "scale=2; ($2 - $1) / 1" | bc; }
cpu() { echo "scale=2; ($2 - $1) / $hz" | bc; }

# One start: launched until rows show (NAME_DRAWN_s), then until the header says "updated" and nothing is loading,
# updating or cached (NAME_DONE_s); the server's CPU over both (NAME_server_cpu_s). Leaves the app running.
measure_start() {
  local name="$1" drawn="$2" done="$3" before t0 t_drawn t_done after
  before=$(ticks "$pid"); t0=$(now)
  launch
  wait_for 'All [1-9]'
  t_drawn=$(now)
  wait_for 'updated [0-9]+[smhd] ago' 'cached|loading|updating'
  t_done=$(now); after=$(ticks "$pid")
  echo "${name}_${drawn}_s $(elapsed "$t0" "$t_drawn") s"
  echo "${name}_${done}_s $(elapsed "$t0" "$t_done") s"
  echo "${name}_server_cpu_s $(cpu "$before" "$after") s"
}

# 1. First start: no snapshot. Rows drawn, then every queue loaded.
measure_start first_start rows loaded
quit
ls "$cache"/waldur-orders/*.snapshot >/dev/null || { echo "no snapshot was written" >&2; exit 1; }

# 2. Second start: the snapshot is drawn at once, marked cached; fresh once the delta and the reconciliation are in
# (against a fast server that can come before a 50 ms look sees the "cached" marker: drawn is when rows show).
measure_start second_start drawn fresh

# 3. Idle: the app polls every REFRESH seconds; the server's CPU over IDLE seconds per tick. Measured after SETTLE
# seconds (default 20), once the reconciling uuid sweep that goes on after "fresh" has ended.
sleep "${SETTLE_SECONDS:-20}"
before=$(ticks "$pid")
sleep "$idle"
after=$(ticks "$pid")
echo "idle_tick_server_cpu_ms $(echo "scale=1; ($after - $before) * 1000 / $hz / ($idle / $refresh)" | bc) ms"
quit
