#!/usr/bin/env bash
# Wire conformance with the official Python client: a virtual environment with the pinned waldur-api-client from
# PyPI (created once, then reused), then conformance.py against a running sandbox.
#
# Usage: Tests/Conformance/python-client.sh --url URL --user ROLE USERNAME TOKEN ...
#    or: SANDBOX_URL=… SANDBOX_STAFF_TOKEN=… (and _USERNAME, for staff, consumer, provider, member) python-client.sh
#    or: python-client.sh --start [SEED]   starts `waldur-orders sandbox` (.build/debug) itself, for a manual run.
#    or: python-client.sh --setup-only     only creates the venv (the sandbox benchmark uses its python).
# Environment: CONFORMANCE_VENV (default .build/python-conformance-venv of the repository), PYTHON (default python3).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
client_requirement="waldur-api-client==8.1.3"
venv="${CONFORMANCE_VENV:-$repo/.build/python-conformance-venv}"
python="${PYTHON:-python3}"

# The venv is reused when it already holds the pinned client; a half-made one is rebuilt.
if ! "$venv/bin/python" -c 'import importlib.metadata as m, sys; sys.exit(m.version("waldur-api-client") != sys.argv[1])' \
    "${client_requirement#*==}" 2>/dev/null; then
  if [ -e "$venv" ] && [ ! -f "$venv/pyvenv.cfg" ]; then
    echo "python-client.sh: $venv exists and is not a virtual environment; not touching it" >&2
    exit 2
  fi
  rm -rf "$venv"
  "$python" -m venv "$venv"
  "$venv/bin/python" -m pip install --quiet --disable-pip-version-check --no-input "$client_requirement"
fi

if [ "${1:-}" = "--setup-only" ]; then
  echo "$venv/bin/python"
  exit 0
fi

if [ "${1:-}" = "--start" ]; then
  out="$(mktemp)"
  "$repo/.build/debug/waldur-orders" sandbox --port 0 --seed "${2:-1}" >"$out" 2>/dev/null &
  sandbox=$!
  trap 'kill "$sandbox" 2>/dev/null || true; rm -f "$out"' EXIT
  for _ in $(seq 1 300); do
    [ "$(grep -c '^token ' "$out" || true)" -ge 4 ] && break
    sleep 0.1
  done
  set -- --url "$(sed -n 's/^url //p' "$out")"
  while read -r _ role username token; do set -- "$@" --user "$role" "$username" "$token"; done < <(grep '^token ' "$out")
  "$venv/bin/python" "$here/conformance.py" "$@"
  exit
fi

exec "$venv/bin/python" "$here/conformance.py" "$@"
