'use strict';
// End to end: the demo storefront (GET /demo) of the running system, its widget and the real services behind it,
// all through the local ingress (one origin, nginx on port 8000, two chat-service replicas taken in turn): stock from
// the demo store, a one-time code read from the real SMTP server's inbox (GreenMail), an order cancelled in the demo
// store, the conversation restored after a reload, the VIP greeting, the abandoned-cart badge; then that the ingress
// routes only the public routes, that the turns landed on both replicas, and a replica killed mid-conversation.
// Start the system first (deploy/local/run); otherwise every test here is reported as skipped.
//   CSC_E2E_BASE_URL   the ingress (default http://127.0.0.1:8000); a chat-service port works for the journeys alone
//   CSC_E2E_RUN_DIR    deploy/local/run's pids and the ingress' access log (default deploy/local/.run)
//   CSC_E2E_INBOX_URL  GreenMail's API (default http://127.0.0.1:8025)
//   CSC_E2E_EMAIL, CSC_E2E_ORDER  the customer and her cancellable order (default carla.mendes@example.com, 51)
//   CSC_E2E_QUERY      query string for /demo, e.g. ?stream=0 (whole answers instead of streamed ones)
//   CSC_E2E_REQUIRED   set: a system that is not running fails the tests instead of skipping them (deploy/local/test)
const assert = require('assert/strict');
const path = require('path');
const fs = require('fs');
const http = require('http');
const { test, launch, skip, TARGET } = require('./harness');

const BASE = (process.env.CSC_E2E_BASE_URL || 'http://127.0.0.1:8000').replace(/\/+$/, '');
const RUN_DIR = process.env.CSC_E2E_RUN_DIR || path.resolve(__dirname, '../../deploy/local/.run');
// deploy/local/run's chat-service replicas: pid file, port
const REPLICAS = [{ name: 'chat-service', port: '8080' }, { name: 'chat-service-2', port: process.env.CHAT_REPLICA_PORT || '8084' }];
const INBOX = (process.env.CSC_E2E_INBOX_URL || 'http://127.0.0.1:8025').replace(/\/+$/, '');
// e.g. "?stream=0" to run the journeys with whole answers instead of streamed ones
const QUERY = process.env.CSC_E2E_QUERY || '';
const AXE = require('fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
// A demo-store customer with a cancellable order (the demo store starts fresh with every deploy/local/run).
const CUSTOMER = process.env.CSC_E2E_EMAIL || 'carla.mendes@example.com';
const ORDER = process.env.CSC_E2E_ORDER || '51';
let browser = null, down = null, logStart = 0;

async function setup() {
  try {
    const r = await fetch(BASE + '/demo/api/session?persona=guest', { signal: AbortSignal.timeout(3000) });
    if (!r.ok) down = `${BASE}/demo answered ${r.status}`;
  } catch (e) {
    down = `the system is not running at ${BASE} (start it with deploy/local/run)`;
  }
  if (!down) browser = await launch();
  logStart = logSize(); // the ingress' access log from this run on
}
async function teardown() { if (browser) await browser.close(); }

async function demo(opts) {
  if (down && process.env.CSC_E2E_REQUIRED) throw new Error(down + ' (CSC_E2E_REQUIRED is set: the journeys must run)');
  if (down) throw skip(down);
  opts = opts || {};
  const ctx = await browser.newContext({ viewport: opts.viewport || { width: 1280, height: 860 }, isMobile: !!opts.mobile, hasTouch: !!opts.mobile });
  const page = await ctx.newPage();
  // Registered through the browser's debugging protocol, so it runs despite the page's strict CSP.
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(BASE + '/demo' + (opts.query || QUERY));
  await page.waitForFunction(() => window.ChatWidget && document.getElementById('csc-chat-widget'));
  await page.locator('.grid .card').first().waitFor();
  return { ctx, page };
}

async function openChat(page) {
  await page.locator('#csc-chat-widget .launcher').click();
  await page.locator('[role=log] .msg.assistant, [role=log] .msg.notice').first().waitFor({ timeout: 15000 });
  const notice = await page.locator('[role=log] .msg.notice').count();
  if (notice) throw new Error('the widget says: ' + await page.locator('[role=log] .msg.notice').first().textContent());
}
async function answers(page) {
  return page.locator('[role=log] .msg.assistant, [role=log] .msg.notice').count();
}
async function say(page, text) {
  const n = await answers(page);
  await page.locator('#csc-input').fill(text);
  await page.locator('#csc-input').press('Enter');
  await page.waitForFunction((k) => document.getElementById('csc-chat-widget').shadowRoot
    .querySelectorAll('[role=log] .msg.assistant, [role=log] .msg.notice').length > k, n, { timeout: 30000 });
  return (await page.locator('[role=log] .msg.assistant, [role=log] .msg.notice').last().textContent()).replace(/^Assistant: /, '');
}
async function latestCode(email, after) {
  for (let i = 0; i < 40; i++) {
    const r = await fetch(`${INBOX}/api/user/${encodeURIComponent(email)}/messages`);
    if (r.ok) {
      const list = await r.json();
      const fresh = list.filter((m) => !after || list.indexOf(m) >= after);
      const last = fresh[fresh.length - 1];
      const m = last && /\b(\d{6})\b/.exec(last.mimeMessage || '');
      if (m) return m[1];
    }
    await new Promise((res) => setTimeout(res, 250));
  }
  throw new Error('no one-time code arrived for ' + email);
}
async function inboxCount(email) {
  const r = await fetch(`${INBOX}/api/user/${encodeURIComponent(email)}/messages`).catch(() => null);
  return r && r.ok ? (await r.json()).length : 0;
}
const shot = (page, name) => page.screenshot({ path: path.join(TARGET, name) });

test('e2e: /demo shows the demo store\'s products under a strict CSP, with no violation and no axe finding', async () => {
  const { ctx, page } = await demo();
  const names = await page.locator('.grid .card h2').allTextContents();
  assert.ok(names.includes('Zip-Up Fleece Hoodie'), names.join(', '));
  const csp = await page.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')));
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  await openChat(page);
  await page.evaluate(AXE); // through the debugging protocol: the page's CSP does not apply to the test's own script
  const v = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((x) => x.id + ' ' + x.nodes.map((n) => n.target.join(' ')).join(',')));
  assert.deepEqual(v, []);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.errors, []);
  await shot(page, 'e2e-demo.png');
  await ctx.close();
});

test('e2e: a stock question answers with a real product of the demo store', async () => {
  const { ctx, page } = await demo();
  await openChat(page);
  const a = await say(page, 'Is the Zip-Up Fleece Hoodie in stock?');
  assert.match(a, /Zip-Up Fleece Hoodie/i);
  assert.match(a, /in stock/i);
  await shot(page, 'e2e-stock.png');
  await ctx.close();
});

test('e2e: a variable product found by search: a variation chosen and added fills the demo store\'s cart; the cart card links the store\'s cart page', async () => {
  const { ctx, page } = await demo();
  await openChat(page);
  await say(page, 'Do you have the Performance Running Shirt?');
  const card = page.locator('[role=log] article', { has: page.locator('h3', { hasText: 'Performance Running Shirt' }) }).last();
  await card.waitFor({ timeout: 10000 });
  // the search result carries the variations (gateway: products/{id}/variations): only in-stock ones are offered
  const labels = await card.locator('select option').allTextContents();
  assert.ok(labels.includes('Blue / M – $29.00'), labels.join(' | '));
  assert.ok(!labels.some((l) => l.startsWith('Red / M')), 'Red / M is out of stock: ' + labels.join(' | '));
  await card.locator('select').selectOption({ label: 'Blue / M – $29.00' });
  await card.locator('button', { hasText: 'Add to cart' }).click();
  await card.locator('[aria-live]', { hasText: 'Performance Running Shirt was added to your cart.' }).waitFor({ timeout: 15000 });
  // the demo store's own cart (through /demo/wp-json/wc/store/v1/, this browser's session cookie)
  const cart = await page.evaluate(async () => (await fetch('/demo/wp-json/wc/store/v1/cart', { credentials: 'same-origin' })).json());
  assert.deepEqual(cart.items.map((i) => [i.id, i.quantity, i.variation.map((v) => v.value).join('/')]), [[45, 1, 'Blue/M']]);
  assert.equal(cart.totals.total_price, '2900');
  // the page's mini-cart heard wc-blocks_added_to_cart and reported the store's cart to cart-service
  await page.waitForFunction(() => /Cart: 1 item, 29.00 USD/.test(document.getElementById('cart').textContent), null, { timeout: 15000 });
  await say(page, "What's in my cart?");
  const cartCard = page.locator('[role=log] article', { has: page.locator('h3', { hasText: 'Your cart' }) }).last();
  await cartCard.waitFor({ timeout: 10000 });
  assert.match(await cartCard.textContent(), /Performance Running Shirt/);
  assert.match(await cartCard.locator('a', { hasText: 'View cart' }).getAttribute('href'), /^https?:\/\/[^/]+\/cart\/$/);
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.errors, []);
  await shot(page, 'e2e-variation-added.png');
  await ctx.close();
});

test('e2e: order status after a one-time code from the real inbox, a confirmed cancellation, restored after reload', async () => {
  const { ctx, page } = await demo();
  await openChat(page);
  let a = await say(page, 'Can you show me my recent orders?');
  // The assistant asks for the email (inline field) before anything private.
  await page.locator('#csc-ui-email').waitFor({ timeout: 10000 });
  const before = await inboxCount(CUSTOMER);
  await page.locator('#csc-ui-email').fill(CUSTOMER);
  const n = await answers(page);
  await page.locator('#csc-ui-email').press('Enter');
  await page.waitForFunction((k) => document.getElementById('csc-chat-widget').shadowRoot
    .querySelectorAll('[role=log] .msg.assistant, [role=log] .msg.notice').length > k, n, { timeout: 30000 });
  // Before the email is used, the spec's consent question, answered with its button.
  a = await page.locator('[role=log] .msg.assistant').last().textContent();
  assert.match(a, /we need your consent to process your email address/i);
  await page.locator('.actions .pair').waitFor({ timeout: 10000 });
  assert.equal(await page.locator('.actions .pair .btn').last().textContent(), 'No, thanks');
  await shot(page, 'e2e-consent.png');
  await page.locator('.actions .pair .btn').first().click();
  await page.locator('#csc-ui-code').waitFor({ timeout: 30000 });
  const code = await latestCode(CUSTOMER, before);
  await page.locator('#csc-ui-code').fill(code);
  const m = await answers(page);
  await page.locator('#csc-ui-code').press('Enter');
  await page.waitForFunction((k) => document.getElementById('csc-chat-widget').shadowRoot
    .querySelectorAll('[role=log] .msg.assistant, [role=log] .msg.notice').length > k, m, { timeout: 30000 });
  a = await page.locator('[role=log] .msg.assistant').last().textContent();
  if (!a.includes(ORDER)) a = await say(page, `What is the status of order ${ORDER}?`);
  assert.ok(a.includes(ORDER), a);
  assert.match(a, /processing|pending|on-hold/i);
  await shot(page, 'e2e-order-status.png');

  a = await say(page, `Please cancel order ${ORDER}`);
  await page.locator('.actions .pair').waitFor({ timeout: 10000 });
  await shot(page, 'e2e-confirm.png');
  const k = await answers(page);
  await page.locator('.actions .pair .btn').first().click();
  await page.waitForFunction((x) => document.getElementById('csc-chat-widget').shadowRoot
    .querySelectorAll('[role=log] .msg.assistant, [role=log] .msg.notice').length > x, k, { timeout: 30000 });
  a = await page.locator('[role=log] .msg.assistant').last().textContent();
  assert.match(a, /cancel/i);
  assert.ok(a.includes(ORDER), a);
  await shot(page, 'e2e-cancelled.png');

  const transcript = (await page.locator('[role=log] .msg').allTextContents()).length;
  await page.reload();
  await page.waitForFunction(() => window.ChatWidget && document.getElementById('csc-chat-widget'));
  await page.waitForFunction((t) => document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('[role=log] .msg').length >= t - 1,
    transcript, { timeout: 15000 });
  const restored = (await page.locator('[role=log]').textContent());
  assert.match(restored, /recent orders/i);
  assert.match(restored, /cancel/i);
  assert.doesNotMatch(restored, new RegExp(code), 'the code is not kept in the stored history');
  await shot(page, 'e2e-restored.png');
  await ctx.close();
});

test('e2e: the VIP customer gets the VIP greeting (signed identity from the login switcher)', async () => {
  const { ctx, page } = await demo();
  await page.selectOption('#persona', 'vip');
  await page.waitForLoadState('load');
  await page.waitForFunction(() => window.ChatWidget && window.ChatWidgetConfig && window.ChatWidgetConfig.identityToken);
  const cfg = await page.evaluate(() => window.ChatWidgetConfig.userData);
  assert.equal(cfg.customerGroup, 'vip');
  await openChat(page);
  const g = await page.locator('[role=log] .msg.assistant').first().textContent();
  assert.match(g, new RegExp(`Welcome back, ${cfg.displayName}! As a VIP customer, you have priority support`));
  await shot(page, 'e2e-vip.png');
  await ctx.close();
});

test('e2e: an abandoned cart shows the unread badge, and the prompt on open', async () => {
  const { ctx, page } = await demo();
  await page.selectOption('#persona', 'regular');
  await page.waitForFunction(() => window.ChatWidget && document.querySelector('.grid .card'));
  await page.locator('.grid .card button.btn:not([disabled])').first().click(); // a simple product in stock (a variable one is a 'Choose options' link)
  await page.waitForFunction(() => /Cart: 1 item/.test(document.getElementById('cart').textContent));
  await page.locator('#abandon').click();
  await page.waitForLoadState('load');
  await page.waitForFunction(() => window.ChatWidget);
  await page.locator('#csc-chat-widget .badge').waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await page.locator('#csc-chat-widget .launcher').getAttribute('aria-label'), /1 new message/);
  await shot(page, 'e2e-badge.png');
  await page.locator('#csc-chat-widget .launcher').click();
  const prompt = await page.locator('[role=log] .msg.assistant').first().textContent();
  assert.match(prompt, /item/i);
  assert.match(prompt, /cart/i);
  await ctx.close();
});

test('e2e: a 375 px phone: full-screen panel, chat works', async () => {
  const { ctx, page } = await demo({ viewport: { width: 375, height: 740 }, mobile: true });
  await openChat(page);
  const box = await page.locator('#csc-panel').boundingBox();
  assert.equal(Math.round(box.width), 375);
  const a = await say(page, 'do you sell hoodies?');
  assert.match(a, /hoodie/i);
  await shot(page, 'e2e-375px.png');
  await ctx.close();
});

// ---- One origin: the ingress and the two chat-service replicas behind it --------------------------------------------

/** A request exactly as written (no URL normalisation by the client), answering {status, type, body}. */
function raw(method, target, headers, body) {
  const u = new URL(BASE);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: u.hostname, port: u.port, method, path: target, headers: headers || {} }, (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (c) => { data += c; });
      res.on('end', () => resolve({ status: res.statusCode, type: res.headers['content-type'] || '', headers: res.headers, body: data }));
    });
    req.on('error', reject);
    req.setTimeout(10000, () => req.destroy(new Error('no answer to ' + method + ' ' + target)));
    if (body) req.write(body);
    req.end();
  });
}

/** The ingress' access log as [{status, path, upstreams: ['127.0.0.1:8080', ...]}] (deploy/local/ingress-config). */
function accessLog(from) {
  const file = path.join(RUN_DIR, 'nginx-access.log');
  if (!fs.existsSync(file)) return null;
  const text = fs.readFileSync(file, 'utf8').slice(from || 0);
  return text.split('\n').map((l) => /"(\S+) (\S+)" (\d{3}) .* upstream=(.*)$/.exec(l)).filter(Boolean)
    .map((m) => ({ method: m[1], path: m[2], status: Number(m[3]), upstreams: m[4].split(', ') }));
}
const logSize = () => { try { return fs.statSync(path.join(RUN_DIR, 'nginx-access.log')).size; } catch (e) { return 0; } };
const portOf = (upstream) => (upstream || '').split(':').pop();
const chatTurns = (lines) => lines.filter((l) => /^\/api\/chat(\/|$)/.test(l.path));

function alive(pid) { try { process.kill(pid, 0); return true; } catch (e) { return false; } }
/** deploy/local/run's chat-service replicas that are running: [{name, port, pid}]. */
function replicas() {
  return REPLICAS.map((r) => {
    try { return { ...r, pid: Number(fs.readFileSync(path.join(RUN_DIR, r.name + '.pid'), 'utf8').trim()) }; } catch (e) { return null; }
  }).filter((r) => r && alive(r.pid));
}
/** The one-origin tests need the ingress of deploy/local/run and its two replicas; a single service cannot show them. */
function needIngress(replicasToo) {
  if (down && process.env.CSC_E2E_REQUIRED) throw new Error(down + ' (CSC_E2E_REQUIRED is set: the journeys must run)');
  if (down) throw skip(down);
  const why = accessLog() === null ? `no ingress access log in ${RUN_DIR} (start the system with deploy/local/run)`
    : replicasToo && replicas().length < 2 ? `two chat-service replicas are not running (deploy/local/run starts them)` : null;
  if (why && process.env.CSC_E2E_REQUIRED) throw new Error(why);
  if (why) throw skip(why);
}

test('e2e: the ingress routes the public routes only; anything else is a JSON 404, never a service\'s internals', async () => {
  needIngress(false);
  // public: each path to its own service (a 4xx from the service itself, not the ingress' 404)
  const widget = await raw('GET', '/embed.js');
  assert.equal(widget.status, 200);
  assert.match(widget.type, /javascript/);
  const token = /^ADMIN_TOKEN=(.*)$/m.exec(fs.readFileSync(path.join(RUN_DIR, 'secrets.env'), 'utf8'))[1];
  const admin = { Authorization: 'Bearer ' + token };
  // /api/admin/chat is chat-service's (the longer prefix), the rest of /api/admin the gateway's
  const handoffs = await raw('GET', '/api/admin/chat/handoffs?domain=demo.localhost', admin);
  assert.equal(handoffs.status, 200, handoffs.body);
  assert.ok(Array.isArray(JSON.parse(handoffs.body).handoffs));
  const tenant = await raw('GET', '/api/admin/config/demo.localhost', admin);
  assert.equal(tenant.status, 200, tenant.body);
  assert.equal(JSON.parse(tenant.body).domain, 'demo.localhost');
  assert.equal((await raw('GET', '/api/admin/config/demo.localhost')).status, 401, 'no token');
  const report = await raw('GET', '/api/woocommerce/abandoned-carts?domain=demo.localhost', admin);
  assert.equal(report.status, 200, 'cart-service: ' + report.body);
  // never public, however the path is spelled
  for (const target of ['/internal/tenants/demo.localhost', '/q/health', '/q/metrics', '/api/chat/../../internal/tenants/demo.localhost',
    '/api/chat/%2e%2e/%2e%2e/internal/tenants/demo.localhost', '/embed.js/x', '/api/administrator', '/api/chatty', '/', '/demo.localhost']) {
    const r = await raw('GET', target, { 'X-Internal-Token': 'guess' });
    assert.equal(r.status, 404, target + ' answered ' + r.status + ': ' + r.body.slice(0, 200));
    assert.deepEqual(JSON.parse(r.body), { success: false, error: 'Resource not found', code: 'not_found' }, target);
  }
  // a body past chat-service's 64 KB is refused at the edge with the services' error shape
  const big = await raw('POST', '/api/chat', { 'Content-Type': 'application/json' }, JSON.stringify({ message: 'x'.repeat(70000) }));
  assert.equal(big.status, 413);
  assert.equal(JSON.parse(big.body).code, 'payload_too_large');
});

test('e2e: behind the ingress a client cannot choose its rate-limit window with X-Forwarded-For', async () => {
  needIngress(false);
  const remaining = async (claimed) => {
    const r = await raw('POST', '/api/woocommerce/stock', { 'Content-Type': 'application/json', 'X-Forwarded-For': claimed },
      JSON.stringify({ domain: 'demo.localhost', productName: 'hoodie' }));
    assert.equal(r.status, 200, r.body);
    return Number(r.headers['x-ratelimit-remaining']);
  };
  // the ingress replaces the claim with the address that connected: every claim lands in this client's one window
  const first = await remaining('203.0.113.' + (1 + Math.floor(Math.random() * 250)));
  const second = await remaining('198.51.100.' + (1 + Math.floor(Math.random() * 250)));
  assert.equal(second, first - 1);
});

test('e2e: the journeys\' turns, streams, confirmations and restores were served by both chat-service replicas', async () => {
  needIngress(true);
  const served = {};
  for (const l of chatTurns(accessLog(logStart))) {
    if (l.status < 400) served[portOf(l.upstreams[l.upstreams.length - 1])] = (served[portOf(l.upstreams[l.upstreams.length - 1])] || 0) + 1;
  }
  for (const r of replicas()) assert.ok(served[r.port] > 0, `replica ${r.name} (:${r.port}) served no chat request: ${JSON.stringify(served)}`);
  // the streamed turns in particular (POST /api/chat/stream)
  const streams = new Set(chatTurns(accessLog(logStart)).filter((l) => l.path === '/api/chat/stream' && l.status === 200)
    .map((l) => portOf(l.upstreams[l.upstreams.length - 1])));
  if (!QUERY.includes('stream=0')) assert.equal(streams.size, 2, 'streamed turns on ' + [...streams].join(', '));
});

// Last: it leaves one replica stopped (deploy/local/run starts it again).
test('e2e: a chat-service replica killed mid-conversation (SIGKILL): the other answers the next message, nothing lost', async () => {
  needIngress(true);
  const { ctx, page } = await demo();
  await openChat(page);
  await say(page, 'Is the Zip-Up Fleece Hoodie in stock?');
  await say(page, 'Can you show me my recent orders?');
  // the assistant now waits for the email: dialogue state the next message depends on
  await page.locator('#csc-ui-email').waitFor({ timeout: 10000 });
  const lastTurn = chatTurns(accessLog(logStart)).filter((l) => l.method === 'POST').pop();
  const victim = replicas().find((r) => r.port === portOf(lastTurn.upstreams[lastTurn.upstreams.length - 1]));
  assert.ok(victim, 'the replica that answered the last turn: ' + JSON.stringify(lastTurn));
  const survivor = replicas().find((r) => r !== victim && r.pid !== victim.pid);
  process.kill(victim.pid, 'SIGKILL');
  // gone when its port refuses connections (a killed process may linger as a zombie until its parent reaps it)
  const refuses = () => fetch(`http://127.0.0.1:${victim.port}/q/health/live`, { signal: AbortSignal.timeout(1000) })
    .then(() => false, () => true);
  let gone = false;
  for (let i = 0; i < 50 && !gone; i++) { gone = await refuses(); if (!gone) await new Promise((res) => setTimeout(res, 100)); }
  assert.ok(gone, 'the killed replica still answers on :' + victim.port);
  const mark = logSize();

  const n = await answers(page);
  await page.locator('#csc-ui-email').fill(CUSTOMER);
  await page.locator('#csc-ui-email').press('Enter');
  await page.waitForFunction((k) => document.getElementById('csc-chat-widget').shadowRoot
    .querySelectorAll('[role=log] .msg.assistant, [role=log] .msg.notice').length > k, n, { timeout: 30000 });
  const a = await page.locator('[role=log] .msg.assistant, [role=log] .msg.notice').last().textContent();
  // the other replica knew the conversation was waiting for the email for the order list
  assert.match(a, /we need your consent to process your email address/i);
  const after = chatTurns(accessLog(mark));
  assert.ok(after.length > 0, 'the message went through the ingress');
  for (const l of after) {
    assert.equal(l.status, 200, JSON.stringify(l));
    assert.equal(portOf(l.upstreams[l.upstreams.length - 1]), survivor.port, 'answered by the survivor: ' + JSON.stringify(l));
  }

  // restored after a reload, every turn from both replicas
  const transcript = (await page.locator('[role=log] .msg').allTextContents()).length;
  await page.reload();
  await page.waitForFunction(() => window.ChatWidget && document.getElementById('csc-chat-widget'));
  await page.waitForFunction((t) => document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('[role=log] .msg').length >= t - 1,
    transcript, { timeout: 15000 });
  const restored = await page.locator('[role=log]').textContent();
  assert.match(restored, /Zip-Up Fleece Hoodie/);
  assert.match(restored, /recent orders/i);
  assert.match(restored, /consent to process your email address/i);
  await shot(page, 'e2e-replica-killed.png');
  await ctx.close();
});

module.exports = { setup, teardown };
