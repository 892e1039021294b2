#!/usr/bin/env bash
# Make sure the Debian packages in system-packages.txt that PURPOSE needs are installed.
# Usage: scripts/system-packages.sh run|test
# On Debian as root, missing packages are installed with apt-get. Elsewhere the script says exactly
# what to install and stops, so nothing half-works.
set -euo pipefail
purpose="${1:?say run or test}"
here="$(cd "$(dirname "$0")/.." && pwd)"
wanted=()
while IFS=$'\t' read -r package needed_for _why; do
  [[ -z "${package}" || "${package}" == \#* ]] && continue
  if [[ "${needed_for}" == "${purpose}" || "${needed_for}" == "run" ]]; then wanted+=("${package}"); fi
done < "${here}/system-packages.txt"
[[ ${#wanted[@]} -eq 0 ]] && exit 0

missing=()
for package in "${wanted[@]}"; do
  if command -v dpkg-query >/dev/null 2>&1; then
    status="$(dpkg-query -W -f='${Status}' "${package}" 2>/dev/null || true)"
    [[ "${status}" == "install ok installed" ]] || missing+=("${package}")
  elif ! command -v "${package}" >/dev/null 2>&1; then
    missing+=("${package}")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ -f /etc/debian_version && "$(id -u)" == "0" ]] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system packages: ${missing[*]}"
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
  exit 0
fi
echo "WTfC Collect needs these system packages for '${purpose}': ${missing[*]}" >&2
echo "On Debian or Ubuntu: sudo apt-get install --no-install-recommends ${missing[*]}" >&2
echo "Elsewhere: install the equivalent packages with your system's package manager (see README)." >&2
exit 1
