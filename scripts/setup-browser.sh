#!/usr/bin/env bash
# The browser the run report's test opens the page in: Debian's headless Chromium, installed
# where no Chromium is found. Playwright's own browser download is not used (nothing is fetched
# from outside the package registries). Needs root or sudo; CHROMIUM_BIN may name another one.
set -euo pipefail
for bin in "${CHROMIUM_BIN:-}" /usr/bin/chromium-headless-shell /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -n "$bin" ] && [ -x "$bin" ]; then echo "Chromium: $bin"; exit 0; fi
done
if ! command -v apt-get >/dev/null; then
  echo "No Chromium found and no apt-get here: install Chromium and set CHROMIUM_BIN to it." >&2
  exit 2
fi
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium-headless-shell
echo "Chromium: /usr/bin/chromium-headless-shell"
