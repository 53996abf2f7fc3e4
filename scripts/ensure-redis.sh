#!/usr/bin/env bash
# The live-room e2e tests start their own Redis (on a test port) to run two room servers that
# share rooms. Install Debian's redis-server when it is missing and we may (root); the tests
# start and stop it themselves, so the package's own service is not needed.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's redis-server for the live-room tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq redis-server >/dev/null
  exit 0
fi
echo "No redis-server found: install it (apt-get install redis-server); the Redis scale-out" >&2
echo "test is skipped without it." >&2
