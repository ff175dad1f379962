#!/usr/bin/env bash
# Makes the real image tools the interop tests compare against available: podman, buildah,
# skopeo, umoci and the docker-registry (distribution) server from Debian (../shared/TOOLCHAIN.md "Real image tools"). Installs them with apt
# when missing and we are root; otherwise says why and exits 0 — the interop tests then skip with
# the same reason printed, never silently.
set -uo pipefail

tools=(podman buildah skopeo umoci docker-registry)
missing=()
for tool in "${tools[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "image tools: all present (${tools[*]})"
  exit 0
fi
if [[ $(id -u) -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
  echo "image tools: missing ${missing[*]} and cannot install them (need root and apt-get); interop tests will skip"
  exit 0
fi
echo "image tools: installing ${missing[*]} with apt-get"
if ! DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/tmp/ensure-image-tools.log 2>&1; then
  apt-get update >>/tmp/ensure-image-tools.log 2>&1
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >>/tmp/ensure-image-tools.log 2>&1 ||
    echo "image tools: apt-get install failed (see /tmp/ensure-image-tools.log); interop tests will skip"
fi
exit 0
