#!/usr/bin/env python3
"""Pre-signs cart events for wrk: one line per request, "timestamp<TAB>signature<TAB>body".

Every body is a distinct, newer event (session i % sessions, increasing occurredAt) so each request is a real write,
not an idempotent no-op. The warm-up file starts further back in time (5th argument, hours ago) so that the
measured run's events are all newer than the warm-up's. One fixed X-CSC-Timestamp (now) stays inside the 5-minute replay window for the run.
"""
import hashlib
import hmac
import json
import sys
import time
from datetime import datetime, timedelta, timezone

out, secret, count, sessions = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
hours_ago = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
ts = str(int(time.time()))
start = datetime.now(timezone.utc) - timedelta(hours=hours_ago)
types = ["cart_updated"] * 8 + ["checkout_email", "consent"]
with open(out, "w") as f:
    for i in range(count):
        at = (start + timedelta(milliseconds=i)).isoformat(timespec="milliseconds").replace("+00:00", "Z")
        session = "bench-%d" % (i % sessions)
        kind = types[i % len(types)]
        event = {"type": kind, "sessionId": session, "occurredAt": at}
        if kind == "cart_updated":
            qty = 1 + i % 3
            event.update({"userId": str(1000 + i % sessions), "email": "%s@example.com" % session,
                          "cartItems": [{"id": "k1", "productId": 11, "variationId": 0, "name": "Blue Mug",
                                         "quantity": qty, "price": "12.50", "sku": "MUG-B"},
                                        {"id": "k2", "productId": 12, "variationId": 31, "name": "Tea Sampler",
                                         "quantity": 1, "price": "9.99", "variation": "Size: L"}],
                          "cartTotal": "%.2f" % (12.5 * qty + 9.99), "cartCurrency": "EUR", "appliedCoupons": []})
        elif kind == "checkout_email":
            event["email"] = "%s@example.com" % session
        else:
            event["consent"] = True
        body = json.dumps(event, separators=(",", ":"))
        sig = hmac.new(secret.encode(), (ts + "." + body).encode(), hashlib.sha256).hexdigest()
        f.write("%s\tsha256=%s\t%s\n" % (ts, sig, body))
