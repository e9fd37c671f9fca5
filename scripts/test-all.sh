#!/usr/bin/env bash
# Every check and test: the README's second command, and what .ci/run calls.
# Prints one closing line "N passed, N failed" summed over every suite.
set -uo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system-deps.sh || exit 1
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
	# Not `npm ci`: the registry here lacks optional platform packages that the lock file names.
	npm install --no-audit --no-fund || exit 1
fi
# The suites' databases, servers and files go into one folder per run, removed at the end.
TMPDIR="$(mktemp -d "${TMPDIR:-/tmp}/gyoryu-tests-XXXXXX")"
export TMPDIR
trap 'rm -rf "$TMPDIR"' EXIT
passed=0
failed=0
step() {
	local name="$1"
	shift
	echo "=== $name"
	if "$@"; then passed=$((passed + 1)); else failed=$((failed + 1)); echo "!!! $name failed"; fi
}
counted() {
	# Runs a test runner and adds its own test counts (read from its JSON report).
	local name="$1" report="$2"
	shift 2
	echo "=== $name"
	"$@"
	local rc=$?
	local p f
	read -r p f < <(node scripts/count-report.js "$report" 2>/dev/null || echo "0 1")
	passed=$((passed + p))
	failed=$((failed + f))
	if [ $rc -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); echo "!!! $name exited $rc"; fi
}
mkdir -p test-results
step "svelte-check" npm run --silent check
step "eslint + prettier" npm run --silent lint
step "build" npm run --silent build
counted "vitest (unit + integration)" test-results/vitest.json npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
counted "playwright (e2e)" test-results/playwright.json env PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/playwright.json npx playwright test --reporter=list,json
for extra in scripts/test-extra/*.sh; do
	[ -e "$extra" ] && step "$(basename "$extra" .sh)" bash "$extra"
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
