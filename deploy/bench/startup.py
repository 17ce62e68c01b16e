#!/usr/bin/env python3
"""Start-up time and memory of each service (deploy/bench/run), JVM mode, fast-jar (target/quarkus-app).

  startup.py ROOT WORK OUT_JSON

Starts the demo store, then the four services one after another, each alone (the next starts when the previous one
is ready): the time from launching `java -jar quarkus-run.jar` to the first 200 of /q/health/started and of
/q/health/ready, and Quarkus' own "started in" figure. The heap is capped as in Kubernetes (k8s/base: half the
container's memory limit). Resident size (VmRSS) right after ready, then again after a warm-up under load:
  gateway and chat-service: the mixed chat turn set (deploy/bench/chat/mixed.lua) at 4 connections, then stock
  lookups at 8; cart-service: signed cart events (deploy/bench/cart); verification-service: one-time codes asked and
  checked through its internal API (deploy/bench/otp; verification-service reads stores and customers from that
  benchmark's stub gateway, which knows no customer, so no mail is sent). Loopback only (ports 18280-18299), bounded; everything
  started here is stopped at the end.
"""
import json
import os
import re
import subprocess
import sys
import time
import urllib.request

ROOT, WORK, OUT = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, os.path.join(ROOT, 'deploy', 'bench', 'chat'))
import mixed  # noqa: E402

PORTS = {'commerce-gateway': 18281, 'verification-service': 18282, 'cart-service': 18283, 'chat-service': 18280}
STORE = 'http://127.0.0.1:18290'
# As k8s/base/*.yaml: -XX:MaxRAMPercentage=50 of the container limit.
HEAP = {'commerce-gateway': '256m', 'verification-service': '256m', 'cart-service': '256m', 'chat-service': '384m'}
LIMIT_MIB = {'commerce-gateway': 512, 'verification-service': 512, 'cart-service': 512, 'chat-service': 768}
SECRET = 'bench-plugin-secret-0123456789abcdef0123'
ADMIN, INTERNAL = 'bench-admin-token-0123', 'bench-internal-token-0123'
ENV = dict(os.environ,
           ENCRYPTION_KEY='bench-key-0123456789abcdefghijkl', ADMIN_TOKEN=ADMIN, INTERNAL_TOKEN=INTERNAL,
           OTP_HMAC_KEY='bench-otp-hmac-key-0123456789abcdef0123456789',
           QUARKUS_DATASOURCE_REACTIVE_URL='postgresql://127.0.0.1:5432/csc_bench',
           QUARKUS_DATASOURCE_JDBC_URL='jdbc:postgresql://127.0.0.1:5432/csc_bench',
           COMMERCE_GATEWAY_URL='http://127.0.0.1:18281', VERIFICATION_SERVICE_URL='http://127.0.0.1:18282',
           CART_SERVICE_URL='http://127.0.0.1:18283', PUBLIC_BASE_URL='http://127.0.0.1:18283',
           RATE_LIMIT_CHAT='1000000000', RATE_LIMIT_CHAT_PER_ADDRESS='1000000000', RATE_LIMIT_STOCK='1000000000',
           RATE_LIMIT_CUSTOMER_ACTION='1000000000', RATE_LIMIT_CUSTOMER_ACTION_PER_ADDRESS='1000000000',
           CART_EVENTS_PER_MINUTE='100000000', CART_SCAN_EVERY='off', CHAT_KNOWLEDGE_REINDEX_EVERY='off',
           VERIFICATION_OTP_MAX_ATTEMPTS='1000000000', QUARKUS_LOG_LEVEL='INFO',
           QUARKUS_MAILER_MOCK='true')
ENV.pop('OPENAI_API_KEY', None)
procs = {}


def status(url):
    try:
        with urllib.request.urlopen(url, timeout=2) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except Exception:
        return 0


def rss_mib(pid):
    for line in open(f'/proc/{pid}/status'):
        if line.startswith('VmRSS:'):
            return round(int(line.split()[1]) / 1024)


def start(name):
    port = PORTS[name]
    log = open(os.path.join(WORK, f'{name}.log'), 'w')
    jar = os.path.join(ROOT, name, 'target', 'quarkus-app', 'quarkus-run.jar')
    t0 = time.perf_counter()
    p = subprocess.Popen(['java', f'-Xmx{HEAP[name]}', '-jar', jar], env=dict(ENV, QUARKUS_HTTP_PORT=str(port)),
                         stdout=log, stderr=subprocess.STDOUT, cwd=WORK)
    procs[name] = p
    started = ready = None
    while time.perf_counter() - t0 < 180:
        if p.poll() is not None:
            sys.exit(f'{name} exited while starting; see {log.name}')
        if started is None and status(f'http://127.0.0.1:{port}/q/health/started') == 200:
            started = time.perf_counter() - t0
        if status(f'http://127.0.0.1:{port}/q/health/ready') == 200:
            ready = time.perf_counter() - t0
            started = started or ready
            break
        time.sleep(0.05)
    if ready is None:
        sys.exit(f'{name} not ready after 180 s; see {log.name}')
    m = re.search(r'started in ([0-9.]+)s', open(log.name).read())
    return {'started_s': round(started, 2), 'ready_s': round(ready, 2),
            'quarkus_s': float(m.group(1)) if m else None, 'rss_ready_mib': rss_mib(p.pid)}


WARMUP = {}


def wrk(name, args, env=None):
    """Runs wrk and keeps how many requests it made and how many were not answered 2xx."""
    out = subprocess.run(['wrk'] + args, env=dict(os.environ, **(env or {})), check=True, capture_output=True,
                         text=True).stdout
    total = re.search(r'(\d+) requests in', out)
    bad = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
    WARMUP[name] = {'requests': int(total.group(1)) if total else 0, 'non_2xx': int(bad.group(1)) if bad else 0}


def main():
    results = {}
    store = subprocess.Popen(['java', '-jar', os.path.join(ROOT, 'deploy/demo-store/target/demo-store-1.0.0-SNAPSHOT.jar'),
                              '--port', '18290', '--allow-basic-over-http'],
                             stdout=open(os.path.join(WORK, 'store.log'), 'w'), stderr=subprocess.STDOUT)
    procs['store'] = store
    for _ in range(600):
        if status(STORE + '/wp-json/wc/v3') != 0:
            break
        time.sleep(0.1)
    procs['stub-gateway'] = subprocess.Popen(['python3', os.path.join(ROOT, 'deploy/bench/otp/stub_gateway.py'), '18291',
                                              INTERNAL], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for name in ('commerce-gateway', 'verification-service', 'cart-service', 'chat-service'):
        if name == 'verification-service':
            ENV['COMMERCE_GATEWAY_URL'] = 'http://127.0.0.1:18291'
        results[name] = start(name)
        ENV['COMMERCE_GATEWAY_URL'] = 'http://127.0.0.1:18281'
        if name == 'commerce-gateway':
            mixed.call('POST', 'http://127.0.0.1:18281/api/admin/config', {
                'domain': 'bench.localhost', 'woocommerce_url': 'http://127.0.0.1:18290',
                'woocommerce_consumer_key': mixed.CK, 'woocommerce_consumer_secret': mixed.CS,
                'woocommerce_enabled': True, 'development_store': True, 'support_email': 'support@bench.localhost',
                'plugin_secret': SECRET}, {'Authorization': 'Bearer ' + ADMIN})
        print(f'{name}: {results[name]}', flush=True)

    bench = os.path.join(ROOT, 'deploy', 'bench')
    # chat-service and the gateway: the mixed set, then stock lookups.
    mixed.call('POST', 'http://127.0.0.1:18280/api/admin/chat/knowledge/reindex?domain=bench.localhost', {},
               {'Authorization': 'Bearer ' + ADMIN})
    conv = os.path.join(WORK, 'warm-conversations.txt')
    mixed.setup('http://127.0.0.1:18280', STORE, 'bench.localhost', SECRET, 4, conv, os.path.join(WORK, 'warm-samples.json'))
    wrk('chat turns (mixed set)', ['-t2', '-c4', '-d20s', '-s', f'{bench}/chat/mixed.lua', 'http://127.0.0.1:18280'],
        {'CHAT_CONVERSATIONS': conv, 'CHAT_MESSAGES': conv + '.messages', 'WRK_THREADS': '2'})
    wrk('stock lookups', ['-t2', '-c8', '-d10s', '-s', f'{bench}/stock/stock.lua', 'http://127.0.0.1:18281/api/woocommerce/stock'])
    # cart-service: signed events of the registered store.
    events = os.path.join(WORK, 'events.tsv')
    subprocess.run(['python3', f'{bench}/cart/gen_events.py', events, SECRET, '20000', '2000', '1'], check=True,
                   stdout=subprocess.DEVNULL)
    wrk('cart events', ['-t2', '-c16', '-d10s', '-s', f'{bench}/cart/events.lua', 'http://127.0.0.1:18283', '--', events,
         'bench.localhost', '2'])
    # verification-service: codes asked in 500 conversations, then checked (almost always wrong) for 10 s.
    run_id = f'warm{int(time.time())}'
    subprocess.run(['python3', f'{bench}/otp/seed.py', '18282', INTERNAL, run_id, '500'], check=True,
                   stdout=subprocess.DEVNULL)
    wrk('code checks', ['-t1', '-c8', '-d10s', '-s', f'{bench}/otp/verify.lua', 'http://127.0.0.1:18282'],
        {'RUN_ID': run_id, 'CONVERSATIONS': '500', 'TOKEN': INTERNAL})
    time.sleep(2)
    for name, r in results.items():
        if procs[name].poll() is not None:
            sys.exit(f'{name} stopped during the warm-up')
        r['rss_warm_mib'] = rss_mib(procs[name].pid)
        r['heap'] = HEAP[name]
        r['k8s_limit_mib'] = LIMIT_MIB[name]
    results['_warmup'] = WARMUP
    json.dump(results, open(OUT, 'w'), indent=1)
    print(json.dumps(results))


try:
    main()
finally:
    for p in procs.values():
        p.terminate()
    for p in procs.values():
        try:
            p.wait(20)
        except subprocess.TimeoutExpired:
            p.kill()
