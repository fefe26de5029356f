#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Differential fuzzing on a fixed batch: the programs lf_gen prints for
# seeds 1..200 (1..$LF_FUZZ_COUNT if set) must behave the same before
# and after loopfuse under every option set of scripts/fuzz-diff.
#
# usage: tests/e2e/fuzz.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# lf_gen is built into WORK_DIR unless LF_GEN names one; reproducers of
# failures are kept in WORK_DIR/out.

set -u

if [ $# -ne 3 ]; then
	echo "usage: $0 LOOPFUSE SOURCE_DIR WORK_DIR" >&2
	exit 2
fi
loopfuse=$1
src=$2
work=$3

mkdir -p "$work" || exit 1
work=$(cd "$work" && pwd)
if [ -z "${LF_GEN:-}" ]; then
	LF_GEN="$work/lf_gen"
	gcc -std=c99 -O2 -o "$LF_GEN" "$src"/tests/fuzz/lf_gen*.c || exit 1
fi
rm -rf "$work/out" "$work/tmp"
mkdir -p "$work/tmp"

LOOPFUSE=$loopfuse LF_GEN=$LF_GEN LF_FUZZ_OUT="$work/out" TMPDIR="$work/tmp" \
	bash "$src/scripts/fuzz-diff" "${LF_FUZZ_COUNT:-200}" 1
