#!/usr/bin/env bash
# Installs the real servers, peers and browser the tests run against, from Debian's packages:
#   dovecot-imapd  the CPM Message Store (IMAP) that test/support/dovecot.ts starts per test file
#   sip-tester     Debian's package of sipp, the SIP peer of the Participating Function tests
#   chromium       the headless browser engine that test/support/chromium.ts runs bundles in
#                  (test/browser/: the generated model in a real browser)
#   libxml2-utils  xmllint, whose verdicts `npm run conformance` prints beside evfw's on the W3C
#                  XML Schema Test Suite (no test needs it: the tests' libxml2 is libxml2-wasm)
#
# Usage: bash scripts/install-services.sh        (CI: before `npm test`, see .ci/run)
#
# When it fails: with CI set, when it cannot install what the tests need (exit 1): CI must run
# every test, and a test that needs a missing service fails there anyway (test/support/
# requirements.ts), so this says why first and stops. Without CI it exits 0 and says why on stderr:
# a developer's machine without root or a package mirror still gets a green `npm test` of
# everything else, the tests that need these packages skipping, each saying why.
#
# Why no service is started: the tests start their own throwaway servers, on loopback, with their
# own configuration, as whatever user runs them (and a headless chromium of their own per page).
# Debian's postinst would start the system Dovecot on ports 143/993; policy-rc.d (exit 101) tells
# invoke-rc.d not to, for this run only.
set -uo pipefail

# Debian package and a command it installs, to tell whether it is already there.
PACKAGES=(dovecot-imapd:dovecot sip-tester:sipp chromium:chromium libxml2-utils:xmllint)

say() { printf 'install-services: %s\n' "$*" >&2; }

missing=()
for entry in "${PACKAGES[@]}"; do
  # dovecot lives in /usr/sbin, which a non-root PATH may lack.
  if ! PATH="$PATH:/usr/sbin:/sbin" command -v "${entry#*:}" >/dev/null 2>&1; then
    missing+=("${entry%%:*}")
  fi
done
[ "${#missing[@]}" -eq 0 ] && exit 0

give_up() {
  say "cannot install ${missing[*]}: $1"
  if [ -n "${CI:-}" ]; then
    say "CI is set, and CI must run the tests that need them: failing"
    exit 1
  fi
  say "the tests that need them will be skipped; install them by hand with: apt-get install ${missing[*]}"
  exit 0
}

command -v apt-get >/dev/null 2>&1 || give_up "apt-get not found (not a Debian-like system)"
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    SUDO=(sudo -n)
  else
    give_up "not root, and sudo without a password is not available"
  fi
fi

say "installing ${missing[*]} from Debian's packages"
log="$(mktemp -t install-services.XXXXXX)"
trap 'rm -f "$log"' EXIT

# Keep postinst scripts from starting system services, unless the machine already has a policy.
policy=/usr/sbin/policy-rc.d
if [ ! -e "$policy" ]; then
  if printf '#!/bin/sh\nexit 101\n' | "${SUDO[@]}" tee "$policy" >/dev/null 2>&1 \
    && "${SUDO[@]}" chmod 755 "$policy"; then
    trap '"${SUDO[@]}" rm -f "$policy"; rm -f "$log"' EXIT
  fi
fi

export DEBIAN_FRONTEND=noninteractive
if ! "${SUDO[@]}" apt-get update -qq >"$log" 2>&1; then
  tail -n 5 "$log" >&2
  give_up "apt-get update failed"
fi
if ! "${SUDO[@]}" apt-get install -y -qq --no-install-recommends \
  -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold \
  "${missing[@]}" >"$log" 2>&1; then
  tail -n 5 "$log" >&2
  give_up "apt-get install failed"
fi

# A package may install without the command the tests look for (another name, another folder).
for entry in "${PACKAGES[@]}"; do
  if ! PATH="$PATH:/usr/sbin:/sbin" command -v "${entry#*:}" >/dev/null 2>&1; then
    give_up "${entry%%:*} installed, but its command ${entry#*:} is still not found"
  fi
done
say "installed ${missing[*]}"
exit 0
