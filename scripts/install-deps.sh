#!/usr/bin/env bash
# Installs the Debian packages planc builds and tests with, when missing.
# Uses sudo only when not already root. Swift itself is expected on PATH.
set -euo pipefail

packages=(
  pkg-config
  libcmark-gfm-dev
  libcmark-gfm-extensions-dev
  libnats-dev
  libhiredis-dev
  libyaml-dev
  nats-server
  redis-server
  cmark-gfm
  python3
  time
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "swift is not on PATH: install Swift 6 (https://www.swift.org/install/linux/)" >&2
  exit 2
fi
