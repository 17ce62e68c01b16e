'use strict';
// The README's screenshots (docs/screenshots/), taken in Debian's Chromium from the mock pages:
//   widget/test/run screenshots.js
// Not a *.test.js: the default run does not rewrite the committed pictures.
const path = require('path');
const fs = require('fs');
const { test, launch } = require('./harness');
const mock = require('./mock-server');

const OUT = path.join(__dirname, '..', '..', 'docs', 'screenshots');
let browser, server;
async function setup() { server = await mock.start(); browser = await launch(); fs.mkdirSync(OUT, { recursive: true }); }
async function teardown() { if (browser) await browser.close(); if (server) server.close(); }

async function shot(name, config, viewport, messages, mobile) {
  const ctx = await browser.newContext({ viewport, isMobile: !!mobile, hasTouch: !!mobile, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  await page.goto(server.storeUrl + '/page?plain=1&c=' + encodeURIComponent(JSON.stringify(config)));
  await page.waitForFunction(() => window.ChatWidget);
  await page.locator('#csc-chat-widget .launcher').click();
  await page.locator('[role=log] .msg.assistant').first().waitFor();
  for (const m of messages) {
    const n = await page.locator('[role=log] .msg.assistant').count();
    await page.locator('#csc-input').fill(m);
    await page.locator('#csc-input').press('Enter');
    await page.waitForFunction((k) => document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('[role=log] .msg.assistant').length > k, n);
  }
  await page.waitForFunction(() => [...document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('img')].every((i) => i.complete));
  await page.evaluate(() => Promise.all(document.getElementById('csc-chat-widget').shadowRoot.getAnimations().map((a) => a.finished)));
  await page.screenshot({ path: path.join(OUT, name) });
  console.log('     wrote docs/screenshots/' + name);
  await ctx.close();
}

const storeApi = { root: '/wp-json/wc/store/v1/', nonce: 'nonce-1' };
test('screenshot: product cards', () => shot('widget-cards.png', { storeApi }, { width: 1100, height: 820 }, ['show cards']));
test('screenshot: order and cart cards', () => shot('widget-order-cart.png', { storeApi }, { width: 1100, height: 820 }, ['show my order card', 'cart card please']));
test('screenshot: branding (accent, name, avatar, greeting) in German', () => shot('widget-branding-de.png', {
  storeApi, locale: 'de_DE',
  branding: { accentColor: '#ffcc00', assistantName: 'Mia von Harbor Goods', subtitle: 'Mo–Fr 9–17 Uhr',
    avatarUrl: server.storeUrl + '/wp-content/uploads/demo/wool-beanie.svg', greeting: 'Hallo, ich bin Mia. Fragen Sie mich nach Größen, Lager oder Ihrer Bestellung.' }
}, { width: 1100, height: 820 }, ['show cards']));
test('screenshot: 375 px phone', () => shot('widget-phone-375.png', { storeApi }, { width: 375, height: 740 }, ['show cards'], true));

test('screenshot: /demo, a variation chosen in the chat added to the store\'s cart, the page\'s cart updated', async () => {
  const ctx = await browser.newContext({ viewport: { width: 1100, height: 820 }, deviceScaleFactor: 1 });
  const page = await ctx.newPage();
  server.state.storeCart.length = 0;
  server.state.cardOrigin = server.chatUrl; // the cards' pictures from the page's own origin, as its CSP wants
  await page.goto(server.chatUrl + '/demo');
  await page.locator('.grid .card').first().waitFor();
  await page.waitForFunction(() => window.ChatWidget);
  await page.locator('#csc-chat-widget .launcher').click();
  await page.locator('[role=log] .msg.assistant').first().waitFor();
  await page.locator('#csc-input').fill('show cards');
  await page.locator('#csc-input').press('Enter');
  const shirt = page.locator('[role=log] article', { has: page.locator('h3', { hasText: 'Running Shirt' }) });
  await shirt.locator('select').selectOption({ label: 'Red / L – $27.00' });
  await shirt.locator('button', { hasText: 'Add to cart' }).click();
  await shirt.locator('[aria-live]', { hasText: 'was added' }).waitFor();
  await page.waitForFunction(() => /Cart: 1 item/.test(document.getElementById('cart').textContent));
  await shirt.scrollIntoViewIfNeeded();
  await page.screenshot({ path: path.join(OUT, 'demo-variation-added.png') });
  console.log('     wrote docs/screenshots/demo-variation-added.png');
  server.state.cardOrigin = null;
  await ctx.close();
});

module.exports = { setup, teardown };
