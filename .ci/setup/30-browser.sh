#!/usr/bin/env bash
# Debian's Chromium and Firefox ESR for the web client's browser end-to-end tests (playwright-core
# drives Chromium over CDP and firefox-esr over WebDriver BiDi; Playwright's own browser downloads
# are not reachable in CI). Idempotent.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium fonts-dejavu-core)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
echo "chromium: $(chromium --version 2>/dev/null || echo unknown)"
echo "firefox: $(firefox-esr --version 2>/dev/null || echo unknown)"
