#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end test of loopfuse lsp with a real editor: headless Neovim
# (tests/lsp/nvim_check.lua) opens a copy of each file, waits for the
# server's hint, applies its code action with its own workspace edit
# and writes the buffer, which must then be loopfuse's output byte for
# byte.
#
#   bash tests/e2e/nvim.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# Prints PASS or FAIL per file, then "N passed, M failed"; exits 1 if
# anything failed, 77 (skipped) without nvim.

set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lf_e2e_args "$0" "$@"
rm -rf "$work" && mkdir -p "$work" || exit 2
srcdir=$(cd "$srcdir" && pwd) || exit 2

nvim=${LF_NVIM:-nvim}
if ! command -v "$nvim" >/dev/null 2>&1; then
	echo "SKIP: $nvim not found"
	exit 77
fi

passed=0
failed=0
for src in "$srcdir/testdata/elementwise_chain.c" \
	   "$srcdir/testdata/pos_step2.c" \
	   "$srcdir/tests/lsp/unicode_kernel.c"; do
	name=$(basename "$src" .c)
	dir=$work/$name
	mkdir -p "$dir" && cp "$src" "$dir/$name.c" || exit 2
	why=
	if ! timeout -k 5 "$LF_TOOL_TIMEOUT" "$tool" "$src" \
		>"$dir/want.c" 2>"$dir/cli.err"; then
		why="loopfuse failed: $(tail -n 1 "$dir/cli.err")"
	# No user configuration, no swap file, no shada: only the check.
	elif ! (cd "$dir" && LF_TOOL=$tool LF_FILE=$dir/$name.c \
		timeout -k 5 "$LF_TOOL_TIMEOUT" "$nvim" --headless --clean \
		-n -i NONE -u "$srcdir/tests/lsp/nvim_check.lua" \
		>"$dir/nvim.out" 2>"$dir/nvim.err" </dev/null); then
		why="nvim failed: $(tail -n 1 "$dir/nvim.err")"
	elif ! cmp -s "$dir/$name.c" "$dir/want.c"; then
		why="the buffer Neovim wrote is not loopfuse's output"
		diff "$dir/want.c" "$dir/$name.c" >"$dir/diff.txt"
	fi
	if [ -z "$why" ]; then
		echo "PASS $name"
		passed=$((passed + 1))
	else
		echo "FAIL $name: $why"
		failed=$((failed + 1))
	fi
done
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
