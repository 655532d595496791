#!/usr/bin/env bash
# `make cluster`: on this machine, CLUSTER_PROCESSES app processes (2 by default) on ports 8101…,
# behind HAProxy on http://127.0.0.1:8000 with sticky sessions, on PostgreSQL (database
# care_portal_cluster, or CLUSTER_DATABASE) and Redis; the first process seeds the demo agency. HAProxy and Redis come
# from Debian's packages when missing. `make cluster-stop` stops what this script started.
set -euo pipefail
cd "$(dirname "$0")/.."
STATE=.cluster
PROCESSES=${CLUSTER_PROCESSES:-2}
PG_ADMIN=${CLUSTER_POSTGRES_URL:-postgresql://postgres@127.0.0.1:5432/postgres}
DATABASE=${CLUSTER_DATABASE:-care_portal_cluster}
REDIS_URL=${CLUSTER_REDIS_URL:-redis://127.0.0.1:6379/1}
PROXY_PORT=${CLUSTER_PORT:-8000}
BASE_PORT=${CLUSTER_BASE_PORT:-8100}  # process n listens on BASE_PORT + n

stop() {
  for pidfile in "$STATE"/*.pid; do
    [ -e "$pidfile" ] || continue
    pid=$(cat "$pidfile")
    if kill -0 "$pid" 2>/dev/null; then kill -INT "$pid"; fi
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    rm -f "$pidfile"
  done
  echo "cluster stopped"
}

install_missing() {
  local missing=()
  command -v haproxy >/dev/null 2>&1 || missing+=(haproxy)
  command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
  if [ ${#missing[@]} -gt 0 ]; then
    echo "installing ${missing[*]} from Debian's packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
}

start() {
  install_missing
  mkdir -p "$STATE"
  if ! pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null; then
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main start
    for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
  fi
  if ! redis-cli -h 127.0.0.1 ping >/dev/null 2>&1; then
    mkdir -p "$STATE/redis"
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no \
      --dir "$PWD/$STATE/redis" --logfile "$PWD/$STATE/redis.log" --pidfile "$PWD/$STATE/redis.pid"
  fi
  psql "$PG_ADMIN" -tAc "SELECT 1 FROM pg_database WHERE datname = '$DATABASE'" | grep -q 1 \
    || psql "$PG_ADMIN" -qc "CREATE DATABASE $DATABASE"
  [ -s "$STATE/storage_secret" ] || .venv/bin/python -c 'import secrets; print(secrets.token_urlsafe(48))' > "$STATE/storage_secret"
  chmod 600 "$STATE/storage_secret"
  # Every process signs sessions with the same key, read once from the file (never written here).
  read -r STORAGE_SECRET < "$STATE/storage_secret"
  export STORAGE_SECRET

  sed -e '/^    server app/d' -e "s/bind 127.0.0.1:8000/bind 127.0.0.1:$PROXY_PORT/" deploy/haproxy.cfg > "$STATE/haproxy.cfg"
  for n in $(seq 1 "$PROCESSES"); do
    port=$((BASE_PORT + n))
    echo "    server app$n 127.0.0.1:$port check cookie app$n" >> "$STATE/haproxy.cfg"
    DATABASE_URL="${PG_ADMIN%/*}/$DATABASE" NICEGUI_REDIS_URL="$REDIS_URL" \
      HOST=127.0.0.1 PORT=$port \
      PUBLIC_URL="http://127.0.0.1:$PROXY_PORT" DATA_DIR="$STATE/app$n" MAIL_CATCHER_PORT=$((BASE_PORT + 100 + n)) \
      SEED_DEMO=$([ "$n" = 1 ] && echo 1 || echo 0) OPEN_BROWSER=0 LOG_LEVEL=INFO \
      nohup .venv/bin/python main.py > "$STATE/app$n.log" 2>&1 &
    echo $! > "$STATE/app$n.pid"
    # The first process migrates and seeds before the others start.
    if [ "$n" = 1 ]; then wait_healthy "http://127.0.0.1:$port/healthz?scope=serve"; fi
  done
  haproxy -f "$STATE/haproxy.cfg" -D -p "$STATE/haproxy.pid"
  wait_healthy "http://127.0.0.1:$PROXY_PORT/healthz"
  echo "cluster: $PROCESSES app processes behind http://127.0.0.1:$PROXY_PORT (logs in $STATE/)"
}

wait_healthy() {
  for _ in $(seq 1 300); do
    if .venv/bin/python -c "import httpx,sys; sys.exit(httpx.get('$1', timeout=5).status_code != 200)" 2>/dev/null; then
      return 0
    fi
    sleep 1
  done
  echo "no answer from $1; see $STATE/*.log" >&2
  return 1
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
