"""The scripted client test of loopfuse lsp (run by tests/e2e/lsp.sh).

usage: python3 lsp_check.py LOOPFUSE SOURCE_DIR WORK_DIR

For each file: the diagnostics published on open (a hint with the
audit's rule code on each group the rewrite fuses, information with the
reason on each pair it refuses), and the code action on a group, whose
edits, made as the protocol says in the agreed position encoding, must
give the bytes `loopfuse FILE` writes.  Then an incremental change, the
three position encodings, and the protocol's error cases: malformed
JSON, unknown methods, requests before initialize, bad frames, a
message split over many writes, shutdown and exit.

Prints PASS or FAIL per case and the latencies it measured; exits 1 if
anything failed.
"""

import os
import re
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient as L  # noqa: E402

TOOL, SRC, WORK = sys.argv[1:4]
FAILED = []
LATENCY = []


def case(name):
    def wrap(fn):
        try:
            fn()
            print("PASS %s" % name)
        except Exception as e:  # a failed check, or the server's death
            FAILED.append(name)
            print("FAIL %s: %s: %s" % (name, type(e).__name__, e))
        return fn
    return wrap


def check(cond, what):
    if not cond:
        raise AssertionError(what)


def read(path):
    with open(path, "rb") as f:
        return f.read().decode("utf-8", "surrogateescape")


def cli_output(path):
    r = subprocess.run([TOOL, path], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=300)
    check(r.returncode == 0, "loopfuse %s exited %d" % (path, r.returncode))
    return r.stdout.decode("utf-8", "surrogateescape")


def uri_of(path):
    return "file://" + os.path.abspath(path)


def start(encodings=None, options=None):
    s = L.Server(TOOL)
    caps = {}
    if encodings:
        caps = {"general": {"positionEncodings": encodings}}
    params = {"processId": os.getpid(), "rootUri": None,
              "capabilities": caps}
    if options:
        params["initializationOptions"] = options
    r = s.call("initialize", params)
    check("result" in r, "initialize failed: %r" % r)
    s.notify("initialized", {})
    return s, r["result"]["capabilities"]["positionEncoding"]


def stop(s):
    r = s.call("shutdown")
    check(r.get("result", 0) is None, "shutdown: %r" % r)
    s.notify("exit")
    code = s.close()
    check(code == 0, "exit after shutdown gave status %d" % code)


def open_doc(s, path, text, version=1):
    t0 = time.monotonic()
    s.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri_of(path), "languageId": "c", "version": version,
        "text": text}})
    t, msg = s.diagnostics(uri_of(path), version)
    return msg["params"]["diagnostics"], (t - t0) * 1000


def actions(s, path, rng):
    r = s.call("textDocument/codeAction", {
        "textDocument": {"uri": uri_of(path)}, "range": rng,
        "context": {"diagnostics": []}})
    check("result" in r, "codeAction failed: %r" % r)
    return r["result"]


def whole_file_action(s, path, rng):
    """The action that rewrites the file as loopfuse does: the one
    action on a file with one group, else "Fuse all loops ..."."""
    acts = actions(s, path, rng)
    check(acts, "no code action on %r" % rng)
    for a in acts:
        check(a["kind"] == "refactor.rewrite", "kind %r" % a["kind"])
    if len(acts) == 1:
        return acts[0]
    alls = [a for a in acts if a["title"].startswith("Fuse all")]
    check(len(alls) == 1, "titles %r" % [a["title"] for a in acts])
    return alls[0]


def edits_of(action, path):
    return action["edit"]["changes"][uri_of(path)]


def hints(diags):
    return [d for d in diags if d["severity"] == 4]


def check_hint(d):
    check(d.get("code", "").startswith("LF"), "hint without code: %r" % d)
    check(re.match(r"these [0-9]+ (loop nests|calls|loop nests and calls)"
                   r" can be fused$", d["message"]) or
          d["message"] == "this loop nest can be tiled",
          "hint message %r" % d["message"])


def check_fused_file(path, encodings=None, want_enc="utf-16"):
    """Open path, check its hints, apply the action, compare."""
    text = read(path)
    s, enc = start(encodings)
    check(enc == want_enc, "encoding %s, not %s" % (enc, want_enc))
    diags, ms = open_doc(s, path, text)
    LATENCY.append(("open " + os.path.basename(path), ms))
    hs = hints(diags)
    check(hs, "no hint in %r" % diags)
    for d in hs:
        check_hint(d)
    action = whole_file_action(s, path, hs[0]["range"])
    out = L.apply_edits(text, edits_of(action, path), enc)
    want = cli_output(path)
    check(out == want, "the edited text differs from loopfuse's output")
    stop(s)
    return hs


for name in ["elementwise_chain.c", "layernorm_rows.c", "pos_step2.c",
             "calls_dense_bias_gelu.c", "calls_conv_bn_relu.c"]:
    case("fuse " + name)(
        lambda name=name: check_fused_file(os.path.join(SRC, "testdata",
                                                        name)))

UNICODE = os.path.join(SRC, "tests", "lsp", "unicode_kernel.c")


def check_unicode(enc, offered):
    hs = check_fused_file(UNICODE, offered, enc)
    # The hint starts at the first "for", after a comment with text
    # outside ASCII on its line: its character counts in "enc".
    text = read(UNICODE)
    want = L.position_of(text, text.index("for (int i"), enc)
    check(hs[0]["range"]["start"] == want,
          "hint at %r, not %r" % (hs[0]["range"]["start"], want))


case("unicode utf-16 (default)")(lambda: check_unicode("utf-16", None))
case("unicode utf-8")(lambda: check_unicode("utf-8", ["utf-8", "utf-16"]))
case("unicode utf-32")(lambda: check_unicode("utf-32", ["utf-32"]))
case("unicode unknown encoding")(
    lambda: check_unicode("utf-16", ["latin-1"]))


@case("unicode CRLF")
def _():
    path = os.path.join(WORK, "unicode_crlf.c")
    with open(path, "wb") as f:
        f.write(read(UNICODE).replace("\n", "\r\n").encode())
    check_fused_file(path)


@case("refusal with its reason")
def _():
    path = os.path.join(SRC, "testdata", "neg_dep_reversed_read.c")
    s, _ = start()
    diags, _ = open_doc(s, path, read(path))
    info = [d for d in diags if d["severity"] == 3]
    check(info, "no information diagnostic in %r" % diags)
    check(info[0]["code"] == "LF009", "code %r" % info[0].get("code"))
    check("illegal" in info[0]["message"] and
          "would be read before it is written" in info[0]["message"],
          "message %r" % info[0]["message"])
    check(not hints(diags), "a hint on an illegal pair")
    stop(s)


@case("parse errors")
def _():
    path = os.path.join(WORK, "broken.c")
    s, _ = start()
    diags, _ = open_doc(s, path, "void f(void) {\n\tint x = ;\n}\n")
    check(diags and diags[0]["severity"] == 1, "diagnostics %r" % diags)
    check(diags[0]["range"]["start"]["line"] == 1, "at %r" % diags[0])
    check(actions(s, path, diags[0]["range"]) == [], "an action")
    stop(s)


@case("incremental change")
def _():
    src = os.path.join(SRC, "testdata", "elementwise_chain.c")
    path = os.path.join(WORK, "changed.c")
    text = read(src)
    s, enc = start()
    open_doc(s, path, text)
    # Insert text outside ASCII at the start of a line before the nests
    # and within another line.
    at = L.position_of(text, text.index("static void scale_bias"), enc)
    mid = L.position_of(text, text.index("0.375f"), enc)
    changes = [
        {"range": {"start": mid, "end": {"line": mid["line"],
                                         "character": mid["character"] + 6}},
         "text": "0.5f /* ½ */"},
        {"range": {"start": at, "end": at}, "text": "/* ✓ 𝔘 */\n"},
    ]
    for c in changes:
        text = L.apply_edits(text, [{"range": c["range"],
                                     "newText": c["text"]}], enc)
    t0 = time.monotonic()
    s.notify("textDocument/didChange", {
        "textDocument": {"uri": uri_of(path), "version": 2},
        "contentChanges": changes})
    t, msg = s.diagnostics(uri_of(path), 2)
    LATENCY.append(("change elementwise_chain.c: diagnostics",
                    (t - t0) * 1000))
    hs = hints(msg["params"]["diagnostics"])
    check(hs, "no hint after the change")
    action = whole_file_action(s, path, hs[0]["range"])
    LATENCY.append(("change elementwise_chain.c: code action",
                    (time.monotonic() - t0) * 1000))
    with open(path, "wb") as f:
        f.write(text.encode("utf-8", "surrogateescape"))
    out = L.apply_edits(text, edits_of(action, path), enc)
    check(out == cli_output(path), "the edited text differs after a change")
    stop(s)


@case("documentChanges, and close")
def _():
    path = os.path.join(SRC, "testdata", "pos_step2.c")
    text = read(path)
    s = L.Server(TOOL)
    s.call("initialize", {"capabilities": {"workspace": {
        "workspaceEdit": {"documentChanges": True}}}})
    s.notify("initialized", {})
    diags, _ = open_doc(s, path, text, 5)
    hs = hints(diags)
    check(len(hs) == 2, "hints %r" % hs)
    acts = actions(s, path, hs[1]["range"])
    check([a["title"] for a in acts] ==
          ["Fuse loops", "Fuse all loops in this file"],
          "titles %r" % [a["title"] for a in acts])
    change = acts[1]["edit"]["documentChanges"][0]
    check(change["textDocument"] == {"uri": uri_of(path), "version": 5},
          "document %r" % change["textDocument"])
    check(L.apply_edits(text, change["edits"], "utf-16") == cli_output(path),
          "the edited text differs from loopfuse's output")
    # The action on one group changes only that group's lines.
    one = acts[0]["edit"]["documentChanges"][0]["edits"]
    check(all(e["range"]["start"]["line"] >= hs[1]["range"]["start"]["line"]
              for e in one), "edits outside the group: %r" % one)
    s.notify("textDocument/didClose", {"textDocument": {"uri": uri_of(path)}})
    # Published without a version: those of no version of the text.
    _, msg = s.wait(lambda m: m.get("method") ==
                    "textDocument/publishDiagnostics" and
                    "version" not in m["params"])
    check(msg["params"]["diagnostics"] == [], "diagnostics after close")
    check(actions(s, path, hs[1]["range"]) == [], "an action after close")
    stop(s)


def error_of(r, code):
    check("error" in r and r["error"]["code"] == code,
          "wanted error %d, got %r" % (code, r))


@case("errors: before initialize, unknown method, bad params")
def _():
    s = L.Server(TOOL)
    error_of(s.call("textDocument/codeAction", {}), -32002)
    s.call("initialize", {"capabilities": {}})
    error_of(s.call("no/suchMethod", {}), -32601)
    s.notify("no/suchNotification", {})
    error_of(s.call("textDocument/codeAction", {"x": 1}), -32602)
    error_of(s.call("initialize", {"capabilities": {}}), -32600)
    stop(s)


@case("errors: malformed JSON and bad frames")
def _():
    s, _ = start()
    body = b'{"jsonrpc": "2.0", "id": 7, "method": '
    s.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    r = s.wait(lambda m: "error" in m)[1]
    error_of(r, -32700)
    check(r["id"] is None, "id %r" % r["id"])
    s.send_raw(b"Content-Length: 2\r\n\r\n[]")
    error_of(s.wait(lambda m: "error" in m)[1], -32600)
    # A header block without Content-Length is dropped; what follows
    # is read.
    s.send_raw(b"Content-Type: x\r\n\r\n")
    error_of(s.call("no/such"), -32601)
    stop(s)


@case("framing: a message in pieces, two in one write")
def _():
    s, _ = start()
    body = b'{"jsonrpc":"2.0","id":"a","method":"no/such","params":{}}'
    msg = b"Content-Length: %d\r\n\r\n" % len(body) + body
    for i in range(0, len(msg), 5):
        s.send_raw(msg[i:i + 5])
        time.sleep(0.01)
    error_of(s.response("a"), -32601)
    two = msg.replace(b'"a"', b'"b"') + msg.replace(b'"a"', b'"c"')
    s.send_raw(two)
    error_of(s.response("b"), -32601)
    error_of(s.response("c"), -32601)
    stop(s)


@case("exit without shutdown, and the end of the input")
def _():
    s, _ = start()
    s.notify("exit")
    check(s.close() == 1, "exit without shutdown must give 1")
    s, _ = start()
    check(s.close() == 1, "the end of the input must give 1")


for what, ms in LATENCY:
    print("latency %s: %.0f ms" % (what, ms))
print("%d failed" % len(FAILED))
sys.exit(1 if FAILED else 0)
