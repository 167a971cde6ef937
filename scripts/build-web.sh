#!/usr/bin/env bash
# Builds the web console: scripts/build-web.sh WEB_SRC OUT_DIR (cmake/Web.cmake runs it).
# `npm ci` from the committed lock file when node_modules is missing or was installed from
# another lock; then the type check and `vite build` into OUT_DIR.
set -euo pipefail
src=$1
out=$2
cd "$src"
stamp=node_modules/.hearth-package-lock.json
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "build-web: npm ci (web/package-lock.json)"
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json "$stamp"
fi
npx --no-install tsc --noEmit -p .
npx --no-install vite build --outDir "$out" --emptyOutDir --logLevel warn
node scripts/precompress.mjs "$out"
