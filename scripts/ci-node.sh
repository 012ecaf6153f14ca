#!/usr/bin/env bash
# Proves carenav on another Node.js major (default 24, the active LTS): takes that Node's binary and
# headers from the npm package `node`, then, in a clean clone of the committed HEAD, runs `npm ci`
# (engine-strict; better-sqlite3 compiles against those headers, offline) and the unit and
# integration suite on SQLite. The production build and the browser tests run once, on the machine's
# Node, in `npm test`: what differs between Node majors is the native module and the runtime under
# the use cases, which this suite exercises. Usage: bash scripts/ci-node.sh [major]   e.g. 22
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
echo "=== Node ${major}: unit and integration tests (SQLite) ==="
# The time-zone and PostgreSQL runs prove the same code on the machine's Node; here the suite runs once.
npx vitest run --project 'Europe/London*'
echo "Node ${major}: install and tests passed."
