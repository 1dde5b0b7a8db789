#!/usr/bin/env bash
# Debian's Chromium for the web client's browser end-to-end test (playwright-core drives it;
# Playwright's own browser download is not reachable in CI). Idempotent.
set -euo pipefail
if command -v chromium >/dev/null 2>&1; then
  echo "chromium present: $(chromium --version 2>/dev/null || echo unknown)"
  exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core
chromium --version
