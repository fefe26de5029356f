#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Adversarial end-to-end test over tests/adversarial/*.c.
#
#   bash tests/e2e/adversarial.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# Every program there is a complete C program whose kernels look
# fusable but hide a corner where a rewrite could change what the
# program prints, produce C that does not compile, or hang.  For every
# program and every option set
#
#   default   no options
#   notile    --tile-size=0
#   tile4     --tile-size=4
#   noalias   --assume-no-alias (only for programs that say DISTINCT)
#   openmp    --openmp; the rewritten program is built with -fopenmp
#   fuseall   --fuse-all
#
# loopfuse must exit 0 within LF_ADV_TOOL_TIMEOUT seconds, and the
# rewritten program must build with every compiler, run within
# LF_ADV_RUN_TIMEOUT seconds, exit 0 and print exactly the bytes the
# original (built by the same compiler) prints.  A rewritten file that
# is byte-identical to the original is the original program and passes.
#
# Directives are "//" comment lines before any code:
#   // CFLAGS: FLAGS   flags for both builds, also given to loopfuse
#                      after "--" (split on white space, no quoting)
#   // DISTINCT        pointer arguments never overlap at run time, so
#                      --assume-no-alias is a correct option for it
#   // MSAN            the original reads no variable before it has a
#                      value, and no rewritten file may: each is also
#                      built with clang-19 -O0 -fsanitize=memory and
#                      must run without a report (at -O0, so that no
#                      optimization hides a read of such a variable)
#
# Builds use -std=gnu11 -O1 -ffp-contract=off, the program's CFLAGS and
# -lm.  The original must build and run with every compiler, and every
# compiler must make it print the same bytes ([original] fails if not).
#
# Prints "PASS name [config]" or "FAIL name [config]: why" per program
# and option set, in program order, then "N passed, M failed"; exits 1
# if anything failed.  The artifacts of every failure stay in
# WORK_DIR/NAME/ (CONFIG/rewritten.c, loopfuse's stderr, compiler
# diagnostics and outputs); passing option sets leave nothing behind.
#
# Environment:
#   LF_ADV_ONLY          programs to run (base names, with or without
#                        ".c", separated by spaces or commas)
#   LF_ADV_CONFIGS       option sets to run (default: all six)
#   LF_ADV_CCS           compilers (default: "gcc clang-19")
#   LF_ADV_JOBS          programs checked at once (default: nproc)
#   LF_ADV_TOOL_TIMEOUT  seconds loopfuse may take (default 60)
#   LF_ADV_RUN_TIMEOUT   seconds a program may run (default 3)
#   LF_ADV_CC_TIMEOUT    seconds a compiler may take (default 120)
#   LF_ADV_SANITIZE      if 1, also build every original with gcc
#                        -fsanitize=address,undefined and fail it on
#                        any report (checks the programs themselves)
#   OMP_NUM_THREADS      threads of OpenMP builds (default 4, so that
#                        races show even on few cores)

set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lf_e2e_args "$0" "$@"
mkdir -p "$work" || exit 2
work=$(cd "$work" && pwd) || exit 2

adv_dir=$srcdir/tests/adversarial
adv_all_configs=(default notile tile4 noalias openmp fuseall)
adv_base_flags=(-std=gnu11 -O1 -ffp-contract=off)
adv_tool_timeout=${LF_ADV_TOOL_TIMEOUT:-60}
adv_run_timeout=${LF_ADV_RUN_TIMEOUT:-3}
adv_cc_timeout=${LF_ADV_CC_TIMEOUT:-120}
adv_sanitize=${LF_ADV_SANITIZE:-0}
adv_jobs=${LF_ADV_JOBS:-$(nproc 2>/dev/null || echo 2)}
export OMP_NUM_THREADS=${OMP_NUM_THREADS:-4}
export OMP_WAIT_POLICY=${OMP_WAIT_POLICY:-passive}

read -r -a adv_ccs <<<"${LF_ADV_CCS:-gcc clang-19}"
if [ ${#adv_ccs[@]} -eq 0 ]; then
	echo "LF_ADV_CCS names no compiler" >&2
	exit 2
fi
case $adv_jobs in
'' | *[!0-9]* | 0) adv_jobs=1 ;;
esac

adv_configs=()
if [ -n "${LF_ADV_CONFIGS:-}" ]; then
	read -r -a adv_wanted <<<"${LF_ADV_CONFIGS//,/ }"
	for c in "${adv_wanted[@]}"; do
		case " ${adv_all_configs[*]} " in
		*" $c "*) adv_configs+=("$c") ;;
		*)
			echo "unknown option set in LF_ADV_CONFIGS: $c" \
				"(known: ${adv_all_configs[*]})" >&2
			exit 2
			;;
		esac
	done
else
	adv_configs=("${adv_all_configs[@]}")
fi

adv_files=()
if [ -n "${LF_ADV_ONLY:-}" ]; then
	read -r -a adv_names <<<"${LF_ADV_ONLY//,/ }"
	for n in "${adv_names[@]}"; do
		n=${n##*/}
		adv_files+=("$adv_dir/${n%.c}.c")
	done
else
	for f in "$adv_dir"/*.c; do
		[ -e "$f" ] && adv_files+=("$f")
	done
fi
if [ ${#adv_files[@]} -eq 0 ]; then
	echo "no programs in $adv_dir" >&2
	exit 1
fi

# adv_config_opts CONFIG: loopfuse's options for an option set, one a
# line.
adv_config_opts() {
	case $1 in
	notile) printf '%s\n' --tile-size=0 ;;
	tile4) printf '%s\n' --tile-size=4 ;;
	noalias) printf '%s\n' --assume-no-alias ;;
	openmp) printf '%s\n' --openmp ;;
	fuseall) printf '%s\n' --fuse-all ;;
	esac
}

# adv_tag CC: a file name part for a compiler ("clang-19", "gcc").
adv_tag() {
	local t=${1##*/}
	printf '%s' "${t//[^A-Za-z0-9._-]/_}"
}

# adv_first_error FILE: the first error line of a compiler's output
# (without the file name), else what lf_first_diag finds.
adv_first_error() {
	local line file
	line=$(grep -m1 -E '(fatal )?error:' -- "$1")
	if [ -n "$line" ]; then
		file=${line%%:*}
		printf '%s%s' "${file##*/}" "${line#"$file"}"
	else
		lf_first_diag "$1"
	fi
}

# adv_build CC SOURCE PREFIX FLAGS...: compile SOURCE into PREFIX.exe,
# diagnostics into PREFIX.cc.txt.  Sets ADV_WHY on failure.
adv_build() {
	local cc=$1 src=$2 prefix=$3 rc
	shift 3
	timeout -k 5 "$adv_cc_timeout" "$cc" "${adv_base_flags[@]}" "$@" \
		-o "$prefix.exe" "$src" -lm </dev/null >"$prefix.cc.txt" 2>&1
	rc=$?
	if [ "$rc" -eq 124 ]; then
		ADV_WHY="$cc timed out after ${adv_cc_timeout}s"
		return 1
	elif [ "$rc" -ne 0 ]; then
		ADV_WHY="does not compile with $cc: $(adv_first_error "$prefix.cc.txt")"
		return 1
	fi
	return 0
}

# adv_run PREFIX: run PREFIX.exe; stdout to PREFIX.out, stderr to
# PREFIX.err.  Sets ADV_WHY on a hang or a failing exit status.
adv_run() {
	local prefix=$1 rc
	# The braces keep the shell's own report of a crash out of the
	# results.
	{
		timeout -k 2 "$adv_run_timeout" "$prefix.exe" </dev/null \
			>"$prefix.out" 2>"$prefix.err"
		rc=$?
	} 2>/dev/null
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		ADV_WHY="hangs (killed after ${adv_run_timeout}s)"
		return 1
	elif [ "$rc" -gt 128 ]; then
		ADV_WHY="crashes (signal $((rc - 128)))"
		return 1
	elif [ "$rc" -ne 0 ]; then
		ADV_WHY="exits with status $rc"
		[ -s "$prefix.err" ] && ADV_WHY+=" ($(lf_first_line "$prefix.err"))"
		return 1
	fi
	return 0
}

# adv_msan PROGRAM SOURCE PREFIX: if PROGRAM says MSAN, build SOURCE
# (the program or a rewrite of it) with MemorySanitizer into
# PREFIX.exe and run it.  Sets ADV_WHY on a report.
adv_msan() {
	local src=$1 build=$2 prefix=$3
	lf_has_directive "$src" MSAN || return 0
	ADV_WHY=
	if adv_build clang-19 "$build" "$prefix" "${adv_cflags[@]}" -O0 -g \
		-fsanitize=memory; then
		adv_run "$prefix" || ADV_WHY="MemorySanitizer: $ADV_WHY"
	fi
	rm -f "$prefix.exe"
	[ -z "$ADV_WHY" ]
}

# adv_diff ORIG NEW: describe where two outputs first differ.
adv_diff() {
	local first
	first=$(cmp -- "$1" "$2" 2>&1)
	case $first in
	*" differ: "*) printf 'output differs (first difference at %s)' "${first##* differ: }" ;;
	*"EOF on $1"*) printf "output differs (the original's is a prefix of it)" ;;
	*"EOF on $2"*) printf "output differs (it is a prefix of the original's)" ;;
	*) printf 'output differs (%s)' "${first:-cmp failed}" ;;
	esac
}

# adv_config NAME SRC DIR CONFIG: check one option set; prints its
# result line.  Returns 1 on failure.
adv_config() {
	local name=$1 src=$2 dir=$3 config=$4
	local cdir=$dir/$config rc cc tag why=
	local -a opts extra=()
	mapfile -t opts < <(adv_config_opts "$config")
	[ "$config" = openmp ] && extra=(-fopenmp)
	mkdir -p "$cdir"
	{
		printf '%q ' "$tool" "${opts[@]}" "$src"
		[ ${#adv_cflags[@]} -gt 0 ] && printf '%q ' -- "${adv_cflags[@]}"
		printf '\n'
	} >"$cdir/command.txt"
	if [ ${#adv_cflags[@]} -gt 0 ]; then
		timeout -k 5 "$adv_tool_timeout" "$tool" "${opts[@]}" "$src" \
			-- "${adv_cflags[@]}" </dev/null \
			>"$cdir/rewritten.c" 2>"$cdir/stderr.txt"
	else
		timeout -k 5 "$adv_tool_timeout" "$tool" "${opts[@]}" "$src" \
			</dev/null >"$cdir/rewritten.c" 2>"$cdir/stderr.txt"
	fi
	rc=$?
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		why="loopfuse hangs (killed after ${adv_tool_timeout}s)"
	elif [ "$rc" -ne 0 ]; then
		why="loopfuse exits with status $rc: $(lf_first_line "$cdir/stderr.txt")"
	fi
	if [ -z "$why" ] && cmp -s -- "$src" "$cdir/rewritten.c"; then
		echo unchanged >"$cdir/verdict.txt"
	elif [ -z "$why" ] && same=$(adv_same_as "$dir" "$config"); then
		# The same file built with the same flags: the same verdict.
		why=$(cat "$dir/$same/why.txt")
		echo "rewritten as for $same" >"$cdir/verdict.txt"
	elif [ -z "$why" ]; then
		echo rewritten >"$cdir/verdict.txt"
		for cc in "${adv_ccs[@]}"; do
			tag=$(adv_tag "$cc")
			ADV_WHY=
			if adv_build "$cc" "$cdir/rewritten.c" "$cdir/new.$tag" \
				"${adv_cflags[@]}" "${extra[@]}" &&
				adv_run "$cdir/new.$tag"; then
				cmp -s -- "$dir/orig.$tag.out" "$cdir/new.$tag.out" ||
					ADV_WHY=$(adv_diff "$dir/orig.$tag.out" "$cdir/new.$tag.out")
			fi
			rm -f "$cdir/new.$tag.exe"
			if [ -n "$ADV_WHY" ]; then
				why+="${why:+; }$tag: $ADV_WHY"
			fi
		done
		if [ "$config" != openmp ] && [ -z "$why" ] &&
			! adv_msan "$src" "$cdir/rewritten.c" "$cdir/new.msan"; then
			why=$ADV_WHY
		fi
	fi
	printf '%s' "$why" >"$cdir/why.txt"
	if [ -n "$why" ]; then
		printf 'FAIL %s [%s]: %s (in %s)\n' "$name" "$config" "$why" "$cdir"
		return 1
	fi
	printf 'PASS %s [%s]\n' "$name" "$config"
	return 0
}

# adv_same_as DIR CONFIG: the option set checked before CONFIG whose
# rewritten file is the same as CONFIG's and is built with the same
# flags, if any.
adv_same_as() {
	local dir=$1 config=$2 c
	for c in "${adv_done[@]}"; do
		if { [ "$c" = openmp ] && [ "$config" = openmp ]; } ||
			{ [ "$c" != openmp ] && [ "$config" != openmp ]; }; then
			if [ -f "$dir/$c/why.txt" ] &&
				cmp -s -- "$dir/$c/rewritten.c" "$dir/$config/rewritten.c"; then
				printf '%s' "$c"
				return 0
			fi
		fi
	done
	return 1
}

# adv_original NAME SRC DIR: build and run the original with every
# compiler (and, with LF_ADV_SANITIZE=1, under the sanitizers).
adv_original() {
	local name=$1 src=$2 dir=$3 cc tag first='' why=''
	for cc in "${adv_ccs[@]}"; do
		tag=$(adv_tag "$cc")
		ADV_WHY=
		if adv_build "$cc" "$src" "$dir/orig.$tag" "${adv_cflags[@]}" &&
			adv_run "$dir/orig.$tag"; then
			if [ -z "$first" ]; then
				first=$tag
			elif ! cmp -s -- "$dir/orig.$first.out" "$dir/orig.$tag.out"; then
				ADV_WHY="prints other bytes than with $first"
			fi
		fi
		rm -f "$dir/orig.$tag.exe"
		[ -n "$ADV_WHY" ] && why+="${why:+; }$tag: $ADV_WHY"
	done
	if [ -z "$why" ] && ! adv_msan "$src" "$src" "$dir/orig.msan"; then
		why=$ADV_WHY
	fi
	if [ -z "$why" ] && [ "$adv_sanitize" = 1 ]; then
		ADV_WHY=
		if adv_build gcc "$src" "$dir/orig.san" "${adv_cflags[@]}" -g \
			-fsanitize=address,undefined -fno-sanitize-recover=all; then
			ASAN_OPTIONS=detect_leaks=0 adv_run "$dir/orig.san"
			if [ -z "$ADV_WHY" ] && grep -q 'runtime error' "$dir/orig.san.err"; then
				ADV_WHY="undefined behaviour: $(grep -m1 'runtime error' "$dir/orig.san.err")"
			fi
		fi
		rm -f "$dir/orig.san.exe"
		[ -n "$ADV_WHY" ] && why="sanitizers: $ADV_WHY"
	fi
	if [ -n "$why" ]; then
		printf 'FAIL %s [original]: %s (in %s)\n' "$name" "$why" "$dir"
		return 1
	fi
	return 0
}

# adv_program NAME SRC DIR: every option set of one program; the result
# lines go to DIR.result, then DIR.done is created.
adv_program() {
	local name=$1 src=$2 dir=$3 config value failed=0
	local -a words passed_configs=()
	adv_cflags=()
	adv_done=()
	{
		if [ ! -f "$src" ]; then
			printf 'FAIL %s [original]: no such program: %s\n' "$name" "$src"
			rmdir -- "$dir" 2>/dev/null
			return
		fi
		while IFS= read -r value; do
			read -r -a words <<<"$value"
			adv_cflags+=("${words[@]}")
		done < <(lf_directive_values "$src" CFLAGS)
		if ! adv_original "$name" "$src" "$dir"; then
			return
		fi
		for config in "${adv_configs[@]}"; do
			if [ "$config" = noalias ] && ! lf_has_directive "$src" DISTINCT; then
				continue
			fi
			if adv_config "$name" "$src" "$dir" "$config"; then
				passed_configs+=("$config")
			else
				failed=1
			fi
			adv_done+=("$config")
		done
		if [ "$failed" -eq 0 ]; then
			rm -rf "${dir:?}"
		else
			for config in "${passed_configs[@]}"; do
				rm -rf "${dir:?}/$config"
			done
		fi
	} >"$dir.result" 2>&1
}

# Stop the workers this script started if it is interrupted.
trap 'kill $(jobs -p) 2>/dev/null; exit 130' INT TERM

start=$(date +%s)
names=()
for src in "${adv_files[@]}"; do
	name=$(basename "$src" .c)
	names+=("$name")
	rm -rf "${work:?}/$name" "$work/$name.result" "$work/$name.done"
done

# Print the results of the programs that are done, in program order,
# as far as they are.
next=0
flush() {
	while [ "$next" -lt ${#names[@]} ] && [ -e "$work/${names[$next]}.done" ]; do
		cat -- "$work/${names[$next]}.result"
		rm -f -- "$work/${names[$next]}.done"
		next=$((next + 1))
	done
}

for i in "${!adv_files[@]}"; do
	while [ "$(jobs -rp | wc -l)" -ge "$adv_jobs" ]; do
		wait -n 2>/dev/null
		flush
	done
	name=${names[$i]}
	(
		mkdir -p "$work/$name"
		adv_program "$name" "${adv_files[$i]}" "$work/$name"
		: >"$work/$name.done"
	) &
done
while [ "$(jobs -rp | wc -l)" -gt 0 ]; do
	wait -n 2>/dev/null
	flush
done
wait
flush

passed=0
failed=0
for name in "${names[@]}"; do
	p=$(grep -c '^PASS ' "$work/$name.result" 2>/dev/null)
	f=$(grep -c '^FAIL ' "$work/$name.result" 2>/dev/null)
	passed=$((passed + ${p:-0}))
	failed=$((failed + ${f:-0}))
done
printf 'took %ds with %d jobs\n' "$(($(date +%s) - start))" "$adv_jobs"
printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
