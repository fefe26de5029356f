#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Benchmark loopfuse on the kernels in bench/kernels.
#
#	bench/run.sh [-c] [-l LOOPFUSE] [-w WORK_DIR] [-r ROUNDS]
#		[-t TOOL_RUNS] [KERNEL...]
#
# For every kernel (all of bench/kernels/*.c, or the KERNELs named), the
# script times loopfuse on the file (median of TOOL_RUNS runs), builds
#   gcc     the original file with gcc
#   fused   the file rewritten by loopfuse, with gcc
#   polly   the original file with clang and Polly
# each linked with bench/driver.c, runs the three binaries ROUNDS times,
# interleaved, checks that their outputs are byte-identical, and prints
# a table of median times and speedups to stdout.  Times are wall-clock
# times (CLOCK_MONOTONIC around the kernel calls, the elapsed time of
# loopfuse); with -c, processor times (user + system) are used instead,
# which a machine busy with other work disturbs less.  Progress goes to
# stderr.  The exit status is 1 if the rewritten code gave different
# output or could not be produced, built or run; a Polly build that
# differs from gcc is only reported.
#
# Defaults: LOOPFUSE is build/loopfuse, WORK_DIR is build/bench, 5
# rounds, 5 tool runs.  LF_BENCH_GCC and LF_BENCH_CLANG name the
# compilers (gcc, clang-19); LF_BENCH_CFLAGS replaces the flags both
# get (-O3 -march=native -ffp-contract=off).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
tool=$root/build/loopfuse
work=$root/build/bench
rounds=5
tool_runs=5
clock=wall
gcc=${LF_BENCH_GCC:-gcc}
clang=${LF_BENCH_CLANG:-clang-19}
read -r -a cflags <<<"${LF_BENCH_CFLAGS:--O3 -march=native -ffp-contract=off}"
polly=(-mllvm -polly)
variants=(gcc fused polly)
# Seconds one benchmark binary may run.
run_timeout=300

usage() {
	sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"
	exit "$1"
}

while getopts cl:w:r:t:h opt; do
	case $opt in
	c) clock=cpu ;;
	l) tool=$OPTARG ;;
	w) work=$OPTARG ;;
	r) rounds=$OPTARG ;;
	t) tool_runs=$OPTARG ;;
	h) usage 0 ;;
	*) usage 2 ;;
	esac
done
shift $((OPTIND - 1))

case $rounds$tool_runs in
*[!0-9]*) usage 2 ;;
esac
if [ "$rounds" -lt 1 ] || [ "$tool_runs" -lt 1 ]; then
	usage 2
fi
if [ ! -x "$tool" ]; then
	echo "run.sh: no loopfuse at $tool; build it first:" >&2
	echo "  cmake -S . -B build && cmake --build build --target loopfuse" >&2
	exit 2
fi
tool=$(cd "$(dirname "$tool")" && pwd)/$(basename "$tool")
for cc in "$gcc" "$clang"; do
	if ! command -v "$cc" >/dev/null; then
		echo "run.sh: no $cc; scripts/setup.sh installs it" >&2
		exit 2
	fi
done

kernels=()
if [ $# -gt 0 ]; then
	for k in "$@"; do
		k=$(basename "$k" .c)
		if [ ! -f "$here/kernels/$k.c" ]; then
			echo "run.sh: no kernel $k in $here/kernels" >&2
			exit 2
		fi
		kernels+=("$k")
	done
else
	for f in "$here"/kernels/*.c; do
		kernels+=("$(basename "$f" .c)")
	done
fi

mkdir -p "$work"
work=$(cd "$work" && pwd)

# Per kernel: why it failed (empty if it did not), the tool's median
# time, and a summary of the groups it fused.
declare -A fail tool_ms fused

log() {
	printf '%s\n' "$*" >&2
}

# median FILE: the median of the numbers in FILE, one a line.
median() {
	sort -n "$1" | awk '{ v[NR] = $1 }
		END {
			if (NR == 0) exit 1
			if (NR % 2) m = v[(NR + 1) / 2]
			else m = (v[NR / 2] + v[NR / 2 + 1]) / 2
			printf "%.3f\n", m
		}'
}

# spread K: the largest (max - min) / median of the times of a build of
# kernel K over the rounds, in percent.
spread() {
	local v
	for v in "${variants[@]}"; do
		sort -n "$work/$1.$v.ns" | awk '{ v[NR] = $1 }
			END { print 100 * (v[NR] - v[1]) / v[int((NR + 1) / 2)] }'
	done | sort -n | tail -n 1
}

# fusion_summary NOTES: "3>1t,2>1,1t" for a group of 3 nests fused and
# tiled, one of 2 fused without tiling and a nest tiled alone; "none" if
# nothing was rewritten.
fusion_summary() {
	awk '/: note: fused [0-9]+ loop nests into 1/ {
			for (i = 1; i <= NF; i++)
				if ($i == "fused")
					g = $(i + 1) ">1"
			if ($0 ~ /\(tiled /)
				g = g "t"
			s = s (s == "" ? "" : ",") g
		}
		/: note: tiled the loop nest/ { s = s (s == "" ? "" : ",") "1t" }
		END { print s == "" ? "none" : s }' "$1"
}

# time_tool K: run loopfuse tool_runs times on kernel K, keep the last
# output in WORK/K.fused.c and its stderr in WORK/K.notes.
time_tool() {
	local k=$1 src=$here/kernels/$1.c i status times
	local TIMEFORMAT='%3R %3U %3S'
	: >"$work/$k.tool"
	for ((i = 0; i < tool_runs; i++)); do
		status=0
		times=$({ time "$tool" "$src" -- -I"$here" \
			>"$work/$k.fused.c" 2>"$work/$k.notes"; } 2>&1) ||
			status=$?
		if [ "$status" -ne 0 ]; then
			fail[$k]="loopfuse exited with status $status"
			return
		fi
		awk -v clock="$clock" '{
			print 1000 * (clock == "cpu" ? $2 + $3 : $1)
		}' <<<"$times" >>"$work/$k.tool"
	done
	tool_ms[$k]=$(median "$work/$k.tool")
	fused[$k]=$(fusion_summary "$work/$k.notes")
}

# build K V: build variant V of kernel K as WORK/K.V.
build() {
	local k=$1 v=$2 src=$here/kernels/$1.c cc=$gcc extra=()
	case $v in
	fused) src=$work/$k.fused.c ;;
	polly) cc=$clang extra=("${polly[@]}") ;;
	esac
	"$cc" "${cflags[@]}" "${extra[@]}" -I"$here" "$here/driver.c" "$src" \
		-o "$work/$k.$v" -lm >"$work/$k.$v.log" 2>&1
}

prepare() {
	local k=$1 v
	log "preparing $k"
	rm -f "$work/$k".*
	time_tool "$k"
	for v in "${variants[@]}"; do
		[ -z "${fail[$k]:-}" ] || return 0
		if ! build "$k" "$v"; then
			fail[$k]="$v build failed, see $work/$k.$v.log"
		fi
	done
}

# measure K V ROUND: run one binary, append its time in ns to
# WORK/K.V.ns and its wall/cpu ratio to WORK/busy; the first round
# also dumps the outputs.
measure() {
	local k=$1 v=$2 r=$3 bin=$work/$1.$2 out=() line wall cpu reps
	[ "$r" -eq 1 ] && out=(-o "$work/$k.$v.out")
	if ! line=$(timeout "$run_timeout" "$bin" "${out[@]}" \
		2>>"$work/$k.$v.log"); then
		fail[$k]="$v run failed, see $work/$k.$v.log"
		return
	fi
	read -r wall cpu reps <<<"$line"
	if [ "$clock" = cpu ]; then
		echo "$cpu" >>"$work/$k.$v.ns"
	else
		echo "$wall" >>"$work/$k.$v.ns"
	fi
	echo "$wall $cpu" | awk '{ print $1 / $2 }' >>"$work/busy"
	echo "$reps" >"$work/$k.reps"
}

run_rounds() {
	local r k i n=${#variants[@]}
	for ((r = 1; r <= rounds; r++)); do
		for k in "${kernels[@]}"; do
			[ -z "${fail[$k]:-}" ] || continue
			log "round $r/$rounds: $k"
			# Rotate the order of the builds from round to round.
			for ((i = 0; i < n; i++)); do
				measure "$k" "${variants[(i + r - 1) % n]}" "$r"
				[ -z "${fail[$k]:-}" ] || break
			done
		done
	done
}

machine() {
	echo "tree: $(git -C "$root" describe --always --dirty 2>/dev/null || echo '?');" \
		"loopfuse: $tool"
	echo "$rounds rounds, medians; loopfuse median of $tool_runs runs; $clock time"
	echo "nproc: $(nproc)"
	lscpu | sed -n 's/^Model name: *//p' | sed 's/^/cpu: /'
	echo "gcc: $("$gcc" --version | head -n 1)"
	echo "clang: $("$clang" --version | head -n 1)"
	echo "flags: ${cflags[*]}; polly: ${cflags[*]} ${polly[*]}"
	echo "load average before: $load0, after: $(cut -d ' ' -f 1-3 /proc/loadavg)"
	[ -s "$work/busy" ] || return 0
	sort -n "$work/busy" | awk '{ v[NR] = $1 }
		END {
			printf "wall/cpu time of the timed calls: median %.2f, max %.2f\n",
				v[int((NR + 1) / 2)], v[NR]
		}'
}

# row K: one line of the table, and the speedups on WORK/ratios.
row() {
	local k=$1 tg tf tp check pcheck
	if [ -n "${fail[$k]:-}" ]; then
		printf '%-22s FAILED: %s\n' "$k" "${fail[$k]}"
		return
	fi
	tg=$(median "$work/$k.gcc.ns")
	tf=$(median "$work/$k.fused.ns")
	tp=$(median "$work/$k.polly.ns")
	check=ok
	cmp -s "$work/$k.gcc.out" "$work/$k.fused.out" || check=DIFF
	pcheck=same
	cmp -s "$work/$k.gcc.out" "$work/$k.polly.out" || pcheck=differs
	if [ "$check" = ok ]; then
		echo "$k $tg $tf $tp ${tool_ms[$k]}" >>"$work/ratios"
	else
		fail[$k]="output of the rewritten code differs"
	fi
	awk -v k="$k" -v reps="$(cat "$work/$k.reps")" -v tg="$tg" -v tf="$tf" \
		-v tp="$tp" -v tool="${tool_ms[$k]}" -v fused="${fused[$k]}" \
		-v check="$check" -v pcheck="$pcheck" -v spread="$(spread "$k")" 'BEGIN {
		printf "%-22s %5d %9.2f %9.2f %9.2f %5.0f%% %7.2fx %7.2fx %7.2fx %5s %-7s %7.1f  %s\n",
			k, reps, tg / 1e6, tf / 1e6, tp / 1e6, spread,
			tg / tf, tp / tf, tg / tp, check, pcheck, tool, fused
	}'
}

table() {
	local k
	: >"$work/ratios"
	echo "times: median $clock ms of REPS calls in a row; speedup = other time / fused time"
	echo "(> 1: the loopfuse-rewritten build is faster); polly/gcc = gcc time / polly time;"
	echo "spread: largest (max - min) / median over the rounds of one build"
	printf '%-22s %5s %9s %9s %9s %6s %8s %8s %8s %5s %-7s %7s  %s\n' \
		kernel reps gcc fused polly spread fus/gcc fus/pol pol/gcc check \
		polly tool-ms fused-nests
	for k in "${kernels[@]}"; do
		row "$k"
	done
}

# Geometric means and the targets of the issue "Fast fused kernels",
# over the kernels whose rewritten code gave the right output.
summary() {
	awk '{
		n++
		g += log($2 / $3); p += log($4 / $3); pg += log($2 / $4)
		if ($2 / $3 < 1) slow = slow " " $1
		if ($4 / $3 < 0.9) behind = behind " " $1
		if ($5 > 50) tooslow = tooslow " " $1
	}
	function verdict(ok) { return ok ? "met" : "NOT met" }
	END {
		if (n == 0) exit
		g = exp(g / n); p = exp(p / n); pg = exp(pg / n)
		printf "\ngeomean over %d kernels: fused vs gcc %.2fx, fused vs polly %.2fx, polly vs gcc %.2fx\n",
			n, g, p, pg
		print "targets:"
		printf "  geomean fused vs gcc >= 1.50x: %.2fx, %s\n", g, verdict(g >= 1.5)
		printf "  no kernel slower than gcc: %s%s\n", verdict(slow == ""),
			slow == "" ? "" : " (slower:" slow ")"
		printf "  geomean fused vs polly >= 1.00x: %.2fx, %s\n", p, verdict(p >= 1)
		printf "  every kernel within 10%% of polly: %s%s\n", verdict(behind == ""),
			behind == "" ? "" : " (behind:" behind ")"
		printf "  loopfuse <= 50 ms median per file: %s%s\n", verdict(tooslow == ""),
			tooslow == "" ? "" : " (over:" tooslow ")"
	}' "$work/ratios"
}

start=$SECONDS
load0=$(cut -d ' ' -f 1-3 /proc/loadavg)
rm -f "$work/busy"
for k in "${kernels[@]}"; do
	prepare "$k"
done
run_rounds
machine
echo
table
summary
log "benchmark took $((SECONDS - start)) s"
for k in "${kernels[@]}"; do
	[ -z "${fail[$k]:-}" ] || exit 1
done
exit 0
