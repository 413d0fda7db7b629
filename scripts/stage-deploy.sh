#!/usr/bin/env bash
# Stages what App Service runs in build/deploy: the compiled app (dist/), the card templates, the
# manifest, the reference texts the app reads, and production dependencies only. `atk deploy` zips
# that folder (azureAppService/zipDeploy); so does `az webapp deploy --src-path` with a zip of it.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build --silent
rm -rf build/deploy
mkdir -p build/deploy
cp -r dist package.json package-lock.json build/deploy/
for dir in cards manifest; do [ -d "$dir" ] && cp -r "$dir" build/deploy/; done
rm -rf build/deploy/dist/test build/deploy/dist/.tsbuildinfo
(cd build/deploy && npm ci --omit=dev --ignore-scripts --no-audit --no-fund --silent)
echo "Staged build/deploy ($(du -sh build/deploy | cut -f1))"
