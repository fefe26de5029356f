#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end test of loopfuse bench, on kernels small enough that the
# whole script takes a few seconds.
#
#   bash tests/e2e/bench.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# - A kernel of globals and examples/rnn_cell.c (VLA parameters, sizes
#   by --param) each run with --repeat 3: exit status 0, the outputs
#   said to be byte-identical, the summary table (Fused and Unfused rows
#   under mean, median, max, min and std) and the speedup.
# - A pointer parameter without --extent: exit status 1 (it cannot be
#   harnessed) and a one-line error that asks for --extent.
# - No --function: exit status 2 (a usage error).
# - A compiler flag the compiler rejects: the harness does not build,
#   exit status 1 with a message that says which build failed.
#
# Prints "PASS name" or "FAIL name: why" per check and "N passed, M
# failed"; exits 1 if anything failed.

set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lf_e2e_args "$0" "$@"
rm -rf "$work" && mkdir -p "$work" || exit 2

passed=0
failed=0

pass() {
	printf 'PASS %s\n' "$1"
	passed=$((passed + 1))
}

fail() {
	printf 'FAIL %s: %s\n' "$1" "$2"
	failed=$((failed + 1))
}

# bench NAME ARGS...: runs loopfuse bench ARGS with stdout to
# WORK/NAME.out and stderr to WORK/NAME.err; sets rc.
bench() {
	local name=$1
	shift
	timeout -k 5 "$LF_TOOL_TIMEOUT" "$tool" bench "$@" \
		<"/dev/null" >"$work/$name.out" 2>"$work/$name.err"
	rc=$?
}

# check_table FILE NAME: the report of a successful run of bench FILE.
check_table() {
	local out=$work/$1.out err=$work/$1.err name=$2
	if [ "$rc" -ne 0 ]; then
		fail "$name" "exit status $rc: $(lf_first_line "$err")"
	elif ! grep -q 'byte-identical in both builds' "$out"; then
		fail "$name" "no byte-identical line"
	elif ! grep -Eq '^ +mean \(ms\) +median \(ms\) +max \(ms\) +min \(ms\) +std \(ms\)$' "$out"; then
		fail "$name" "no header of the summary table"
	elif ! grep -Eq '^Fused( +[0-9]+\.[0-9]+){5}$' "$out" ||
		! grep -Eq '^Unfused( +[0-9]+\.[0-9]+){5}$' "$out"; then
		fail "$name" "no Fused and Unfused rows of five times"
	elif ! grep -Eq '^runs: 3 of each' "$out"; then
		fail "$name" "--repeat 3 is not 3 runs"
	elif ! grep -Eq '^Speedup \(median unfused / median fused\): [0-9]+\.[0-9]+x$' "$out"; then
		fail "$name" "no speedup line"
	else
		pass "$name"
	fi
}

# A kernel of globals: two nests over one array, fused.
cat >"$work/globals.c" <<'EOF'
#define N 64
float a[N][N], b[N][N];

void scale_relu(void)
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			b[i][j] = a[i][j] * 0.5f;
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			b[i][j] = b[i][j] > 0.0f ? b[i][j] : 0.0f;
}
EOF
bench globals "$work/globals.c" --function scale_relu --repeat 3
check_table globals "globals"
if grep -q 'note: fused 2 loop nests into 1' "$work/globals.err"; then
	pass "globals: fused"
else
	fail "globals: fused" "no fused note: $(lf_first_line "$work/globals.err")"
fi

bench rnn "$srcdir/examples/rnn_cell.c" --function rnn_cell \
	--param hid=16 --param in=16 --repeat 3
check_table rnn "rnn_cell with VLA parameters"
if grep -q '^values: hid=16, in=16$' "$work/rnn.out"; then
	pass "rnn_cell: parameter values"
else
	fail "rnn_cell: parameter values" "no 'values: hid=16, in=16' line"
fi

# A pointer parameter of unknown extent.
cat >"$work/pointer.c" <<'EOF'
void k(int n, float *a, float *b)
{
	for (int i = 0; i < n; i++)
		a[i] = i;
	for (int i = 0; i < n; i++)
		b[i] = a[i] * 2.0f;
}
EOF
bench pointer "$work/pointer.c" --function k --param n=8 --repeat 3
errors=$(grep -c 'error' "$work/pointer.err")
if [ "$rc" -ne 1 ]; then
	fail "pointer without --extent" "exit status $rc, want 1"
elif [ "$errors" -ne 1 ] ||
	! grep -q "^loopfuse: error: cannot harness k: 'a' is a pointer of unknown extent: .*--extent a=" \
		"$work/pointer.err"; then
	fail "pointer without --extent" "not one error asking for --extent: $(lf_first_line "$work/pointer.err")"
elif [ -s "$work/pointer.out" ]; then
	fail "pointer without --extent" "a report on stdout"
else
	pass "pointer without --extent"
fi

bench extent "$work/pointer.c" --function k --param n=8 \
	--extent a=8 --extent b=8 --repeat 3
check_table extent "pointer with --extent"

bench nofunction "$work/pointer.c" --param n=8 --repeat 3
if [ "$rc" -eq 2 ] && grep -q -- '--function' "$work/nofunction.err"; then
	pass "missing --function"
else
	fail "missing --function" "exit status $rc, want 2: $(lf_first_line "$work/nofunction.err")"
fi

bench badflags "$work/globals.c" --function scale_relu --repeat 3 \
	-- -fno-such-option-for-any-compiler
if [ "$rc" -ne 1 ]; then
	fail "bad CFLAGS" "exit status $rc, want 1"
elif ! grep -Eq '^loopfuse: error: .*(unfused|fused) build' "$work/badflags.err"; then
	fail "bad CFLAGS" "no message about the build: $(lf_first_line "$work/badflags.err")"
elif grep -q '^Fused' "$work/badflags.out"; then
	fail "bad CFLAGS" "a time table although nothing was built"
else
	pass "bad CFLAGS"
fi

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
