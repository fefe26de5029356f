#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Build everything and run every test (unit, end-to-end, differential),
# then build it again with AddressSanitizer, LeakSanitizer and
# UndefinedBehaviorSanitizer (build-asan, -DLOOPFUSE_SANITIZE=ON) and
# run the tests there too.  Arguments go to both ctest runs.
#
# Environment:
#   LF_SANITIZE=0        skip the sanitizer run
#   LF_ASAN_FUZZ_COUNT   random programs e2e.fuzz checks under the
#                        sanitizers (default 20; the plain run checks
#                        LF_FUZZ_COUNT, default 200)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)"
status=0
(cd build && ctest --output-on-failure -j"$(nproc)" "$@") || status=1
[ "${LF_SANITIZE:-1}" != 0 ] || exit "$status"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	-DLOOPFUSE_SANITIZE=ON >/dev/null
cmake --build build-asan -j"$(nproc)"
(
	cd build-asan
	export ASAN_OPTIONS=detect_leaks=1
	export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	# The sanitized tool is about three times slower: a smaller
	# differential batch, and longer limits.
	export LF_FUZZ_COUNT=${LF_ASAN_FUZZ_COUNT:-20}
	export LF_FUZZ_TIMEOUT=120 LF_TOOL_TIMEOUT=360 LF_COMPLEX_CPU=90
	ctest --output-on-failure -j"$(nproc)" "$@"
) || status=1
exit "$status"
