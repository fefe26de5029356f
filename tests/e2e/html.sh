#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end test of loopfuse --check --format=html, the page of what
# fused.
#
#   bash tests/e2e/html.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# On a kernel whose source has <, >, & and quotes, with a fusable and an
# illegal pair:
# - the page is produced (exit status 0, also with -o), and is well
#   formed: every element closed in order (python3's html.parser, when
#   python3 is there; xmllint --html as well, when it is there);
# - its original pane, read back as text without the line numbers, is
#   the source byte for byte, and its fused pane is what loopfuse writes
#   for the file: so both are escaped right;
# - both panes mark the fused group with the same group class, and the
#   page has the rewrite's messages;
# - the graph is a table with the illegal pair and its witness when dot
#   is not on PATH or fails, the SVG that dot prints when it is (a stand
#   in dot here, and Graphviz's own when it is installed).
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

have_python=0
command -v python3 >/dev/null 2>&1 && have_python=1

src=$work/kernel.c
cat >"$src" <<'EOF'
/* a < b && c > 0, "quoted" & 'single' */
#define N 64
float a[N], b[N], c[N];

void mark(void)
{
	for (int i = 0; i < N; i++)
		a[i] = b[i] * 2.0f;
	for (int i = 0; i < N; i++)
		c[i] = a[i] > 0.0f && b[i] < 1.0f ? a[i] : 0.0f;
	for (int i = 0; i < N; i++)
		b[i] = c[N - 1 - i];
}
EOF

# The checker: well-formedness, the panes as text, the group classes.
cat >"$work/check.py" <<'EOF'
import sys
from html.parser import HTMLParser

VOID = {"meta", "br", "img", "hr", "input", "link", "col", "area", "wbr"}

class Page(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack, self.errors = [], []
        self.pane, self.in_ln = None, 0
        self.text = {"original": [], "fused": []}
        self.groups = {"original": set(), "fused": set()}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "pre" and a.get("id") in self.text:
            self.pane = a["id"]
        cls = (a.get("class") or "").split()
        if self.pane and tag == "span" and "ln" in cls:
            self.in_ln += 1
        if self.pane and tag == "span" and "grp" in cls:
            self.groups[self.pane].add(a.get("data-group"))
        if tag not in VOID:
            self.stack.append((tag, "ln" in cls))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append("</%s> at %s closes %s" % (
                tag, self.getpos(), self.stack[-1][0] if self.stack else "nothing"))
            return
        _, ln = self.stack.pop()
        if ln:
            self.in_ln -= 1
        if tag == "pre":
            self.pane = None

    def handle_data(self, data):
        if self.pane and not self.in_ln:
            self.text[self.pane].append(data)

page, source, fused = sys.argv[1:4]
p = Page()
p.feed(open(page, encoding="utf-8").read())
p.close()
if p.stack:
    p.errors.append("not closed: " + " ".join(t for t, _ in p.stack))
for e in p.errors:
    print("malformed:", e)
if p.errors:
    sys.exit(1)
want = {"original": open(source, encoding="utf-8").read(),
        "fused": open(fused, encoding="utf-8").read()}
for pane in ("original", "fused"):
    if "".join(p.text[pane]) != want[pane]:
        print("the %s pane is not the %s code" % (pane, pane))
        sys.exit(1)
if not p.groups["original"] or p.groups["original"] != p.groups["fused"]:
    print("groups marked: original %s, fused %s" % (
        sorted(p.groups["original"]), sorted(p.groups["fused"])))
    sys.exit(1)
EOF

# page NAME [ENV...]: the page of the kernel in WORK/NAME.html.
page() {
	local name=$1
	shift
	env "$@" "$tool" --check --format=html --fuse-all "$src" \
		>"$work/$name.html" 2>"$work/$name.err"
	rc=$?
}

# well_formed NAME FUSED: the page parses, and its panes are right.
well_formed() {
	local name=$1 why
	if [ "$have_python" -eq 1 ] &&
		! why=$(python3 "$work/check.py" "$work/$name.html" "$src" \
			"$work/fused.c" 2>&1); then
		fail "$name: page" "$(printf '%s' "$why" | head -n 1)"
		return 1
	fi
	if command -v xmllint >/dev/null 2>&1 &&
		! xmllint --html --noout "$work/$name.html" \
			>"$work/$name.xmllint" 2>&1; then
		fail "$name: page" "xmllint: $(lf_first_line "$work/$name.xmllint")"
		return 1
	fi
	pass "$name: page"
}

if ! "$tool" --fuse-all "$src" >"$work/fused.c" 2>"$work/fused.err"; then
	fail "rewrite" "$(lf_first_line "$work/fused.err")"
fi

# No dot on PATH: the graph is a table.
page table PATH=/nonexistent
if [ "$rc" -ne 0 ] || [ ! -s "$work/table.html" ]; then
	fail "table: produced" "exit status $rc: $(lf_first_line "$work/table.err")"
else
	pass "table: produced"
	well_formed table
	if grep -q '<table id="edges">' "$work/table.html" &&
		grep -q '<td class="illegal">illegal$' "$work/table.html" &&
		grep -q 'c\[N - 1 - i\]' "$work/table.html" &&
		! grep -q '<svg' "$work/table.html"; then
		pass "table: graph as a table with the witness"
	else
		fail "table: graph as a table with the witness" \
			"no edge table with the illegal pair"
	fi
	if grep -q '<li class="note">.*kernel.c:7:2: note: fused 2 loop nests into 1' \
		"$work/table.html"; then
		pass "table: messages of the rewrite"
	else
		fail "table: messages of the rewrite" "no fused note on the page"
	fi
	if grep -q 'a &lt; b &amp;&amp; c &gt; 0, &quot;quoted&quot; &amp; &#39;single&#39;' \
		"$work/table.html"; then
		pass "table: source escaped"
	else
		fail "table: source escaped" "the comment is not escaped as expected"
	fi
fi

# A dot that prints a known SVG (after an XML declaration to drop).
mkdir -p "$work/fakedot" "$work/baddot"
cat >"$work/fakedot/dot" <<'EOF'
#!/bin/sh
cat >"${0%/dot}/input.dot"
printf '<?xml version="1.0"?>\n<svg id="fake" width="1" height="1"><g><title>f0n0</title></g></svg>\n'
EOF
printf '#!/bin/sh\nexit 1\n' >"$work/baddot/dot"
chmod +x "$work/fakedot/dot" "$work/baddot/dot"

page svg PATH="$work/fakedot:$PATH"
if [ "$rc" -eq 0 ] && grep -q '<svg id="fake"' "$work/svg.html" &&
	! grep -q '<?xml' "$work/svg.html" &&
	! grep -q '<table id="edges">' "$work/svg.html"; then
	pass "svg: dot's drawing inline"
	well_formed svg
else
	fail "svg: dot's drawing inline" "exit status $rc, or no inline SVG"
fi
if grep -q 'f0n1 -> f0n2 \[color="#c62828", style=bold, label="illegal\\nc\[i\] at 10:3 (iteration N - i - 1) before c\[N - 1 - i\] at 12:10", tooltip=".*c\[N - 1 - i\]' \
	"$work/fakedot/input.dot" &&
	grep -q 'f0n0 \[label="nest 1\\nlines 7-8", style="filled", fillcolor=' \
		"$work/fakedot/input.dot"; then
	pass "svg: the graph given to dot"
else
	fail "svg: the graph given to dot" "no illegal edge or filled nest in $work/fakedot/input.dot"
fi

page baddot PATH="$work/baddot:$PATH"
if [ "$rc" -eq 0 ] && grep -q '<table id="edges">' "$work/baddot.html"; then
	pass "failing dot: a table"
else
	fail "failing dot: a table" "exit status $rc, or no table"
fi

if command -v dot >/dev/null 2>&1; then
	page graphviz
	if [ "$rc" -eq 0 ] && grep -q '<svg' "$work/graphviz.html"; then
		pass "graphviz: inline SVG"
		well_formed graphviz
	else
		fail "graphviz: inline SVG" "exit status $rc, or no SVG"
	fi
fi

if "$tool" --check --format=html -o "$work/out.html" "$src" \
	>"$work/o.out" 2>&1 && [ ! -s "$work/o.out" ] &&
	grep -q '</html>' "$work/out.html"; then
	pass "-o writes the page"
else
	fail "-o writes the page" "no page in the -o file, or output on stdout"
fi

"$tool" --check --format=html "$src" >/dev/full 2>"$work/full.err"
rc=$?
if [ "$rc" -eq 1 ] && [ -s "$work/full.err" ]; then
	pass "write error"
else
	fail "write error" "exit status $rc on a full device, want 1 and a message"
fi

printf '%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
