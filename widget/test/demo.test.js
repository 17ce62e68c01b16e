'use strict';
// The demo storefront's page (widget/demo/) in Chromium, against the Node stand-in of its server side: the grid,
// product pages, the cart reaching the widget's context, the customer switcher, the abandoned-cart trigger, strict
// CSP and axe-core. The Java side is DemoResourceTest; both together against the real services: e2e.test.js.
const assert = require('assert/strict');
const path = require('path');
const { test, launch, skip, TARGET } = require('./harness');
const { spawn } = require('child_process');
const fs = require('fs');
const mock = require('./mock-server');

const AXE = require('fs').readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
let browser, server;

async function setup() { server = await mock.start(); browser = await launch(); }
async function teardown() { if (browser) await browser.close(); if (server) server.close(); }

async function demoPage(opts) {
  const ctx = await browser.newContext({ viewport: (opts && opts.viewport) || { width: 1280, height: 860 } });
  const page = await ctx.newPage();
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));
  });
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(server.chatUrl + '/demo');
  await page.locator('.grid .card').first().waitFor();
  await page.waitForFunction(() => window.ChatWidget);
  return { ctx, page };
}

test('demo page: grid from the store, product page as text, page context, strict CSP clean, axe clean', async () => {
  server.state.bodies.length = 0;
  const { ctx, page } = await demoPage();
  assert.deepEqual(await page.locator('.grid .card h2').allTextContents(), ['Zip-Up Fleece Hoodie', 'Organic V-Neck Tee', 'Wool Beanie']);
  assert.equal(await page.locator('.grid .card').nth(1).locator('button').isDisabled(), true, 'out of stock cannot be added');
  await page.locator('.grid .card a', { hasText: 'Zip-Up Fleece Hoodie' }).click();
  await page.locator('article.product h1').waitFor();
  assert.match(await page.locator('article.product').textContent(), /Warm fleece/);
  assert.doesNotMatch(await page.locator('article.product').textContent(), /__xss/);
  assert.equal(await page.evaluate(() => window.__xss), undefined, 'store HTML is shown as text');
  await page.locator('#csc-chat-widget .launcher').click();
  await page.locator('[role=log] .msg.assistant').first().waitFor();
  await page.locator('#csc-input').fill('is this warm?');
  await page.locator('#csc-input').press('Enter');
  await page.waitForFunction(() => document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('[role=log] .msg.assistant').length > 1);
  const turn = server.state.bodies.filter((b) => b.path === '/api/chat/stream').pop().body;
  assert.equal(turn.context.page.type, 'product');
  assert.equal(turn.context.page.productId, 15);
  await page.evaluate(AXE); // through the debugging protocol: the page's CSP does not apply to the test's own script
  const v = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((x) => x.id + ' ' + x.nodes.map((n) => n.target.join(' ')).join(',')));
  assert.deepEqual(v, []);
  // axe is added through the debugging protocol; the page's own scripts caused no violation.
  assert.deepEqual(await page.evaluate(() => window.__csp), []);
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: path.join(TARGET, 'mock-demo-product.png') });
  await ctx.close();
});

test('demo page: add to cart fills the store\'s cart (Store API), reports it, and the next chat turn carries it', async () => {
  server.state.bodies.length = 0;
  server.state.demoCarts.length = 0;
  server.state.storeCart.length = 0;
  server.state.storeApiCalls.length = 0;
  const { ctx, page } = await demoPage();
  await page.locator('.grid .card button').first().click();
  await page.waitForFunction(() => /Cart: 1 item, 49.00 USD/.test(document.getElementById('cart').textContent));
  await page.locator('.grid .card button').first().click();
  await page.waitForFunction(() => /Cart: 2 items, 98.00 USD/.test(document.getElementById('cart').textContent));
  assert.deepEqual(server.state.storeApiCalls.map((c) => [c.nonce, JSON.stringify(c.body)]),
    [['nonce-2', '{"id":15,"quantity":1}'], ['nonce-2', '{"id":15,"quantity":1}']]);
  assert.deepEqual(server.state.storeCart.map((i) => [i.id, i.quantity]), [[15, 2]]);
  const sid = await page.evaluate(() => window.ChatWidgetConfig.sessionId);
  assert.deepEqual(server.state.demoCarts.map((c) => [c.sessionId, JSON.stringify(c.items)]), [
    [sid, '[{"productId":15,"quantity":1}]'], [sid, '[{"productId":15,"quantity":2}]']]);
  await page.locator('#csc-chat-widget .launcher').click();
  await page.locator('[role=log] .msg.assistant').first().waitFor();
  const start = server.state.bodies.find((b) => b.path === '/api/chat/start').body;
  assert.equal(start.session_id, sid, 'the chat uses the cart session');
  assert.equal(start.context.cartData.itemCount, 2);
  await ctx.close();
});

test('demo page: the customer switcher gives the widget the signed identity and segment; VIP greeting', async () => {
  server.state.bodies.length = 0;
  const { ctx, page } = await demoPage();
  await page.selectOption('#persona', 'vip');
  await page.waitForFunction(() => window.ChatWidgetConfig && window.ChatWidgetConfig.userData.customerGroup === 'vip' && window.ChatWidget);
  assert.equal(await page.evaluate(() => window.ChatWidgetConfig.identityToken), 'signed.vip');
  await page.locator('#csc-chat-widget .launcher').click();
  await page.locator('[role=log] .msg.assistant').first().waitFor();
  assert.match(await page.locator('[role=log] .msg.assistant').first().textContent(), /Welcome back, Emma Wilson! As a VIP customer/);
  const start = server.state.bodies.filter((b) => b.path === '/api/chat/start').pop().body;
  assert.equal(start.context.identityToken, 'signed.vip');
  await ctx.close();
});

test('demo page: "Show the abandoned-cart prompt" back-dates the cart in a new session; the badge appears', async () => {
  server.state.demoCarts.length = 0;
  server.state.abandoned = true;
  const { ctx, page } = await demoPage();
  const before = await page.evaluate(() => window.ChatWidgetConfig.sessionId);
  await page.locator('#abandon').click();
  await page.waitForFunction((b) => window.ChatWidgetConfig && window.ChatWidgetConfig.sessionId !== b && window.ChatWidget, before);
  await page.locator('#csc-chat-widget .badge').waitFor({ state: 'visible' });
  const reported = server.state.demoCarts.pop();
  assert.equal(reported.idleMinutes, 10);
  assert.equal(reported.persona, 'regular', 'a guest becomes a customer: an abandoned cart needs an email');
  assert.notEqual(reported.sessionId, before);
  await page.screenshot({ path: path.join(TARGET, 'mock-demo-badge.png') });
  server.state.abandoned = false;
  await ctx.close();
});

module.exports = { setup, teardown };

test('demo page: the storefront passes the Store API root and nonce; the chat adds to the store\'s cart; ?lang=de', async () => {
  server.state.storeCart.length = 0;
  server.state.storeApiCalls.length = 0;
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  const page = await ctx.newPage();
  await page.goto(server.chatUrl + '/demo?lang=de_DE');
  await page.waitForFunction(() => window.ChatWidget);
  // the page read the store's cart through chat-service's /demo/wp-json/wc/store/v1/ and took the Nonce it answered
  assert.deepEqual(await page.evaluate(() => window.ChatWidgetConfig.storeApi), { root: server.chatUrl + '/demo/wp-json/wc/store/v1/', nonce: 'nonce-2' });
  await page.locator('#csc-chat-widget .launcher').click();
  await page.locator('[role=log] .msg.assistant').first().waitFor();
  await page.locator('#csc-input').fill('show cards');
  await page.locator('#csc-input').press('Enter');
  const beanie = page.locator('[role=log] article', { has: page.locator('h3', { hasText: 'Wool Beanie' }) });
  await beanie.locator('button', { hasText: 'In den Warenkorb' }).click();
  await beanie.locator('[aria-live]', { hasText: 'Wool Beanie liegt jetzt in Ihrem Warenkorb.' }).waitFor();
  assert.deepEqual(server.state.storeApiCalls.map((c) => [c.nonce, c.body.id]), [['nonce-2', 19]]);
  // the page's mini-cart heard WooCommerce's wc-blocks_added_to_cart, read the store's cart and reported it
  await page.waitForFunction(() => /Cart: 1 item, 14.40 USD/.test(document.getElementById('cart').textContent));
  assert.deepEqual(JSON.stringify(server.state.demoCarts.pop().items), '[{"productId":19,"quantity":1}]');
  await ctx.close();
});

test('demo page: a variation chosen in the chat goes into the store\'s cart and the page\'s cart follows', async () => {
  server.state.storeCart.length = 0;
  server.state.storeApiCalls.length = 0;
  server.state.cardOrigin = server.chatUrl; // pictures from the page's own origin (img-src 'self')
  const { ctx, page } = await demoPage();
  await page.locator('#csc-chat-widget .launcher').click();
  await page.locator('[role=log] .msg.assistant').first().waitFor();
  await page.locator('#csc-input').fill('show cards');
  await page.locator('#csc-input').press('Enter');
  const shirt = page.locator('[role=log] article', { has: page.locator('h3', { hasText: 'Running Shirt' }) });
  await shirt.locator('select').selectOption({ label: 'Red / L – $27.00' });
  await shirt.locator('button', { hasText: 'Add to cart' }).click();
  await shirt.locator('[aria-live]', { hasText: 'Running Shirt was added to your cart.' }).waitFor();
  assert.deepEqual(server.state.storeApiCalls.map((c) => JSON.stringify(c.body)),
    ['{"id":40,"quantity":1,"variation":[{"attribute":"Color","value":"Red"},{"attribute":"Size","value":"L"}]}']);
  assert.deepEqual(server.state.storeCart.map((i) => [i.id, i.quantity]), [[42, 1]]);
  // the store's cart, read back by the page after wc-blocks_added_to_cart and reported with the variation's id
  await page.waitForFunction(() => /Cart: 1 item, 27.00 USD/.test(document.getElementById('cart').textContent));
  assert.equal(JSON.stringify(server.state.demoCarts[server.state.demoCarts.length - 1].items), '[{"productId":42,"quantity":1}]');
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'the Store API on the page\'s origin: connect-src \'self\' suffices');
  assert.deepEqual(page.errors, []);
  await page.screenshot({ path: path.join(TARGET, 'mock-demo-variation.png') });
  server.state.cardOrigin = null;
  await ctx.close();
});

// The Java demo store (deploy/demo-store, built jar) on a free port: its product page embeds the widget with the
// Store API root and nonce, and the chat's Add to cart must land in that store's own cart.
const STORE_JAR = path.join(__dirname, '..', '..', 'deploy', 'demo-store', 'target', 'demo-store-1.0.0-SNAPSHOT.jar');
function startDemoStore(chatUrl) {
  return new Promise((resolve, reject) => {
    const p = spawn('java', ['-jar', STORE_JAR, '--port', '0', '--chat-url', chatUrl], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const timer = setTimeout(() => { p.kill(); reject(new Error('demo store did not start: ' + out)); }, 30000);
    p.stdout.on('data', (d) => {
      out += d;
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) { clearTimeout(timer); resolve({ url: m[1], stop: () => p.kill() }); }
    });
    p.stderr.on('data', (d) => { out += d; });
    p.on('error', (e) => { clearTimeout(timer); reject(e); });
  });
}

test('demo store: a product page\'s chat adds the beanie and a chosen variation to the store\'s own cart (Store API, nonce)', async () => {
  if (!fs.existsSync(STORE_JAR)) throw skip('build deploy/demo-store first (' + STORE_JAR + ')');
  const shop = await startDemoStore(server.chatUrl);
  server.state.allowedOrigins.push(shop.url);
  server.state.cardOrigin = shop.url;
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 860 } });
  try {
    const page = await ctx.newPage();
    const csp = [];
    page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) csp.push(m.text()); });
    await page.goto(shop.url + '/product/wool-beanie/');
    assert.equal(await page.locator('h1').innerText(), 'Wool Beanie');
    assert.equal(await page.locator('main img').evaluate((i) => i.complete && i.naturalWidth > 0), true, 'the product picture loads');
    await page.waitForFunction(() => window.ChatWidget);
    await page.locator('#csc-chat-widget .launcher').click();
    await page.locator('[role=log] .msg.assistant').first().waitFor();
    await page.locator('#csc-input').fill('show cards');
    await page.locator('#csc-input').press('Enter');
    const card = (name) => page.locator('[role=log] article', { has: page.locator('h3', { hasText: name }) });
    await card('Wool Beanie').waitFor();
    await card('Wool Beanie').locator('button', { hasText: 'Add to cart' }).click();
    await card('Wool Beanie').locator('[aria-live]', { hasText: 'Wool Beanie was added to your cart.' }).waitFor();
    await card('Running Shirt').locator('select').selectOption({ label: 'Blue / M – $25.00' });
    await card('Running Shirt').locator('button', { hasText: 'Add to cart' }).click();
    await card('Running Shirt').locator('[aria-live]', { hasText: 'Running Shirt was added to your cart.' }).waitFor();
    // The store's cart, read as the shop's own pages would (same browser, its session cookie).
    const cart = await page.evaluate(async () => (await fetch('/wp-json/wc/store/v1/cart')).json());
    assert.deepEqual(cart.items.map((i) => [i.name, i.quantity, i.variation.map((v) => v.value).join('/')]),
      [['Wool Beanie', 1, ''], ['Performance Running Shirt', 1, 'Blue/M']]);
    assert.equal(cart.totals.total_price, '4340');
    assert.equal(cart.totals.currency_code, 'USD');
    assert.deepEqual(csp, []);
    await page.screenshot({ path: path.join(TARGET, 'demo-store-product-chat.png') });
  } finally {
    await ctx.close();
    shop.stop();
    server.state.cardOrigin = null;
  }
});
