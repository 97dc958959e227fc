#!/usr/bin/env bash
# Stops every process deploy/local/up.sh started, by PID. Keeps the data in .local/ (delete it to start afresh).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
STATE="$ROOT/.local"
PIDS="$STATE/pids"
say() { printf '\033[1m[storyline]\033[0m %s\n' "$*"; }
stop_pid() { # name
  local f="$PIDS/$1.pid"
  [ -f "$f" ] || return 0
  local pid; pid=$(cat "$f")
  if kill -0 "$pid" 2>/dev/null; then
    say "stopping $1 (pid $pid)"
    kill "$pid"
    for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && { say "$1 still running; killing"; kill -9 "$pid"; }
  fi
  rm -f "$f"
}
for svc in cluster-service clean-service ingest-service kafka postgres; do stop_pid "$svc"; done
say "stopped"
