#!/usr/bin/env bash
# Proves carenav on another Node.js major (default 24, the active LTS): takes that Node's binary and
# headers from the npm package `node`, then, in a clean clone of the committed HEAD, runs `npm ci`
# (better-sqlite3 compiles against those headers, offline), the production build and the unit and
# integration suite. Usage: bash scripts/ci-node.sh [major]   e.g. bash scripts/ci-node.sh 22
set -euo pipefail
major="${1:-24}"
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d "${TMPDIR:-/tmp}/carenav-node${major}-XXXXXX")"
trap 'rm -rf "$work"' EXIT

# shellcheck source=lib/node-major.sh
source "$root/scripts/lib/node-major.sh"
use_node_major "$major" "$work/node"

echo "=== Node ${major}: clean clone of HEAD ==="
git clone --quiet --no-hardlinks "$root" "$work/carenav"
cd "$work/carenav"

echo "=== Node ${major}: npm ci ==="
npm ci --no-audit --no-fund
echo "=== Node ${major}: production build ==="
NEXT_TELEMETRY_DISABLED=1 npx next build
echo "=== Node ${major}: unit and integration tests ==="
# The time-zone reruns prove the same code on the machine's Node; here the suite runs once.
npx vitest run --project Europe/London
echo "Node ${major}: install, build and tests passed."
