#!/usr/bin/env bash
# Builds planc's release binaries the way they ship:
#   scripts/release-build.sh [--product NAME] [other swift build arguments]
#
# Two link choices, both for start-up time (planc runs many times a minute
# and a check of a small report takes a few milliseconds):
# - the Swift runtime is linked statically: loading and relocating its
#   shared libraries took about half of the start-up;
# - the executable is position-dependent (-no-pie): a position-independent
#   one has some 43,000 pointers to relocate at every start, about 0.5 ms.
#   The shared libraries it loads are still placed at random addresses.
set -euo pipefail
cd "$(dirname "$0")/.."
exec "${SWIFT:-swift}" build -c release --static-swift-stdlib \
    -Xswiftc -Xclang-linker -Xswiftc -no-pie "$@"
