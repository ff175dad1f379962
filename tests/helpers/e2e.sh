#!/usr/bin/env bash
# Browser tests: make sure Chromium is there, then run Playwright (it builds and serves the site).
set -euo pipefail
cd "$(dirname "$0")/../.."

bash tests/helpers/ensure-chromium.sh
exec npx playwright test "$@"
