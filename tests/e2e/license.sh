#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Every source file carries the license line (scripts/spdx --check), and
# the license itself is there.
#
#   bash tests/e2e/license.sh LOOPFUSE SOURCE_DIR WORK_DIR
set -u
srcdir=$2
passed=0
failed=0
if [ -s "$srcdir/LICENSE" ] && grep -q '^MIT License$' "$srcdir/LICENSE"; then
	echo "PASS LICENSE is the MIT license"
	passed=$((passed + 1))
else
	echo "FAIL LICENSE is missing or not the MIT license"
	failed=$((failed + 1))
fi
if ! command -v git >/dev/null || ! git -C "$srcdir" rev-parse 2>/dev/null; then
	echo "SKIP license lines: $srcdir is no git work tree"
elif bash "$srcdir/scripts/spdx" --check; then
	echo "PASS every source file has its SPDX-License-Identifier line"
	passed=$((passed + 1))
else
	echo "FAIL files without an SPDX-License-Identifier line (run scripts/spdx)"
	failed=$((failed + 1))
fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
