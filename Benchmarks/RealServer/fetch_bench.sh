#!/usr/bin/env bash
# One fetch of the whole order list against a running server, with the client's wall time, its CPU (user+sys from
# /usr/bin/time), the server process's CPU over the run (utime+stime from /proc/PID/stat) and, with STRACE=1, the
# client's system calls (strace -f -c; the run is slower under strace, so its times are not the figures).
#
# Usage: fetch_bench.sh NAME SERVER_PID COMMAND...   (the token comes from the environment the command reads:
#        WALDUR_ACCESS_TOKEN for waldur-orders, BENCH_TOKEN for python_fetch.py; never from the command line)
# Prints one line: NAME wall_s client_user_s client_sys_s server_cpu_s [syscalls]; output of COMMAND goes to
# $OUT (default /dev/null) so a count of lines can check the run was complete.
set -euo pipefail
name="$1"; pid="$2"; shift 2
out="${OUT:-/dev/null}"
ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
hz=$(getconf CLK_TCK)
timefile=$(mktemp)
before=$(ticks "$pid")
start=$(date +%s.%N)
if [ "${STRACE:-0}" = 1 ]; then
  stracefile=$(mktemp)
  /usr/bin/time -f '%U %S' -o "$timefile" strace -f -c -o "$stracefile" "$@" >"$out"
else
  /usr/bin/time -f '%U %S' -o "$timefile" "$@" >"$out"
fi
end=$(date +%s.%N)
after=$(ticks "$pid")
read -r user sys < <(tail -1 "$timefile")
line="$name $(echo "$end - $start" | bc) $user $sys $(echo "scale=2; ($after - $before) / $hz" | bc)"
if [ "${STRACE:-0}" = 1 ]; then
  line="$line $(awk '/total/ {print $4}' "$stracefile")"
  cp "$stracefile" "${STRACE_KEEP:-/dev/null}" 2>/dev/null || true
  rm -f "$stracefile"
fi
rm -f "$timefile"
echo "$line"
