#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end tests of inputs that loopfuse must refuse, or pass through
# without losing a byte.
#
#   bash tests/e2e/bad_input.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# Each case runs loopfuse on a file made in WORK_DIR and checks its exit
# status (0 done, 1 unreadable or unparsable input or a failed write,
# 2 usage), its messages (file:line:col: error: lines, or the remark
# that explains why nothing was done), and that the input file is
# byte-identical afterwards (or, for -i on a file loopfuse may change,
# exactly what it prints without -i).  Files that loopfuse rewrites are
# compiled and run against the original.
#
# The cases that need an unwritable file or directory drop root's
# privileges with setpriv when run as root, since root may write
# anyway; failing that they make the file immutable (chattr +i); failing
# that they print SKIP.
#
# Prints PASS, FAIL or SKIP per case, then "N passed, M failed"; exits 1
# if anything failed.

set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lf_e2e_args "$0" "$@"
rm -rf "$work" && mkdir -p "$work" || exit 2
work=$(cd "$work" && pwd)

passed=0
failed=0
skipped=0
# What the current case runs in, and why it failed.
dir=
why=
# The last run: its exit status, stdout in $dir/out and stderr in
# $dir/err.
rc=0

# begin NAME: start a case in a fresh directory $dir.
begin() {
	dir=$work/$1
	why=
	mkdir -p "$dir"
}

# end NAME: PASS unless a check has set $why.
end() {
	if [ -n "$why" ]; then
		printf 'FAIL %s: %s\n' "$1" "$why"
		failed=$((failed + 1))
	else
		printf 'PASS %s\n' "$1"
		passed=$((passed + 1))
	fi
}

skip() {
	printf 'SKIP %s: %s\n' "$1" "$2"
	skipped=$((skipped + 1))
}

# no: record the first reason of a failing case.
no() {
	[ -n "$why" ] || why=$*
}

# run [PREFIX...] -- ARGS...: run loopfuse with ARGS, after the words
# before "--" (say, setpriv and its options), from $dir.
run() {
	local -a pre=()
	while [ "$1" != -- ]; do
		pre+=("$1")
		shift
	done
	shift
	(cd "$dir" && timeout -k 5 "$LF_TOOL_TIMEOUT" "${pre[@]}" "$tool" "$@" \
		</dev/null >"$dir/out" 2>"$dir/err")
	rc=$?
	# In a sanitized build a report may come with the expected status.
	expect_no_err 'Sanitizer|runtime error:'
}

# run_to WHERE ARGS...: run loopfuse with ARGS from $dir, as run does,
# but with stdout on the file WHERE, or closed if WHERE is "-".
run_to() {
	local where=$1
	shift
	if [ "$where" = - ]; then
		(cd "$dir" && timeout -k 5 "$LF_TOOL_TIMEOUT" "$tool" "$@" \
			</dev/null >&- 2>"$dir/err")
	else
		(cd "$dir" && timeout -k 5 "$LF_TOOL_TIMEOUT" "$tool" "$@" \
			</dev/null >"$where" 2>"$dir/err")
	fi
	rc=$?
	expect_no_err 'Sanitizer|runtime error:'
}

# expect_status N: the last run exited with N.
expect_status() {
	[ "$rc" -eq "$1" ] ||
		no "exit status $rc, want $1: $(lf_first_line "$dir/err")"
}

# expect_err ERE: a line of the last run's stderr matches ERE.
expect_err() {
	grep -Eq -e "$1" -- "$dir/err" ||
		no "no stderr line matches $1: $(lf_first_line "$dir/err")"
}

# expect_no_err ERE: no line of the last run's stderr matches ERE.
expect_no_err() {
	! grep -Eq -e "$1" -- "$dir/err" ||
		no "stderr has $(grep -Em1 -e "$1" -- "$dir/err")"
}

# expect_err_only ERE: the last run's stderr is one line, matching ERE.
expect_err_only() {
	expect_err "$1"
	[ "$(wc -l <"$dir/err")" -eq 1 ] ||
		no "stderr has $(wc -l <"$dir/err") lines, want 1"
}

# expect_empty_out: the last run printed nothing on stdout.
expect_empty_out() {
	[ ! -s "$dir/out" ] || no "stdout is not empty"
}

# expect_same A B: files A and B have the same bytes.
expect_same() {
	cmp -s -- "$1" "$2" || no "${1##*/} differs from ${2##*/}"
}

# expect_only DIR NAME...: DIR holds exactly the entries NAME... (no
# temporary file was left behind, no file was made).
expect_only() {
	local d=$1 got want
	shift
	got=$(cd "$d" && LC_ALL=C ls -A | tr '\n' ' ')
	want=
	[ $# -eq 0 ] || want=$(printf '%s\n' "$@" | LC_ALL=C sort | tr '\n' ' ')
	[ "$got" = "$want" ] || no "${d##*/}/ holds [$got], want [$want]"
}

# save DIR/FILE: keep a copy of FILE as DIR/NAME.saved.EXT (NAME.EXT
# being FILE), which a compiler still takes for what FILE is, or as
# DIR/FILE.saved.
save() {
	local d=${1%/*} f=${1##*/}
	case $f in
	*.*) cp -p -- "$1" "$d/${f%.*}.saved.${f##*.}" ;;
	*) cp -p -- "$1" "$d/$f.saved" ;;
	esac
}

# compare ORIGINAL REWRITTEN: both build and print the same.
compare() {
	mkdir -p "$dir/cmp"
	LF_COMPILER_ARGS=()
	lf_compare_programs "$1" "$2" "$dir/cmp" || no "$LF_WHY"
}

# A kernel with two fusable nests and a main that prints the result;
# main calls the kernel apart from its loop, so only the kernel changes.
kernel() {
	cat <<'EOF'
#include <stdio.h>

#define N 128

/* Two element-wise passes over a matrix. */
static float a[N][N], b[N][N];

static void kernel(float s)
{
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			a[i][j] = s * i + j;
	/* then scale */
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			b[i][j] = a[i][j] * 0.5f + 1.0f;
}

int main(void)
{
	kernel(3.0f);

	double sum = 0;
	for (int i = 0; i < N; i++)
		for (int j = 0; j < N; j++)
			sum += b[i][j] * (i + 2 * j + 1);
	printf("%.3f\n", sum);
	return 0;
}
EOF
}

# The line and column of the first for of kernel(), and the note.
kernel_note='^k\.c:10:2: note: fused 2 loop nests into 1'

# --- usage ----------------------------------------------------------

# check_option_error OPTION MESSAGE: loopfuse k.c OPTION is a usage
# error, said in two lines: "loopfuse: error: MESSAGE" and the hint.
check_option_error() {
	run -- k.c "$1"
	expect_status 2
	expect_err "^loopfuse: error: $2\$"
	expect_err "^Try 'loopfuse --help'\\.\$"
	[ "$(wc -l <"$dir/err")" -eq 2 ] ||
		no "$1: stderr has $(wc -l <"$dir/err") lines, want 2"
	expect_empty_out
}

test_usage() {
	local arg
	begin usage
	kernel >"$dir/k.c"
	cp "$dir/k.c" "$dir/l.c"
	save "$dir/k.c"
	save "$dir/l.c"
	run -- --no-such-option k.c
	expect_status 2
	expect_err "^loopfuse: error: unknown option '--no-such-option'$"
	expect_err "^Try 'loopfuse --help'\\.$"
	expect_empty_out
	# getopt's own messages would start with the full path of the tool.
	# Every error line is ours: "loopfuse: error: ..." and the hint.
	check_option_error --no-such=3 "unknown option '--no-such'"
	check_option_error -q "unknown option '-q'"
	check_option_error -iq "unknown option '-q'"
	check_option_error --f "ambiguous option '--f'"
	check_option_error -o "option '-o' needs an argument"
	check_option_error --tile "option '--tile-size' needs an argument"
	check_option_error --function "option '--function' needs an argument"
	check_option_error --diff=3 "option '--diff' takes no argument"
	check_option_error --in-place=yes "option '--in-place' takes no argument"
	run -- -o '' k.c
	expect_status 2
	expect_err '^loopfuse: error: -o needs a file name$'
	run --
	expect_status 2
	expect_err '^loopfuse: error: no input file$'
	run -- -i k.c l.c
	expect_status 2
	expect_err "^loopfuse: error: unexpected argument 'l.c'$"
	run -- --tile-size=-3 k.c
	expect_status 2
	expect_err "^loopfuse: error: not a valid tile size: '-3'$"
	run -- --tile-size=8,x k.c
	expect_status 2
	expect_err "^loopfuse: error: not a valid tile size: 'x'$"
	for arg in 4, ,4 4,,8 , ''; do
		run -- "--tile-size=$arg" k.c
		expect_status 2
		expect_err "^loopfuse: error: empty tile size in '$arg'$"
		expect_empty_out
	done
	for arg in 32K,2M, 32K,,2M ,2M 32K,; do
		run -- "--cache=$arg" k.c
		expect_status 2
		expect_err "^loopfuse: error: not valid cache sizes \\(L1,L2\\): '$arg'$"
	done
	run -- -i -o out.c k.c
	expect_status 2
	expect_err 'exclude each other'
	expect_same "$dir/k.c" "$dir/k.saved.c"
	expect_same "$dir/l.c" "$dir/l.saved.c"
	expect_only "$dir" err k.c k.saved.c l.c l.saved.c out
	end usage
}

test_no_function() {
	local name
	begin no-function
	kernel >"$dir/k.c"
	save "$dir/k.c"
	# Not in the file, or declared there (printf) but not defined.
	for name in nosuch printf; do
		run -- --function=$name k.c
		expect_status 0
		expect_err_only "^k\\.c:1:1: warning: no function named '$name' is defined in this file\$"
		expect_same "$dir/out" "$dir/k.c"
		run -- --check --function=$name k.c
		expect_status 0
		expect_err_only "^k\\.c:1:1: warning: no function named '$name' "
	done
	run -- -i --function=nosuch k.c
	expect_status 0
	expect_err_only "^k\\.c:1:1: warning: no function named 'nosuch' "
	expect_same "$dir/k.c" "$dir/k.saved.c"
	run -- --function=kernel k.c
	expect_status 0
	expect_err_only "$kernel_note"
	expect_only "$dir" err k.c k.saved.c out
	end no-function
}

# --- files that cannot be read or parsed ------------------------------

test_missing() {
	begin missing
	run -- missing.c
	expect_status 1
	expect_err '^missing\.c:1:1: error: cannot read: No such file or dir'
	expect_empty_out
	run -- -i missing.c
	expect_status 1
	run -- -o out.c missing.c
	expect_status 1
	expect_only "$dir" err out
	end missing
}

test_directory() {
	begin directory
	mkdir -p "$dir/d.c"
	run -- d.c
	expect_status 1
	expect_err '^d\.c:1:1: error: cannot read: Is a directory$'
	expect_empty_out
	run -- -i d.c
	expect_status 1
	expect_only "$dir/d.c"
	end directory
}

test_empty() {
	begin empty
	: >"$dir/e.c"
	run -- e.c
	expect_status 0
	expect_empty_out
	expect_no_err .
	run -- -i e.c
	expect_status 0
	[ ! -s "$dir/e.c" ] || no "e.c is not empty any more"
	expect_only "$dir" e.c err out
	end empty
}

test_binary() {
	begin binary
	# NUL bytes: refused before parsing.
	printf '\177ELF\002\001\001\000\000\000int x;\n' >"$dir/nul.c"
	save "$dir/nul.c"
	run -- -i nul.c
	expect_status 1
	expect_err '^nul\.c:1:1: error: file contains NUL bytes, not C source$'
	expect_same "$dir/nul.c" "$dir/nul.saved.c"
	# No NUL, but no C either: clang says where.
	printf '\377\376\001\002\200\201\033[0m\nint \300\301;\n\x7f\x7f\n' \
		>"$dir/bin.c"
	save "$dir/bin.c"
	run -- -i bin.c
	expect_status 1
	expect_err '^bin\.c:[0-9]+:[0-9]+: error: '
	expect_same "$dir/bin.c" "$dir/bin.saved.c"
	expect_only "$dir" bin.c bin.saved.c err nul.c nul.saved.c out
	end binary
}

test_not_c() {
	local i
	begin not-c
	# Text that is not C: clang stops after 20 errors with a fatal
	# error.  The first five are shown, then one line counts the rest.
	for i in $(seq 40); do
		printf 'Dear diary; day %d; tea @ 5pm;\n' "$i"
	done >"$dir/t.c"
	save "$dir/t.c"
	run -- t.c
	expect_status 1
	[ "$(grep -Ec '^t\.c:[0-9]+:[0-9]+: error: ' "$dir/err")" -eq 6 ] ||
		no "not 6 error lines: $(wc -l <"$dir/err") lines"
	[ "$(wc -l <"$dir/err")" -eq 6 ] ||
		no "stderr has $(wc -l <"$dir/err") lines, want 6"
	expect_err "^t\.c:1:1: error: unknown type name 'Dear'$"
	tail -n 1 "$dir/err" | grep -Eq '^t\.c:1:1: error: at least [0-9]+ more errors; is this a C file\?$' ||
		no "last line: $(tail -n 1 "$dir/err")"
	expect_no_err 'too many errors'
	expect_empty_out
	run -- -i t.c
	expect_status 1
	run -- -o out.c t.c
	expect_status 1
	expect_same "$dir/t.c" "$dir/t.saved.c"
	# Seven errors, all counted.
	printf 'int f%s(void) { return %s; }\n' a a b b c c d d e e f f g g \
		>"$dir/e.c"
	run -- e.c
	expect_status 1
	expect_err "^e\.c:1:23: error: use of undeclared identifier 'a'$"
	expect_err "^e\.c:5:23: error: use of undeclared identifier 'e'$"
	expect_no_err "identifier 'f'"
	tail -n 1 "$dir/err" | grep -Eq '^e\.c:1:1: error: 2 more errors$' ||
		no "last line: $(tail -n 1 "$dir/err")"
	# An error of the compiler arguments concerns no file.
	run -- e.c -- -no-such-flag
	expect_status 1
	expect_err "^loopfuse: error: unknown argument: '-no-such-flag'$"
	expect_only "$dir" e.c err out t.c t.saved.c
	end not-c
}

test_syntax_error() {
	begin syntax-error
	# A fusable kernel, but the file does not parse.
	kernel | sed 's/sum += b\[i\]\[j\]/sum += b[i][j] +/' >"$dir/k.c"
	save "$dir/k.c"
	run -- k.c
	expect_status 1
	expect_err '^k\.c:26:[0-9]+: error: '
	expect_no_err 'note: fused'
	expect_empty_out
	run -- -i k.c
	expect_status 1
	run -- --diff k.c
	expect_status 1
	expect_empty_out
	run -- -o out.c k.c
	expect_status 1
	expect_same "$dir/k.c" "$dir/k.saved.c"
	expect_only "$dir" err k.c k.saved.c out
	end syntax-error
}

# --- output that cannot be written ------------------------------------

test_stdout_full() {
	local args
	begin stdout-full
	kernel >"$dir/k.c"
	save "$dir/k.c"
	# Every write to /dev/full fails with ENOSPC, as on a full disk:
	# whatever goes to stdout, the write, the flush and the close are
	# checked.
	for args in k.c '--diff k.c' '--check k.c' \
		'--check --format=json k.c' '--check --format=sarif k.c' \
		'--check --fail-on=any k.c' --help --version; do
		# shellcheck disable=SC2086
		run_to /dev/full $args
		expect_status 1
		expect_err_only '^loopfuse: error: cannot write to standard output: No space left on device$'
	done
	# Also with nothing fused (the input printed back).
	printf 'int x;\n' >"$dir/x.c"
	run_to /dev/full x.c
	expect_status 1
	expect_err_only '^loopfuse: error: cannot write to standard output: '
	# A closed stdout is an error only if something goes to it.
	run_to - k.c
	expect_status 1
	expect_err_only '^loopfuse: error: cannot write to standard output: Bad file descriptor$'
	run_to - -o out.c k.c
	expect_status 0
	expect_err "$kernel_note"
	expect_same "$dir/k.c" "$dir/k.saved.c"
	expect_only "$dir" err k.c k.saved.c out.c x.c
	end stdout-full
}

test_output_not_file() {
	begin output-not-file
	kernel >"$dir/k.c"
	save "$dir/k.c"
	mkdir -p "$dir/d.c"
	run -- -o d.c k.c
	expect_status 1
	expect_err_only '^d\.c:1:1: error: cannot write: Is a directory$'
	expect_empty_out
	expect_only "$dir/d.c"
	# A device is no file to replace: -o refuses it rather than rename
	# a file over it (stdout is the way to a device).
	run -- -o /dev/full k.c
	expect_status 1
	expect_err_only '^/dev/full:1:1: error: cannot write: not a regular file$'
	[ -c /dev/full ] || no "/dev/full is not a device any more"
	[ -z "$(find /dev -maxdepth 1 -name 'full.*' -print -quit)" ] ||
		no "a temporary file was left in /dev"
	expect_same "$dir/k.c" "$dir/k.saved.c"
	expect_only "$dir" d.c err k.c k.saved.c out
	end output-not-file
}

test_full_fs() {
	local what
	begin full-fs
	mkdir -p "$dir/full"
	if ! unshare -rm mount -t tmpfs -o size=16k tmpfs "$dir/full" \
		2>/dev/null; then
		skip full-fs "cannot mount a tmpfs in a user namespace"
		return
	fi
	kernel >"$dir/k.c"
	save "$dir/k.c"
	# In a namespace of its own, $dir/full is a 16 KiB tmpfs that a
	# filler fills up, holding a copy of k.c: -o into it and -i on the
	# copy fail on the way (ENOSPC) and leave it as it was.
	(cd "$dir" && unshare -rm bash -s "$tool" "$LF_TOOL_TIMEOUT") \
		>"$dir/ns.out" 2>&1 <<-'EOF'
	mount -t tmpfs -o size=16k tmpfs full || exit 99
	cp k.c full/k.c && chmod 640 full/k.c || exit 98
	head -c 1M /dev/zero >full/filler 2>/dev/null
	timeout -k 5 "$2" "$1" -o full/out.c k.c >o.out 2>o.err
	echo $? >o.rc
	timeout -k 5 "$2" "$1" -i full/k.c >i.out 2>i.err
	echo $? >i.rc
	cp -p full/k.c i.after.c
	ls -A full >ls.txt
	EOF
	[ -s "$dir/o.rc" ] || no "the namespace failed: $(lf_first_line "$dir/ns.out")"
	for what in o i; do
		rc=$(cat "$dir/$what.rc" 2>/dev/null || echo none)
		cp "$dir/$what.err" "$dir/err" 2>/dev/null
		expect_status 1
		expect_no_err 'Sanitizer|runtime error:'
		[ ! -s "$dir/$what.out" ] || no "-$what printed on stdout"
	done
	cp "$dir/o.err" "$dir/err"
	expect_err_only '^full/out\.c:1:1: error: cannot write: No space left on device$'
	cp "$dir/i.err" "$dir/err"
	expect_err_only '^full/k\.c:1:1: error: cannot write: No space left on device$'
	expect_same "$dir/i.after.c" "$dir/k.saved.c"
	[ "$(stat -c %a "$dir/i.after.c")" = 640 ] || no "full/k.c lost its mode"
	[ "$(tr '\n' ' ' <"$dir/ls.txt")" = "filler k.c " ] ||
		no "full/ holds [$(tr '\n' ' ' <"$dir/ls.txt")], want [filler k.c ]"
	expect_same "$dir/k.c" "$dir/k.saved.c"
	end full-fs
}

test_hard_link() {
	local inode
	begin hard-link
	kernel >"$dir/k.c"
	save "$dir/k.c"
	ln "$dir/k.c" "$dir/other.c"
	inode=$(stat -c %i "$dir/k.c")
	# A rename would leave other.c with the old text: refused.
	run -- -i k.c
	expect_status 1
	expect_err_only '^k\.c:1:1: error: cannot write in place: k\.c has 2 hard links; use -o$'
	expect_same "$dir/k.c" "$dir/k.saved.c"
	[ "$(stat -c %i:%h "$dir/k.c")" = "$inode:2" ] ||
		no "k.c is not the same file with two links any more"
	# Nothing to write, nothing refused.
	printf 'int x;\n' >"$dir/x.c"
	ln "$dir/x.c" "$dir/y.c"
	run -- -i x.c
	expect_status 0
	expect_no_err .
	expect_only "$dir" err k.c k.saved.c other.c out x.c y.c
	end hard-link
}

# --- C that gcc takes --------------------------------------------------

test_gcc_accepts() {
	begin gcc-accepts
	cat >"$dir/old.c" <<'EOF'
#include <stdio.h>

/* Four things C99 no longer allows and gcc 12 still takes, with a
 * warning: an implicit int, an undeclared function, an integer made a
 * pointer, and a function pointer of another type.
 */
static count = 3;

static int twice(int v)
{
	return 2 * v;
}

int main(void)
{
	int *p = 0x10;
	long (*f)(long) = twice;

	printf("%d %d %d\n", count, half(8), p != 0 && f != 0);
	return 0;
}

int half(int v)
{
	return v / 2;
}
EOF
	"$LF_CC" -std=c11 -c -o "$dir/old.o" "$dir/old.c" 2>/dev/null ||
		no "$LF_CC does not build old.c"
	rm -f "$dir/old.o"
	# clang 19 makes these errors by default; loopfuse parses as gcc
	# builds.
	run -- old.c
	expect_status 0
	expect_no_err .
	expect_same "$dir/out" "$dir/old.c"
	# The user's own flags come later and win.
	run -- old.c -- -Werror=implicit-int
	expect_status 1
	expect_err_only "^old\\.c:7:8: error: type specifier missing, defaults to 'int'"
	expect_only "$dir" err old.c out
	end gcc-accepts
}

# --- bytes that must survive ------------------------------------------

# check_fused FILE: loopfuse fuses FILE (the kernel as $dir/k.c); the
# input stays as it was, -i writes what stdout showed, and the result
# builds and prints the same.
check_fused() {
	save "$dir/k.c"
	run -- k.c
	expect_status 0
	expect_err "$kernel_note"
	expect_same "$dir/k.c" "$dir/k.saved.c"
	cp "$dir/out" "$dir/fused.c"
	cmp -s "$dir/fused.c" "$dir/k.c" && no "nothing was fused"
	run -- -i k.c
	expect_status 0
	expect_same "$dir/k.c" "$dir/fused.c"
	compare "$dir/k.saved.c" "$dir/fused.c"
}

# same_outside FUSED ORIGINAL: the lines of ORIGINAL before and after
# the two nests (lines 10-16 of the kernel) are in FUSED, byte for
# byte, at its start and at its end.
same_outside() {
	local n
	n=$(wc -l <"$2")
	cmp -s <(head -n 9 "$1") <(head -n 9 "$2") ||
		no "the lines before the nests changed"
	cmp -s <(tail -n $((n - 16)) "$1") <(tail -n $((n - 16)) "$2") ||
		no "the lines after the nests changed"
}

test_non_utf8() {
	begin non-utf8
	# Latin-1 and stray bytes in comments, also in the fused range.
	kernel | sed -e 's|Two element-wise|Deux \xe9tapes \xff\xfe|' \
		-e 's|then scale|puis \xe0 l'"'"'\xe9chelle \x80\x81|' \
		>"$dir/k.c"
	LC_ALL=C grep -q $'\xe0' "$dir/k.c" || no "sed did not write the bytes"
	check_fused
	same_outside "$dir/fused.c" "$dir/k.saved.c"
	LC_ALL=C grep -q $'puis \xe0 l.\xe9chelle \x80\x81' "$dir/fused.c" ||
		no "the comment inside the fused range was lost"
	end non-utf8
}

test_crlf() {
	begin crlf
	kernel | sed 's/$/\r/' >"$dir/k.c"
	check_fused
	same_outside "$dir/fused.c" "$dir/k.saved.c"
	# Every line of the result, also those generated, ends in CR LF.
	if LC_ALL=C grep -qv $'\r$' "$dir/fused.c"; then
		no "line $(LC_ALL=C grep -nvm1 $'\r$' "$dir/fused.c" |
			cut -d: -f1) of the output does not end in CR LF"
	fi
	end crlf
}

test_cr_only() {
	begin cr-only
	# Old Mac line ends: CR alone.  Locations count its lines, and the
	# result is the LF file's result with every LF a CR again.
	kernel >"$dir/lf.c"
	tr '\n' '\r' <"$dir/lf.c" >"$dir/k.c"
	check_fused
	[ "$(tr -cd '\n' <"$dir/fused.c" | wc -c)" -eq 0 ] ||
		no "the output has an LF"
	"$tool" "$dir/lf.c" >"$dir/lf.fused.c" 2>/dev/null ||
		no "the LF file was not rewritten"
	tr '\r' '\n' <"$dir/fused.c" | cmp -s - "$dir/lf.fused.c" ||
		no "the output is not the LF file's output with CRs"
	end cr-only
}

test_no_final_newline() {
	begin no-final-newline
	kernel | head -c -1 >"$dir/k.c"
	check_fused
	same_outside "$dir/fused.c" "$dir/k.saved.c"
	[ "$(tail -c 2 "$dir/fused.c" | od -An -c | tr -d ' ')" = '\n}' ] ||
		no "the output does not end in a } without newline"
	end no-final-newline
}

test_no_suffix() {
	begin no-suffix
	# Read as C whatever the name ends in.
	kernel >"$dir/kernel"
	save "$dir/kernel"
	run -- kernel
	expect_status 0
	expect_err '^kernel:10:2: note: fused 2 loop nests into 1'
	expect_same "$dir/kernel" "$dir/kernel.saved"
	kernel >"$dir/k.txt"
	run -- k.txt
	expect_status 0
	expect_err '^k\.txt:10:2: note: fused 2 loop nests into 1'
	end no-suffix
}

# --- files -i may not write -------------------------------------------

# How to make a file that loopfuse may not write: "user" (we are not
# root, permissions are enough), "setpriv" (run loopfuse as nobody on
# files that nobody owns), "chattr" (make them immutable) or "" (no
# way).
unwritable_how() {
	if [ "$(id -u)" -ne 0 ]; then
		echo user
	elif command -v setpriv >/dev/null &&
		setpriv --reuid=65534 --regid=65534 --clear-groups -- \
			"$tool" --version >/dev/null 2>&1; then
		echo setpriv
	elif command -v chattr >/dev/null && : >"$work/attr-probe" &&
		chattr +i "$work/attr-probe" 2>/dev/null; then
		chattr -i "$work/attr-probe"
		echo chattr
	fi
	rm -f "$work/attr-probe"
}

# locked_dir NAME: a fresh directory $dir that nobody can use after
# setpriv (under /tmp, since the work directory may be closed to it).
locked_dir() {
	if [ "$how" = setpriv ]; then
		dir=$(mktemp -d "${TMPDIR:-/tmp}/lf-bad-input.XXXXXX") ||
			return 1
		chmod 755 "$dir" && chown 65534:65534 "$dir"
		tmp_dirs+=("$dir")
	else
		mkdir -p "$dir"
	fi
}

# as_nobody FILE...: make FILE... belong to nobody under setpriv.
as_nobody() {
	[ "$how" = setpriv ] && chown 65534:65534 "$@"
	return 0
}

# lock PATH: make PATH unwritable; unlock PATH: undo it.
lock() {
	case $how in
	chattr) chattr +i "$1" && locked+=("$1") ;;
	*) chmod a-w "$1" ;;
	esac
}

unlock() {
	case $how in
	chattr) chattr -i "$1" ;;
	*) chmod u+w "$1" ;;
	esac
}

# What a write the lock forbids fails with: EPERM for chattr.
denied='(Permission denied|Operation not permitted)'

run_locked() {
	if [ "$how" = setpriv ]; then
		run setpriv --reuid=65534 --regid=65534 --clear-groups -- "$@"
	else
		run -- "$@"
	fi
}

test_readonly_file() {
	begin readonly-file
	if ! locked_dir; then
		no "cannot make a directory"
		end readonly-file
		return
	fi
	kernel >"$dir/k.c"
	save "$dir/k.c"
	as_nobody "$dir/k.c"
	lock "$dir/k.c"
	run_locked -i k.c
	expect_status 1
	expect_err "^k\\.c:1:1: error: cannot write: $denied\$"
	expect_empty_out
	expect_same "$dir/k.c" "$dir/k.saved.c"
	expect_only "$dir" err k.c k.saved.c out
	unlock "$dir/k.c"
	end "readonly-file ($how)"
}

test_readonly_dir() {
	begin readonly-dir
	if ! locked_dir; then
		no "cannot make a directory"
		end readonly-dir
		return
	fi
	kernel >"$dir/k.c"
	save "$dir/k.c"
	as_nobody "$dir/k.c"
	mkdir -p "$dir/ro"
	cp -p "$dir/k.c" "$dir/ro/k.c"
	as_nobody "$dir/ro" "$dir/ro/k.c"
	lock "$dir/ro"
	run_locked -i ro/k.c
	expect_status 1
	expect_err "^ro/k\\.c:1:1: error: cannot write: $denied\$"
	expect_empty_out
	expect_same "$dir/ro/k.c" "$dir/k.saved.c"
	expect_only "$dir/ro" k.c
	# -o into it fails the same way and leaves nothing.
	run_locked -o ro/out.c k.c
	expect_status 1
	expect_err '^ro/out\.c:1:1: error: cannot write: '
	expect_only "$dir/ro" k.c
	unlock "$dir/ro"
	end "readonly-dir ($how)"
}

# --- kernels loopfuse must not touch -----------------------------------

test_macro() {
	begin macro
	cat >"$dir/m.c" <<'EOF'
#include <stdio.h>

#define N 8192
#define TWO_NESTS(x, y)				\
	for (int i = 0; i < N; i++)		\
		x[i] = i;			\
	for (int i = 0; i < N; i++)		\
		y[i] = x[i] * 2;
#define EACH(i) for (int i = 0; i < N; i++)

static float a[N], b[N], c[N], d[N];

static void whole(void)
{
	TWO_NESTS(a, b)
}

static void headers(void)
{
	EACH(i)
		c[i] = i;
	EACH(i)
		d[i] = c[i] + 1;
}

int main(void)
{
	whole();
	headers();
	printf("%g %g\n", b[N - 1], d[N - 1]);
	return 0;
}
EOF
	save "$dir/m.c"
	run -- m.c
	expect_status 0
	expect_same "$dir/out" "$dir/m.c"
	expect_err '^m\.c:15:2: remark: .*macro expansion'
	expect_err '^m\.c:22:2: remark: .*macro expansion'
	expect_no_err 'note: fused'
	run -- -i m.c
	expect_status 0
	expect_same "$dir/m.c" "$dir/m.saved.c"
	end macro
}

# mtimes FILE...: their modification times, on one line.
mtimes() {
	stat -c %Y "$@" | tr '\n' ' '
}

test_include() {
	local h_time
	begin include
	mkdir -p "$dir/inc"
	# Fusable nests in a header, and in a fragment included inside a
	# function of the main file: only the main file's own nests change.
	cat >"$dir/inc/kern.h" <<'EOF'
#define N 8192
static float ha[N], hb[N], c[N], d[N];

static void header_kernel(void)
{
	for (int i = 0; i < N; i++)
		ha[i] = i;
	for (int i = 0; i < N; i++)
		hb[i] = ha[i] * 2;
}
EOF
	cat >"$dir/inc/body.inc" <<'EOF'
	for (int i = 0; i < N; i++)
		c[i] = i;
	for (int i = 0; i < N; i++)
		d[i] = c[i] + 1;
EOF
	cat >"$dir/k.c" <<'EOF'
#include <stdio.h>
#include "kern.h"

static float a[N], b[N];

static void main_kernel(void)
{
	for (int i = 0; i < N; i++)
		a[i] = i + 1;
	for (int i = 0; i < N; i++)
		b[i] = a[i] * 3;
}

static void fragment(void)
{
#include "body.inc"
}

int main(void)
{
	header_kernel();
	main_kernel();
	fragment();
	for (int i = 0; i < N; i++)
		printf("%g %g %g\n", hb[i], b[i], d[i]);
	return 0;
}
EOF
	save "$dir/inc/kern.h"
	save "$dir/inc/body.inc"
	save "$dir/k.c"
	touch -d '2001-01-01 00:00:00' "$dir/inc/kern.h" "$dir/inc/body.inc"
	h_time=$(mtimes "$dir/inc/kern.h" "$dir/inc/body.inc")
	run -- -i k.c -- -Iinc
	expect_status 0
	expect_err '^k\.c:8:2: note: fused 2 loop nests into 1'
	expect_no_err 'kern\.h|body\.inc'
	expect_same "$dir/inc/kern.h" "$dir/inc/kern.saved.h"
	expect_same "$dir/inc/body.inc" "$dir/inc/body.saved.inc"
	[ "$(mtimes "$dir/inc/kern.h" "$dir/inc/body.inc")" = "$h_time" ] ||
		no "an included file was written"
	expect_only "$dir/inc" body.inc body.saved.inc kern.h kern.saved.h
	cmp -s "$dir/k.c" "$dir/k.saved.c" && no "main_kernel was not fused"
	mkdir -p "$dir/cmp"
	LF_COMPILER_ARGS=(-I"$dir/inc")
	lf_compare_programs "$dir/k.saved.c" "$dir/k.c" "$dir/cmp" ||
		no "$LF_WHY"
	LF_COMPILER_ARGS=()
	end include
}

tmp_dirs=()
locked=()
cleanup() {
	local p
	for p in "${locked[@]}"; do
		chattr -i "$p" 2>/dev/null
	done
	for p in "${tmp_dirs[@]}"; do
		chmod -R u+w "$p" 2>/dev/null
		rm -rf "$p"
	done
}
trap cleanup EXIT

how=$(unwritable_how)

test_usage
test_no_function
test_missing
test_directory
test_empty
test_binary
test_not_c
test_syntax_error
test_stdout_full
test_output_not_file
test_full_fs
test_hard_link
test_gcc_accepts
test_non_utf8
test_crlf
test_cr_only
test_no_final_newline
test_no_suffix
if [ -n "$how" ]; then
	test_readonly_file
	test_readonly_dir
else
	skip readonly-file "running as root without setpriv or chattr +i"
	skip readonly-dir "running as root without setpriv or chattr +i"
fi
test_macro
test_include

printf '%d passed, %d failed' "$passed" "$failed"
[ "$skipped" -eq 0 ] || printf ', %d skipped' "$skipped"
printf '\n'
[ "$failed" -eq 0 ]
