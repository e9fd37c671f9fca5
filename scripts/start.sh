#!/usr/bin/env bash
# Install, build, migrate and start Gyoryu on http://localhost:3000 with ./data/gyoryu.db.
# Override with DATABASE_URL, PORT, HOST, ORIGIN (see README).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	# Not `npm ci`: the registry here lacks optional platform packages that the lock file names.
	npm install --no-audit --no-fund
fi
npm run build
export PORT="${PORT:-3000}"
export HOST="${HOST:-0.0.0.0}"
export ORIGIN="${ORIGIN:-http://localhost:${PORT}}"
export DATABASE_URL="${DATABASE_URL:-./data/gyoryu.db}"
# adapter-node's default body limit (512 KB) is too small for attachments and pasted articles.
export BODY_SIZE_LIMIT="${BODY_SIZE_LIMIT:-25M}"
# A 32 MB young generation (V8's default is 16): a dashboard allocates ~6 MB, and with half the
# minor collections fewer of its objects are copied and promoted (~3 ms less a cold page).
export NODE_OPTIONS="${NODE_OPTIONS:---max-semi-space-size=32}"
exec node build
