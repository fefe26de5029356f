#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end test of the project's flags and of many files: -p BUILD_DIR,
# the compile_commands.json found upward from the file, "--" arguments
# added to the database's, --depfile, and --check over several files
# (or every file of a database) with its summary table and its progress
# line, which only a terminal gets.
#
#   bash tests/e2e/compdb.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# Prints PASS or FAIL per check, then "N passed, M failed".

set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lf_e2e_args "$0" "$@"
rm -rf "$work" && mkdir -p "$work" || exit 2
work=$(cd "$work" && pwd -P)

passed=0
failed=0

# check NAME COMMAND...: a check passes when COMMAND succeeds.
check() {
	local name=$1
	shift
	if "$@"; then
		echo "PASS $name"
		passed=$((passed + 1))
	else
		echo "FAIL $name"
		failed=$((failed + 1))
	fi
}

# A project: src/k.c needs N (from the database's -D) and "inc/k.h"
# (from its -I, relative to the database's directory, which is not
# where loopfuse runs); src/bad.c has an illegal pair.
proj=$work/proj
mkdir -p "$proj/src" "$proj/inc" "$proj/build" || exit 2
printf '%s\n' '#define M (N + 1)' >"$proj/inc/k.h"
printf '%s\n' '#include "k.h"' '#ifdef BREAK' '#error broken' '#endif' 'static float x[M], z[M];' 'void k(void)' '{' \
	$'\tfor (int i = 0; i < M; i++)' $'\t\tz[i] = x[i] * 2.0f;' \
	$'\tfor (int i = 0; i < M; i++)' $'\t\tz[i] += 1.0f;' '}' \
	>"$proj/src/k.c"
printf '%s\n' 'static float x[100], y[100];' 'void b(void)' '{' \
	$'\tfor (int i = 0; i < 100; i++)' $'\t\tx[i] = 2.0f * i;' \
	$'\tfor (int i = 0; i < 100; i++)' $'\t\ty[i] = x[99 - i];' '}' \
	>"$proj/src/bad.c"
cat >"$proj/build/compile_commands.json" <<EOF
[
{ "directory": "$proj/build",
  "command": "/usr/bin/cc -I../inc -DN=4000 -O2 -MD -MF k.d -o k.o -c $proj/src/k.c",
  "file": "$proj/src/k.c" },
{ "directory": "$proj/build",
  "arguments": ["cc", "-O2", "-o", "bad.o", "-c", "../src/bad.c"],
  "file": "../src/bad.c" }
]
EOF
cd "$work" || exit 2
L=$tool

# fused ARGS...: loopfuse ARGS exits 0 and says it fused.
fused() {
	"$L" "$@" >"$work/out.c" 2>"$work/err.txt" &&
		grep -q 'note: fused 2 loop nests into 1' "$work/err.txt"
}
check "without flags the file does not parse" \
	bash -c '! "$0" "$1" >/dev/null 2>&1' "$L" proj/src/k.c
check "-p reads -I and -D from the database" fused -p proj/build proj/src/k.c
check "-p with a trailing slash" fused -p proj/build/ proj/src/k.c
check "-p writes no -MF file" test ! -e proj/build/k.d
check "-- arguments add to the database's" \
	bash -c '"$0" -p proj/build proj/src/k.c -- -DBREAK 2>&1 >/dev/null |
		grep -q "^proj/src/k.c:3:2: error: broken"' "$L"

no_db() {
	"$L" -p "$work/nowhere" proj/src/k.c >/dev/null 2>"$work/err.txt"
	[ $? -eq 1 ] && [ "$(cat "$work/err.txt")" = \
		"loopfuse: error: no compilation database in '$work/nowhere' (no compile_commands.json there)" ]
}
check "-p without a database: one line, status 1" no_db

# A file the database has no command for gets the flags libclang
# infers from its nearest neighbour there (here k_more.c gets those of k.c).
printf '%s\n' '#include "k.h"' 'int f(void) { return M; }' >proj/src/k_more.c
check "-p infers the flags of a file the database does not list" \
	bash -c '"$0" -p proj/build proj/src/k_more.c >/dev/null 2>&1' "$L"

cp proj/build/compile_commands.json proj/
check "the database is found upward from the file" fused proj/src/k.c
check "... also from another directory" \
	bash -c 'cd /tmp && "$0" "$1" >/dev/null 2>&1' "$L" "$proj/src/k.c"
rm proj/compile_commands.json

# --depfile: the output depends on the file and its header.
depfile() {
	"$L" -p proj/build --depfile=k.d -o k.out.c proj/src/k.c 2>/dev/null &&
		head -n 1 k.d | grep -qx 'k.out.c: proj/src/k.c \\' &&
		grep -qx "  $proj/build/../inc/k.h" k.d &&
		grep -qx "$proj/build/../inc/k.h:" k.d
}
check "--depfile lists the header, with a rule of its own" depfile
check "--depfile needs an output file" \
	bash -c '"$0" --depfile=x.d proj/src/k.c 2>&1 | grep -q "error: --depfile needs -o"; [ "${PIPESTATUS[0]}" = 2 ]' "$L"

# --check over several files: the reports, then the table.
many() {
	"$L" --check -p proj/build proj/src/k.c proj/src/bad.c \
		>"$work/many.txt" 2>"$work/many.err"
	[ $? -eq 0 ] &&
		grep -q '^proj/src/k.c:.*remark: 1 function' many.txt &&
		grep -q '^proj/src/bad.c:.*remark: 1 function' many.txt &&
		grep -Eq '^file +functions +nests +fusable +illegal +not-analysable +groups +status$' many.txt &&
		grep -Eq '^proj/src/k.c +1 +2 +1 +0 +0 +1 +ok$' many.txt &&
		grep -Eq '^proj/src/bad.c +1 +2 +0 +1 +0 +0 +ok$' many.txt &&
		grep -Eq '^total \(2 files\) +2 +4 +1 +1 +0 +1 +ok$' many.txt &&
		[ ! -s "$work/many.err" ]
}
check "--check over two files: reports and a summary table" many
check "no progress line when stderr is no terminal" \
	bash -c '! grep -q checking "$0"' "$work/many.err"

fail_on() {
	"$L" --check --fail-on=illegal -p proj/build proj/src/k.c \
		proj/src/bad.c missing.c >"$work/fail.txt" 2>/dev/null
	[ $? -eq 1 ] &&
		grep -Eq '^proj/src/bad.c +1 +2 +0 +1 +0 +0 +fail-on$' fail.txt &&
		grep -Eq '^missing.c +- +- +- +- +- +- +error$' fail.txt &&
		grep -Eq '^total \(3 files\) .* error$' fail.txt
}
check "a file that fails and --fail-on show in the table" fail_on

whole_db() {
	"$L" --check -p proj/build >"$work/db.txt" 2>/dev/null &&
		grep -Eq "^$proj/src/k.c +1 +2 +1 " db.txt &&
		grep -Eq "^$proj/src/bad.c +1 +2 +0 +1 " db.txt
}
check "--check -p without files: every file of the database" whole_db
check "several files need --check" \
	bash -c '"$0" proj/src/k.c proj/src/bad.c 2>&1 | grep -q "unexpected argument .proj/src/bad.c."' "$L"
check "several files need --format=text" \
	bash -c '"$0" --check --format=json proj/src/k.c proj/src/bad.c 2>&1 | grep -q "needs --format=text"' "$L"

# On a terminal (script(1) gives one) the progress line shows, and is
# cleared at the end.
progress() {
	command -v script >/dev/null || return 0
	script -qec "$L --check -p proj/build proj/src/k.c proj/src/bad.c >/dev/null" \
		/dev/null >"$work/tty.txt" 2>&1 </dev/null
	grep -q $'\\[2/2\\] checking proj/src/bad.c' "$work/tty.txt" &&
		grep -q $'\033\\[K$' "$work/tty.txt"
}
check "a progress line on a terminal" progress

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
