'use strict';
// The live handoff (issue 23, docs/live-handoff.md) in Debian's Chromium with two pages against two chat-service
// replicas: the shopper on the demo storefront served by one replica (all its chat traffic, the live stream included,
// goes there) and the operator in the console inbox behind a proxy that sends every chat-service route to the other
// replica. Handoff requested, claimed, three messages each way in order, resolved, the assistant back; outside business
// hours the email path (the mail seen once in the mailer); an operator of store A cannot see or claim store B's
// handoff; a reply to a resolved conversation is refused. Needs the running system (deploy/local/run).
//   CSC_LIVE_SHOPPER_URL        the replica the shopper's page is served by (default http://127.0.0.1:8080)
//   CSC_LIVE_OPERATOR_CHAT_URL  the other replica, for everything the operator does (default http://127.0.0.1:8084)
//   CSC_GATEWAY_URL             commerce-gateway, which serves the console (default http://127.0.0.1:8081)
//   CSC_E2E_INBOX_URL           the mailer's inbox API (GreenMail, default http://127.0.0.1:8025); not answering: no mail check
//   CSC_CART_PORT               cart-service's port for the operator's proxy (default 8083)
// Against the private stack: STACK_CHAT_REPLICAS=2 stack start, then the variables it prints (demo.localhost is
// registered here when the system does not have it, and removed after).
const assert = require('assert');
const path = require('path');
const fs = require('fs');
const net = require('net');
const { spawn } = require('child_process');
const { test, launch, skip, TARGET } = require('../../../../widget/test/harness');

const BASE = (process.env.CSC_BASE_URL || 'http://127.0.0.1:8000').replace(/\/$/, '');
const TOKEN = process.env.ADMIN_TOKEN || '';
const SHOPPER = (process.env.CSC_LIVE_SHOPPER_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const OPERATOR_CHAT = (process.env.CSC_LIVE_OPERATOR_CHAT_URL || 'http://127.0.0.1:8084').replace(/\/$/, '');
const GATEWAY = (process.env.CSC_GATEWAY_URL || 'http://127.0.0.1:8081').replace(/\/$/, '');
const INBOX = (process.env.CSC_E2E_INBOX_URL || 'http://127.0.0.1:8025').replace(/\/$/, '');
const DEMO = (process.env.CSC_DEMO_STORE_URL || 'http://127.0.0.1:8090').replace(/\/$/, '');
const SHOTS = process.env.CSC_SCREENSHOTS === '1' ? path.join(__dirname, '../../../../docs/screenshots') : TARGET;
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const KEY = 'ck_849764fbd6818bcfeee7ffd6c852d496c0ea4b86';
const SECRET = 'cs_9fdff28d8c62fde1b697a23cc98b725c6f9a5df1';
const RUN = Date.now().toString(36);
const STORE_A = 'demo.localhost';
const STORE_B = 'live-b-' + RUN + '.localhost';
const PASSWORD = 'a long operator password ' + RUN;
const ALL_DAY = { mon: [['00:00', '24:00']], tue: [['00:00', '24:00']], wed: [['00:00', '24:00']], thu: [['00:00', '24:00']],
  fri: [['00:00', '24:00']], sat: [['00:00', '24:00']], sun: [['00:00', '24:00']] };
const CLOSED = { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] };

let browser = null, proxy = null, opBase = null, down = null, before = null;
const made = { operators: [], stores: [] };
const shared = {};

function freePort() {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
  });
}

async function up(url) {
  try { return (await fetch(url, { signal: AbortSignal.timeout(4000) })).ok; } catch (e) { return false; }
}

async function setup() {
  if (!TOKEN) { down = 'no ADMIN_TOKEN'; return; }
  for (const u of [SHOPPER + '/q/health/ready', OPERATOR_CHAT + '/q/health/ready', GATEWAY + '/admin/', BASE + '/admin/']) {
    if (!(await up(u))) { down = u + ' is not answering (start the system: deploy/local/run)'; return; }
  }
  // the operator's page: the console from the gateway, every chat-service route to the other replica only
  const port = await freePort();
  proxy = spawn(process.execPath, [path.join(__dirname, 'proxy.js'), String(port)], {
    env: Object.assign({}, process.env, { PORT_CHAT_SERVICE: new URL(OPERATOR_CHAT).port, PORT_COMMERCE_GATEWAY: new URL(GATEWAY).port,
      PORT_CART_SERVICE: process.env.CSC_CART_PORT || '8083' }), stdio: 'ignore'
  });
  opBase = 'http://127.0.0.1:' + port;
  for (let i = 0; i < 50 && !(await up(opBase + '/admin/')); i++) await new Promise((r) => setTimeout(r, 100));
  // the demo store's tenant (deploy/local/run registers it; a private stack does not)
  if ((await api('GET', '/api/admin/config/' + STORE_A)).status === 404) {
    const add = await api('POST', '/api/admin/config', { domain: STORE_A, store_name: 'Demo Store', woocommerce_url: DEMO,
      woocommerce_consumer_key: KEY, woocommerce_consumer_secret: SECRET, woocommerce_enabled: true, development_store: true,
      support_email: 'support@' + STORE_A, allowed_origins: [BASE, SHOPPER] });
    if (add.status >= 300) { down = 'could not register ' + STORE_A + ': ' + add.status; return; }
    made.stores.push(STORE_A);
  }
  before = (await api('GET', '/api/admin/chat/live/' + STORE_A)).body;
  browser = await launch();
  fs.mkdirSync(SHOTS, { recursive: true });
}

async function teardown() {
  if (before && before.settings) {
    const s = before.settings;
    await api('PUT', '/api/admin/chat/live/' + STORE_A, { enabled: s.enabled, hours: s.hours, claimTimeoutMinutes: s.claimTimeoutMinutes }).catch(() => {});
  }
  for (const id of made.operators) await api('DELETE', '/api/admin/chat/operators/' + id).catch(() => {});
  for (const d of made.stores) await api('DELETE', '/api/admin/config/' + d).catch(() => {});
  if (browser) await browser.close();
  if (proxy) proxy.kill();
}

function need() {
  if (down && process.env.CSC_E2E_REQUIRED) throw new Error(down);
  if (down) throw skip(down);
}

async function api(method, url, body, token, base) {
  const res = await fetch((base || BASE) + url, { method, headers: { Authorization: 'Bearer ' + (token === undefined ? TOKEN : token),
    'Content-Type': 'application/json', Accept: 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  let json = null;
  try { json = text ? JSON.parse(text) : null; } catch (e) { json = { raw: text }; }
  return { status: res.status, body: json };
}

async function operator(login, name, domains) {
  const r = await api('POST', '/api/admin/chat/operators', { login, displayName: name, password: PASSWORD, domains });
  assert.strictEqual(r.status, 201, 'operator created: ' + JSON.stringify(r.body));
  made.operators.push(r.body.operator.id);
  const s = await api('POST', '/api/operator/session', { login, password: PASSWORD }, '', OPERATOR_CHAT);
  assert.strictEqual(s.status, 200, 'operator signed in: ' + JSON.stringify(s.body));
  return { id: r.body.operator.id, login, token: s.body.token };
}

async function liveSettings(domain, hours) {
  const r = await api('PUT', '/api/admin/chat/live/' + domain, { enabled: true, hours, claimTimeoutMinutes: 5 });
  assert.strictEqual(r.status, 200, 'live settings saved: ' + JSON.stringify(r.body));
}

const widget = (page) => page.evaluate(() => document.getElementById('csc-chat-widget').shadowRoot);
async function shopperPage() {
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 860 } });
  const page = await ctx.newPage();
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(SHOPPER + '/demo');
  await page.waitForFunction(() => window.ChatWidget && document.getElementById('csc-chat-widget'));
  await page.locator('#csc-chat-widget .launcher').click();
  await page.locator('[role=log] .msg.assistant').first().waitFor({ timeout: 20000 });
  return { ctx, page };
}
async function shopperSays(page, text) {
  await page.locator('#csc-input').fill(text);
  await page.locator('#csc-input').press('Enter');
  await page.waitForFunction(() => !document.getElementById('csc-chat-widget').shadowRoot.querySelector('.foot .btn').disabled, null, { timeout: 30000 });
}
async function waitWidget(page, pattern, timeout) {
  await page.waitForFunction((src) => [...document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('[role=log] .msg')]
    .some((m) => new RegExp(src).test(m.textContent)), pattern.source, { timeout: timeout || 20000 });
}
const widgetTexts = (page, cls) => page.evaluate((c) => [...document.getElementById('csc-chat-widget').shadowRoot
  .querySelectorAll('[role=log] .msg.' + c)].map((m) => m.textContent), cls);
const conversationOf = (page) => page.evaluate(() => localStorage.getItem('csc_conversation:demo.localhost'));
async function mails(address) {
  const r = await fetch(INBOX + '/api/user/' + encodeURIComponent(address) + '/messages').catch(() => null);
  return r && r.ok ? (await r.json()).length : null;
}

test('live handoff across two replicas: requested, claimed, three messages each way in order, resolved, the assistant back', async () => {
  need();
  const anna = await operator('anna-' + RUN, 'Anna Berg', [STORE_A]);
  const carl = await operator('carl-' + RUN, 'Carl Moss', [STORE_A]);
  shared.anna = anna;
  await liveSettings(STORE_A, ALL_DAY);

  // the operator signs in on the console (every chat route of this page goes to the second replica)
  const opCtx = await browser.newContext({ viewport: { width: 1100, height: 900 } });
  const op = await opCtx.newPage();
  const csp = [];
  op.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
  const opRequests = [];
  op.on('request', (r) => opRequests.push(r.url()));
  await op.goto(opBase + '/admin/');
  await op.fill('#op-login', 'anna-' + RUN);
  await op.fill('#op-password', 'wrong password ' + RUN);
  await op.click('#op-signin-form button[type=submit]');
  await op.waitForSelector('#op-signin-error:not([hidden])');
  assert.match(await op.textContent('#op-signin-error'), /login or the password is wrong/);
  await op.fill('#op-password', PASSWORD);
  await op.click('#op-signin-form button[type=submit]');
  await op.waitForSelector('#view-inbox:not([hidden])');
  assert.strictEqual(await op.isVisible('nav a[data-view="stores"]'), false, 'an operator sees only the inbox');
  assert.ok(await op.evaluate(() => JSON.parse(sessionStorage.getItem('csc.console.operator')).token), 'the operator token is in sessionStorage');
  assert.strictEqual(await op.evaluate(() => localStorage.length), 0);

  // the shopper asks for a person
  const { ctx, page } = await shopperPage();
  const shopperRequests = [];
  page.on('request', (r) => shopperRequests.push(r.url()));
  await page.locator('.head button', { hasText: 'Talk to a person' }).click();
  await waitWidget(page, /^Waiting for a person/);
  const conversation = await conversationOf(page);
  assert.ok(conversation);

  // it is in the operator's inbox (the list is read again on Refresh)
  let handoff = null;
  for (let i = 0; i < 30 && !handoff; i++) {
    const list = await api('GET', '/api/operator/handoffs?state=open&domain=' + STORE_A, undefined, anna.token, OPERATOR_CHAT);
    handoff = (list.body.handoffs || []).find((h) => h.conversationId === conversation);
    if (!handoff) await new Promise((r) => setTimeout(r, 300));
  }
  assert.ok(handoff, 'the handoff is listed for the store\'s operator');
  assert.strictEqual(handoff.state, 'waiting');
  shared.handoff = handoff.id;
  await op.click('#inbox-filter button[type=submit]');
  const item = op.locator('#inbox-list li[data-handoff="' + handoff.id + '"]');
  await item.waitFor();
  assert.match(await item.textContent(), /Waiting/);
  // the list is drawn anew (every 10 s, or on Refresh): the keyboard focus stays on the same conversation
  await item.locator('button').focus();
  await op.evaluate(() => { document.activeElement.setAttribute('data-old', '1'); document.getElementById('inbox-filter').requestSubmit(); });
  await op.waitForFunction((id) => { const a = document.activeElement; return a && !a.hasAttribute('data-old') && a.closest('li[data-handoff="' + id + '"]'); }, handoff.id);
  await item.locator('button').click();
  await op.waitForSelector('#handoff:not([hidden])');
  assert.match(await op.textContent('#handoff-meta'), /not verified/);
  assert.match(await op.textContent('#handoff-messages'), /talk to a person/i);
  await op.click('#handoff-claim');
  await op.waitForSelector('#reply-form:not([hidden])');
  assert.match(await op.textContent('#handoff-holder'), /Claimed by you/);

  // a colleague sees who has it, cannot claim it, and follows it by polling (his event stream blocked on the way)
  const carlCtx = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const carlPage = await carlCtx.newPage();
  await carlPage.route('**/api/operator/handoffs/*/events*', (r) => r.abort());
  await carlPage.goto(opBase + '/admin/');
  await carlPage.fill('#op-login', 'carl-' + RUN);
  await carlPage.fill('#op-password', PASSWORD);
  await carlPage.click('#op-signin-form button[type=submit]');
  const carlItem = carlPage.locator('#inbox-list li[data-handoff="' + handoff.id + '"]');
  await carlItem.waitFor();
  assert.match(await carlItem.textContent(), /Claimed by Anna Berg/);
  await carlItem.locator('button').click();
  await carlPage.waitForSelector('#handoff:not([hidden])');
  assert.match(await carlPage.textContent('#handoff-holder'), /Claimed by Anna Berg: only they can reply/);
  assert.strictEqual(await carlPage.isVisible('#handoff-claim'), false);
  assert.strictEqual(await carlPage.isVisible('#reply-form'), false);
  const taken = await api('POST', '/api/operator/handoffs/' + handoff.id + '/claim', undefined, carl.token, OPERATOR_CHAT);
  assert.strictEqual(taken.status, 409);
  assert.strictEqual(taken.body.code, 'already_claimed');
  assert.match(taken.body.error, /Anna/, 'the answer names who has it');

  // the shopper's header says who answers (first name only)
  await page.waitForFunction(() => document.getElementById('csc-chat-widget').shadowRoot.getElementById('csc-title').textContent === 'Anna from our team', null, { timeout: 20000 });
  await waitWidget(page, /^Anna has joined the chat\.$/);

  for (let i = 1; i <= 3; i++) {
    await op.fill('#reply-text', 'Operator line ' + i);
    await op.click('#reply-send');
    await waitWidget(page, new RegExp('Operator line ' + i));
    await shopperSays(page, 'Shopper line ' + i);
    await op.waitForFunction((t) => document.getElementById('handoff-messages').textContent.includes(t), 'Shopper line ' + i, { timeout: 20000 });
  }
  const opLines = (await widgetTexts(page, 'op')).filter((t) => /Operator line/.test(t));
  assert.deepStrictEqual(opLines, ['Anna: Operator line 1', 'Anna: Operator line 2', 'Anna: Operator line 3'], 'in order, with the name, in the shopper\'s log');
  const transcript = await op.$$eval('#handoff-messages li', (lis) => lis.map((li) => li.querySelector('p').textContent));
  const order = transcript.filter((t) => /^(Operator|Shopper) line/.test(t));
  assert.deepStrictEqual(order, ['Operator line 1', 'Shopper line 1', 'Operator line 2', 'Shopper line 2', 'Operator line 3', 'Shopper line 3']);
  // the colleague's page got them too, by polling the messages route after the last id
  await carlPage.waitForFunction(() => /Operator line 3[\s\S]*Shopper line 3/.test(document.getElementById('handoff-messages').textContent), null, { timeout: 45000 });
  await carlCtx.close();
  // both pages followed over their event streams (polling is only the fallback)
  assert.ok(opRequests.some((u) => /\/api\/operator\/handoffs\/[^/]+\/events/.test(u)), 'the inbox opened the events route');
  assert.ok(!opRequests.some((u) => /\/api\/operator\/handoffs\/[^/]+\/messages\?/.test(u)), 'the inbox did not have to poll');
  assert.ok(shopperRequests.some((u) => /\/api\/chat\/live\?/.test(u) && u.startsWith(SHOPPER)), 'the widget opened its live stream on the shopper\'s replica');
  assert.ok(!shopperRequests.some((u) => /\/api\/chat\/live\/messages/.test(u)), 'the widget did not have to poll');
  const assistantBefore = (await widgetTexts(page, 'assistant')).length;
  assert.ok(!(await widgetTexts(page, 'assistant')).some((t) => /Shopper line/.test(t)), 'the assistant stayed silent');

  const result = await op.evaluate(AXE + '\n;axe.run(document, { resultTypes: ["violations"] })');
  assert.deepStrictEqual(result.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')), [], 'the inbox is axe clean');
  await op.screenshot({ path: path.join(SHOTS, 'console-inbox.png'), fullPage: true });
  // readable on a phone: no sideways scrolling of the inbox
  await op.setViewportSize({ width: 390, height: 844 });
  assert.ok(await op.evaluate(() => document.documentElement.scrollWidth - window.innerWidth) <= 1, 'the inbox fits a phone');
  await op.setViewportSize({ width: 1100, height: 900 });
  await page.screenshot({ path: path.join(SHOTS, 'widget-live.png') });

  // resolved: the assistant is back and answers again
  await op.click('#handoff-resolve');
  await op.waitForFunction(() => /Resolved/.test(document.getElementById('handoff-title').textContent));
  await waitWidget(page, /I'm back/);
  await page.waitForFunction(() => document.getElementById('csc-chat-widget').shadowRoot.getElementById('csc-title').textContent !== 'Anna from our team');
  await shopperSays(page, 'Do you have a hoodie?');
  await page.waitForFunction((n) => document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('[role=log] .msg.assistant').length > n + 1, assistantBefore, { timeout: 30000 });
  const last = (await widgetTexts(page, 'assistant')).pop();
  assert.match(last, /hoodie/i, 'the assistant answers a question again: ' + last);
  assert.deepStrictEqual(page.errors, []);
  assert.deepStrictEqual(csp, [], 'no CSP violation on the console');
  await ctx.close();
  await opCtx.close();
});

test('where the shopper\'s event stream is blocked, the widget polls the live messages route and still gets the person\'s replies', async () => {
  need();
  if (!shared.anna) throw new Error('the journey above did not create the operator');
  await liveSettings(STORE_A, ALL_DAY);
  const ctx = await browser.newContext({ viewport: { width: 1000, height: 860 } });
  const page = await ctx.newPage();
  const polls = [];
  await page.route('**/api/chat/live?*', (r) => r.abort());
  page.on('request', (r) => { if (r.url().includes('/api/chat/live/messages')) polls.push(r.url()); });
  await page.goto(SHOPPER + '/demo');
  await page.waitForFunction(() => window.ChatWidget && document.getElementById('csc-chat-widget'));
  await page.locator('#csc-chat-widget .launcher').click();
  await page.locator('[role=log] .msg.assistant').first().waitFor({ timeout: 20000 });
  await page.locator('.head button', { hasText: 'Talk to a person' }).click();
  await waitWidget(page, /^Waiting for a person/);
  const conversation = await conversationOf(page);
  const list = await api('GET', '/api/operator/handoffs?state=waiting&domain=' + STORE_A, undefined, shared.anna.token, OPERATOR_CHAT);
  const h = list.body.handoffs.find((x) => x.conversationId === conversation);
  assert.ok(h);
  assert.strictEqual((await api('POST', '/api/operator/handoffs/' + h.id + '/claim', undefined, shared.anna.token, OPERATOR_CHAT)).status, 200);
  assert.strictEqual((await api('POST', '/api/operator/handoffs/' + h.id + '/messages', { text: 'Polled reply' }, shared.anna.token, OPERATOR_CHAT)).status, 201);
  await waitWidget(page, /Polled reply/, 30000);
  await page.waitForFunction(() => document.getElementById('csc-chat-widget').shadowRoot.getElementById('csc-title').textContent === 'Anna from our team');
  assert.ok(polls.length >= 1, 'the messages route was polled');
  assert.match(polls[polls.length - 1], /conversation_id=/);
  assert.strictEqual((await api('POST', '/api/operator/handoffs/' + h.id + '/resolve', undefined, shared.anna.token, OPERATOR_CHAT)).status, 200);
  await waitWidget(page, /I'm back/, 40000);
  await ctx.close();
});

test('a reply to a resolved conversation is refused (409)', async () => {
  need();
  if (!shared.handoff) throw new Error('the journey above did not get as far as a handoff');
  const r = await api('POST', '/api/operator/handoffs/' + shared.handoff + '/messages', { text: 'Too late' }, shared.anna.token, OPERATOR_CHAT);
  assert.strictEqual(r.status, 409, JSON.stringify(r.body));
  assert.strictEqual(r.body.success, false);
  assert.strictEqual(r.body.code, 'resolved');
  const claim = await api('POST', '/api/operator/handoffs/' + shared.handoff + '/claim', undefined, shared.anna.token, OPERATOR_CHAT);
  assert.strictEqual(claim.status, 409);
});

test('an operator of store A can neither see nor claim store B\'s handoff', async () => {
  need();
  const add = await api('POST', '/api/admin/config', { domain: STORE_B, store_name: 'Live B', woocommerce_url: DEMO,
    woocommerce_consumer_key: KEY, woocommerce_consumer_secret: SECRET, woocommerce_enabled: true, development_store: true,
    support_email: 'support@' + STORE_B, allowed_origins: [BASE] });
  assert.ok(add.status === 200 || add.status === 201, 'store B added: ' + JSON.stringify(add.body));
  made.stores.push(STORE_B);
  const bea = await operator('bea-' + RUN, 'Bea Lind', [STORE_B]);
  const anna = shared.anna || await operator('anna2-' + RUN, 'Anna Berg', [STORE_A]);
  await liveSettings(STORE_B, ALL_DAY);
  const chat = await fetch(SHOPPER + '/api/chat', { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: BASE },
    body: JSON.stringify({ message: 'I would like to talk to a person.', session_id: 'live-b-' + RUN, domain: STORE_B }) });
  assert.strictEqual(chat.status, 200);
  const turn = await chat.json();
  assert.strictEqual(turn.live && turn.live.state, 'waiting', 'store B\'s shopper waits for a person: ' + JSON.stringify(turn));
  const listB = await api('GET', '/api/operator/handoffs?state=open', undefined, bea.token, OPERATOR_CHAT);
  const h = listB.body.handoffs.find((x) => x.conversationId === turn.conversation_id);
  assert.ok(h, 'store B\'s operator sees it');
  const listA = await api('GET', '/api/operator/handoffs?state=open', undefined, anna.token, OPERATOR_CHAT);
  assert.ok(!listA.body.handoffs.some((x) => x.domain === STORE_B), 'not in store A\'s operator\'s list');
  const byDomain = await api('GET', '/api/operator/handoffs?domain=' + STORE_B, undefined, anna.token, OPERATOR_CHAT);
  assert.ok(byDomain.status >= 400 || byDomain.body.handoffs.length === 0, 'asking for store B by name shows nothing');
  for (const [method, suffix] of [['GET', ''], ['POST', '/claim'], ['GET', '/messages'], ['POST', '/resolve']]) {
    const r = await api(method, '/api/operator/handoffs/' + h.id + suffix, undefined, anna.token, OPERATOR_CHAT);
    assert.strictEqual(r.status, 404, method + ' ' + suffix + ' answers as if it did not exist: ' + r.status);
  }
  const still = await api('GET', '/api/operator/handoffs/' + h.id, undefined, bea.token, OPERATOR_CHAT);
  assert.strictEqual(still.body.handoff.state, 'waiting', 'store A\'s operator did not claim it');
});

test('outside business hours: the shopper is told and offered the email path; the mail reaches the support address once', async () => {
  need();
  await liveSettings(STORE_A, CLOSED);
  const address = 'support@demo.localhost';
  const mailsBefore = await mails(address);
  const { ctx, page } = await shopperPage();
  await page.locator('.head button', { hasText: 'Talk to a person' }).click();
  // told honestly, and the email path taken: the transcript goes to the support address
  await waitWidget(page, /Nobody from the store's team is available in the chat right now\./);
  const told = (await widgetTexts(page, 'assistant')).pop();
  assert.match(told, /passed|email|team/i, 'the email path is said: ' + told);
  assert.strictEqual(await page.locator('.msg.sys').count(), 0, 'no "waiting for a person" line');
  await page.screenshot({ path: path.join(TARGET, 'live-closed.png') });
  assert.strictEqual(await page.evaluate(() => localStorage.getItem('csc_live:demo.localhost')), null, 'no live stream: nobody is there');
  if (mailsBefore === null) console.log('     (no mail inbox answers at ' + INBOX + ': the one mail was not checked)');
  if (mailsBefore !== null) {
    let n = mailsBefore;
    for (let i = 0; i < 40 && n === mailsBefore; i++) { await new Promise((r) => setTimeout(r, 250)); n = await mails(address); }
    assert.strictEqual(n, mailsBefore + 1, 'one mail to the support address');
    await shopperSays(page, 'I would like to talk to a person.');
    await new Promise((r) => setTimeout(r, 2000));
    assert.strictEqual(await mails(address), mailsBefore + 1, 'still one: once per conversation');
  }
  await ctx.close();
});

test('admin: operators added, edited, disabled (their session ends) and deleted; a store\'s live-chat hours and the open-now line', async () => {
  need();
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const csp = [];
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) csp.push(m.text()); });
  await page.goto(BASE + '/admin/#operators');
  await page.fill('#token', TOKEN);
  await page.click('#signin-form button[type=submit]');
  await page.waitForSelector('#view-operators:not([hidden])');
  const login = 'dora-' + RUN;
  await page.fill('#o-name', 'Dora Quint');
  await page.fill('#o-login', login);
  await page.fill('#o-password', 'short');
  await page.click('#operator-save');
  assert.match(await page.textContent('#operator-form-error'), /at least 12 characters.*Choose at least one store/);
  await page.fill('#o-password', PASSWORD);
  await page.check('#o-stores input[value="' + STORE_A + '"]');
  await page.click('#operator-save');
  const row = page.locator('#operators-table tbody tr', { has: page.locator('td', { hasText: login }) });
  await row.waitFor();
  assert.match(await row.textContent(), new RegExp('Dora Quint' + login + STORE_A.replace('.', '\\.') + 'Active'));
  const listed = (await api('GET', '/api/admin/chat/operators')).body.operators.find((o) => o.login === login);
  made.operators.push(listed.id);
  assert.deepStrictEqual(listed.domains, [STORE_A]);
  // the same login again: taken, said in words
  await page.fill('#o-name', 'Dora Again');
  await page.fill('#o-login', login);
  await page.fill('#o-password', PASSWORD);
  await page.check('#o-stores input[value="' + STORE_A + '"]');
  await page.click('#operator-save');
  await page.waitForSelector('#operator-form-error:not([hidden])');
  assert.match(await page.textContent('#operator-form-error'), /login is taken/);
  await page.fill('#o-name', '');
  await page.fill('#o-login', '');
  await page.fill('#o-password', '');
  // edit: a new display name
  await row.locator('button', { hasText: 'Edit' }).click();
  assert.strictEqual(await page.inputValue('#o-name'), 'Dora Quint');
  await page.fill('#o-name', 'Dora Q. Quint');
  await page.click('#operator-save');
  await page.waitForFunction(() => /Dora Q\. Quint saved/.test(document.getElementById('operator-result').textContent));
  // disable: her session ends
  const session = await api('POST', '/api/operator/session', { login, password: PASSWORD }, '', OPERATOR_CHAT);
  assert.strictEqual(session.status, 200);
  assert.strictEqual((await api('GET', '/api/operator/handoffs', undefined, session.body.token, OPERATOR_CHAT)).status, 200);
  await row.locator('button', { hasText: 'Disable' }).click();
  await page.waitForFunction(() => /disabled: their sessions have ended/.test(document.getElementById('operator-result').textContent));
  await page.waitForFunction((l) => [...document.querySelectorAll('#operators-table tbody tr')]
    .some((tr) => tr.cells[1].textContent === l && tr.cells[3].textContent === 'Disabled'), login);
  assert.strictEqual((await api('GET', '/api/operator/handoffs', undefined, session.body.token, OPERATOR_CHAT)).status, 401, 'a disabled operator\'s session ends');
  await axeOn(page, 'operators');
  await page.screenshot({ path: path.join(SHOTS, 'console-operators.png'), fullPage: true });
  // delete, confirmed in the page's dialog
  await row.locator('button', { hasText: 'Delete' }).click();
  await page.waitForSelector('#confirm-dialog[open]');
  assert.match(await page.textContent('#confirm-text'), /Delete Dora Q\. Quint/);
  await page.click('#confirm-ok');
  await row.waitFor({ state: 'detached' });
  assert.ok(!(await api('GET', '/api/admin/chat/operators')).body.operators.some((o) => o.login === login), 'deleted');

  // live chat settings of the demo store: hours per weekday, the time zone as read, the open-now line
  await page.selectOption('#store-select', STORE_A);
  await page.click('nav a[data-view="live"]');
  await page.waitForSelector('#l-h-mon');
  assert.match(await page.textContent('#l-zone'), /\S/);
  await page.check('#l-enabled');
  for (const d of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) await page.fill('#l-h-' + d, '');
  await page.fill('#l-h-mon', '9-5');
  await page.click('#live-save');
  assert.match(await page.textContent('#live-form-error'), /Write each range as 09:00-17:00.*Monday: "9-5"/);
  await page.fill('#l-h-mon', '09:00-12:00, 13:00-17:30');
  await page.fill('#l-timeout', '7');
  await page.click('#live-save');
  await page.waitForFunction(() => /^Saved\./.test(document.getElementById('live-status').textContent));
  const saved = (await api('GET', '/api/admin/chat/live/' + STORE_A)).body;
  assert.deepStrictEqual(saved.settings.hours.mon, [['09:00', '12:00'], ['13:00', '17:30']]);
  assert.deepStrictEqual(saved.settings.hours.tue, []);
  assert.strictEqual(saved.settings.claimTimeoutMinutes, 7);
  assert.strictEqual(saved.settings.enabled, true);
  // every day, all day: open now (as long as an operator has the store)
  const anna = shared.anna || await operator('anna3-' + RUN, 'Anna Berg', [STORE_A]);
  assert.ok(anna);
  for (const d of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) await page.fill('#l-h-' + d, '00:00-24:00');
  await page.click('#live-save');
  await page.waitForFunction(() => /^Saved\. ?Open now/.test(document.getElementById('live-status').textContent));
  for (const d of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) await page.fill('#l-h-' + d, '');
  await page.click('#live-save');
  await page.waitForFunction(() => /^Saved\. ?Closed now/.test(document.getElementById('live-status').textContent));
  // a week as a shop would have it, for the picture (open or closed, whatever the hour is)
  for (const d of ['mon', 'tue', 'wed', 'thu', 'fri']) await page.fill('#l-h-' + d, '09:00-12:00, 13:00-17:30');
  await page.fill('#l-h-sat', '10:00-14:00');
  await page.click('#live-save');
  await page.waitForFunction(() => /^Saved\. ?(Open|Closed) now/.test(document.getElementById('live-status').textContent));
  await axeOn(page, 'live chat');
  await page.screenshot({ path: path.join(SHOTS, 'console-live.png'), fullPage: true });
  assert.deepStrictEqual(csp, []);
  await ctx.close();
});

async function axeOn(page, name) {
  const result = await page.evaluate(AXE + '\n;axe.run(document, { resultTypes: ["violations"] })');
  assert.deepStrictEqual(result.violations.map((v) => v.id + ': ' + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')), [], name + ' is axe clean');
}

module.exports = { setup, teardown };
