#!/usr/bin/env bash
# Runs `npm run bench` on another Node.js major (default 24, the active LTS, which people deploy on;
# this machine's own Node may be older). The committed HEAD is benchmarked in a clone kept outside
# the checkout, under ~/.cache/carenav-node<major>/ (its dependencies installed, and better-sqlite3
# compiled, for that Node once, and again only when package-lock.json changes), on this checkout's
# synthetic database (data/synth.db, made if missing). A full run writes bench/RESULTS.md and
# bench/results.json here.
# Usage: bash scripts/bench-on-node.sh [major] [bench options]   e.g. bash scripts/bench-on-node.sh 24 --check
set -euo pipefail
major=24
if [[ "${1:-}" =~ ^[0-9]+$ ]]; then major="$1"; shift; fi
root="$(cd "$(dirname "$0")/.." && pwd)"
cache="${XDG_CACHE_HOME:-$HOME/.cache}/carenav-node${major}"
clone="$cache/carenav"
mkdir -p "$cache"

# shellcheck source=lib/node-major.sh
source "$root/scripts/lib/node-major.sh"
use_node_major "$major" "$cache/node"

if [ ! -d "$clone/.git" ]; then
  echo "=== Node ${major}: clone of HEAD in $clone ==="
  git clone --quiet --no-hardlinks "$root" "$clone"
fi
git -C "$clone" fetch --quiet "$root" HEAD
git -C "$clone" reset --quiet --hard FETCH_HEAD
echo "=== Node ${major}: benchmarking $(git -C "$clone" log -1 --format='%h %s') ==="
cd "$clone"
lock="$(sha256sum package-lock.json | cut -d' ' -f1)-$(node --version)"
if [ "$(cat node_modules/.carenav-installed 2>/dev/null)" != "$lock" ]; then
  echo "=== Node ${major}: npm ci ==="
  npm ci --no-audit --no-fund
  echo "$lock" > node_modules/.carenav-installed
fi
touch "$cache/started"
status=0
npm run bench -- --synth "$root/data/synth.db" "$@" || status=$?
# Only what this run wrote (a --pages-only run writes nothing), budgets missed or not.
if [ bench/results.json -nt "$cache/started" ]; then
  cp bench/RESULTS.md bench/results.json "$root/bench/"
  echo "Copied bench/RESULTS.md and bench/results.json to $root/bench/"
fi
exit "$status"
