#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium (a test tool's own browser download cannot reach
# the network here). Installs it when missing, and a CJK font when the machine has none (without
# one every Chinese character in a screenshot is a blank box); prints where Chromium is.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
updated=""
apt_install() {
  if [ -z "$updated" ]; then $SUDO apt-get update -qq >&2; updated=1; fi
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >&2
}

chromium=""
if [ -n "${SPROUT_CHROMIUM:-}" ] && [ -x "$SPROUT_CHROMIUM" ]; then chromium="$SPROUT_CHROMIUM"; fi
for c in /usr/bin/chromium /usr/bin/chromium-browser; do
  if [ -z "$chromium" ] && [ -x "$c" ]; then chromium="$c"; fi
done
if [ -z "$chromium" ]; then
  echo "Installing Chromium from Debian's packages (about 480 MB)…" >&2
  apt_install chromium
  chromium=/usr/bin/chromium
fi

# fontconfig comes with Chromium; a font that covers Chinese answers :lang=zh.
if [ -z "$(fc-list :lang=zh family 2>/dev/null | head -n 1)" ]; then
  echo "Installing a CJK font (fonts-noto-cjk) so Chinese renders in screenshots…" >&2
  apt_install fonts-noto-cjk
fi
echo "$chromium"
