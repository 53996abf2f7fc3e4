#!/usr/bin/env bash
# rsvg-convert (librsvg) renders exported SVGs in the tests — the check that other programs draw
# them as the browser does — and rasterises PNGs for `dci-studio export --format png`.
# Install Debian's package when it is missing and we may (root).
set -euo pipefail
if command -v rsvg-convert >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing librsvg2-bin (rsvg-convert) for the export tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq librsvg2-bin >/dev/null
  exit 0
fi
echo "rsvg-convert is missing: install librsvg2-bin (apt-get install librsvg2-bin)." >&2
exit 1
