#!/usr/bin/env bash
# `npm test`: lint, typecheck, unit/conformance/integration tests (vitest), then browser tests
# (Playwright in Debian's Chromium, installed through apt when missing and we are root).
# Every step runs even when an earlier one fails, so one run shows everything that is broken;
# the script exits non-zero if any step failed.
set -uo pipefail
cd "$(dirname "$0")/../.."

results=()
failed=0

step() {
  local name=$1
  shift
  echo
  echo "==> $name: $*"
  if "$@"; then
    results+=("ok      $name")
  else
    results+=("FAILED  $name")
    failed=1
  fi
}

step lint npm run -s lint
step typecheck npm run -s typecheck
bash tests/helpers/ensure-image-tools.sh # podman/buildah/skopeo/umoci for tests/integration/interop (they skip, saying why, without them)
step unit npx vitest run
step chromium bash tests/helpers/ensure-chromium.sh
if [[ "${results[-1]}" == ok* ]]; then
  step e2e npx playwright test
else
  results+=("FAILED  e2e (not run: Chromium is missing, see above)")
fi

echo
echo "==> Summary"
printf '  %s\n' "${results[@]}"
exit "$failed"
