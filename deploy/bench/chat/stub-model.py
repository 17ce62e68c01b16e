#!/usr/bin/env python3
"""A stand-in for an OpenAI-compatible model with a fixed latency, for deploy/bench/chat (LLM mode).

POST /v1/chat/completions: when the shopper's last message has no tool result after it yet, the "model" asks for the checkStock tool;
once a tool result is there, it answers in words. Every answer takes LATENCY_MS (200 by default) before it is sent,
so a turn costs two model calls = 2 x LATENCY_MS, and whatever the turn takes beyond that is chat-service's own
overhead. GET /stats answers how many calls were answered and their mean time
(from reading the request to having written the answer), so the report can subtract what the model itself took;
GET /last-request answers the last completion request as received (the benchmark replays it to time the stub
directly, side by side); POST /latency/MS sets the latency (a warm-up can run at 0 ms, thousands of turns instead of dozens) and clears the
counts. Loopback only.

    stub-model.py PORT [LATENCY_MS]
"""
import json
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = int(sys.argv[1])
LATENCY = (int(sys.argv[2]) if len(sys.argv) > 2 else 200) / 1000.0
calls = 0
last_request = b"{}"
served_seconds = 0.0
lock = threading.Lock()


def completion(message, finish):
    return {"id": "chatcmpl-bench", "object": "chat.completion", "created": int(time.time()), "model": "stub-model",
            "choices": [{"index": 0, "message": message, "finish_reason": finish}],
            "usage": {"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120}}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body leave in two writes: with Nagle's algorithm on, the body waits for the client's delayed ACK
    # (40 ms on Linux), which would be counted as chat-service's overhead. A real API server sends without that wait.
    disable_nagle_algorithm = True

    def log_message(self, *args):
        pass

    def send(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path == "/last-request":
            data = last_request
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        self.send({"calls": calls, "mean_ms": served_seconds * 1000 / calls if calls else 0})

    def do_POST(self):
        global calls, served_seconds, LATENCY, last_request
        started = time.monotonic()
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path.startswith("/latency/"):
            with lock:
                LATENCY = int(self.path.rsplit("/", 1)[1]) / 1000.0
                calls, served_seconds = 0, 0.0
            self.send({"latency_ms": LATENCY * 1000})
            return
        request = json.loads(body or b"{}")
        last_request = body
        time.sleep(LATENCY)  # read once: a POST /latency meanwhile applies to the next call
        messages = request.get("messages", [])
        last_user = max([i for i, m in enumerate(messages) if m.get("role") == "user"], default=-1)
        tool_results = [m for m in messages[last_user + 1:] if m.get("role") == "tool"]
        if tool_results:
            self.send(completion({"role": "assistant", "content": "Yes, the Wool Beanie is in stock."}, "stop"))
        else:
            call = {"id": "call_bench", "type": "function",
                    "function": {"name": "checkStock", "arguments": json.dumps({"productNameOrSku": "wool beanie"})}}
            self.send(completion({"role": "assistant", "content": None, "tool_calls": [call]}, "tool_calls"))
        with lock:
            # counted when answered: a call still in flight when /stats is read must not lower the mean
            calls += 1
            served_seconds += time.monotonic() - started


ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
