#!/usr/bin/env python3
"""Asks for one code in each of N conversations (distinct emails), over one keep-alive connection.

Usage: seed.py PORT TOKEN RUN_ID N
"""
import http.client
import json
import sys

port, token, run, count = int(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
headers = {"Content-Type": "application/json", "X-Internal-Token": token}
for i in range(count):
    body = json.dumps({"conversationId": f"bench-{run}-{i}", "domain": f"bench-{run}.example.com",
                       "email": f"shopper{i}@bench.example.com"})
    conn.request("POST", "/internal/verification/otp/send", body, headers)
    response = conn.getresponse()
    response.read()
    if response.status != 202:
        sys.exit(f"seeding failed at {i}: HTTP {response.status}")
print(f"seeded {count} conversations")
