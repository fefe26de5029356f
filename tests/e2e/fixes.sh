#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end test of --export-fixes: clang-apply-replacements, applying
# the YAML to a copy of the input, must make exactly the bytes that -o
# writes.
#
#   bash tests/e2e/fixes.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# Inputs: every testdata/*.c (with its RUN-ARGS), and files made here
# whose fused loops carry tabs, quotes, backslashes, control characters
# and non-ASCII text,
# with LF, CRLF and CR-only line ends, in a directory whose name has a
# space and a non-ASCII letter; plus a file that nothing changes (no
# diagnostic) and one whose replacement is not UTF-8 (refused, status
# 1).  Skipped (exit 0, with a line saying so) without
# clang-apply-replacements-19.
#
# Prints PASS or FAIL per file, then "N passed, M failed".

set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lf_e2e_args "$0" "$@"
rm -rf "$work" && mkdir -p "$work" || exit 2

car=${CLANG_APPLY_REPLACEMENTS:-clang-apply-replacements-19}
if ! command -v "$car" >/dev/null; then
	echo "SKIP: $car is not installed (scripts/setup.sh installs it)"
	echo "0 passed, 0 failed"
	exit 0
fi

passed=0
failed=0

# check_fixes SOURCE DIR: with LF_TOOL_OPTS and LF_COMPILER_ARGS set,
# -o and --export-fixes on a copy of SOURCE in DIR, then the YAML
# applied to that copy must give -o's bytes.
check_fixes() {
	local src=$1 dir=$2 name
	name=$(basename "$src")
	mkdir -p "$dir/fixes" && cp -- "$src" "$dir/$name" || return 1
	lf_run_tool "$dir" "$tool" "$dir/$name" -o "$dir/want.c" || return 1
	lf_run_tool "$dir" "$tool" "$dir/$name" \
		--export-fixes="$dir/fixes/fixes.yaml" || return 1
	if [ -s "$dir/rewritten.c" ]; then
		LF_WHY="--export-fixes wrote to stdout"
		return 1
	fi
	if ! "$car" "$dir/fixes" >"$dir/car.txt" 2>&1; then
		LF_WHY="$car failed: $(lf_first_line "$dir/car.txt")"
		return 1
	fi
	if ! cmp -s -- "$dir/$name" "$dir/want.c"; then
		LF_WHY="the file the fixes made differs from -o's"
		return 1
	fi
}

report() {
	if "$@"; then
		echo "PASS $name"
		passed=$((passed + 1))
	else
		echo "FAIL $name: $LF_WHY"
		failed=$((failed + 1))
	fi
}

for src in "$srcdir"/testdata/*.c; do
	name=$(basename "$src" .c)
	lf_parse_run_args "$src"
	report check_fixes "$src" "$work/$name"
done

# A kernel whose fused loops have comments full of what YAML must
# escape; its lines end in $1.
special_kernel() {
	local eol=$1
	printf "%s$eol" '#include <stdio.h>' '#define N 4000' \
		'static float x[N], y[N], z[N];' 'static void k(void)' '{' \
		$'\tfor (int i = 0; i < N; i++)' \
		$'\t\tz[i] = 1.5f * x[i] /* "q" \'s\'\ttab \\ \\n é ü 漢 \x01 \f \x7f */ + y[i];' \
		$'\tfor (int i = 0; i < N; i++)' \
		$'\t\tz[i] = z[i] > 0.0f ? z[i] : 0.0f; // \\ "x" : # -' \
		'}' \
		'int main(void) { k(); fwrite(z, sizeof z, 1, stdout); return 0; }'
}

LF_TOOL_OPTS=()
LF_COMPILER_ARGS=()
special="$work/a dir é"
mkdir -p "$special" || exit 2
for eol in lf crlf cr; do
	case $eol in lf) e='\n' ;; crlf) e='\r\n' ;; cr) e='\r' ;; esac
	special_kernel "$e" >"$special/k_$eol.c"
	name="special $eol"
	report check_fixes "$special/k_$eol.c" "$special/$eol"
	name="special $eol was fused"
	report grep -q 'note: fused 2 loop nests into 1' "$special/$eol/stderr.txt"
done

# Nothing to fuse: an empty list of diagnostics, and the file as it was.
printf '%s\n' 'int f(int *a) { return a[0]; }' >"$work/nothing.c"
name=nothing
report check_fixes "$work/nothing.c" "$work/nothing"
check_empty() {
	grep -q '^Diagnostics: \[\]$' "$work/nothing/fixes/fixes.yaml" ||
		{ LF_WHY="no empty Diagnostics list"; return 1; }
}
name="nothing: empty list"
report check_empty

# A Latin-1 byte in a replacement: YAML cannot carry it, so loopfuse
# refuses with one line and status 1, and writes no YAML.
check_latin1() {
	local dir=$work/latin1 rc
	mkdir -p "$dir" || return 1
	special_kernel '\n' | sed 's/é/\xe9/' >"$dir/k.c"
	"$tool" --export-fixes="$dir/f.yaml" "$dir/k.c" 2>"$dir/err.txt"
	rc=$?
	if [ "$rc" -ne 1 ] || [ -e "$dir/f.yaml" ] ||
		! grep -q '^.*k\.c:1:1: error: cannot export the fixes: .*not valid UTF-8' \
			"$dir/err.txt"; then
		LF_WHY="status $rc, $(lf_first_line "$dir/err.txt")"
		return 1
	fi
}
name="latin-1 refused"
report check_latin1

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
