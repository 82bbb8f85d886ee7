#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (a test tool's own browser download cannot reach
# the network here). Installs it when missing; prints where it is.
set -euo pipefail
if [ -n "${SPROUT_CHROMIUM:-}" ] && [ -x "$SPROUT_CHROMIUM" ]; then echo "$SPROUT_CHROMIUM"; exit 0; fi
for c in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -x "$c" ]; then echo "$c"; exit 0; fi
done
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
echo "Installing Chromium from Debian's packages (about 480 MB)…" >&2
$SUDO apt-get update -qq >&2
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >&2
echo /usr/bin/chromium
