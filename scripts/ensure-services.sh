#!/usr/bin/env bash
# Makes sure the local PostgreSQL and Redis that Spur's tests and benchmarks use are running.
# Starts them (Debian packages) when they are installed but stopped; explains what is missing otherwise.
set -euo pipefail

PGHOST_CHECK=${PGHOST_CHECK:-127.0.0.1}
REDIS_PORT=${REDIS_PORT:-6379}

wait_for() { # command, description
  for _ in $(seq 1 60); do
    if eval "$1" >/dev/null 2>&1; then return 0; fi
    sleep 0.5
  done
  echo "ensure-services: $2 did not come up" >&2
  return 1
}

if ! pg_isready -q -h "$PGHOST_CHECK" -p 5432 2>/dev/null; then
  if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    echo "ensure-services: starting PostgreSQL $version"
    pg_ctlcluster --skip-systemctl-redirect "$version" main start || true
    wait_for "pg_isready -q -h $PGHOST_CHECK -p 5432" "PostgreSQL"
  else
    echo "ensure-services: PostgreSQL is not running on $PGHOST_CHECK:5432 and is not installed (apt-get install postgresql)" >&2
    exit 1
  fi
fi

if ! redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; then
  if command -v redis-server >/dev/null 2>&1; then
    echo "ensure-services: starting Redis"
    mkdir -p /var/lib/redis /var/log/redis 2>/dev/null || true
    redis-server --daemonize yes --bind 127.0.0.1 -::1 --port "$REDIS_PORT" --save "" --appendonly no \
      --dir /var/lib/redis --logfile /var/log/redis/ci.log
    wait_for "redis-cli -h 127.0.0.1 -p $REDIS_PORT ping | grep -q PONG" "Redis"
  else
    echo "ensure-services: Redis is not running on 127.0.0.1:$REDIS_PORT and is not installed (apt-get install redis-server)" >&2
    exit 1
  fi
fi

# The playground's browser test drives Debian's chromium through playwright-core (which downloads no browser).
# Installed in CI or when running as root; without it that one test is skipped with a warning.
if [ ! -x /usr/bin/chromium ]; then
  if [ "${CI:-}" = "true" ] || [ "$(id -u)" = "0" ]; then
    sudo=""
    if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null 2>&1; then sudo="sudo -n"; fi
    install_chromium() { DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium >/dev/null 2>&1; }
    echo "ensure-services: installing chromium for the playground browser test"
    if ! install_chromium && ! { DEBIAN_FRONTEND=noninteractive $sudo apt-get update -q >/dev/null 2>&1 && install_chromium; }; then
      echo "ensure-services: WARNING: could not install chromium; the playground browser test will be SKIPPED" >&2
    fi
  else
    echo "ensure-services: /usr/bin/chromium is missing (apt-get install -y chromium); the playground browser test will be skipped" >&2
  fi
fi
