#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the Debian 12 packages loopfuse needs to build, test and benchmark,
# then builds isl with small-integer arithmetic (scripts/build-isl.sh).
set -euo pipefail
pkgs=(build-essential cmake pkg-config libclang-19-dev clang-19 libpolly-19-dev
      libomp-19-dev libisl-dev libjson-c-dev check diffutils patch curl
      xz-utils graphviz clang-tools-19 neovim ninja-build libclang-rt-19-dev)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	sudo=""
	[ "$(id -u)" -eq 0 ] || sudo=sudo
	$sudo apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
bash "$(dirname "$0")/build-isl.sh"
