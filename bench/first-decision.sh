#!/usr/bin/env bash
# Cold start of the jar to its first decision: launches `java -jar app/target/ballast.jar run`
# with one static target (memory actuator, an unreachable daemon so no network wait beyond a
# refused connection) and times from launch to the first decision-log line. Prints each run and
# the median. Usage: bench/first-decision.sh [runs]   (build first: mvn -B -ntp package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-7}"
config="$(mktemp --suffix=.yaml)"
trap 'rm -f "$config"' EXIT
cat > "$config" <<'YAML'
interval: 30s
server: {port: -1}
source: {type: daemon, daemon: {urlTemplate: "http://127.0.0.1:9/{namespace}/{name}", timeout: 300ms, connectTimeout: 300ms}}
discovery:
  type: static
  static: [{namespace: prod, name: orders, replicas: 3}]
actuator: {type: memory}
YAML
times=()
for i in $(seq "$runs"); do
    start=$(date +%s%N)
    coproc BALLAST { exec java -jar app/target/ballast.jar run --config "$config" 2>/dev/null; }
    read -r _ <&"${BALLAST[0]}"
    end=$(date +%s%N)
    kill -TERM "$BALLAST_PID"; wait "$BALLAST_PID" || true
    ms=$(( (end - start) / 1000000 ))
    times+=("$ms")
    echo "run $i: first decision after ${ms} ms"
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
echo "median: ${sorted[$(( runs / 2 ))]} ms over $runs runs"
