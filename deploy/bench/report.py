#!/usr/bin/env python3
"""Writes deploy/bench/REPORT.md from one deploy/bench/run: its machine facts and start-up figures (in WORK) and the
per-area reports that run just rewrote (deploy/bench/reports/*.md). Usage: report.py WORK OUT"""
import json
import os
import re
import sys

WORK, OUT = sys.argv[1], sys.argv[2]
REPORTS = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'reports')
machine = dict(l.rstrip('\n').split('=', 1) for l in open(os.path.join(WORK, 'machine.env')) if '=' in l)
steps = {l.split()[0]: l.split()[1:] for l in open(os.path.join(WORK, 'steps.txt')) if l.strip()}
step_lines = [l.split()[0] for l in open(os.path.join(WORK, 'steps.txt')) if l.strip()]
rerun = sorted({n for n in step_lines if step_lines.count(n) > 1})


STALE = []


def report(name):
    """A step's report; when the step failed in this run, its last successful report, marked as such."""
    path = os.path.join(REPORTS, name + '.md')
    if not os.path.exists(path):
        return ''
    if steps.get(name, ['?'])[0] != 'ok':
        m = re.search(r'(?:Measured|Run by .*? on|Run on) ([0-9T:. -]+?Z?)[ ;,]', open(path).read())
        STALE.append(f"{name} (its step failed in this run, see the steps below; its figures are from its report's "
                     f"last successful run{', ' + m.group(1).strip() if m else ''}, not from this run)")
    return open(path).read()


def tables(md):
    """Every markdown table of a report: a list of rows, each a list of cells (header row included)."""
    out, cur = [], []
    for line in md.splitlines():
        if line.startswith('|'):
            cells = [c.strip() for c in line.strip().strip('|').split('|')]
            if not all(re.fullmatch(r'-+', c) for c in cells):
                cur.append(cells)
        elif cur:
            out.append(cur)
            cur = []
    if cur:
        out.append(cur)
    return out


def row(md, label_start, table_index=None):
    for i, t in enumerate(tables(md)):
        if table_index is not None and i != table_index:
            continue
        for r in t:
            if r[0].startswith(label_start):
                return r
    return None


def wrk_row(r):
    """(p50, p99, throughput note) of a wrk table row: a run whose requests all outlived wrk's timeout has no
    latencies (wrk prints 0), and timeouts are named beside the throughput."""
    if r is None:
        return None
    errors = r[5] if len(r) > 5 else ''
    t = re.search(r'timeout (\d+)', errors)
    note = f' ({t.group(1)} timed out)' if t and t.group(1) != '0' else ''
    if num(r[1]) == 0:
        return 'none completed in time', '', note
    return r[1] + ' ms', r[3] + ' ms', note


def num(text):
    m = re.search(r'-?[0-9][0-9,]*\.?[0-9]*', (text or '').replace('*', ''))
    return float(m.group(0).replace(',', '')) if m else None


def ms(text):
    """'9.63ms', '843.00us', '1.2s', '2.94 ms', '0.280' (ms) -> milliseconds."""
    t = (text or '').replace('*', '').strip()
    v = num(t)
    if v is None:
        return None
    if t.endswith('us'):
        return v / 1000
    if re.search(r'\d\s*s$', t) and not t.endswith('ms'):
        return v * 1000
    return v


def f(v, digits=2):
    return '-' if v is None else f'{v:,.{digits}f}'


def ratio(a, b):
    return '-' if not a or not b else f'{a / b:.1f}x'


stock, otp, cart, chat, knowledge = (report(n) for n in ('stock', 'otp', 'cart', 'chat', 'knowledge'))
lines = []
w = lines.append

w('# Benchmark report')
w('')
w(f"One run of `deploy/bench/run` from {machine.get('started')} to {machine.get('finished')} (commit "
  f"{machine.get('commit')}), every figure below measured in that run; each area's own report (linked) has the "
  f"method, the exact commands and the raw wrk output.")
if rerun:
    w('')
    w(f"Steps run again later with `BENCH_STEPS` (after a failure in the first pass), their last result kept: "
      f"{', '.join(rerun)}; the steps table below has the final result of each.")
w('')
w('## The machine')
w('')
w(f"{machine.get('cores')} cores ({machine.get('cpu')}), {machine.get('memory_gib')} GiB, {machine.get('kernel')}; "
  f"{machine.get('java')}; PostgreSQL {machine.get('postgres')} and Redis {machine.get('redis')} on the same machine, "
  f"as are the demo store, the load generator (wrk) and every service: nothing leaves loopback.")
w('')
loads = [(k[len('load_after_'):], v) for k, v in machine.items() if k.startswith('load_after_')]
w(f"Load average (1, 5, 15 min) at the start: {machine.get('load_start')}; after each step: "
  + '; '.join(f'{k} {v}' for k, v in loads) + '. '
  "Each step's own processes (the services, PostgreSQL, Redis and wrk, all on two cores) raise the load average while "
  "it runs; a load above 1 at the start means other work shared the machine. A load average above 2 means processes "
  "waited for a CPU, so absolute latencies and start-up times here are upper bounds, and tails (p99) suffer most. "
  "Ratios were measured side by side within one step (same minutes, same load), so they hold better than the "
  "absolute figures.")
w('')

if STALE:
    w('**Not measured in this run**: ' + '; '.join(STALE) + '.')
    w('')

# ---- headline -----------------------------------------------------------------------------------------------------
w('## Headline figures')
w('')
w('| area | what | p50 | p99 | throughput | target |')
w('| --- | --- | --- | --- | --- | --- |')
head = []
if stock:
    d, warm, cold = (row(stock, s) for s in ('demo store directly', 'gateway, warm cache', 'gateway, cold'))
    for r, what in ((warm, 'stock lookup through the gateway, warm cache, 50 connections'),
                    (cold, 'stock lookup, cold (every lookup calls the store)'),
                    (d, 'the demo store directly (WooCommerce REST), 50 connections')):
        if r:
            p50, p99, note = wrk_row(r)
            w(f"| [stock](reports/stock.md) | {what} | {p50} | {p99} | {r[4]} req/s{note} | "
              f"{'p50 < 2 ms, p99 < 10 ms, >= 3,000/s' if r is warm else ''} |")
if otp:
    r = row(otp, 'steady')
    if r:
        w(f"| [otp](reports/otp.md) | one-time-code check, {r[0].split(': ', 1)[-1]} | {r[3].strip('*')} ms | "
          f"{r[5].strip('*')} ms | {r[2]} req/s | p99 < 10 ms |")
if cart:
    thr, p50, p99, scan = (row(cart, s) for s in ('throughput', 'latency p50', 'latency p99', 'scan time (service)'))
    if thr:
        w(f"| [cart](reports/cart.md) | signed cart event ingest | {f(ms(p50[1]))} ms | {f(ms(p99[1]))} ms | "
          f"{f(num(thr[1]), 0)} events/s | >= 2,000/s |")
    if scan:
        w(f"| [cart](reports/cart.md) | abandonment scan over 100,000 carts | {scan[1].split('(')[0].replace('*', '').strip()} | | | < 5 s |")
if chat:
    for label, what, target in (
            ('chat, 4 concurrent', 'chat turn, built-in, product question, 4 conversations', 'p99 < 50 ms'),
            ('chat, 50 concurrent', 'chat turn, built-in, product question, 50 conversations', '>= 500/s'),
            ('chat, mixed set (below), 4', 'chat turn, built-in, mixed set, 4 conversations', 'p99 < 50 ms'),
            ('chat, mixed set (below), 50', 'chat turn, built-in, mixed set, 50 conversations', '>= 500/s')):
        r = row(chat, label)
        if r:
            p50, p99, note = wrk_row(r)
            w(f"| [chat](reports/chat.md) | {what} | {p50} | {p99} | {r[4]} turns/s{note} | {target} |")
    r = row(chat, 'confirmation')
    if r:
        w(f"| [chat](reports/chat.md) | cancel confirmation (cancels the order in the store), 4 at a time | {r[1]} ms | {r[3]} ms | | |")
    for m in re.finditer(r'^- (\d) connection\(s\), the median run: .*?\*\*(-?[0-9.]+) ms\*\*', chat, re.M):
        w(f"| [chat](reports/chat.md) | LLM mode: our overhead per turn beyond the model's time, {m.group(1)} connection(s) | "
          f"{m.group(2)} ms | | | < 10 ms |")
if knowledge:
    r = row(knowledge, 'not asked before')
    if r:
        w(f"| [knowledge](reports/knowledge.md) | search at 2,000 passages, new question | {r[1]} | {r[3]} | | p99 < 20 ms |")
    r = row(knowledge, 'asked before')
    if r:
        w(f"| [knowledge](reports/knowledge.md) | search at 2,000 passages, question asked before | {r[1]} | {r[3]} | | |")
    r = row(knowledge, 'first')
    if r:
        w(f"| [knowledge](reports/knowledge.md) | first ingest of the demo store ({r[2]} passages) | {r[3]} | | | < 10 s |")
w('')

# ---- ratios -------------------------------------------------------------------------------------------------------
w('## Side by side (same step, same minutes)')
w('')
if stock and d and warm and cold:
    w(f"- Stock: the gateway's warm lookup p50 is {ratio(num(warm[1]), num(d[1]))} the store's own REST answer "
      f"({warm[1]} vs {d[1]} ms; the demo store answers from memory, a real WooCommerce takes about 100 ms per product "
      f"on a 2-core machine, see the stock report), at {ratio(num(warm[4]), num(d[4]))} its throughput; a cold lookup "
      f"costs {ratio(num(cold[1]), num(warm[1]))} a warm one.")
if chat:
    c4, woo, m4, m50, c50 = (row(chat, s) for s in ('chat, 4 concurrent', "WooCommerce's own search",
                                                    'chat, mixed set (below), 4', 'chat, mixed set (below), 50',
                                                    'chat, 50 concurrent'))
    if c4 and m4:
        w(f"- Chat: a mixed-set turn (product, policy, order, cancel proposal) at 4 conversations has p50 {m4[1]} ms "
          f"against {c4[1]} ms for the product question alone ({ratio(num(m4[1]), num(c4[1]))}).")
    if c50 and m50:
        w(f"- Chat at 50 conversations: {m50[4]} mixed turns/s against {c50[4]} product turns/s.")
    if c50 and num(c50[1]) == 0:
        w("- Chat at 50 connections: no product-question turn finished within wrk's timeout in this run, so there "
          "is no latency to compare with WooCommerce's own search; the throughput above counts the turns that did.")
    elif woo and c50:
        w(f"- A built-in chat turn at 50 connections (p50 {c50[1]} ms) against WooCommerce's own product search on the "
          f"demo store (p50 {woo[1]} ms): {ratio(num(c50[1]), num(woo[1]))}; the turn also stores the conversation, "
          "counts rate limits and understands the message.")
    llm = re.findall(r'^\| chat in LLM mode.*?\| ([0-9.]+) \|.*$\n^\| the stub model alone.*?\| ([0-9.]+) \|', chat, re.M)
    if llm:
        w(f"- LLM mode: a turn with two model calls of {re.search(r'answering in ([0-9]+) ms', chat).group(1)} ms each "
          f"takes p50 {llm[0][0]} ms against the model's own {llm[0][1]} ms per call timed directly.")
w('')

# ---- start-up and memory ------------------------------------------------------------------------------------------
path = os.path.join(WORK, 'startup.json')
if os.path.exists(path):
    s = json.load(open(path))
    w('## Start-up and memory (JVM, fast-jar)')
    w('')
    w('Each service started alone (`java -Xmx<heap> -jar target/quarkus-app/quarkus-run.jar`, the next one once the '
      'previous was ready), against the local PostgreSQL (schema already migrated by earlier runs) and Redis. The heap '
      'cap is what Kubernetes gives it (k8s/base: `-XX:MaxRAMPercentage=50` of the memory limit). Resident size (RSS) '
      'right after ready, and after a warm-up under load (chat-service and the gateway: the mixed chat set for 20 s '
      'and stock lookups for 10 s; cart-service: 10 s of signed events; verification-service: 10 s of code checks). '
      'Produced by `deploy/bench/startup.py`.')
    w('')
    w('| service | to /q/health/started | to /q/health/ready | Quarkus "started in" | RSS when ready | RSS after warm-up | heap cap | k8s memory limit |')
    w('| --- | --- | --- | --- | --- | --- | --- | --- |')
    warm = s.pop('_warmup', {})
    for name, r in s.items():
        w(f"| {name} | {r['started_s']:.1f} s | {r['ready_s']:.1f} s | {f(r['quarkus_s'], 1)} s | {r['rss_ready_mib']} MiB | "
          f"**{r['rss_warm_mib']} MiB** | {r['heap']} | {r['k8s_limit_mib']} MiB |")
    w('')
    if warm:
        w('Warm-up load: ' + '; '.join(f"{k}: {v['requests']:,} requests, {v['non_2xx']} not 2xx" for k, v in warm.items()) + '.')
        w('')
    w('A starting JVM loads and compiles classes, so on a busy machine its start-up waits for a CPU like everything '
      'else: read these times against the load average above. In Kubernetes the startup probe allows 3 minutes '
      '(36 x 5 s); the resident sizes after warm-up are what the memory requests and limits in k8s/base are checked '
      'against (limit about twice the heap cap).')
    w('')

# ---- steps --------------------------------------------------------------------------------------------------------
w('## The steps of this run')
w('')
w('| step | result | wall time | report |')
w('| --- | --- | --- | --- |')
links = {'startup': '(above)', 'stock': '[reports/stock.md](reports/stock.md)', 'otp': '[reports/otp.md](reports/otp.md)',
         'cart': '[reports/cart.md](reports/cart.md)', 'chat': '[reports/chat.md](reports/chat.md)',
         'knowledge': '[reports/knowledge.md](reports/knowledge.md)'}
for name, (result, secs) in steps.items():
    w(f'| {name} | {result} | {int(secs) // 60} min {int(secs) % 60} s | {links.get(name, "")} |')
w('')
w('Reproduce: `deploy/bench/run` (builds the jars when missing; `BENCH_SECONDS` sets the length of each measured wrk '
  'run, 15 s by default). Each area can also be run alone: `deploy/bench/<area>/run`.')
open(OUT, 'w').write('\n'.join(lines) + '\n')
print('\n'.join(lines[:40]))
