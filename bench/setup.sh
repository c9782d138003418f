#!/usr/bin/env bash
# Installs the peers `npm run bench` measures evfw against: the npm packages of bench/package.json
# (libxmljs2 builds a native addon with node-gyp), and libxml2's xmllint command from Debian's
# libxml2-utils when it is missing and apt-get can be used. Nothing here is needed by `npm ci`.
set -euo pipefail
cd "$(dirname "$0")"

npm ci --no-audit --no-fund

if command -v xmllint >/dev/null; then
  echo "bench:setup: xmllint is $(command -v xmllint)"
elif command -v apt-get >/dev/null && [ "$(id -u)" -eq 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libxml2-utils >/dev/null
  echo "bench:setup: installed xmllint from libxml2-utils"
else
  echo "bench:setup: xmllint is missing and apt-get cannot be used here (install libxml2-utils); the bench will report it missing" >&2
fi
