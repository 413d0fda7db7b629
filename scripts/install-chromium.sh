#!/usr/bin/env bash
# Make sure Debian's Chromium is installed at /usr/bin/chromium (used by the e2e tests through
# playwright-core), with a colour emoji font so cards' 👍 and 👎 show as they do in Teams rather
# than as empty boxes in screenshots. Idempotent: if both are there, print the version and exit 0.
# Never downloads Playwright's own browsers ("npx playwright install" is not used).
set -euo pipefail

CHROMIUM=/usr/bin/chromium

version() {
  # Debian's wrapper script can print shell noise on stderr; keep only the version line.
  "$CHROMIUM" --version 2>/dev/null | head -n 1 || true
}

# The emoji font only improves screenshots: a machine without it still runs every test.
EMOJI_FONT=/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf
PACKAGES=()
[ -x "$CHROMIUM" ] || PACKAGES+=(chromium)
[ -f "$EMOJI_FONT" ] || PACKAGES+=(fonts-noto-color-emoji)

if [ ${#PACKAGES[@]} -eq 0 ]; then
  v="$(version)"
  echo "chromium already installed: ${v:-$CHROMIUM (version unknown)}"
  exit 0
fi
# Chromium is there and only the font is missing: try, but never fail the tests over it.
font_only() {
  echo "chromium already installed: $(version) (no emoji font: $1; 👍 shows as a box in screenshots)"
  exit 0
}
if [ -x "$CHROMIUM" ] && ! command -v apt-get >/dev/null 2>&1; then font_only "no apt-get"; fi
if [ -x "$CHROMIUM" ] && [ "$(id -u)" -ne 0 ] && ! command -v sudo >/dev/null 2>&1; then font_only "needs root"; fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: $CHROMIUM is missing and apt-get is not available (not a Debian/Ubuntu system?)." >&2
  echo "install-chromium: install Chromium yourself so that $CHROMIUM exists, or set CHROMIUM_PATH for the tests." >&2
  exit 1
fi

if [ "$(id -u)" -eq 0 ]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  echo "install-chromium: $CHROMIUM is missing; installing it needs root, and sudo is not available." >&2
  echo "install-chromium: run as root: apt-get update && apt-get install -y --no-install-recommends chromium" >&2
  exit 1
fi

echo "install-chromium: installing ${PACKAGES[*]} with apt-get ..."
export DEBIAN_FRONTEND=noninteractive
if ! "${SUDO[@]}" apt-get update; then
  [ -x "$CHROMIUM" ] && font_only "'apt-get update' failed"
  echo "install-chromium: 'apt-get update' failed (is the package mirror reachable?)." >&2
  exit 1
fi
if ! "${SUDO[@]}" apt-get install -y --no-install-recommends "${PACKAGES[@]}"; then
  [ -x "$CHROMIUM" ] && font_only "'apt-get install' failed"
  echo "install-chromium: 'apt-get install ${PACKAGES[*]}' failed." >&2
  exit 1
fi

if [ ! -x "$CHROMIUM" ]; then
  echo "install-chromium: apt-get finished but $CHROMIUM does not exist." >&2
  exit 1
fi
echo "chromium installed: $(version)"
