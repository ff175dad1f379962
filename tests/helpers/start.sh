#!/usr/bin/env bash
# `npm start`: install dependencies if needed, export the static site and serve it.
# Prints "Layerlab is running at http://127.0.0.1:PORT/". PORT defaults to 3000.
set -euo pipefail
cd "$(dirname "$0")/../.."

# Install when dependencies are missing (a fresh clone, or an interrupted install).
if [[ ! -x node_modules/.bin/next ]] || [[ ! -x node_modules/.bin/tsx ]]; then
  echo "Installing dependencies ..."
  if [[ -f package-lock.json ]]; then npm ci; else npm install; fi
fi

echo "Building the static site (next build) ..."
node_modules/.bin/next build

exec node_modules/.bin/tsx lib/cli/serve.ts --port "${PORT:-3000}" out
