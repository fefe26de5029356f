#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end test over testdata/*.c.
#
#   bash tests/e2e/testdata.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# For every test file (or only those named, by base name with or without
# ".c", in LF_TESTDATA_ONLY, separated by spaces or commas) and for two
# configurations, "default" (the file's RUN-ARGS) and "tile-size=0"
# (RUN-ARGS plus --tile-size=0):
#   - loopfuse must exit 0;
#   - every EXPECT-STDERR regex (and, but for tile-size=0, every
#     EXPECT-TILED one) must match a line of its stderr, and with
#     EXPECT-UNCHANGED its output must be the input byte for byte;
#   - under --tile-size=0 no stderr line may report tiling;
#   - the original and the rewritten program are built with gcc (the
#     rewritten one with -Werror too) and run, and their stdout must be
#     the same bytes;
#   - with EXPECT-BOTH-BRANCHES, in the default configuration, both
#     branches of every run-time alias check must run (gcov says).
# The original must build without warnings and run successfully.
# Prints "PASS name [config]" or "FAIL name [config]: why" per file and
# configuration, then "N passed, M failed"; exits 1 if anything failed.
# Artifacts of failures stay in WORK_DIR/NAME/ (the original build in
# orig.*, each configuration in its own directory).
#
# Environment: LF_TESTDATA_ONLY, LF_CC (default gcc), LF_RUN_TIMEOUT,
# LF_TOOL_TIMEOUT (seconds).

set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lf_e2e_args "$0" "$@"
mkdir -p "$work" || exit 2

files=()
if [ -n "${LF_TESTDATA_ONLY:-}" ]; then
	read -r -a names <<<"${LF_TESTDATA_ONLY//,/ }"
	for name in "${names[@]}"; do
		name=${name##*/}
		files+=("$srcdir/testdata/${name%.c}.c")
	done
else
	for f in "$srcdir"/testdata/*.c; do
		[ -e "$f" ] && files+=("$f")
	done
fi

passed=0
failed=0

pass() {
	printf 'PASS %s [%s]\n' "$1" "$2"
	passed=$((passed + 1))
}

fail() {
	printf 'FAIL %s [%s]: %s\n' "$1" "$2" "$3"
	failed=$((failed + 1))
}

configs=(default tile-size=0)

# check_config SOURCE NAME DIR CONFIG: one configuration of one file.
check_config() {
	local src=$1 name=$2 fdir=$3 config=$4
	local cdir=$fdir/$config
	local -a extra=()
	local tiled=1 told='\(tiled|tiled the loop nest'
	[ "$config" = tile-size=0 ] && extra=(--tile-size=0) tiled=0
	mkdir -p "$cdir"
	lf_run_tool "$cdir" "$tool" "$src" "${extra[@]}" &&
		lf_check_stderr "$cdir/stderr.txt" "$src" "$tiled" &&
		lf_check_unchanged "$src" "$cdir/rewritten.c" || return 1
	if [ "$tiled" = 0 ] && grep -Eq "$told" "$cdir/stderr.txt"; then
		LF_WHY="tiling reported under --tile-size=0: $(grep -Em1 "$told" "$cdir/stderr.txt")"
		return 1
	fi
	# An unchanged file is the original program, already built and run.
	cmp -s -- "$src" "$cdir/rewritten.c" && return 0
	lf_build_and_run "$cdir/rewritten.c" "$cdir/new" 1 || return 1
	lf_compare_outputs "$fdir/orig" "$cdir/new" || return 1
	if [ "$config" = default ] &&
	   lf_has_directive "$src" EXPECT-BOTH-BRANCHES; then
		lf_check_both_branches "$cdir/rewritten.c" "$cdir/cov" ||
			return 1
	fi
	return 0
}

for src in "${files[@]}"; do
	name=$(basename "$src" .c)
	if [ ! -f "$src" ]; then
		fail "$name" all "no such file: $src"
		continue
	fi
	fdir=$work/$name
	rm -rf "$fdir"
	mkdir -p "$fdir"
	lf_parse_run_args "$src"
	why=
	if ! lf_build_and_run "$src" "$fdir/orig" 0; then
		why="original: $LF_WHY"
	elif [ -s "$fdir/orig.cc.txt" ]; then
		why="original: $LF_CC warned: $(lf_first_line "$fdir/orig.cc.txt")"
	fi
	ok=1
	for config in "${configs[@]}"; do
		if [ -n "$why" ]; then
			fail "$name" "$config" "$why"
			ok=0
		elif check_config "$src" "$name" "$fdir" "$config"; then
			pass "$name" "$config"
			rm -rf "${fdir:?}/$config"
		else
			fail "$name" "$config" "$LF_WHY (in $fdir/$config)"
			ok=0
		fi
	done
	[ "$ok" -eq 1 ] && rm -rf "$fdir"
done

if [ $((passed + failed)) -eq 0 ]; then
	echo "no test files in $srcdir/testdata" >&2
	failed=1
fi
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
