#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# scripts/survey on a small code base made of files from testdata/: its
# counts, its rule histogram, the compiler arguments it passes, and its
# usage errors.  The counts are also checked against the summaries that
# loopfuse's own JSON reports give for the same files.
#
#   bash tests/e2e/survey.sh LOOPFUSE SOURCE_DIR WORK_DIR
set -u
# shellcheck source=tests/e2e/lib.sh
. "$(dirname "$0")/lib.sh"
lf_e2e_args "$0" "$@"
command -v python3 > /dev/null || { echo "SKIP: no python3"; exit 77; }
survey=$srcdir/scripts/survey
rm -rf "$work"
src=$work/src
mkdir -p "$src/fixture/inc" || exit 1
passed=0
failed=0

check() {
	if [ "$2" = "$3" ]; then
		echo "PASS $1"
		passed=$((passed + 1))
	else
		echo "FAIL $1: expected '$3', got '$2'"
		failed=$((failed + 1))
	fi
}

# The code base: kernels that fuse, nests that cannot be modeled for
# three different reasons, a file that does not parse, and files that
# parse, or fuse, only with the -D and -I of their manifest line.
for f in seed_matmul_relu pos_size_cmdline neg_indirect_subscript \
	neg_while neg_printf; do
	cp "$srcdir/testdata/$f.c" "$src/fixture/" || exit 1
done
printf 'int broken( {\n' > "$src/fixture/broken.c"
printf '#define SCALE 2\n' > "$src/fixture/inc/scale.h"
cat > "$src/fixture/flags.c" << 'EOF'
#ifndef FLAGS_GIVEN
#error the manifest's -D did not reach the parser
#endif
#include "scale.h"
void twice(float *restrict a, float *restrict b)
{
	for (int i = 0; i < LEN; i++)
		a[i] = SCALE * a[i];
	for (int i = 0; i < LEN; i++)
		b[i] = a[i] + 1;
}
EOF
cat > "$work/survey.list" << 'EOF'
# a comment, then a blank line

fixture  example/fixture@0123abc  *.c !flags.c !broken.c !pos_size_cmdline.c
broken   example/fixture          broken.c
flags    example/fixture          flags.c pos_size_cmdline.c -- -Iinc -DFLAGS_GIVEN -DLEN=3000
EOF

out=$work/out.txt
"$survey" --jobs 2 --nests "$work/survey.list" "$src" "$tool" \
	> "$out" 2> "$work/err.txt"
check "exit status of a survey" "$?" 0

# The value in column COL of the table row NAME.
cell() {
	awk -v name="$1" -v col="$2" '$1 == name { print $col; exit }' "$out"
}
#      files failed functions nests modeled % runs pairs groups calls modeled
# (the calls of main to the kernels next to its loops: calls are not
# nests, but their pairs and groups count, as in loopfuse's summary)
check "fixture row" "$(cell fixture 2) $(cell fixture 3) $(cell fixture 4) \
$(cell fixture 5) $(cell fixture 6) $(cell fixture 7) $(cell fixture 8) \
$(cell fixture 9) $(cell fixture 10) $(cell fixture 11) $(cell fixture 12)" \
	"4 0 9 13 10 77% 5 3 1 5 2"
check "a file that does not parse" \
	"$(cell broken 2) $(cell broken 3) $(cell broken 5) $(cell broken 7)" \
	"1 1 0 -"
check "the manifest's -I and -D reach the parser" \
	"$(cell flags 2) $(cell flags 3) $(cell flags 5) $(cell flags 6) $(cell flags 10)" \
	"2 0 5 5 3"
check "total row" "$(awk '$1 == "total" { print $2, $3, $5, $6, $10 }' "$out")" \
	"7 1 18 15 4"
# The rows of the table whose header starts with "$1:".
section() {
	awk -v head="$1:" '$1 == head { on = 1; next } /^$/ { on = 0 }
		on { $1 = $1; print }' "$out" | sort | tr '\n' ' '
}
check "rules that keep nests from being modeled" "$(section nests)" \
	"LF001 1 0 0 1 33% 1 LF004 1 0 0 1 33% 1 LF007 1 0 0 1 33% 1 "
check "verdicts on pairs" "$(section pairs)" \
	"LF001 2 0 0 2 LF004 1 0 0 1 LF007 2 0 0 2 LF009 1 0 0 1 LF100 3 0 3 6 "
check "the file that does not parse is named" \
	"$(cat "$work/err.txt")" "broken: broken.c: not analysed: does not parse"
check "--nests lists each nest that is not modeled" \
	"$(awk -F '\t' 'NF == 4 { print $2, $3 }' "$out" | sort | tr '\n' ' ')" \
	"neg_indirect_subscript.c:20 LF001 neg_printf.c:20 LF004 neg_while.c:21 LF007 "

# The same counts from loopfuse's own summaries of the fixture files.
sums=$(cd "$src/fixture" && for f in seed_matmul_relu.c \
	neg_indirect_subscript.c neg_while.c neg_printf.c; do
	"$tool" --check --format=json "$f"
done | python3 -c '
import json, sys
docs = json.JSONDecoder()
text = sys.stdin.read()
total = [0, 0, 0, 0]
at = 0
while at < len(text):
    doc, at = docs.raw_decode(text, at)
    s = doc["summary"]
    for i, n in enumerate((s["functions"], s["nests"],
                           s["fusable"] + s["fusable_with_shift"], s["groups"])):
        total[i] += n
    while at < len(text) and text[at].isspace():
        at += 1
print(*total)')
check "counts agree with loopfuse's summaries" \
	"$(cell fixture 4) $(cell fixture 5) $(cell fixture 9) $(cell fixture 10)" \
	"$sums"

"$survey" --markdown --only flags "$work/survey.list" "$src" "$tool" \
	> "$work/md.txt" 2>&1
check "--markdown table" "$(sed -n 2p "$work/md.txt" | cut -c1-12)" "| --- | --- "

check "--clone commands, once per repository" \
	"$("$survey" --clone "$work/survey.list" /S | tr '\n' ' ')" \
	"git clone https://github.com/example/fixture /S/fixture git -C /S/fixture checkout 0123abc "

"$survey" "$work/survey.list" "$work/nowhere" "$tool" > /dev/null 2>&1
check "a code base that is not checked out" "$?" 1
"$survey" --only nosuch "$work/survey.list" "$src" "$tool" > /dev/null 2>&1
check "an unknown code base" "$?" 2
"$survey" "$work/survey.list" "$src" > /dev/null 2>&1
check "a missing operand" "$?" 2
printf 'lonely example/x\n' > "$work/bad.list"
"$survey" "$work/bad.list" "$src" "$tool" > /dev/null 2>&1
check "a manifest line without files" "$?" 2

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
