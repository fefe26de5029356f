#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# End-to-end test of loopfuse lsp with a scripted client
# (tests/lsp/lsp_check.py): diagnostics, the code action whose edits
# give loopfuse's own output byte for byte in every position encoding,
# incremental changes, and the protocol's error cases.
#
#   bash tests/e2e/lsp.sh LOOPFUSE SOURCE_DIR WORK_DIR
#
# Prints PASS or FAIL per case and the latencies measured; exits 1 if
# anything failed, 77 (skipped) without python3.

set -u

# shellcheck source-path=SCRIPTDIR source=lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

lf_e2e_args "$0" "$@"
rm -rf "$work" && mkdir -p "$work" || exit 2

if ! command -v python3 >/dev/null 2>&1; then
	echo "SKIP: python3 is needed for the scripted client"
	exit 77
fi
timeout -k 5 600 python3 "$srcdir/tests/lsp/lsp_check.py" "$tool" \
	"$srcdir" "$work"
