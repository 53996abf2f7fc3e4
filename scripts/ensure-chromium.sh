#!/usr/bin/env bash
# The e2e tests drive a real Chromium. Playwright cannot download its own browser on machines
# without internet access, so use Debian's: install it when it is missing and we may (root).
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "${CHROMIUM_PATH}" ]; then exit 0; fi
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's Chromium for the end-to-end tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "No Chromium found: install it (apt-get install chromium) or set CHROMIUM_PATH;" >&2
echo "falling back to Playwright's own browser, if this machine has one." >&2
