#!/usr/bin/env python3
"""The mixed turn set of deploy/bench/chat/run (stdlib only, loopback only, bounded).

  mixed.py setup CHAT STORE DOMAIN SECRET COUNT OUT_CONVERSATIONS OUT_SAMPLES
      Creates COUNT throw-away pending orders for the demo customer Alice in the demo store (one per conversation),
      opens COUNT conversations as Alice signed in (an identity token signed with the store's plugin secret, as the
      WordPress plugin makes it), and writes "<conversation_id> <session_id> <order> <identity token>" lines for
      mixed.lua, and the messages of the set to OUT_CONVERSATIONS.messages (one a line). Then asks each kind of the set once in a fresh conversation and checks the answer is of that kind
      (a product answer, a policy answer with its page as source, the order's status, a cancel proposal with its
      confirm button): the samples go to OUT_SAMPLES (JSON) and a wrong kind stops the benchmark.
  mixed.py confirm CHAT STORE DOMAIN SECRET COUNT CONCURRENCY OUT_JSON
      Cancels COUNT new throw-away orders through the chat, CONCURRENCY conversations at a time: per order one
      conversation, "please cancel order #N" (the proposal), then its confirm button (the confirmation, which cancels
      the order in the store). Times both turns, then reads every order back from the store: each must be cancelled.
"""
import base64
import concurrent.futures
import hashlib
import hmac
import json
import random
import sys
import time
import urllib.request

CK = 'ck_849764fbd6818bcfeee7ffd6c852d496c0ea4b86'
CS = 'cs_9fdff28d8c62fde1b697a23cc98b725c6f9a5df1'
ALICE = {'customerId': 2, 'email': 'alice.johnson@example.com'}

# The kinds of the set; mixed.lua sends the same messages in this order, round after round, in every conversation.
# "{order}" is the conversation's own throw-away order.
KINDS = [
    ('product', 'is the wool beanie in stock?'),
    ('policy', 'how long do I have to return something?'),
    ('product', 'do you have wireless earbuds?'),
    ('order', 'where is my order #{order}?'),
    ('policy', 'do you ship internationally?'),
    ('cancel proposal', 'please cancel order #{order}'),
]


def call(method, url, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method,
                                 headers={'Content-Type': 'application/json', **(headers or {})})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b'null')


def store(method, base, path, body=None):
    auth = base64.b64encode(f'{CK}:{CS}'.encode()).decode()
    return call(method, f'{base}/wp-json/wc/v3/{path}', body, {'Authorization': 'Basic ' + auth})


def identity_token(secret, domain):
    """The plugin's identity token (docs/architecture.md "Signed tokens"), valid for two hours."""
    payload = json.dumps({'typ': 'identity', 'domain': domain, **ALICE, 'segment': 'regular',
                          'exp': int(time.time()) + 7200}, separators=(',', ':'))
    part = base64.urlsafe_b64encode(payload.encode()).rstrip(b'=').decode()
    key = hmac.new(secret.encode(), b'csc-identity-v1', hashlib.sha256).digest()
    return part + '.' + hmac.new(key, part.encode(), hashlib.sha256).hexdigest()


def new_order(base):
    order = store('POST', base, 'orders', {
        'status': 'pending', 'customer_id': ALICE['customerId'],
        'billing': {'first_name': 'Alice', 'last_name': 'Johnson', 'email': ALICE['email']},
        'line_items': [{'product_id': 11, 'quantity': 1}]})
    return order['id']


def turn(chat, domain, session, token, message, conversation=None, confirm=None):
    body = {'message': message, 'session_id': session, 'domain': domain, 'context': {'identityToken': token}}
    if conversation:
        body['conversation_id'] = conversation
    if confirm:
        body['confirm'] = confirm
    started = time.perf_counter()
    answer = call('POST', f'{chat}/api/chat', body)
    return answer, (time.perf_counter() - started) * 1000


def expect(kind, answer, order):
    """A cheap check that the answer is of the kind asked (not an apology, a handoff or another topic)."""
    text = answer.get('message', '').lower()
    ui = answer.get('ui') or {}
    if answer.get('error') or ui.get('handoff'):
        return False
    if kind == 'product':
        return 'beanie' in text or 'earbud' in text
    if kind == 'policy':
        return bool(answer.get('sources'))
    if kind == 'order':
        return str(order) in text and any(s in text for s in ('pending', 'payment'))
    if kind == 'cancel proposal':
        return 'confirm' in ui
    return False


def setup(chat, base, domain, secret, count, out_conversations, out_samples):
    token = identity_token(secret, domain)
    with open(out_conversations, 'w') as f:
        for n in range(count):
            order, session = new_order(base), f'bench-mixed-{n}-{random.getrandbits(32):x}'
            answer, _ = turn(chat, domain, session, token, 'hi')
            f.write(f"{answer['conversation_id']} {session} {order} {token}\n")
    with open(out_conversations + '.messages', 'w') as f:
        f.writelines(message + '\n' for _, message in KINDS)
    samples, wrong = [], []
    order, session, conversation = new_order(base), f'bench-mixed-sample-{random.getrandbits(32):x}', None
    for kind, message in KINDS:
        message = message.format(order=order)
        answer, ms = turn(chat, domain, session, token, message, conversation)
        conversation = answer['conversation_id']
        samples.append({'kind': kind, 'message': message, 'answer': answer, 'ms': round(ms, 1)})
        if not expect(kind, answer, order):
            wrong.append(f'{kind}: "{message}" -> {json.dumps(answer)[:400]}')
    json.dump(samples, open(out_samples, 'w'), indent=1)
    if wrong:
        sys.exit('mixed.py: answers of the wrong kind:\n  ' + '\n  '.join(wrong))


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, int(round(p / 100 * len(values) + 0.5)) - 1))]


def confirm(chat, base, domain, secret, count, concurrency, out_json):
    token = identity_token(secret, domain)
    orders = [new_order(base) for _ in range(count)]

    def cancel(order):
        session = f'bench-cancel-{order}-{random.getrandbits(32):x}'
        proposal, propose_ms = turn(chat, domain, session, token, f'please cancel order #{order}')
        button = (proposal.get('ui') or {}).get('confirm', {}).get('id')
        if not button:
            return propose_ms, None, f'no proposal for #{order}: {proposal.get("message")}'
        done, confirm_ms = turn(chat, domain, session, token, '', proposal['conversation_id'], button)
        return propose_ms, confirm_ms, done.get('message')

    started = time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(concurrency) as pool:
        results = list(pool.map(cancel, orders))
    elapsed = time.perf_counter() - started
    cancelled = sum(store('GET', base, f'orders/{o}')['status'] == 'cancelled' for o in orders)
    propose = [r[0] for r in results]
    confirmed = [r[1] for r in results if r[1] is not None]
    stats = {
        'orders': count, 'concurrency': concurrency, 'cancelled_in_store': cancelled,
        'seconds': round(elapsed, 2), 'sample_answer': results[0][2],
        'proposal': {'p50': percentile(propose, 50), 'p90': percentile(propose, 90), 'p99': percentile(propose, 99)},
        'confirmation': {'p50': percentile(confirmed, 50), 'p90': percentile(confirmed, 90),
                         'p99': percentile(confirmed, 99)} if confirmed else None,
        'turns_per_second': round(2 * count / elapsed, 1),
    }
    json.dump(stats, open(out_json, 'w'), indent=1)
    print(json.dumps(stats))
    if cancelled != count:
        sys.exit(f'mixed.py: only {cancelled} of {count} orders were cancelled in the store')


if __name__ == '__main__':
    a = sys.argv
    if a[1] == 'setup':
        setup(a[2], a[3], a[4], a[5], int(a[6]), a[7], a[8])
    elif a[1] == 'confirm':
        confirm(a[2], a[3], a[4], a[5], int(a[6]), int(a[7]), a[8])
    else:
        sys.exit(__doc__)
