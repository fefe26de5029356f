#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end test of loopfuse --check and --explain, and of the fused
# matmul+relu against a golden file.
#
#   bash tests/e2e/audit.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# - Every testdata/*.c is audited in the text, JSON and SARIF formats
#   with its RUN-ARGS: the exit status is 0, the text has one remark per
#   pair of nests with a rule id, and the JSON and SARIF documents parse
#   (with python3, when it is there).
# - --fail-on gives exit status 3 exactly when its condition holds;
#   usage errors give 2 and unparsable input 1; -o writes the report.
# - --explain follows each "fused" note with notes on what was fused.
# - loopfuse's fused testdata/seed_matmul_relu.c (tile size 32) is
#   testdata/golden/seed_matmul_relu.c byte for byte, builds, and
#   computes what the original computes; the relu is inside a j loop,
#   unlike a hand-fused version that has it one loop level too high.
#
# When the rewriter's output changes on purpose, regenerate the golden
# file with LF_UPDATE_GOLDEN=1 (the test then passes and says so):
#   LF_UPDATE_GOLDEN=1 bash tests/e2e/audit.sh build/loopfuse . /tmp/audit
# Prints "PASS name" or "FAIL name: why" per check and "N passed, M
# failed"; exits 1 if anything failed.

set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lf_e2e_args "$0" "$@"
rm -rf "$work" && mkdir -p "$work" || exit 2
golden=$srcdir/testdata/golden/seed_matmul_relu.c

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

have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1

# parses FILE: succeeds if FILE is one JSON document (or without python3).
parses() {
	[ "$have_python" -eq 0 ] && return 0
	python3 -c 'import json, sys; json.load(open(sys.argv[1]))' "$1" \
		2>/dev/null
}

# check SOURCE OUT_FILE [OPTION...]: loopfuse --check with SOURCE's
# RUN-ARGS and the options; prints the exit status.
check() {
	local src=$1 out=$2 rc
	shift 2
	local -a cmd=("$tool" --check "${LF_TOOL_OPTS[@]}" "$@" "$src")
	if [ ${#LF_COMPILER_ARGS[@]} -gt 0 ]; then
		cmd+=(-- "${LF_COMPILER_ARGS[@]}")
	fi
	timeout -k 5 "$LF_TOOL_TIMEOUT" "${cmd[@]}" >"$out" 2>"$out.err"
	rc=$?
	printf '%d' "$rc"
}

# audit_file SOURCE: the three formats of one test file.
audit_file() {
	local src=$1 name rc fmt pairs remarks
	name=$(basename "$src" .c)
	lf_parse_run_args "$src"
	for fmt in text json sarif; do
		rc=$(check "$src" "$work/$name.$fmt" --format=$fmt)
		if [ "$rc" != 0 ]; then
			fail "check $name [$fmt]" "exit status $rc: $(lf_first_line "$work/$name.$fmt.err")"
			return
		fi
	done
	if ! parses "$work/$name.json"; then
		fail "check $name" "the JSON report does not parse"
		return
	fi
	if ! parses "$work/$name.sarif" ||
		! grep -q '"version": "2.1.0"' "$work/$name.sarif"; then
		fail "check $name" "the SARIF log does not parse"
		return
	fi
	pairs=$(grep -c '"verdict":' "$work/$name.json")
	remarks=$(grep -cE ': remark: (nests [0-9]+ and [0-9]+|(nest|call) [0-9]+( to [^ ]+\(\))? and (nest|call) [0-9]+( to [^ ]+\(\))?) of .* \[LF[0-9]{3}\]$' \
		"$work/$name.text")
	if [ "$pairs" != "$remarks" ]; then
		fail "check $name" "$pairs pairs in JSON, $remarks pair remarks in text"
		return
	fi
	pass "check $name"
}

for src in "$srcdir"/testdata/*.c; do
	audit_file "$src"
done

# expect_status NAME WANT COMMAND...: the exit status of COMMAND.
expect_status() {
	local name=$1 want=$2 rc
	shift 2
	"$@" >"$work/status.out" 2>"$work/status.err"
	rc=$?
	if [ "$rc" = "$want" ]; then
		pass "$name"
	else
		fail "$name" "exit status $rc, want $want"
	fi
}

t=$srcdir/testdata
expect_status "fail-on illegal, illegal pair" 3 \
	"$tool" --check --fail-on=illegal "$t/neg_dep_reversed_read.c"
expect_status "fail-on not-analysable, illegal pair" 0 \
	"$tool" --check --fail-on=not-analysable "$t/neg_dep_reversed_read.c"
expect_status "fail-on not-analysable, goto" 3 \
	"$tool" --check --fail-on=not-analysable "$t/neg_goto.c"
expect_status "fail-on any, alias without checks" 3 \
	"$tool" --check --format=sarif --fail-on=any --no-alias-checks \
	"$t/neg_may_alias.c"
expect_status "fail-on any, alias under a check" 0 \
	"$tool" --check --fail-on=any --function=double_then_inc \
	"$t/pos_alias_checked.c"
expect_status "fail-on any, fusable" 0 \
	"$tool" --check --fail-on=any --function=matmul_relu \
	"$t/seed_matmul_relu.c"
expect_status "format without check" 2 \
	"$tool" --format=json "$t/seed_matmul_relu.c"
expect_status "unknown format" 2 \
	"$tool" --check --format=xml "$t/seed_matmul_relu.c"
expect_status "check with diff" 2 \
	"$tool" --check --diff "$t/seed_matmul_relu.c"
printf 'void f(void) { for (int i = 0; i < 4; i++) }\n' >"$work/bad.c"
expect_status "unparsable input" 1 "$tool" --check "$work/bad.c"
expect_status "missing input" 1 "$tool" --check "$work/none.c"

if "$tool" --check --format=json -o "$work/report.json" \
	"$t/neg_goto.c" >"$work/o.out" 2>&1 && [ ! -s "$work/o.out" ] &&
	parses "$work/report.json" && [ -s "$work/report.json" ]; then
	pass "check -o"
else
	fail "check -o" "no report in the -o file, or output on stdout"
fi

# --explain: the notes come right after the "fused" note.
"$tool" --explain --tile-size=32 --function=matmul_relu \
	"$t/seed_matmul_relu.c" >/dev/null 2>"$work/explain.txt"
if grep -A1 'note: fused 2 loop nests into 1' "$work/explain.txt" |
	grep -q 'note: lines 15-20, 21-23 share the (i, j) loops' &&
	grep -q 'note: C\[i\]\[j\] flows from S1 at 19:5 to C\[i\]\[j\] in S2 at 23:4 with distance (0, 0): kept in order inside the tile, whose statements run one after another' \
		"$work/explain.txt"; then
	pass "explain"
else
	fail "explain" "no explanation after the fused note: $(lf_first_line "$work/explain.txt")"
fi

# Calls next to loops (tests/e2e/audit_calls.c, one caller per
# verdict): each is a member of its run, and each pair with a call has
# a verdict with its reason, in the text and in the JSON.
# The reports name the file as it is given: run in its directory.
calls() {
	(cd "$srcdir/tests/e2e" && "$tool" "$@" audit_calls.c)
}
calls --check --fuse-all >"$work/calls.text" 2>&1
calls --check --fuse-all --format=json >"$work/calls.json" 2>&1
calls --check --fuse-all --no-inline >"$work/calls_no_inline.text" 2>&1
# has NAME FILE PATTERN: FILE has a line that matches PATTERN (ERE).
has() {
	if grep -qE -- "$3" "$2"; then
		pass "$1"
	else
		fail "$1" "no line matches '$3' in $(basename "$2")"
	fi
}
c=audit_calls.c
has "calls: members" "$work/calls.text" \
	"^$c:56:1: remark: function fusable: 1 loop nest and 2 calls next to loops$"
has "calls: a call stands for its nests" "$work/calls.text" \
	"^$c:60:2: note: call 2 to scale\(\): lines 60-60, stands for 1 loop nest, loops \(i\), depth 1$"
has "calls: fusable pair" "$work/calls.text" \
	"^$c:60:2: remark: nest 1 and call 2 to scale\(\) of fusable \(lines 58-59 and 60-60\): fusable at depth 1 in \(i\), tiling not applicable \(one loop\) \[LF100\]$"
has "calls: pair of calls" "$work/calls.text" \
	"^$c:61:2: remark: call 2 to scale\(\) and call 3 to scale\(\) of fusable .*: fusable at depth 1 "
has "calls: group" "$work/calls.text" \
	"^$c:58:2: remark: group of nests 1-3 \(calls to scale\(\), scale\(\)\): lines 58-59, 60-60, 61-61 share the \(i\) loop"
has "calls: illegal pair" "$work/calls.text" \
	"^$c:70:10: remark: call 2 to scale\(\) and nest 3 of illegal \(lines 68-68 and 69-70\): illegal: c\[i\] at 70:3 reads b\[N - 1 - i\], written at 68:2 .* \[LF009\]$"
# refused FUNCTION LINE CAUSE: the call of FUNCTION at LINE stays a call
# for CAUSE, in the member's note and in both of its pairs' remarks.
refused() {
	has "calls: $1, member" "$work/calls.text" \
		"^$c:$2:2: note: call 2 to [a-z_]+\(\): lines $2-$2, not modeled: call to [a-z_]+\(\) is not fused with the loops next to it: $3.* at $2:2 \[LF020\]$"
	has "calls: $1, pair" "$work/calls.text" \
		"^$c:$2:2: remark: nest 1 and call 2 to [a-z_]+\(\) of $1 .*: not analysable: call to [a-z_]+\(\) is not fused with the loops next to it: $3.* \[LF020\]$"
}
refused not_void 77 "the function returns a value"
refused recursive 84 "the function calls smooth\(\), itself or its caller"
refused not_only_loops 91 "the function's body is not only for loops"
refused formal_written 98 "parameter n is assigned"
refused macro_call 105 "the call comes from a macro"
refused macro_formal 112 "the function uses y through a macro"
refused argument 119 "argument 'n - 1' is neither a constant"
has "calls: summary" "$work/calls.text" \
	"^$c:1:1: remark: 16 functions, 17 loop nests, 10 calls, 11 pairs: 3 fusable, 0 fusable with shift, 1 illegal, 7 not analysable; 2 fusion groups$"
if grep -qE 'call [0-9]+ to' "$work/calls_no_inline.text"; then
	fail "calls: --no-inline" "calls are members under --no-inline"
else
	has "calls: --no-inline" "$work/calls_no_inline.text" \
		"^$c:56:1: remark: function fusable: 1 loop nest$"
fi
if [ "$have_python" -eq 1 ]; then
	if why=$(python3 - "$work/calls.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
fns = {f["name"]: f for f in doc["functions"]}
def want(cond, what):
    if not cond:
        print(what)
        sys.exit(1)
want(doc["schema_version"] == 2, "schema_version")
want(doc["summary"]["calls"] == 10 and doc["summary"]["nests"] == 17,
     "summary counts")
f = fns["fusable"]
want([n["call"] for n in f["nests"]] == [None, "scale", "scale"], "members")
want([n["call_nests"] for n in f["nests"]] == [0, 1, 1], "call_nests")
want([p["verdict"] for p in f["pairs"]] == ["fusable", "fusable"],
     "fusable verdicts")
want([p["nests"] for p in f["pairs"]] == [[1, 2], [2, 3]], "pair members")
want(f["groups"][0]["calls"] == ["scale", "scale"] and
     f["groups"][0]["nests"] == [1, 2, 3], "group")
p = fns["illegal"]["pairs"][1]
want(p["verdict"] == "illegal" and p["rule"] == "LF009" and
     p["reason"]["dependence"]["source"]["location"]["line"] == 68,
     "illegal pair")
for name, cause in (("not_void", "returns a value"),
                    ("recursive", "itself or its caller"),
                    ("not_only_loops", "not only for loops"),
                    ("formal_written", "parameter n is assigned"),
                    ("macro_call", "comes from a macro"),
                    ("macro_formal", "through a macro"),
                    ("argument", "argument 'n - 1'")):
    f = fns[name]
    m = f["nests"][1]
    want(m["call"] and not m["modeled"] and m["run"] is None and
         m["reason"]["rule"] == "LF020" and cause in m["reason"]["message"],
         name + " member")
    p = f["pairs"][0]
    want(p["verdict"] == "not-analysable" and p["rule"] == "LF020" and
         cause in p["message"], name + " pair")
PY
); then
		pass "calls: JSON"
	else
		fail "calls: JSON" "$why"
	fi
fi
# What --check says is what the rewrite does: the default mode says why
# a call is not fused with a nest, and --explain explains a group fused
# across calls.
calls --fuse-all --explain >/dev/null 2>"$work/calls.stderr"
has "calls: explain" "$work/calls.stderr" \
	"^$c:58:2: note: lines 58-59, 60-60, 61-61 share the \(i\) loop \(depth 1\), not tiled$"
has "calls: explain, dependence" "$work/calls.stderr" \
	"^$c:61:2: note: \(b\)\[i\] flows from S1 at 60:2 to \(b\)\[i\] in S2 at 61:2 with distance \(0\)"
has "calls: refusal remark" "$work/calls.stderr" \
	"^$c:69:2: remark: not fused with the call to scale\(\) at line 68: b\[N - 1 - i\] at 70:10 reads b"

# relu_loop FILE: the iterator of the innermost for loop around the relu
# statement of matmul_relu, judged by indentation (each nested line is
# indented deeper than the for that contains it).
relu_loop() {
	awk '
	/^static void matmul_relu/ { inside = 1 }
	inside && /^}/ { inside = 0 }
	!inside || /^[\t ]*$/ { next }
	{
		match($0, /^[\t ]*/)
		ind = RLENGTH
		while (n > 0 && ind <= indent[n])
			n--
		if ($0 ~ /for \(/) {
			it = $0
			sub(/.*for \((int |long )?/, "", it)
			sub(/[ =].*/, "", it)
			n++
			indent[n] = ind
			iter[n] = it
		}
		if ($0 ~ /> 0\.0f \?/) {
			print (n > 0 ? iter[n] : "none")
			exit
		}
	}' "$1"
}

# The seed fused by hand with the relu one loop level too high: after
# the j loop, inside the i loop, where j is N.
cat >"$work/relu_too_high.c" <<'EOF'
static void matmul_relu(void)
{
	int j;

	for (int i = 0; i < N; i++) {
		for (j = 0; j < N; j++) {
			C[i][j] = 0.0f;
			for (int k = 0; k < N; k++)
				C[i][j] += A[i][k] * B[k][j];
		}
		C[i][j] = C[i][j] > 0.0f ? C[i][j] : 0.0f;
	}
}
EOF

lf_parse_run_args "$t/seed_matmul_relu.c"
fused=$work/seed_fused.c
if ! lf_run_tool "$work" "$tool" "$t/seed_matmul_relu.c" --tile-size=32; then
	fail "golden" "$LF_WHY"
else
	cp "$work/rewritten.c" "$fused"
	if [ "${LF_UPDATE_GOLDEN:-0}" = 1 ]; then
		mkdir -p "$(dirname "$golden")" && cp "$fused" "$golden"
		pass "golden (regenerated $golden)"
	elif cmp -s "$fused" "$golden"; then
		pass "golden"
	else
		fail "golden" "loopfuse's output differs from $golden (LF_UPDATE_GOLDEN=1 regenerates it): $(diff "$golden" "$fused" | sed -n 2p)"
	fi
	if [ "$(relu_loop "$work/relu_too_high.c")" != i ]; then
		fail "relu level" "the checker does not see the relu outside the j loop"
	elif [ "$(relu_loop "$fused")" != j ]; then
		fail "relu level" "the fused relu is not inside a j loop (innermost loop: $(relu_loop "$fused"))"
	else
		pass "relu level"
	fi
	if lf_build_and_run "$t/seed_matmul_relu.c" "$work/orig" 0 &&
		lf_build_and_run "$golden" "$work/golden" 1 &&
		lf_compare_outputs "$work/orig" "$work/golden"; then
		pass "golden computes the original's result"
	else
		fail "golden computes the original's result" "$LF_WHY"
	fi
fi

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
