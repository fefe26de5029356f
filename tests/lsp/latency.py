"""How long loopfuse lsp takes to answer an edit.

usage: python3 tests/lsp/latency.py LOOPFUSE FILE.c [N]

Opens FILE, then N times (default 10) inserts or leaves out a comment
at the start of the line of its first loop, and measures the time to
that version's diagnostics and to the answer of a code action asked
right after the change (which waits for the rewrite), and the server's
CPU time per change.  Prints the medians.
"""

import os
import statistics
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient as L  # noqa: E402

tool, path = sys.argv[1], sys.argv[2]
n = int(sys.argv[3]) if len(sys.argv) > 3 else 10
text = open(path, encoding="utf-8").read()
uri = "file://" + os.path.abspath(path)
line = [i for i, l in enumerate(text.split("\n"))
        if l.lstrip().startswith("for")][0]
at = {"line": line, "character": 0}


def cpu_ms(pid):
    fields = open("/proc/%d/stat" % pid).read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) * 1000.0 / \
        os.sysconf("SC_CLK_TCK")


s = L.Server(tool)
s.call("initialize", {"capabilities": {}})
s.notify("initialized", {})
s.notify("textDocument/didOpen", {"textDocument": {
    "uri": uri, "languageId": "c", "version": 1, "text": text}})
s.diagnostics(uri, 1)
rng = {"start": at, "end": at}
s.call("textDocument/codeAction", {
    "textDocument": {"uri": uri}, "range": rng,
    "context": {"diagnostics": []}})
diag, action = [], []
cpu0 = cpu_ms(s.proc.pid)
for v in range(2, n + 2):
    t0 = time.monotonic()
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": v},
        "contentChanges": [{"range": rng,
                            "text": "/* %d */" % v if v % 2 else ""}]})
    t, _ = s.diagnostics(uri, v)
    diag.append((t - t0) * 1000)
    s.call("textDocument/codeAction", {
        "textDocument": {"uri": uri}, "range": rng,
        "context": {"diagnostics": []}})
    action.append((time.monotonic() - t0) * 1000)
cpu = (cpu_ms(s.proc.pid) - cpu0) / n
s.call("shutdown")
s.notify("exit")
s.close()
print("%s: diagnostics %.0f ms, code action %.0f ms (medians of %d), "
      "CPU %.0f ms per change" % (os.path.basename(path),
                                  statistics.median(diag),
                                  statistics.median(action), n, cpu))
