#!/usr/bin/env bash
# Checks what the Docker image would run, on a machine without a Docker engine: builds the two stages of the
# Dockerfile into a scratch folder (compile with dev dependencies; run with `npm ci --omit=dev` only), applies
# the migrations with the production dependencies against a scratch database, starts `bin/spur all` with
# NODE_ENV=production and waits for /healthz and /readyz. Needs PostgreSQL and Redis (scripts/ensure-services.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-services.sh

work=$(mktemp -d)
db="spur_image_check_$$"
port=${IMAGE_CHECK_PORT:-3998}
pid=""
cleanup() {
  [ -n "$pid" ] && kill "$pid" 2>/dev/null || true
  dropdb -h 127.0.0.1 -U postgres --if-exists "$db" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
export CHECKPOINT_DISABLE=1 PRISMA_HIDE_UPDATE_MESSAGE=1

echo "== build stage"
mkdir -p "$work/build" "$work/runtime"
git ls-files -z package.json package-lock.json prisma prisma.config.ts tsconfig.json tsconfig.build.json src | xargs -0 cp --parents -t "$work/build"
(cd "$work/build" && npm ci --no-audit --no-fund >/dev/null && npm run build >/dev/null)

echo "== runtime stage (production dependencies only)"
git ls-files -z package.json package-lock.json prisma prisma.config.ts | xargs -0 cp --parents -t "$work/runtime"
(cd "$work/runtime" && NODE_ENV=production npm ci --omit=dev --no-audit --no-fund --ignore-scripts >/dev/null)
cp -r "$work/build/dist" "$work/runtime/dist"
git ls-files -z bin | xargs -0 cp --parents -t "$work/runtime"

echo "== migrate (the compose file's migrate service)"
createdb -h 127.0.0.1 -U postgres "$db"
export DATABASE_URL="postgresql://postgres@127.0.0.1:5432/$db"
(cd "$work/runtime" && NODE_ENV=production npx prisma migrate deploy >/dev/null)

echo "== start"
(cd "$work/runtime" && NODE_ENV=production REDIS_URL=redis://127.0.0.1:6379 PORT="$port" QUEUE_PREFIX="image-check-$$" \
  SLACK_SIGNING_SECRET=image-check-signing-secret-0123456789 SLACK_BOT_TOKEN=xoxb-image-check \
  FEEDBACK_HASH_SECRET=image-check-feedback-hash-secret-0123456789 SLACK_API_URL=http://127.0.0.1:9/api/ \
  SPUR_ENCRYPTION_KEY="$(head -c 32 /dev/urandom | base64)" \
  exec bin/spur all >"$work/spur.log" 2>&1) &
pid=$!
for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$port/readyz" >/dev/null 2>&1; then
    curl -fsS "http://127.0.0.1:$port/healthz" && echo && curl -fsS "http://127.0.0.1:$port/readyz" && echo
    echo "image-check: the production build migrates, starts and is ready"
    exit 0
  fi
  sleep 1
done
echo "image-check: Spur did not become ready; its log:" >&2
cat "$work/spur.log" >&2
exit 1
