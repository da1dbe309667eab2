#!/usr/bin/env bash
# npm run test:e2e: the Playground e2e suite inside a private network namespace (loopback only), so
# neither the bot, the Playground nor Chromium can reach anything outside this machine.
# Extra arguments go to jest (e.g. `npm run test:e2e -- danish`).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ ! -x /usr/bin/chromium ]]; then
  echo "e2e: /usr/bin/chromium is missing; install it with: apt-get install -y chromium" >&2
  exit 1
fi
if ! command -v ip >/dev/null; then
  echo "e2e: the ip command is missing; install it with: apt-get install -y iproute2" >&2
  exit 1
fi

# Root (CI) can create a network namespace directly; others need a user namespace around it.
if [[ "$(id -u)" == 0 ]]; then
  ns=(unshare --net)
else
  ns=(unshare --net --map-root-user)
fi

exec "${ns[@]}" bash -c 'ip link set lo up && exec "$@"' e2e \
  node node_modules/jest/bin/jest.js --config e2e/jest.config.json --runInBand "$@"
