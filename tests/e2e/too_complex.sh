#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end test of the bound on analysis work: kernels far beyond what
# loopfuse should spend time on must still be answered quickly.
#
#   bash tests/e2e/too_complex.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# Each kernel is made in WORK_DIR/NAME/.  loopfuse must exit 0 within
# LF_COMPLEX_CPU seconds of CPU time (default 30; a CPU limit, so that a
# busy machine does not fail the test) and LF_COMPLEX_WALL seconds of
# real time (default 600), and leave the input as it was.  Its output
# must be the input byte for byte with a remark saying why, or a
# rewrite that builds and prints what the original prints.
#
#   many-nests   200 consecutive nests, each reading the one before
#   deep-nest    two nests 12 loops deep, with 12 parameters and every
#                bound coupled to the loops around it
#
# Prints PASS or FAIL per kernel (with the time taken), then "N passed,
# M failed"; exits 1 if anything failed.

set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lf_e2e_args "$0" "$@"
rm -rf "$work" && mkdir -p "$work" || exit 2

cpu_limit=${LF_COMPLEX_CPU:-30}
wall_limit=${LF_COMPLEX_WALL:-600}
passed=0
failed=0

# many_nests N: N + 1 one-loop nests, each but the first reading the
# array the nest before it wrote.
many_nests() {
	local n=$1 t
	printf '#include <stdio.h>\n\n#define N 64\n\n'
	printf 'static float a[%d][N];\n\nstatic void chain(void)\n{\n' \
		$((n + 1))
	printf '\tfor (int i = 0; i < N; i++)\n\t\ta[0][i] = i;\n'
	for ((t = 1; t <= n; t++)); do
		printf '\tfor (int i = 0; i < N; i++)\n'
		printf '\t\ta[%d][i] = a[%d][i] * 0.5f + %d;\n' \
			"$t" $((t - 1)) "$t"
	done
	printf '}\n\nint main(void)\n{\n\tchain();\n'
	printf '\tfor (int i = 0; i < N; i++)\n'
	printf '\t\tprintf("%%g\\n", a[%d][i]);\n\treturn 0;\n}\n' "$n"
}

# deep_loops D STATEMENT: D nested loops i0..i(D-1) over parameters
# n0..n(D-1), each bound depending on the loops outside it.
deep_loops() {
	local d=$1 stmt=$2 k lb ub
	for ((k = 0; k < d; k++)); do
		if [ "$k" -eq 0 ]; then
			lb=0 ub=n0
		elif [ "$k" -eq 1 ]; then
			lb=i0 ub="n1 + i0"
		else
			lb="i$((k - 1)) - i0" ub="n$k + i$((k - 1))"
		fi
		printf '%*s' $((k + 1)) '' | tr ' ' '\t'
		printf 'for (int i%d = %s; i%d < %s; i%d++)\n' \
			"$k" "$lb" "$k" "$ub" "$k"
	done
	printf '%*s' $((d + 1)) '' | tr ' ' '\t'
	printf '%s\n' "$stmt"
}

# deep_nest D: two such nests; the second reads what the first wrote
# through a subscript that sums every iterator.
deep_nest() {
	local d=$1 k params='' args='' sum=''
	for ((k = 0; k < d; k++)); do
		params+="${params:+, }int n$k"
		args+="${args:+, }2"
		sum+="${sum:+ + }i$k"
	done
	printf '#include <stdio.h>\n\nstatic float x[64], y[64];\n\n'
	printf 'static void deep(%s)\n{\n' "$params"
	deep_loops "$d" "x[($sum) % 64] += 1.0f;"
	deep_loops "$d" "y[($sum) % 64] += x[($sum) % 64] * 0.5f;"
	printf '}\n\nint main(void)\n{\n\tdeep(%s);\n' "$args"
	printf '\tfor (int i = 0; i < 64; i++)\n'
	printf '\t\tprintf("%%g %%g\\n", x[i], y[i]);\n\treturn 0;\n}\n'
}

# check NAME: run loopfuse on WORK_DIR/NAME/k.c under the limits.
check() {
	local name=$1 dir=$work/$1 rc secs why=
	cp "$dir/k.c" "$dir/saved.c"
	secs=$(date +%s)
	(
		ulimit -t "$cpu_limit"
		exec timeout -k 5 "$wall_limit" "$tool" "$dir/k.c"
	) </dev/null >"$dir/out.c" 2>"$dir/err"
	rc=$?
	secs=$(($(date +%s) - secs))
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ] || [ "$rc" -eq 152 ]; then
		why="no answer within ${cpu_limit}s of CPU time"
		why+=" or ${wall_limit}s in all (status $rc)"
	elif grep -Eq 'Sanitizer|runtime error:' "$dir/err"; then
		why=$(grep -Em1 'Sanitizer|runtime error:' "$dir/err")
	elif [ "$rc" -ne 0 ]; then
		why="exit status $rc: $(lf_first_line "$dir/err")"
	elif ! cmp -s "$dir/k.c" "$dir/saved.c"; then
		why="the input file changed"
	elif cmp -s "$dir/out.c" "$dir/k.c"; then
		grep -q ': remark: ' "$dir/err" ||
			why="nothing done and no remark says why"
	else
		mkdir -p "$dir/cmp"
		LF_COMPILER_ARGS=()
		lf_compare_programs "$dir/k.c" "$dir/out.c" "$dir/cmp" ||
			why=$LF_WHY
	fi
	if [ -n "$why" ]; then
		printf 'FAIL %s (%ss): %s\n' "$name" "$secs" "$why"
		failed=$((failed + 1))
	else
		printf 'PASS %s (%ss): %s\n' "$name" "$secs" \
			"$(lf_first_line "$dir/err")"
		passed=$((passed + 1))
	fi
}

mkdir -p "$work/many-nests" "$work/deep-nest"
many_nests 200 >"$work/many-nests/k.c"
deep_nest 12 >"$work/deep-nest/k.c"
check many-nests
check deep-nest

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
