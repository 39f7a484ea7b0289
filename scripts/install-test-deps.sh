#!/usr/bin/env bash
# Installs the Debian packages the tests need: Chromium for the UI; Kamailio and rtpengine as the
# PBX; baresip as a desk phone; espeak-ng, pocketsphinx and sox to speak and hear announcements;
# Radicale as a CalDAV server.
set -euo pipefail
packages=(chromium kamailio kamailio-websocket-modules kamailio-presence-modules kamailio-sqlite-modules sqlite3 rtpengine-daemon baresip-core espeak-ng pocketsphinx pocketsphinx-en-us sox radicale)
missing=()
for package in "${packages[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if ((${#missing[@]} == 0)); then
  exit 0
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
