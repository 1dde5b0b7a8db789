#!/usr/bin/env bash
# One-process start-up benchmark: how long `java -jar arena/target/codearena.jar` takes to reach
# /actuator/health/readiness UP with embedded PostgreSQL and Redis, first on an empty data
# directory (initdb) and then on a warm one; and that SIGTERM leaves no server behind.
#
#   ./mvnw -B -q install -DskipTests && arena/bench/startup.sh [runs=3] [port=8080]
#
# Prints one line per start: wall time to UP, Spring's own figure, the JVM's CPU seconds, and
# the load average at the end (the machine is shared; CPU seconds are the load-independent part).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${1:-3}
port=${2:-8080}
jar=$PWD/arena/target/codearena.jar
data=$(mktemp -d "${TMPDIR:-/tmp}/codearena-startup.XXXXXX")
trap 'rm -rf "$data"' EXIT
ticks=$(getconf CLK_TCK)

start_once() {
  local label=$1 log="$data/arena-$1.log" started pid up=""
  started=$(date +%s%N)
  java -jar "$jar" --server.port="$port" --codearena.data-dir="$data/data" >"$log" 2>&1 &
  pid=$!
  for _ in $(seq 1 1800); do
    if curl -sf "http://localhost:$port/actuator/health/readiness" | grep -q '"status":"UP"'; then up=1; break; fi
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  local wall_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  local cpu
  cpu=$(awk -v t="$ticks" '{printf "%.1f", ($14 + $15) / t}' "/proc/$pid/stat" 2>/dev/null || echo "?")
  local spring
  spring=$(grep -o 'Started ArenaApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]*' || echo "?")
  local postgres_pid redis_pid
  postgres_pid=$(head -1 "$data/data/postgres/postmaster.pid" 2>/dev/null || true)
  redis_pid=$(cat "$data/data/redis/redis.pid" 2>/dev/null || true)
  kill -TERM "$pid"; wait "$pid" || true
  local left=""
  for p in $postgres_pid $redis_pid; do
    for _ in $(seq 1 50); do kill -0 "$p" 2>/dev/null || break; sleep 0.1; done
    kill -0 "$p" 2>/dev/null && left="$left $p"
  done
  [[ -n "$up" ]] || { echo "$label: never became UP, see $log"; cat "$log" | tail -40; exit 1; }
  printf '%-6s wall_to_UP=%5.1fs spring_started=%ss jvm_cpu=%ss load=%s left_behind=[%s]\n' \
    "$label" "$(echo "$wall_ms / 1000" | bc -l)" "$spring" "$cpu" "$(cut -d' ' -f1 /proc/loadavg)" "${left# }"
  [[ -z "$left" ]] || exit 1
}

echo "jar: $jar ($(du -h "$jar" | cut -f1)), $(nproc) cores, $(java -version 2>&1 | head -1)"
start_once cold
for i in $(seq 2 "$runs"); do start_once "warm$((i-1))"; done
