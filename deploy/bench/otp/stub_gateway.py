#!/usr/bin/env python3
"""A minimal commerce-gateway stand-in for the OTP benchmark (loopback only).

Every store is the "Bench Store"; no email is a registered customer, so no mail is ever sent (the benchmark measures
verification, not SMTP). Usage: stub_gateway.py PORT TOKEN
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def do_GET(self):
        if self.headers.get("X-Internal-Token") != TOKEN:
            return self.answer(401, {"success": False, "error": "unauthorized", "code": "unauthorized"})
        path = self.path.split("?", 1)[0]
        if path.startswith("/internal/tenants/"):
            domain = path.rsplit("/", 1)[1]
            return self.answer(200, {"domain": domain, "storeName": "Bench Store", "storeUrl": "http://127.0.0.1:8090",
                                     "woocommerceEnabled": True, "allowedOrigins": [], "pluginSecret": "x",
                                     "supportEmail": None, "developmentStore": True})
        if path == "/internal/customers":
            return self.answer(404, {"success": False, "error": "no such customer", "code": "customer_not_found"})
        return self.answer(404, {"success": False, "error": "not found", "code": "order_not_found"})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    PORT, TOKEN = int(sys.argv[1]), sys.argv[2]
    ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()
