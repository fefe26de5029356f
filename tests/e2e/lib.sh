# SPDX-License-Identifier: MIT
# shellcheck shell=bash
#
# Helpers shared by the end-to-end scripts (testdata.sh, and the fuzzer
# that builds on them): reading the directives at the top of a test
# file, checking loopfuse's stderr against them, and building, running
# and comparing an original C program and its rewritten version.
#
# Source this file; it defines functions and variables only.  Run on its
# own (bash lib.sh [TOOL SOURCE_DIR WORK_DIR], as CTest does for every
# tests/e2e/*.sh) it checks its own helpers and needs no loopfuse.
#
# Directives are "//" comment lines before any code (blank lines may
# separate them):
#   // RUN-ARGS: OPTIONS [-- COMPILER_ARGS]
#       loopfuse options; words are split on white space, without
#       quoting.  COMPILER_ARGS go to loopfuse after the file name and
#       also to the C compiler that builds both programs.
#   // EXPECT-STDERR: ERE
#       an extended regular expression that must match at least one line
#       of loopfuse's stderr (repeatable).
#   // EXPECT-TILED: ERE
#       the same, but only where tiling is allowed (not checked under
#       --tile-size=0).
#   // EXPECT-UNCHANGED
#       loopfuse's output must be byte-identical to the input.
#
# Failing helpers return 1 and leave a one-line reason in LF_WHY.

LF_CC=${LF_CC:-gcc}
LF_CFLAGS=(-std=c11 -O1 -ffp-contract=off -Wall -Wextra)
LF_LDLIBS=(-lm)
# Seconds a test program, and loopfuse itself, may run.
LF_RUN_TIMEOUT=${LF_RUN_TIMEOUT:-20}
LF_TOOL_TIMEOUT=${LF_TOOL_TIMEOUT:-120}

LF_WHY=
LF_TOOL_OPTS=()

# lf_e2e_args SCRIPT ARGS...
# Every end-to-end script takes LOOPFUSE SOURCE_DIR WORK_DIR: sets tool
# (made absolute), srcdir and work, or exits with a usage message.
lf_e2e_args() {
	if [ $# -ne 4 ]; then
		echo "usage: $1 LOOPFUSE SOURCE_DIR WORK_DIR" >&2
		exit 2
	fi
	case $2 in /*) tool=$2 ;; *) tool=$PWD/$2 ;; esac
	# shellcheck disable=SC2034
	srcdir=$3
	# shellcheck disable=SC2034
	work=$4
}

LF_COMPILER_ARGS=()

# lf_directive_values FILE NAME
# Prints the value of every "// NAME: value" directive of FILE, one a
# line, in order, with surrounding white space (and a CR) removed.
lf_directive_values() {
	local file=$1 name=$2 line body
	while IFS= read -r line || [ -n "$line" ]; do
		line=${line%$'\r'}
		case $line in
		//*) ;;
		*[![:space:]]*) break ;;
		*) continue ;;
		esac
		body=${line#//}
		body=${body#"${body%%[![:space:]]*}"}
		case $body in
		"$name":*)
			body=${body#"$name":}
			body=${body#"${body%%[![:space:]]*}"}
			body=${body%"${body##*[![:space:]]}"}
			printf '%s\n' "$body"
			;;
		esac
	done <"$file"
}

# lf_has_directive FILE NAME
# Succeeds when FILE has the directive NAME, with or without a value.
lf_has_directive() {
	local file=$1 name=$2 line body
	while IFS= read -r line || [ -n "$line" ]; do
		line=${line%$'\r'}
		case $line in
		//*) ;;
		*[![:space:]]*) break ;;
		*) continue ;;
		esac
		body=${line#//}
		body=${body#"${body%%[![:space:]]*}"}
		body=${body%"${body##*[![:space:]]}"}
		case $body in
		"$name" | "$name":*) return 0 ;;
		esac
	done <"$file"
	return 1
}

# lf_parse_run_args FILE
# Sets LF_TOOL_OPTS (the words before "--") and LF_COMPILER_ARGS (the
# words after it) from FILE's RUN-ARGS directives, taken together.
lf_parse_run_args() {
	local file=$1 value word after=0
	local -a words
	LF_TOOL_OPTS=()
	LF_COMPILER_ARGS=()
	while IFS= read -r value; do
		read -r -a words <<<"$value"
		for word in "${words[@]}"; do
			if [ "$after" -eq 0 ] && [ "$word" = "--" ]; then
				after=1
			elif [ "$after" -eq 0 ]; then
				LF_TOOL_OPTS+=("$word")
			else
				LF_COMPILER_ARGS+=("$word")
			fi
		done
	done < <(lf_directive_values "$file" RUN-ARGS)
}

# lf_run_tool OUT_DIR TOOL SOURCE [EXTRA_OPTION...]
# Runs TOOL with LF_TOOL_OPTS, the extra options, SOURCE and (after
# "--") LF_COMPILER_ARGS.  Writes OUT_DIR/rewritten.c (stdout),
# OUT_DIR/stderr.txt and OUT_DIR/command.txt.  Fails unless it exits 0.
lf_run_tool() {
	local dir=$1 tool=$2 src=$3 rc
	shift 3
	local -a cmd=("$tool" "${LF_TOOL_OPTS[@]}" "$@" "$src")
	if [ ${#LF_COMPILER_ARGS[@]} -gt 0 ]; then
		cmd+=(-- "${LF_COMPILER_ARGS[@]}")
	fi
	printf '%q ' "${cmd[@]}" >"$dir/command.txt"
	printf '\n' >>"$dir/command.txt"
	timeout -k 5 "$LF_TOOL_TIMEOUT" "${cmd[@]}" \
		<"/dev/null" >"$dir/rewritten.c" 2>"$dir/stderr.txt"
	rc=$?
	if [ "$rc" -eq 124 ]; then
		LF_WHY="loopfuse timed out after ${LF_TOOL_TIMEOUT}s"
		return 1
	elif [ "$rc" -ne 0 ]; then
		LF_WHY="loopfuse exited with status $rc: $(lf_first_line "$dir/stderr.txt")"
		return 1
	fi
	return 0
}

# lf_check_stderr STDERR_FILE SOURCE [TILED]
# Checks every EXPECT-STDERR directive of SOURCE against STDERR_FILE,
# and every EXPECT-TILED one unless TILED is 0.
lf_check_stderr() {
	local stderr_file=$1 src=$2 tiled=${3:-1} re rc directive
	local -a directives=(EXPECT-STDERR)
	[ "$tiled" = 1 ] && directives+=(EXPECT-TILED)
	for directive in "${directives[@]}"; do
		while IFS= read -r re; do
			[ -n "$re" ] || continue
			grep -Eq -e "$re" -- "$stderr_file"
			rc=$?
			if [ "$rc" -eq 1 ]; then
				LF_WHY="no stderr line matches: $re"
				return 1
			elif [ "$rc" -ne 0 ]; then
				LF_WHY="bad $directive regex: $re"
				return 1
			fi
		done < <(lf_directive_values "$src" "$directive")
	done
	return 0
}

# lf_check_unchanged SOURCE OUTPUT
# If SOURCE says EXPECT-UNCHANGED, OUTPUT must be byte-identical to it.
lf_check_unchanged() {
	local src=$1 out=$2
	if lf_has_directive "$src" EXPECT-UNCHANGED && ! cmp -s -- "$src" "$out"; then
		LF_WHY="EXPECT-UNCHANGED, but the output differs from the input"
		return 1
	fi
	return 0
}

# lf_first_diag FILE: the first error or warning line of a compiler's
# output, else its first line, for messages.
lf_first_diag() {
	local line
	line=$(grep -m1 -E '(error|warning):' -- "$1")
	if [ -n "$line" ]; then
		printf '%s' "${line##*/}"
	else
		lf_first_line "$1"
	fi
}

# lf_first_line FILE: the first non-empty line of FILE, for messages.
lf_first_line() {
	local line
	while IFS= read -r line; do
		if [ -n "$line" ]; then
			printf '%s' "$line"
			return 0
		fi
	done <"$1"
	printf '(no output)'
}

# lf_build SOURCE PREFIX WERROR
# Compiles SOURCE with LF_CC, LF_CFLAGS and LF_COMPILER_ARGS (plus
# -Werror when WERROR is 1) into PREFIX.exe; diagnostics go to
# PREFIX.cc.txt.  Fails if the compiler fails or, with WERROR, warns;
# but for a static function left unused, which is what fusing all the
# calls of a function leaves (its definition stays).
lf_build() {
	local src=$1 prefix=$2 werror=$3
	local -a flags=("${LF_CFLAGS[@]}")
	[ "$werror" = 1 ] && flags+=(-Werror -Wno-unused-function)
	if ! "$LF_CC" "${flags[@]}" "${LF_COMPILER_ARGS[@]}" -o "$prefix.exe" \
		"$src" "${LF_LDLIBS[@]}" >"$prefix.cc.txt" 2>&1; then
		LF_WHY="$LF_CC failed: $(lf_first_diag "$prefix.cc.txt")"
		return 1
	fi
	if [ "$werror" = 1 ] && [ -s "$prefix.cc.txt" ]; then
		LF_WHY="$LF_CC warned: $(lf_first_diag "$prefix.cc.txt")"
		return 1
	fi
	return 0
}

# lf_run PREFIX
# Runs PREFIX.exe under a timeout; stdout to PREFIX.out, stderr to
# PREFIX.err.  Fails on a timeout or a non-zero exit.
lf_run() {
	local prefix=$1 rc
	timeout -k 5 "$LF_RUN_TIMEOUT" "$prefix.exe" \
		<"/dev/null" >"$prefix.out" 2>"$prefix.err"
	rc=$?
	if [ "$rc" -eq 124 ]; then
		LF_WHY="$(basename "$prefix") timed out after ${LF_RUN_TIMEOUT}s"
		return 1
	elif [ "$rc" -ne 0 ]; then
		LF_WHY="$(basename "$prefix") exited with status $rc"
		return 1
	fi
	return 0
}

# lf_build_and_run SOURCE PREFIX WERROR: lf_build, then lf_run.
lf_build_and_run() {
	lf_build "$1" "$2" "$3" && lf_run "$2"
}

# lf_compare_outputs ORIG_PREFIX NEW_PREFIX
# The two programs' stdout must be the same bytes.
lf_compare_outputs() {
	local first
	if ! first=$(cmp -- "$1.out" "$2.out" 2>&1); then
		case $first in
		*" differ: "*) first="first difference at ${first##* differ: }" ;;
		*"EOF on $1.out"*) first="the original's is a prefix" ;;
		*"EOF on $2.out"*) first="it is a prefix of the original's" ;;
		esac
		LF_WHY="output differs from the original's: ${first:-cmp failed}"
		return 1
	fi
	return 0
}

# lf_check_both_branches REWRITTEN DIR
# Builds REWRITTEN with coverage (gcc --coverage -O0) into DIR, runs it
# and asks gcov how often each line ran: for every run-time alias check
# ("if ((__UINTPTR_TYPE__)...", with as many parentheses as pairs), the first line of its fused branch and
# the first line of its else branch (the original nests) must both have
# run.  Fails if there is no check at all.
lf_check_both_branches() {
	local src=$1 dir=$2 base
	base=$(basename "$src" .c)
	mkdir -p "$dir" || return 1
	cp -- "$src" "$dir/$base.c" || return 1
	if ! (cd "$dir" && gcc --coverage -O0 "${LF_COMPILER_ARGS[@]}" \
		-c -o "$base.o" "$base.c" >cov.cc.txt 2>&1 &&
		gcc --coverage -o cov.exe "$base.o" "${LF_LDLIBS[@]}" \
		>>cov.cc.txt 2>&1 &&
		timeout -k 5 "$LF_RUN_TIMEOUT" ./cov.exe >/dev/null 2>&1 &&
		gcov -o . "$base.c" >/dev/null 2>&1); then
		LF_WHY="coverage build or run failed (in $dir)"
		return 1
	fi
	LF_WHY=$(awk -F: '
		function count(s) { gsub(/ /, "", s); return s }
		state == 0 && $3 ~ /^[ \t]*if \(+\(__UINTPTR_TYPE__\)/ {
			n++; state = 1 }
		state == 1 && $0 ~ /\) \{$/ { state = 2; next }
		state == 2 { if (count($1) !~ /^[0-9]+\*?$/)
				bad = bad " fused branch of check " n " never ran;"
			     state = 3; next }
		state == 3 && $3 ~ /^[ \t]*\} else \{$/ { state = 4; next }
		state == 4 { if (count($1) !~ /^[0-9]+\*?$/)
				bad = bad " original branch of check " n " never ran;"
			     state = 0 }
		END { if (n == 0) print "no run-time alias check"; else print bad }
	' "$dir/$base.c.gcov")
	[ -z "$LF_WHY" ]
}

# lf_compare_programs ORIGINAL REWRITTEN DIR
# Builds ORIGINAL (as DIR/orig) and REWRITTEN (as DIR/new, with
# -Werror), runs both and compares their stdout byte for byte.
lf_compare_programs() {
	local orig=$1 new=$2 dir=$3
	lf_build_and_run "$orig" "$dir/orig" 0 || { LF_WHY="original: $LF_WHY"; return 1; }
	lf_build_and_run "$new" "$dir/new" 1 || { LF_WHY="rewritten: $LF_WHY"; return 1; }
	lf_compare_outputs "$dir/orig" "$dir/new"
}

# Run on its own: check the helpers above.
lf_selftest() {
	local dir fails=0 got
	if [ -n "${1:-}" ]; then
		dir=$1/lib-selftest
		rm -rf "$dir" && mkdir -p "$dir" || return 1
	else
		dir=$(mktemp -d) || return 1
	fi
	lf_st_expect() {
		if [ "$2" != "$3" ]; then
			printf 'FAIL lib.sh %s: got [%s], want [%s]\n' "$1" "$2" "$3"
			fails=$((fails + 1))
		else
			printf 'PASS lib.sh %s\n' "$1"
		fi
	}
	printf '%s\r\n' '// RUN-ARGS: --function=k  --assume-no-alias -- -DN=3 -I.' \
		'//EXPECT-STDERR:  :[0-9]+: note: fused 2 ' '' '// EXPECT-UNCHANGED' \
		'// EXPECT-STDERR: remark: a\[i\]' '#include <stdio.h>' \
		'// EXPECT-STDERR: not a directive' >"$dir/t.c"
	got=$(lf_directive_values "$dir/t.c" EXPECT-STDERR | tr '\n' '|')
	lf_st_expect "directive values" "$got" ':[0-9]+: note: fused 2|remark: a\[i\]|'
	lf_has_directive "$dir/t.c" EXPECT-UNCHANGED && got=yes || got=no
	lf_st_expect "flag directive" "$got" yes
	lf_has_directive "$dir/t.c" EXPECT && got=yes || got=no
	lf_st_expect "directive names match whole" "$got" no
	lf_parse_run_args "$dir/t.c"
	lf_st_expect "tool options" "${LF_TOOL_OPTS[*]}" "--function=k --assume-no-alias"
	lf_st_expect "compiler args" "${LF_COMPILER_ARGS[*]}" "-DN=3 -I."
	printf '%s\n' 'x.c:3:5: note: fused 2 loop nests into 1' 'x.c:9:1: remark: a[i] here' >"$dir/stderr.txt"
	lf_check_stderr "$dir/stderr.txt" "$dir/t.c" && got=ok || got=$LF_WHY
	lf_st_expect "stderr expectations met" "$got" ok
	printf '%s\n' 'x.c:3:5: note: fused 3 loop nests into 1' >"$dir/stderr.txt"
	lf_check_stderr "$dir/stderr.txt" "$dir/t.c" && got=ok || got=$LF_WHY
	lf_st_expect "stderr expectation missed" "$got" 'no stderr line matches: :[0-9]+: note: fused 2'
	printf '%s\n' '// EXPECT-TILED: note: tiled the loop nest' >"$dir/tiled.c"
	: >"$dir/empty.txt"
	lf_check_stderr "$dir/empty.txt" "$dir/tiled.c" && got=ok || got=$LF_WHY
	lf_st_expect "tiled expectation missed" "$got" 'no stderr line matches: note: tiled the loop nest'
	lf_check_stderr "$dir/empty.txt" "$dir/tiled.c" 0 && got=ok || got=$LF_WHY
	lf_st_expect "tiled expectation without tiling" "$got" ok
	cp "$dir/t.c" "$dir/same.c"
	lf_check_unchanged "$dir/t.c" "$dir/same.c" && got=ok || got=$LF_WHY
	lf_st_expect "unchanged output" "$got" ok
	printf '\n' >>"$dir/same.c"
	lf_check_unchanged "$dir/t.c" "$dir/same.c" && got=ok || got=bad
	lf_st_expect "changed output" "$got" bad
	LF_COMPILER_ARGS=(-DVAL=7)
	printf '%s\n' '#include <stdio.h>' 'int main(void) { printf("%d\n", VAL); return 0; }' >"$dir/p.c"
	sed 's/VAL/VAL + 1/' "$dir/p.c" >"$dir/q.c"
	printf '%s\n' 'int main(void) { int unused; return 0; }' >"$dir/w.c"
	lf_compare_programs "$dir/p.c" "$dir/p.c" "$dir" && got=ok || got=$LF_WHY
	lf_st_expect "same program" "$got" ok
	lf_compare_programs "$dir/p.c" "$dir/q.c" "$dir" && got=ok || got=${LF_WHY%%:*}
	lf_st_expect "different output" "$got" "output differs from the original's"
	lf_compare_programs "$dir/p.c" "$dir/w.c" "$dir" && got=ok || got=${LF_WHY%%:*}
	lf_st_expect "warning in rewritten" "$got" "rewritten"
	LF_COMPILER_ARGS=()
	printf '%s\n' 'int main(void) { for (;;) ; }' >"$dir/loop.c"
	LF_RUN_TIMEOUT=1 lf_build_and_run "$dir/loop.c" "$dir/loop" 0 && got=ok || got=$LF_WHY
	lf_st_expect "timeout" "$got" "loop timed out after 1s"
	if [ "$fails" -eq 0 ]; then
		rm -rf "$dir"
	fi
	printf '%d failed\n' "$fails"
	[ "$fails" -eq 0 ]
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
	lf_selftest "${3:-}"
	exit
fi
