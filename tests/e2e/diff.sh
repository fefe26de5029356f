#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end test of --diff: the diff must turn the input into what
# loopfuse writes without --diff.
#
#   bash tests/e2e/diff.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# For every testdata/*.c (with its RUN-ARGS) and bench/kernels/*.c (with
# -I bench), loopfuse runs with and without --diff and must exit 0 both
# times.  The diff must be empty exactly when the rewritten file is the
# input; otherwise GNU patch must turn a copy of the input into the
# rewritten file with it, without shifting a hunk.  Files of each run
# stay in WORK_DIR/NAME/.
#
# Prints PASS or FAIL per file, then "N passed, M failed"; exits 1 if
# anything failed.

set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lf_e2e_args "$0" "$@"
rm -rf "$work" && mkdir -p "$work" || exit 2

passed=0
failed=0

# check_diff SOURCE DIR: the checks above, with LF_TOOL_OPTS and
# LF_COMPILER_ARGS set; the reason of a failure goes to LF_WHY.
check_diff() {
	local src=$1 dir=$2
	lf_run_tool "$dir" "$tool" "$src" || return 1
	mv "$dir/rewritten.c" "$dir/out.c"
	lf_run_tool "$dir" "$tool" "$src" --diff || return 1
	mv "$dir/rewritten.c" "$dir/k.diff"
	if cmp -s "$src" "$dir/out.c"; then
		[ ! -s "$dir/k.diff" ] && return 0
		LF_WHY="a diff although the file is unchanged"
		return 1
	fi
	if [ ! -s "$dir/k.diff" ]; then
		LF_WHY="no diff although the file changed"
		return 1
	fi
	if ! patch --fuzz=0 --no-backup-if-mismatch -r - -o "$dir/patched.c" \
		"$src" "$dir/k.diff" >"$dir/patch.txt" 2>&1; then
		LF_WHY="patch failed: $(tail -n 1 "$dir/patch.txt")"
		return 1
	fi
	if grep -q '(offset ' "$dir/patch.txt"; then
		LF_WHY="patch shifted a hunk: $(grep -m1 '(offset ' "$dir/patch.txt")"
		return 1
	fi
	if ! cmp -s "$dir/patched.c" "$dir/out.c"; then
		LF_WHY="the patched file is not the rewritten one"
		return 1
	fi
}

# check NAME SOURCE: check_diff in WORK_DIR/NAME, and its verdict.
check() {
	local name=$1 src=$2
	mkdir -p "$work/$name"
	if check_diff "$src" "$work/$name"; then
		printf 'PASS %s\n' "$name"
		passed=$((passed + 1))
	else
		printf 'FAIL %s: %s\n' "$name" "$LF_WHY"
		failed=$((failed + 1))
	fi
}

for f in "$srcdir"/testdata/*.c; do
	[ -e "$f" ] || continue
	lf_parse_run_args "$f"
	check "$(basename "$f" .c)" "$f"
done
LF_TOOL_OPTS=()
LF_COMPILER_ARGS=(-I"$srcdir/bench")
for f in "$srcdir"/bench/kernels/*.c; do
	[ -e "$f" ] || continue
	check "bench-$(basename "$f" .c)" "$f"
done

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
