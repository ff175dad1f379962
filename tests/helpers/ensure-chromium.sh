#!/usr/bin/env bash
# Make sure Debian's Chromium is installed for the browser tests. Playwright cannot download a
# browser on these machines, so the tests use /usr/bin/chromium (see playwright.config.ts).
# Installs it with apt when we are root; otherwise stops and says what to install. Never skips.
set -euo pipefail

CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-dejavu-core)

if [[ -x "$CHROMIUM" ]]; then
  exit 0
fi

if [[ "$(id -u)" -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  {
    echo "error: the browser tests need Chromium at $CHROMIUM, and it is not installed."
    echo "Install it (Debian/Ubuntu) with:"
    echo "  sudo apt-get update && sudo apt-get install -y ${PACKAGES[*]}"
    echo "then run the tests again."
  } >&2
  exit 1
fi

echo "Chromium is missing: installing ${PACKAGES[*]} with apt-get ..."
export DEBIAN_FRONTEND=noninteractive
# A fresh image often has no package lists yet; fetch them first, and again if the install fails
# because the lists are stale.
if ! compgen -G '/var/lib/apt/lists/*_Packages*' >/dev/null; then
  apt-get update
fi
if ! apt-get install -y "${PACKAGES[@]}"; then
  apt-get update
  apt-get install -y "${PACKAGES[@]}"
fi

if [[ ! -x "$CHROMIUM" ]]; then
  echo "error: installed ${PACKAGES[*]} but $CHROMIUM is still missing." >&2
  exit 1
fi
echo "Chromium installed: $("$CHROMIUM" --version 2>/dev/null || echo "$CHROMIUM")"
