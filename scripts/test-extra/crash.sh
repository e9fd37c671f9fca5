#!/usr/bin/env bash
# Issue 8's crash test: 20 × kill -9 of the built server under 8 concurrent API writers, then a
# check that every acknowledged write survived intact (scripts/crash-test.ts). Uses the build
# the test command made just before (BUILD_OUT, default build/).
set -euo pipefail
cd "$(dirname "$0")/../.."
npm run --silent test:crash
