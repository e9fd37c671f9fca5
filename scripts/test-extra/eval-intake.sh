#!/usr/bin/env bash
# Article intake accuracy: fails when the extractor falls under the targets of issue 7.
set -euo pipefail
cd "$(dirname "$0")/../.."
npx tsx scripts/eval-intake.ts
