"""A small scripted LSP client: starts `loopfuse lsp`, frames JSON-RPC
messages with Content-Length, and reads the server's messages on a
thread so that a test can wait for a response or a notification with a
time limit."""

import json
import queue
import subprocess
import threading
import time


class Server:
    def __init__(self, tool, env=None):
        self.proc = subprocess.Popen(
            [tool, "lsp"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, env=env)
        self.messages = queue.Queue()
        self.pending = []
        self.next_id = 1
        self.stderr = b""
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._read_stderr, daemon=True).start()

    def _read_stderr(self):
        self.stderr = self.proc.stderr.read()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    self.messages.put(None)
                    return
                line = line.rstrip(b"\r\n")
                if not line:
                    break
                name, _, value = line.partition(b":")
                if name.strip().lower() == b"content-length":
                    length = int(value)
            body = out.read(length)
            self.messages.put((time.monotonic(), json.loads(body)))

    # Sending.
    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method, params=None):
        rid = self.next_id
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": rid, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return rid

    def notify(self, method, params=None):
        msg = {"jsonrpc": "2.0", "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)

    # Receiving.
    def _next(self, timeout):
        if self.pending:
            return self.pending.pop(0)
        try:
            item = self.messages.get(timeout=timeout)
        except queue.Empty:
            raise TimeoutError("no message from the server in %ss" % timeout)
        if item is None:
            raise EOFError("the server closed its output")
        return item

    def wait(self, match, timeout=60):
        """The first message for which match(msg) holds, with the time
        it arrived; the others are kept for later waits."""
        kept = []
        deadline = time.monotonic() + timeout
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError("no matching message in %ss" % timeout)
                t, msg = self._next(left)
                if match(msg):
                    return t, msg
                kept.append((t, msg))
        finally:
            self.pending = kept + self.pending

    def response(self, rid, timeout=60):
        return self.wait(lambda m: m.get("id") == rid and "method" not in m,
                         timeout)[1]

    def call(self, method, params=None, timeout=60):
        return self.response(self.request(method, params), timeout)

    def diagnostics(self, uri, version=None, timeout=60):
        def match(m):
            p = m.get("params", {})
            return (m.get("method") == "textDocument/publishDiagnostics"
                    and p.get("uri") == uri
                    and (version is None or p.get("version") == version))
        return self.wait(match, timeout)

    def close(self, timeout=30):
        try:
            self.proc.stdin.close()
        except BrokenPipeError:
            pass
        return self.proc.wait(timeout)


# Positions.
def units(ch, encoding):
    if encoding == "utf-8":
        return len(ch.encode())
    if encoding == "utf-16":
        return 2 if ord(ch) > 0xFFFF else 1
    return 1


def lines_of(text):
    """The lines of text with their breaks ("\\n", "\\r\\n", "\\r")."""
    out, start, i = [], 0, 0
    while i < len(text):
        if text[i] == "\r" and text[i + 1:i + 2] == "\n":
            out.append(text[start:i + 2])
            i += 2
            start = i
            continue
        if text[i] in "\r\n":
            out.append(text[start:i + 1])
            start = i + 1
        i += 1
    out.append(text[start:])
    return out


def index_of(text, pos, encoding):
    """The str index of an LSP position in text."""
    lines = lines_of(text)
    base = sum(len(l) for l in lines[:pos["line"]])
    line = lines[pos["line"]].rstrip("\r\n")
    n = 0
    for i, ch in enumerate(line):
        if n >= pos["character"]:
            return base + i
        n += units(ch, encoding)
    return base + len(line)


def position_of(text, index, encoding):
    """The LSP position of a str index in text."""
    line = 0
    start = 0
    for l in lines_of(text):
        if start + len(l) > index or start + len(l) == len(text):
            break
        start += len(l)
        line += 1
    return {"line": line,
            "character": sum(units(c, encoding) for c in text[start:index])}


def apply_edits(text, edits, encoding):
    """text with the TextEdits made, as the protocol defines them (on
    the original text; edits at one place in their order)."""
    spans = []
    for k, e in enumerate(edits):
        a = index_of(text, e["range"]["start"], encoding)
        b = index_of(text, e["range"]["end"], encoding)
        spans.append((a, b, k, e["newText"]))
    spans.sort(key=lambda s: (s[0], s[1], s[2]))
    out, at = [], 0
    for a, b, _, new in spans:
        assert a >= at, "edits overlap"
        out.append(text[at:a])
        out.append(new)
        at = b
    out.append(text[at:])
    return "".join(out)
