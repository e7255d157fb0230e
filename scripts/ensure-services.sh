#!/usr/bin/env bash
# What the tests need from Debian, installed with apt-get when missing:
#   chromium          Playwright cannot download browsers here: the end-to-end tests use Debian's.
#   postgresql        the store contract runs against PostgreSQL too (tests/helpers/services.ts).
#   redis-server      multi-node tests (tests/helpers/services.ts startRedis).
# Only the binaries are needed: the tests start their own throw-away servers on free ports,
# so the system services are not started (policy-rc.d refuses it during the install) and are
# left as they were when the packages were already there.
set -euo pipefail

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
compgen -G '/usr/lib/postgresql/*/bin/postgres' >/dev/null || missing+=(postgresql)
[ -x /usr/bin/redis-server ] || missing+=(redis-server)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi

echo "Installing from Debian for the tests: ${missing[*]}…"
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi

# Exit code 101 from policy-rc.d tells invoke-rc.d not to start services installed now.
POLICY=/usr/sbin/policy-rc.d
ADDED_POLICY=""
if [ ! -e "$POLICY" ]; then
  printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
  $SUDO chmod 755 "$POLICY"
  ADDED_POLICY=1
fi
cleanup() { if [ -n "$ADDED_POLICY" ]; then $SUDO rm -f "$POLICY"; fi; }
trap cleanup EXIT

$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
