#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The structure docs/design.md promises: layers depend one way
# (tool -> rewrite -> analysis), no two files include or call each
# other in a cycle, and no source file grows past 1,200 lines.
#
# usage: structure.sh LOOPFUSE SOURCE_DIR WORK_DIR
set -u
tool=$1 src=$2 work=$3
build=$(dirname "$tool")
mkdir -p "$work" || exit 1
fail=0

rank() {
	case $1 in analysis) echo 0 ;; rewrite) echo 1 ;; tool) echo 2 ;; esac
}

# Which layer declares each of the project's headers.
declare -A layer_of
for d in analysis rewrite tool; do
	for h in "$src/$d"/*.h; do
		layer_of[$(basename "$h")]=$d
	done
done

# Layers, and the include graph between files (a.c, a.h and
# a_private.h are one file of the graph).
: > "$work/includes"
for d in analysis rewrite tool; do
	for f in "$src/$d"/*.[ch]; do
		from=$(basename "${f%.*}")
		from=${from%_private}
		for h in $(sed -n 's/^#include "\([^"]*\)".*/\1/p' "$f"); do
			to=${layer_of[$h]:-}
			[ -n "$to" ] || continue
			if [ "$(rank "$to")" -gt "$(rank "$d")" ]; then
				echo "FAIL: $d/$(basename "$f") includes $to/$h"
				fail=1
			fi
			h=${h%_private.h}
			h=${h%.h}
			[ "$h" = "$from" ] || echo "$from $h" >> "$work/includes"
		done
	done
done
if ! tsort "$work/includes" > /dev/null 2> "$work/include-cycles"; then
	echo "FAIL: files include each other in a cycle:"
	cat "$work/include-cycles"
	fail=1
fi

# The call graph between object files, from their symbols.
objs=$(find "$build/analysis" "$build/rewrite" "$build/tool" -name '*.o' \
	2> /dev/null)
if [ -z "$objs" ]; then
	echo "FAIL: no object files under $build"
	fail=1
fi
: > "$work/defined"
: > "$work/used"
for o in $objs; do
	n=$(basename "$o" .c.o)
	nm "$o" | awk -v n="$n" '$2 ~ /^[TDBR]$/ { print $3, n }' \
		>> "$work/defined"
	nm -u "$o" | awk -v n="$n" '{ print $NF, n }' >> "$work/used"
done
awk 'NR == FNR { def[$1] = $2; next }
     ($1 in def) && def[$1] != $2 { print $2, def[$1] }' \
	"$work/defined" "$work/used" | sort -u > "$work/calls"
if ! tsort "$work/calls" > /dev/null 2> "$work/call-cycles"; then
	echo "FAIL: files call each other in a cycle:"
	cat "$work/call-cycles"
	fail=1
fi

# File length.
for f in "$src"/analysis/*.[ch] "$src"/rewrite/*.[ch] "$src"/tool/*.[ch]; do
	n=$(wc -l < "$f")
	if [ "$n" -gt 1200 ]; then
		echo "FAIL: ${f#"$src"/} has $n lines"
		fail=1
	fi
done
[ "$fail" = 0 ] && echo "structure: layers, cycles and sizes ok"
exit "$fail"
