#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Set up, build, and run loopfuse on the bundled matmul+relu example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j"$(nproc)" --target loopfuse >/dev/null
build/loopfuse --diff examples/matmul_relu.c
