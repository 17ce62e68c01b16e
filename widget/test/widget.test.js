'use strict';
// The widget against a Node mock of chat-service's chat API, in Debian's Chromium. Fast and always runnable.
const assert = require('assert/strict');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');
const { test, launch, TARGET } = require('./harness');
const mock = require('./mock-server');

const EMBED = path.join(__dirname, '..', 'embed.js');
const AXE = require.resolve('axe-core/axe.min.js');
let browser, server;

async function setup() {
  server = await mock.start();
  browser = await launch();
}
async function teardown() {
  if (browser) await browser.close();
  if (server) server.close();
}

function reset(over) {
  Object.assign(server.state, { rateLimited: false, down: false, abandoned: false, streamDelay: 15, firstDelay: 0, drop: false }, over || {});
  server.state.bodies.length = 0;
  server.state.requests.length = 0;
  server.state.storeCart.length = 0;
  server.state.storeApiCalls.length = 0;
}

async function newPage(config, opts) {
  opts = opts || {};
  const ctx = await browser.newContext({
    viewport: opts.viewport || { width: 1280, height: 800 },
    isMobile: !!opts.mobile, hasTouch: !!opts.mobile,
    reducedMotion: opts.reducedMotion || 'no-preference'
  });
  const page = await ctx.newPage();
  page.logs = [];
  page.on('console', (m) => page.logs.push(m.text()));
  page.on('pageerror', (e) => page.logs.push('PAGEERROR ' + e.message));
  const q = 'c=' + encodeURIComponent(JSON.stringify(config || {})) + (opts.strict ? '&csp=strict' : '') + (opts.plain ? '&plain=1' : '');
  await page.goto(server.storeUrl + '/page?' + q);
  await page.waitForFunction(() => window.ChatWidget && document.getElementById('csc-chat-widget'));
  return { ctx, page };
}

const launcher = (page) => page.locator('#csc-chat-widget .launcher');
const panel = (page) => page.locator('#csc-panel');
const logMessages = (page) => page.locator('[role=log] .msg');

async function openAndGreet(page) {
  await launcher(page).click();
  await page.locator('[role=log] .msg.assistant').first().waitFor();
}
async function say(page, text) {
  const before = await page.locator('[role=log] .msg.assistant, [role=log] .msg.notice').count();
  await page.locator('#csc-input').fill(text);
  await page.locator('#csc-input').press('Enter');
  await page.waitForFunction((n) => {
    const root = document.getElementById('csc-chat-widget').shadowRoot;
    return root.querySelectorAll('[role=log] .msg.assistant, [role=log] .msg.notice').length > n;
  }, before);
}
const lastAssistant = (page) => page.locator('[role=log] .msg.assistant').last();
const shadowActive = (page) => page.evaluate(() => {
  const a = document.getElementById('csc-chat-widget').shadowRoot.activeElement;
  return a ? (a.id || a.className || a.tagName) : (document.activeElement && (document.activeElement.id || document.activeElement.tagName));
});

test('size: embed.js as served is under 15 KB gzipped, one file, no eval, no inline handlers, no innerHTML', async () => {
  const src = fs.readFileSync(EMBED);
  // what the storefront loads: chat-service sends the source compacted (the mock server does the same)
  const served = await (await fetch(server.chatUrl + '/embed.js')).arrayBuffer();
  assert.deepEqual(Buffer.from(served), mock.compact(src));
  const gz = zlib.gzipSync(Buffer.from(served), { level: 9 }).length;
  console.log(`     embed.js: ${src.length} bytes, served ${served.byteLength} bytes, ${gz} bytes gzipped`);
  assert.ok(gz < 15 * 1024, `gzipped ${gz} bytes`);
  const text = src.toString();
  assert.doesNotMatch(text, /\beval\s*\(|new Function\s*\(|\.innerHTML\s*=|insertAdjacentHTML|document\.write/);
  assert.doesNotMatch(text, /setAttribute\(\s*'on|setAttribute\(\s*'style'|\.on(click|keydown|submit)\s*=/);
  assert.doesNotMatch(text, /\brequire\(|\bimport\s/);
});

test('shadow root: store CSS cannot reach in, widget CSS does not leak out', async () => {
  reset();
  const { ctx, page } = await newPage({});
  const info = await page.evaluate(() => {
    const host = document.getElementById('csc-chat-widget');
    const l = host.shadowRoot.querySelector('.launcher');
    const cs = getComputedStyle(l);
    const storeMsg = document.querySelector('main .msg');
    return {
      shadow: !!host.shadowRoot, display: cs.display, bg: cs.backgroundColor, font: cs.fontFamily,
      docSheets: document.styleSheets.length, hostPos: getComputedStyle(host).position, styleEls: document.querySelectorAll('style').length,
      storeMsgDisplay: getComputedStyle(storeMsg).display, storeButtonBg: getComputedStyle(document.getElementById('before')).backgroundColor
    };
  });
  assert.ok(info.shadow);
  assert.equal(info.display, 'flex');
  assert.equal(info.hostPos, 'fixed');
  assert.equal(info.bg, 'rgb(29, 78, 216)');
  assert.doesNotMatch(info.font, /Comic/);
  assert.equal(info.docSheets, 1, 'only the store sheet in the document');
  assert.equal(info.styleEls, 0);
  assert.equal(info.storeMsgDisplay, 'none', 'the store still styles its own .msg');
  assert.equal(info.storeButtonBg, 'rgb(0, 255, 0)', 'the store still styles its own buttons');
  await ctx.close();
});

test('config: serverUrl, domain, position, size, user/cart/page/identityToken, text overrides, debug', async () => {
  reset();
  const config = {
    domain: 'Demo.Localhost', appearance: { position: 'bottom-left', width: 420, height: 560 },
    userData: { isLoggedIn: true, displayName: 'Dana', customerGroup: 'vip' }, cartData: { hasItems: false, itemCount: 0, cartTotal: '0' },
    page: { type: 'product', productId: 15, url: 'https://demo.localhost/p/15' }, identityToken: 'tok.sig',
    text: { title: 'Ask Demo Store', send: 'Go' }
  };
  const { ctx, page } = await newPage(config);
  assert.deepEqual(page.logs.filter((l) => l.includes('[chat-widget]')), [], 'no console output without debug');
  const box = await launcher(page).boundingBox();
  assert.ok(box.x < 100, 'bottom-left: launcher at x=' + box.x);
  await openAndGreet(page);
  const p = await panel(page).boundingBox();
  assert.equal(Math.round(p.width), 420);
  assert.equal(Math.round(p.height), 560);
  assert.equal(await page.locator('#csc-title').textContent(), 'Ask Demo Store');
  assert.equal(await page.locator('.foot .btn').textContent(), 'Go');
  assert.match(await lastAssistant(page).textContent(), /Welcome back, Dana! As a VIP customer/);
  const start = server.state.bodies.find((b) => b.path === '/api/chat/start').body;
  assert.equal(start.domain, 'demo.localhost');
  assert.match(start.session_id, /^[0-9a-f-]{32,36}$/);
  assert.deepEqual(start.context.userData, config.userData);
  assert.deepEqual(start.context.cartData, config.cartData);
  assert.deepEqual(start.context.page, config.page);
  assert.equal(start.context.identityToken, 'tok.sig');
  const origin = server.state.requests.find((r) => r.path === '/api/chat/start').headers.origin;
  assert.equal(origin, server.storeUrl, 'the chat server was called cross-origin');
  await ctx.close();

  reset();
  const d = await newPage({ debug: true });
  assert.ok(d.page.logs.some((l) => l.startsWith('[chat-widget] ready')), 'debug: true logs');
  await d.ctx.close();
});

test('updateContext: a partial merges into the next turn, no argument re-reads ChatWidgetConfig', async () => {
  reset();
  const { ctx, page } = await newPage({ cartData: { hasItems: false, itemCount: 0 } });
  await openAndGreet(page);
  await page.evaluate(() => window.ChatWidget.updateContext({ cartData: { hasItems: true, itemCount: 2, cartTotal: '98.00' } }));
  await say(page, 'hello');
  let turn = server.state.bodies.filter((b) => b.path === '/api/chat/stream').pop().body;
  assert.deepEqual(turn.context.cartData, { hasItems: true, itemCount: 2, cartTotal: '98.00' });
  assert.ok(turn.conversation_id, 'the greeting\'s conversation continues');
  await page.evaluate(() => { window.ChatWidgetConfig.cartData = { hasItems: true, itemCount: 3, cartTotal: '147.00' }; window.ChatWidget.updateContext(); });
  await say(page, 'and now');
  turn = server.state.bodies.filter((b) => b.path === '/api/chat/stream').pop().body;
  assert.equal(turn.context.cartData.itemCount, 3);
  await ctx.close();
});

test('ARIA: button with aria-expanded/aria-controls, labelled non-modal dialog, polite log, focus in and back, Escape', async () => {
  reset();
  const { ctx, page } = await newPage({});
  const l = launcher(page);
  assert.equal(await l.getAttribute('aria-expanded'), 'false');
  assert.equal(await l.getAttribute('aria-controls'), 'csc-panel');
  assert.ok(await l.getAttribute('aria-label'));
  assert.equal(await panel(page).isHidden(), true);
  await l.click();
  assert.equal(await l.getAttribute('aria-expanded'), 'true');
  const dlg = await page.evaluate(() => {
    const r = document.getElementById('csc-chat-widget').shadowRoot;
    const p = r.getElementById(r.querySelector('.launcher').getAttribute('aria-controls'));
    const log = p.querySelector('[role=log]');
    return { role: p.getAttribute('role'), modal: p.getAttribute('aria-modal'), label: r.getElementById(p.getAttribute('aria-labelledby')).textContent,
      live: log.getAttribute('aria-live'), logLabel: log.getAttribute('aria-label') };
  });
  assert.deepEqual(dlg, { role: 'dialog', modal: 'false', label: 'Chat with us', live: 'polite', logLabel: 'Conversation' });
  assert.equal(await shadowActive(page), 'csc-input', 'focus moved into the input on open');
  await page.keyboard.press('Escape');
  assert.equal(await panel(page).isHidden(), true);
  assert.equal(await l.getAttribute('aria-expanded'), 'false');
  assert.equal(await shadowActive(page), 'launcher', 'focus back on the launcher');
  await ctx.close();
});

test('keyboard only: Tab to the launcher, Enter opens, type and Enter sends, Tab reaches every control, visible focus ring', async () => {
  reset();
  const { ctx, page } = await newPage({});
  await page.locator('#before').focus();
  await page.keyboard.press('Tab');
  assert.equal(await shadowActive(page), 'launcher');
  const ring = await page.evaluate(() => {
    const cs = getComputedStyle(document.getElementById('csc-chat-widget').shadowRoot.querySelector('.launcher'));
    return cs.outlineStyle + ' ' + cs.outlineWidth;
  });
  assert.equal(ring, 'solid 3px', 'focus ring visible on keyboard focus');
  await page.keyboard.press('Enter');
  await page.locator('[role=log] .msg.assistant').first().waitFor();
  assert.equal(await shadowActive(page), 'csc-input');
  await page.keyboard.type('do you have a hoodie?');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('[role=log] .msg.assistant').length >= 2);
  await page.keyboard.press('Tab');
  assert.equal(await shadowActive(page), 'btn', 'Tab from the input reaches Send');
  // Shift+Tab walks back through the panel: input, links in the answer, header buttons.
  const seen = new Set();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press('Shift+Tab');
    seen.add(await page.evaluate(() => {
      const a = document.getElementById('csc-chat-widget').shadowRoot.activeElement;
      return a ? (a.tagName + ':' + (a.getAttribute('aria-label') || a.textContent.trim().slice(0, 20))) : 'outside';
    }));
  }
  const s = [...seen].join(' | ');
  assert.match(s, /A:our size guide/);
  assert.match(s, /BUTTON:Talk to a person/);
  assert.match(s, /BUTTON:Close chat/);
  await page.locator('#csc-input').focus();
  await page.keyboard.press('Escape');
  assert.equal(await shadowActive(page), 'launcher');
  await ctx.close();
});

test('axe-core: no violations, closed and open with links, sources and an inline email field', async () => {
  reset();
  const { ctx, page } = await newPage({}, { plain: true });
  await page.addScriptTag({ path: AXE });
  const axe = () => page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => v.id + ': ' + v.nodes.map((n) => n.target.join(' ')).join(', '));
  });
  // The test page itself has no landmarks issues of its own; only the widget's own nodes count.
  let v = await axe();
  assert.deepEqual(v, []);
  await openAndGreet(page);
  await say(page, 'is the hoodie in stock');
  await say(page, 'where is my order');
  await page.locator('#csc-ui-email').waitFor();
  v = await axe();
  assert.deepEqual(v, []);
  await page.screenshot({ path: path.join(TARGET, 'mock-desktop-open.png') });
  await ctx.close();
});

const STORE_API = { root: '/wp-json/wc/store/v1/', nonce: 'nonce-1' };
const cardIn = (page, name) => page.locator('[role=log] article', { has: page.locator('h3', { hasText: name }) });

test('cards: product, order and cart cards are labelled articles in a list, with links, sized images, sale and stock in words; axe clean', async () => {
  reset();
  const { ctx, page } = await newPage({ storeApi: STORE_API }, { plain: true });
  await page.addScriptTag({ path: AXE });
  await openAndGreet(page);
  await say(page, 'show cards');
  const list = lastAssistant(page).locator('ul.cards');
  assert.equal(await list.getAttribute('aria-label'), 'Results');
  assert.equal(await list.locator('> li > article').count(), 3);
  // The reply's text stays whole beside the cards.
  assert.match(await lastAssistant(page).innerText(), /Running Shirt: \$25\.00 \(was \$30\.00\)/);
  const shirt = cardIn(page, 'Running Shirt');
  const headingId = await shirt.locator('h3').getAttribute('id');
  assert.equal(await shirt.getAttribute('aria-labelledby'), headingId);
  assert.equal(await shirt.locator('h3 a').getAttribute('href'), server.storeUrl + '/product/running-shirt/');
  const img = shirt.locator('img');
  assert.equal(await img.getAttribute('alt'), 'Blue running shirt, front view');
  assert.deepEqual([await img.getAttribute('width'), await img.getAttribute('height')], ['64', '64']);
  // Sale: the regular price struck through and named for screen readers, the sale price beside it.
  assert.equal(await shirt.locator('del').textContent(), 'Regular price: $30.00');
  assert.equal(await shirt.locator('ins').textContent(), 'Sale price: $25.00');
  assert.equal(await shirt.locator('del').evaluate((e) => getComputedStyle(e).textDecorationLine), 'line-through');
  assert.match(await shirt.innerText(), /In stock/);
  // Only the in-stock variations are offered, under a label.
  const options = await shirt.locator('select option').allTextContents();
  assert.deepEqual(options, ['Choose…', 'Blue / M – $25.00', 'Red / L – $27.00']);
  assert.equal(await shirt.locator('label').innerText(), 'Options');
  // Out of stock: said in words, no button.
  const wallet = cardIn(page, 'Leather Wallet');
  assert.match(await wallet.innerText(), /Out of stock/);
  assert.equal(await wallet.locator('button, a.btn').count(), 0);
  await say(page, 'show my order card');
  const order = cardIn(page, 'Order #52');
  assert.match(await order.innerText(), /Processing/);
  assert.match(await order.innerText(), /1 × Wireless Earbuds \(\$59\.00\)/);
  assert.match(await order.innerText(), /Total: \$64\.00/);
  assert.equal(await order.locator('a', { hasText: 'Track the parcel (UPS)' }).getAttribute('href'), 'https://www.ups.com/track?tracknum=1Z999');
  await say(page, 'cart card please');
  const cart = cardIn(page, 'Your cart');
  assert.match(await cart.innerText(), /2 × Wool Beanie \(\$36\.00\)/);
  assert.equal(await cart.locator('a.btn').getAttribute('href'), server.storeUrl + '/cart/');
  // No layout shift: every image has its box before it loads.
  const boxes = await page.locator('[role=log] article img').evaluateAll((imgs) => imgs.map((i) => i.getBoundingClientRect().height));
  assert.deepEqual(boxes, [64, 64, 64]);
  const v = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations
    .map((x) => x.id + ': ' + x.nodes.map((n) => n.target.join(' ') + ' ' + n.failureSummary).join(', ')));
  assert.deepEqual(v, []);
  await page.screenshot({ path: path.join(TARGET, 'mock-cards.png') });
  await ctx.close();
});

test('add to cart: Store API add-item with the Nonce, the chosen variation by label, the mini-cart told, success and WooCommerce errors announced', async () => {
  reset();
  const { ctx, page } = await newPage({ storeApi: STORE_API });
  await openAndGreet(page);
  await say(page, 'show cards');
  const beanie = cardIn(page, 'Wool Beanie');
  await beanie.locator('button', { hasText: 'Add to cart' }).click();
  await beanie.locator('[aria-live]', { hasText: 'Wool Beanie was added to your cart.' }).waitFor();
  assert.deepEqual(server.state.storeApiCalls[0], { nonce: 'nonce-1', body: { id: 19, quantity: 1 } });
  assert.deepEqual(await page.evaluate(() => [window.__miniCart, window.__iapiCart]), [1, 1], 'block and Interactivity API mini-carts told');
  // A variable product: nothing is sent before the options are chosen.
  const shirt = cardIn(page, 'Running Shirt');
  await shirt.locator('button', { hasText: 'Add to cart' }).click();
  assert.equal(await shirt.locator('.err').innerText(), 'Please choose the options first.');
  assert.equal(server.state.storeApiCalls.length, 1);
  // A classic theme: jQuery present, its cart fragments are asked to refresh as well.
  await page.evaluate(() => {
    window.__jq = [];
    window.jQuery = () => ({ trigger: (name) => window.__jq.push(name) });
    window.jQuery.fn = {};
  });
  await shirt.locator('select').selectOption({ label: 'Red / L – $27.00' });
  await shirt.locator('button', { hasText: 'Add to cart' }).click();
  await shirt.locator('[aria-live]', { hasText: 'Running Shirt was added to your cart.' }).waitFor();
  // The next write carries the fresh Nonce from the previous answer; the variation goes by attribute label.
  assert.deepEqual(server.state.storeApiCalls[1], { nonce: 'nonce-2',
    body: { id: 40, quantity: 1, variation: [{ attribute: 'Color', value: 'Red' }, { attribute: 'Size', value: 'L' }] } });
  assert.deepEqual(server.state.storeCart.map((i) => [i.id, i.quantity]), [[19, 1], [42, 1]]);
  assert.deepEqual(await page.evaluate(() => [window.__jq, window.__miniCart, window.__iapiCart]), [['wc_fragment_refresh'], 2, 2]);
  // WooCommerce's error text, its entities decoded, shown in the card.
  server.state.storeNonces = [];
  await beanie.locator('button', { hasText: 'Add to cart' }).click();
  await beanie.locator('.err', { hasText: 'Nonce is invalid.' }).waitFor();
  server.state.storeNonces = ['nonce-1', 'nonce-2'];
  await ctx.close();
});

test('add to cart: an out-of-stock answer shows WooCommerce\'s text; without storeApi (another origin) the button is a link', async () => {
  reset();
  const { ctx, page } = await newPage({ storeApi: STORE_API });
  await openAndGreet(page);
  // The chat may still offer a product that sold out meanwhile; WooCommerce's refusal is what the shopper reads.
  await say(page, 'is the wallet sold out');
  const wallet = cardIn(page, 'Leather Wallet');
  await wallet.locator('button', { hasText: 'Add to cart' }).click();
  await wallet.locator('.err', { hasText: 'You cannot add "Leather Wallet" to the cart because the product is out of stock.' }).waitFor();
  assert.equal(server.state.storeCart.length, 0);
  await ctx.close();
  const other = await newPage({ storeApi: { root: 'https://elsewhere.example/wp-json/wc/store/v1/', nonce: 'x' } });
  await openAndGreet(other.page);
  await say(other.page, 'show cards');
  const link = cardIn(other.page, 'Wool Beanie').locator('a.btn');
  assert.equal(await link.innerText(), 'View product');
  assert.equal(await link.getAttribute('href'), server.storeUrl + '/product/wool-beanie/');
  assert.equal(await cardIn(other.page, 'Running Shirt').locator('button, select').count(), 0);
  await other.ctx.close();
});

test('375 px viewport: the panel fills the screen, the input sits at the bottom of the visual viewport', async () => {
  reset();
  const { ctx, page } = await newPage({}, { viewport: { width: 375, height: 667 }, mobile: true });
  await openAndGreet(page);
  await page.evaluate(() => Promise.all(document.getElementById('csc-chat-widget').shadowRoot.getAnimations().map((a) => a.finished)));
  const p = await panel(page).boundingBox();
  assert.deepEqual([Math.round(p.x), Math.round(p.y), Math.round(p.width), Math.round(p.height)], [0, 0, 375, 667]);
  const input = await page.locator('#csc-input').boundingBox();
  assert.ok(input.y + input.height <= 667 && input.y > 560, 'input at the bottom: y=' + input.y);
  assert.equal(await launcher(page).isVisible(), false, 'launcher hidden under the full-screen panel');
  // The on-screen keyboard shrinks the visual viewport; the panel follows its height.
  const vh = await page.evaluate(() => document.getElementById('csc-chat-widget').style.getPropertyValue('--vh'));
  assert.equal(vh, '667px');
  await page.screenshot({ path: path.join(TARGET, 'mock-375px.png') });
  await page.locator('.head .x').click();
  assert.equal(await launcher(page).isVisible(), true);
  await ctx.close();
});

test('strict CSP (only the chat server\'s origin): chat works and no violation is reported', async () => {
  reset();
  const { ctx, page } = await newPage({ storeApi: STORE_API }, { strict: true });
  await openAndGreet(page);
  await say(page, 'is the hoodie in stock');
  await say(page, 'where is my order');
  // Cards with images from the store and an add to cart through the store's own Store API.
  await say(page, 'show cards');
  await page.waitForFunction(() => [...document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('article img')].every((i) => i.complete && i.naturalWidth > 0));
  await cardIn(page, 'Wool Beanie').locator('button').click();
  await cardIn(page, 'Wool Beanie').locator('[aria-live]', { hasText: 'added' }).waitFor();
  await page.locator('.launcher').click();
  await page.locator('.launcher').click();
  const styled = await page.evaluate(() => getComputedStyle(document.getElementById('csc-chat-widget').shadowRoot.querySelector('.launcher')).backgroundColor);
  assert.equal(styled, 'rgb(29, 78, 216)', 'the widget\'s styles apply under the policy');
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  // Positive control: the listener does see a violation (an inline style attribute) when there is one.
  await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
  await page.waitForFunction(() => window.__cspViolations.length > 0);
  assert.match((await page.evaluate(() => window.__cspViolations))[0], /style-src/);
  await ctx.close();
});

test('streaming: text appears as it arrives, the log gets the finished message once, typing indicator first', async () => {
  reset({ streamDelay: 120, firstDelay: 400 });
  const { ctx, page } = await newPage({});
  await openAndGreet(page);
  await page.evaluate(() => {
    const log = document.getElementById('csc-chat-widget').shadowRoot.querySelector('[role=log]');
    window.__added = [];
    new MutationObserver((ms) => ms.forEach((m) => m.addedNodes.forEach((n) => window.__added.push(n.textContent)))).observe(log, { childList: true, subtree: true, characterData: true });
  });
  await page.locator('#csc-input').fill('tell me something');
  await page.locator('#csc-input').press('Enter');
  await page.locator('.typing').waitFor({ state: 'visible' });
  await page.waitForFunction(() => {
    const d = document.getElementById('csc-chat-widget').shadowRoot.querySelector('.draft');
    return !d.hidden && d.textContent.length > 0;
  });
  const partial = await page.locator('.draft').textContent();
  assert.ok(partial.length < 'Here is a fairly long answer that arrives word by word so that streaming can be seen in the test.'.length, 'partial: ' + partial);
  assert.equal(await page.locator('.draft').getAttribute('aria-hidden'), 'true', 'tokens are not announced');
  assert.equal(await page.locator('.typing').isVisible(), false, 'typing indicator gone once text flows');
  await page.waitForFunction(() => document.getElementById('csc-chat-widget').shadowRoot.querySelector('.draft').hidden);
  const added = await page.evaluate(() => window.__added);
  assert.equal(added.length, 2, 'one addition for the shopper, one for the finished answer: ' + JSON.stringify(added));
  assert.match(added[1], /Here is a fairly long answer .* in the test\.$/);
  await ctx.close();
});

test('errors: 429 says how long to wait, 503 says unavailable, a network failure says so and Try again works, a failure mid-stream is said', async () => {
  reset();
  const { ctx, page } = await newPage({});
  await openAndGreet(page);
  server.state.rateLimited = true;
  await say(page, 'hello');
  assert.match(await page.locator('.msg.notice').last().textContent(), /Please wait 2 minutes before sending another/);
  server.state.rateLimited = false;
  server.state.down = true;
  await say(page, 'hello again');
  assert.match(await page.locator('.msg.notice').last().textContent(), /not available right now/);
  server.state.down = false;
  server.state.drop = true;
  await say(page, 'are you there');
  assert.match(await page.locator('.msg.notice').last().textContent(), /could not reach the chat/);
  server.state.drop = false;
  await page.locator('.msg.notice button').last().click();
  await page.waitForFunction(() => /Here is a fairly long answer/.test(document.getElementById('csc-chat-widget').shadowRoot.querySelector('[role=log]').lastElementChild.textContent));
  // A failure after the stream started (event: error): the text so far stays, and the failure is said.
  await say(page, 'please explode');
  assert.match(await page.locator('.msg.notice').last().textContent(), /Something went wrong on our side/);
  assert.match(await page.locator('[role=log] .msg.assistant').last().textContent(), /Here is a fairly long answer/, 'the streamed text so far is kept');
  await ctx.close();
});

test('answers: links, sources (only http/https), markup shown as text', async () => {
  reset();
  const { ctx, page } = await newPage({});
  await openAndGreet(page);
  await say(page, 'hoodie?');
  const links = await lastAssistant(page).locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent, a.target, a.rel]));
  assert.deepEqual(links, [
    ['https://demo.localhost/product/zip-up-fleece-hoodie', 'https://demo.localhost/product/zip-up-fleece-hoodie (opens in a new tab)', '_blank', 'noopener noreferrer'],
    ['https://demo.localhost/size-guide', 'our size guide (opens in a new tab)', '_blank', 'noopener noreferrer'],
    ['https://demo.localhost/shipping', 'Shipping policy (opens in a new tab)', '_blank', 'noopener noreferrer']
  ]);
  assert.equal(await lastAssistant(page).locator('ul[aria-label=Sources] li').count(), 1);
  await say(page, 'markup please');
  assert.equal(await lastAssistant(page).locator('img, b').count(), 0);
  assert.match(await lastAssistant(page).textContent(), /<img src=x onerror=/);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  await ctx.close();
});

test('ui hints: email field, code field, confirm / cancel pair sending the pending action id; talk to a person', async () => {
  reset();
  const { ctx, page } = await newPage({});
  await openAndGreet(page);
  await say(page, 'where is my order?');
  const email = page.locator('#csc-ui-email');
  assert.equal(await email.getAttribute('type'), 'email');
  assert.equal(await shadowActive(page), 'csc-ui-email', 'focus follows to the email field');
  await email.fill('alice.johnson@example.com');
  await email.press('Enter');
  const code = page.locator('#csc-ui-code');
  await code.waitFor();
  assert.equal(await code.getAttribute('autocomplete'), 'one-time-code');
  assert.equal(await code.getAttribute('inputmode'), 'numeric');
  await code.fill('123456');
  await page.locator('.actions .btn').click();
  await page.locator('.actions .pair').waitFor();
  assert.equal(await page.locator('.actions .pair .btn').first().textContent(), 'Cancel order #48');
  await page.locator('.actions .pair .btn').first().click();
  await page.waitForFunction(() => /has been cancelled/.test(document.getElementById('csc-chat-widget').shadowRoot.querySelector('[role=log]').lastElementChild.textContent));
  const confirmTurn = server.state.bodies.filter((b) => b.path === '/api/chat/stream').pop().body;
  assert.equal(confirmTurn.confirm, 'pa-1');
  assert.equal(await page.locator('.actions .pair').count(), 0, 'the pair is gone after the choice');
  await page.locator('.head button', { hasText: 'Talk to a person' }).click();
  await page.waitForFunction(() => /passed this conversation to our team/.test(document.getElementById('csc-chat-widget').shadowRoot.querySelector('[role=log]').lastElementChild.textContent));
  assert.equal(server.state.bodies.filter((b) => b.path === '/api/chat/stream').pop().body.message, 'I would like to talk to a person.');
  await ctx.close();
});

test('ui hints: the consent question offers its own decline label, and declining sends a plain no', async () => {
  reset();
  const { ctx, page } = await newPage({});
  await openAndGreet(page);
  await say(page, 'consent please');
  await page.locator('.actions .pair').waitFor();
  assert.deepEqual(await page.locator('.actions .pair .btn').allTextContents(), ['I consent', 'No, thanks']);
  await page.locator('.actions .pair .btn').last().click();
  await page.waitForFunction(() => document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('.actions .pair').length === 0);
  const declined = server.state.bodies.filter((b) => b.path === '/api/chat/stream').pop().body;
  assert.equal(declined.confirm, undefined, 'declining never sends the pending id');
  assert.match(declined.message, /^no$/i);
  await ctx.close();
});

test('restore: the conversation survives a reload (same session), a new session starts fresh', async () => {
  reset();
  const { ctx, page } = await newPage({});
  await openAndGreet(page);
  await say(page, 'hoodie?');
  const before = await logMessages(page).allTextContents();
  assert.equal(before.length, 3);
  await page.reload();
  await page.waitForFunction(() => window.ChatWidget);
  await page.waitForFunction(() => document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('[role=log] .msg').length >= 3);
  assert.equal(await panel(page).isVisible(), true, 'the panel was open and stays open');
  const after = await logMessages(page).allTextContents();
  assert.deepEqual(after.map((t) => t.replace(/ \(opens in a new tab\)/g, '')), before.map((t) => t.replace(/ \(opens in a new tab\)/g, '').replace(/Sources:.*$/, '')));
  assert.equal(server.state.bodies.filter((b) => b.path === '/api/chat/start').length, 1, 'no second greeting');
  await say(page, 'more');
  const ids = server.state.bodies.filter((b) => b.path === '/api/chat/stream').map((b) => b.body.conversation_id);
  assert.equal(new Set(ids).size, 1, 'the same conversation continues');
  // A new browser session (sessionStorage gone, localStorage kept): the old conversation is not this session's.
  await page.evaluate(() => sessionStorage.clear());
  await page.reload();
  await launcher(page).click();
  await page.waitForFunction(() => document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('[role=log] .msg').length >= 1);
  assert.equal(await logMessages(page).count(), 1, 'only a fresh greeting');
  assert.equal(server.state.bodies.filter((b) => b.path === '/api/chat/start').length, 2);
  await ctx.close();
});

test('proactive: an abandoned cart shows the unread badge; with autoOpen the panel opens without stealing focus', async () => {
  reset({ abandoned: true });
  const cart = { hasItems: true, itemCount: 2, cartTotal: '98.00' };
  let { ctx, page } = await newPage({ cartData: cart });
  await page.locator('.badge').waitFor({ state: 'visible' });
  assert.equal(await page.locator('.badge').textContent(), '1');
  assert.match(await launcher(page).getAttribute('aria-label'), /1 new message/);
  assert.equal(await panel(page).isHidden(), true);
  await page.screenshot({ path: path.join(TARGET, 'mock-badge.png') });
  await launcher(page).click();
  assert.match(await lastAssistant(page).textContent(), /2 items in your cart/);
  assert.equal(await page.locator('.badge').isHidden(), true, 'badge cleared once read');
  // The prompt is drawn once: opening the panel does not draw the conversation's history again.
  await page.waitForTimeout(300);
  assert.equal(await page.locator('[role=log] .msg').count(), 1, 'one abandoned-cart prompt');
  await ctx.close();

  reset({ abandoned: true });
  ({ ctx, page } = await newPage({ cartData: cart, behavior: { autoOpen: true } }));
  await panel(page).waitFor({ state: 'visible' });
  assert.match(await lastAssistant(page).textContent(), /2 items in your cart/);
  assert.equal(await page.evaluate(() => document.activeElement === document.body), true, 'focus stays on the page');
  await ctx.close();

  reset({ abandoned: false });
  ({ ctx, page } = await newPage({ cartData: cart }));
  await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/api/chat/start')));
  await page.waitForTimeout(200);
  assert.equal(await page.locator('.badge').isHidden(), true, 'a cart that is not abandoned shows no badge');
  await ctx.close();
});

test('behavior.streaming false: whole answers from POST /api/chat', async () => {
  reset();
  const { ctx, page } = await newPage({ behavior: { streaming: false } });
  await openAndGreet(page);
  await say(page, 'hoodie?');
  assert.match(await lastAssistant(page).textContent(), /Zip-Up Fleece Hoodie is in stock/);
  assert.deepEqual(server.state.bodies.map((b) => b.path), ['/api/chat/start', '/api/chat']);
  await ctx.close();
});

// WCAG's contrast ratio, computed here from the colours the browser applied (not by the widget's code).
function contrast(a, b) {
  const lum = (c) => {
    const [r, g, bl] = c.match(/\d+(\.\d+)?/g).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p);
  return (x + 0.05) / (y + 0.05);
}
const colours = (page, sel) => page.locator(sel).first().evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]);

test('branding: accent colour with black or white text kept at AA contrast, name, avatar, subtitle, launcher label, greeting', async () => {
  reset();
  for (const [accent, text] of [['#ffcc00', 'rgb(0, 0, 0)'], ['#0b3d2e', 'rgb(255, 255, 255)'], ['#e91e63', 'rgb(0, 0, 0)'], ['#777', 'rgb(0, 0, 0)']]) {
    const { ctx, page } = await newPage({ branding: { accentColor: accent } });
    await openAndGreet(page);
    await say(page, 'hello');
    for (const sel of ['.launcher', '.head', '.msg.user', '.foot .btn']) {
      const [fg, bg] = await colours(page, sel);
      assert.equal(fg, text, accent + ' ' + sel);
      assert.ok(contrast(fg, bg) >= 4.5, `${accent} ${sel}: ${fg} on ${bg} is ${contrast(fg, bg).toFixed(2)}:1`);
    }
    if (accent === '#ffcc00') await page.screenshot({ path: path.join(TARGET, 'mock-branding.png') });
    await ctx.close();
  }
  const { ctx, page } = await newPage({ branding: { accentColor: 'red; background: url(x)', assistantName: 'Mia from Harbor Goods',
    avatarUrl: server.storeUrl + '/wp-content/uploads/demo/wool-beanie.svg', subtitle: 'Mon–Fri 9–17', launcherLabel: 'Ask Mia',
    greeting: 'Hi, I am Mia. Ask me about sizes, stock or your order.' } });
  // A value that is not a colour is ignored: the default accent stays.
  assert.equal((await colours(page, '.launcher'))[1], 'rgb(29, 78, 216)');
  assert.equal(await launcher(page).getAttribute('aria-label'), 'Ask Mia');
  await openAndGreet(page);
  assert.equal(await page.locator('#csc-title').innerText(), 'Mia from Harbor Goods');
  assert.equal(await page.locator('#csc-sub').innerText(), 'Mon–Fri 9–17');
  assert.equal(await page.locator('.head img').getAttribute('alt'), '');
  assert.equal(await page.locator('.head img').getAttribute('width'), '36');
  // The store's greeting instead of the generic one.
  assert.equal(await lastAssistant(page).textContent(), 'Mia from Harbor Goods: Hi, I am Mia. Ask me about sizes, stock or your order.');
  assert.equal(await lastAssistant(page).locator('.sr').first().textContent(), 'Mia from Harbor Goods: ');
  await ctx.close();
});

test('languages: German, Spanish, French from the locale (config or <html lang>), English otherwise; a text override wins', async () => {
  reset();
  const expect = { de_DE: ['In den Warenkorb', 'Ihre Nachricht…', 'Senden'], es_ES: ['Añadir al carrito', 'Escribe tu mensaje…', 'Enviar'],
    'fr-CA': ['Ajouter au panier', 'Votre message…', 'Envoyer'], it_IT: ['Add to cart', 'Type your message…', 'Send'] };
  for (const [locale, [add, placeholder, sendText]] of Object.entries(expect)) {
    const { ctx, page } = await newPage({ locale, storeApi: STORE_API });
    await openAndGreet(page);
    assert.equal(await page.locator('#csc-input').getAttribute('placeholder'), placeholder, locale);
    assert.equal(await page.locator('.foot .btn').innerText(), sendText, locale);
    await say(page, 'show cards');
    assert.equal(await cardIn(page, 'Wool Beanie').locator('button').innerText(), add, locale);
    await ctx.close();
  }
  const { ctx, page } = await newPage({ locale: 'de_DE', text: { send: 'Abschicken' } });
  await openAndGreet(page);
  assert.equal(await page.locator('.foot .btn').innerText(), 'Abschicken');
  assert.equal(await page.locator('#csc-title').innerText(), 'Chatten Sie mit uns');
  await ctx.close();
});

test('while answering: Send disabled and the typing indicator shown; the input grows; a handoff changes the header status, also after reload', async () => {
  reset({ firstDelay: 600 });
  const { ctx, page } = await newPage({});
  await openAndGreet(page);
  const sendBtn = page.locator('.foot .btn');
  const h0 = (await page.locator('#csc-input').boundingBox()).height;
  await page.locator('#csc-input').fill('line one\nline two\nline three');
  await page.locator('#csc-input').dispatchEvent('input');
  assert.ok((await page.locator('#csc-input').boundingBox()).height > h0 + 20, 'the input grew');
  await page.locator('#csc-input').press('Enter');
  assert.equal(await sendBtn.isDisabled(), true, 'Send disabled while the answer is on its way');
  assert.equal(await page.locator('.typing').isVisible(), true);
  await page.waitForFunction(() => !document.getElementById('csc-chat-widget').shadowRoot.querySelector('.foot .btn').disabled);
  assert.equal(Math.round((await page.locator('#csc-input').boundingBox()).height), Math.round(h0), 'back to one line once sent');
  assert.equal(await page.locator('.typing').isHidden(), true);
  server.state.firstDelay = 0;
  assert.equal(await page.locator('#csc-sub').innerText(), 'We usually answer right away');
  await say(page, 'I want a human');
  assert.equal(await page.locator('#csc-sub').innerText(), 'A person from our team will reply');
  assert.equal(await page.locator('.head button', { hasText: 'Talk to a person' }).isHidden(), true);
  await page.reload();
  await page.waitForFunction(() => window.ChatWidget);
  await page.locator('[role=log] .msg').first().waitFor();
  assert.equal(await page.locator('#csc-sub').innerText(), 'A person from our team will reply');
  await ctx.close();
});

test('prefers-reduced-motion: no animation', async () => {
  reset();
  const { ctx, page } = await newPage({}, { reducedMotion: 'reduce' });
  await launcher(page).click();
  const anim = await page.evaluate(() => getComputedStyle(document.getElementById('csc-chat-widget').shadowRoot.querySelector('.panel')).animationName);
  assert.equal(anim, 'none');
  await ctx.close();
  const m = await newPage({});
  await launcher(m.page).click();
  assert.equal(await m.page.evaluate(() => getComputedStyle(document.getElementById('csc-chat-widget').shadowRoot.querySelector('.panel')).animationName), 'pop');
  await m.ctx.close();
});

// ---- live handoff (docs/live-handoff.md): the mock plays the person through server.state.liveAct --------------------

const convId = (page) => page.evaluate(() => localStorage.getItem('csc_conversation:demo.localhost'));
const logTexts = (page) => page.evaluate(() => [...document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('[role=log] .msg')]
  .map((m) => m.className.replace('msg ', '') + ':' + m.textContent));
async function waitLog(page, pattern) {
  await page.waitForFunction((src) => [...document.getElementById('csc-chat-widget').shadowRoot.querySelectorAll('[role=log] .msg')]
    .some((m) => new RegExp(src).test(m.textContent)), pattern.source, { timeout: 15000 });
}
async function sendLive(page, text) {
  const n = server.state.bodies.length;
  await page.locator('#csc-input').fill(text);
  await page.locator('#csc-input').press('Enter');
  await page.waitForFunction(() => !document.getElementById('csc-chat-widget').shadowRoot.querySelector('.foot .btn').disabled);
  return server.state.bodies.slice(n).find((b) => b.body.message === text);
}

test('live: waiting, claimed (first name in the header), three messages each way in order inside role=log, no typing indicator, resolved with the assistant back; axe clean', async () => {
  reset();
  const { ctx, page } = await newPage({}, { strict: true });
  await openAndGreet(page);
  await say(page, 'a live person please');
  const id = await convId(page);
  assert.equal(await page.locator('#csc-sub').innerText(), 'Waiting for a person from our team…');
  await waitLog(page, /^Waiting for a person/);
  // the stream is open (EventSource, a GET with the conversation's proof)
  for (let i = 0; i < 50 && !server.state.live.get(id).clients.size; i++) await new Promise((r) => setTimeout(r, 100));
  const req = server.state.requests.find((r) => r.path === '/api/chat/live');
  assert.ok(req, 'the live stream was opened');
  assert.match(req.query, /domain=demo\.localhost/);
  assert.match(req.query, new RegExp('conversation_id=' + id));
  assert.match(req.query, /session_id=/);
  server.state.liveAct(id, 'claim', 'Anna Berg');
  await page.waitForFunction(() => document.getElementById('csc-chat-widget').shadowRoot.getElementById('csc-title').textContent === 'Anna from our team');
  await waitLog(page, /^Anna has joined the chat\.$/);
  assert.equal(await page.locator('.head button', { hasText: 'Talk to a person' }).isHidden(), true);
  for (let i = 1; i <= 3; i++) {
    server.state.liveAct(id, 'say', 'Operator message ' + i);
    const sent = await sendLive(page, 'Shopper message ' + i);
    assert.ok(sent, 'the shopper message reached the server');
    assert.equal(await page.locator('.typing').isHidden(), true, 'no assistant typing indicator while a person holds the chat');
  }
  await waitLog(page, /Operator message 3/);
  const texts = (await logTexts(page)).filter((t) => /message \d/.test(t));
  assert.deepEqual(texts.filter((t) => t.startsWith('op:')), ['op:Anna: Operator message 1', 'op:Anna: Operator message 2', 'op:Anna: Operator message 3']);
  assert.deepEqual(texts.filter((t) => t.startsWith('user:')), ['user:You: Shopper message 1', 'user:You: Shopper message 2', 'user:You: Shopper message 3']);
  assert.equal((await logTexts(page)).filter((t) => t.startsWith('assistant:')).length, 2, 'the assistant stayed silent (greeting and the handoff reply only)');
  // a distinct look: its own bubble colour, the name shown
  const look = await page.evaluate(() => {
    const root = document.getElementById('csc-chat-widget').shadowRoot;
    const op = root.querySelector('[role=log] .msg.op'), as = root.querySelector('[role=log] .msg.assistant');
    return { op: getComputedStyle(op).backgroundColor, as: getComputedStyle(as).backgroundColor, name: op.querySelector('b').textContent, inLog: !!op.closest('[role=log][aria-live=polite]') };
  });
  assert.notEqual(look.op, look.as);
  assert.equal(look.name, 'Anna: ');
  assert.ok(look.inLog);
  const axe = await page.evaluate(fs.readFileSync(AXE, 'utf8') + '\n;axe.run(document.getElementById("csc-chat-widget").shadowRoot.querySelector(".panel"), { resultTypes: ["violations"] })');
  assert.deepEqual(axe.violations.map((v) => v.id), []);
  await page.screenshot({ path: path.join(TARGET, 'widget-live.png') });
  server.state.liveAct(id, 'resolve');
  await waitLog(page, /I am back/);
  await page.waitForFunction(() => document.getElementById('csc-chat-widget').shadowRoot.getElementById('csc-title').textContent === 'Chat with us');
  assert.equal(await page.locator('#csc-sub').innerText(), 'We usually answer right away');
  assert.equal(await page.evaluate(() => localStorage.getItem('csc_live:demo.localhost')), null);
  await say(page, 'hoodie');
  assert.match(await lastAssistant(page).innerText(), /Zip-Up Fleece Hoodie/);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  await ctx.close();
});

test('live: a reload shows the person\'s messages from the history and reopens the stream after the last one seen', async () => {
  reset();
  const { ctx, page } = await newPage({});
  await openAndGreet(page);
  await say(page, 'a live person please');
  const id = await convId(page);
  for (let i = 0; i < 50 && !server.state.live.get(id).clients.size; i++) await new Promise((r) => setTimeout(r, 100));
  server.state.liveAct(id, 'claim', 'Anna Berg');
  server.state.liveAct(id, 'say', 'Before the reload');
  await waitLog(page, /Before the reload/);
  const lastSeen = server.state.live.get(id).messages.slice(-1)[0].id;
  server.state.requests.length = 0;
  await page.reload();
  await page.waitForFunction(() => window.ChatWidget);
  await waitLog(page, /Before the reload/);
  assert.equal(await page.locator('[role=log] .msg.op').count(), 1);
  assert.equal(await page.locator('[role=log] .msg.op').textContent(), 'Anna: Before the reload', 'drawn as the person\'s, with the name kept');
  assert.equal(await page.locator('#csc-title').innerText(), 'Anna from our team');
  for (let i = 0; i < 50 && !server.state.requests.some((r) => r.path === '/api/chat/live'); i++) await new Promise((r) => setTimeout(r, 100));
  const req = server.state.requests.find((r) => r.path === '/api/chat/live');
  assert.match(req.query, new RegExp('after=' + lastSeen + '$'));
  for (let i = 0; i < 50 && !server.state.live.get(id).clients.size; i++) await new Promise((r) => setTimeout(r, 100));
  server.state.liveAct(id, 'say', 'After the reload');
  await waitLog(page, /After the reload/);
  assert.equal(await page.locator('[role=log] .msg.op').count(), 2, 'nothing drawn twice');
  await ctx.close();
});

test('live: a stream that breaks is reopened after the last message seen, and nothing is missed or drawn twice', async () => {
  reset();
  const { ctx, page } = await newPage({});
  await openAndGreet(page);
  await say(page, 'a live person please');
  const id = await convId(page);
  const l = () => server.state.live.get(id);
  for (let i = 0; i < 50 && !l().clients.size; i++) await new Promise((r) => setTimeout(r, 100));
  server.state.liveAct(id, 'claim', 'Anna Berg');
  server.state.liveAct(id, 'say', 'First');
  await waitLog(page, /First/);
  const seen = l().messages.slice(-1)[0].id;
  server.state.requests.length = 0;
  // the connection drops (a replica restarts); a message is written meanwhile
  l().clients.forEach((c) => c.destroy());
  l().clients.clear();
  server.state.liveAct(id, 'say', 'Written while the stream was down');
  await waitLog(page, /Written while the stream was down/);
  const again = server.state.requests.filter((r) => r.path === '/api/chat/live');
  assert.ok(again.length >= 1, 'reopened');
  assert.match(again[0].query, new RegExp('after=' + seen + '$'));
  assert.equal(server.state.requests.filter((r) => r.path === '/api/chat/live/messages').length, 0, 'a stream that worked is reopened, not replaced by polling');
  assert.deepEqual((await logTexts(page)).filter((t) => t.startsWith('op:')), ['op:Anna: First', 'op:Anna: Written while the stream was down']);
  await ctx.close();
});

test('live: where the event stream is blocked, polling with back-off (2 s, then 4 s) after the last message', async () => {
  reset();
  server.state.sseBlocked = true;
  try {
    const { ctx, page } = await newPage({});
    await openAndGreet(page);
    await say(page, 'a live person please');
    const id = await convId(page);
    server.state.liveAct(id, 'claim', 'Ben Ortiz');
    server.state.liveAct(id, 'say', 'Polled hello');
    await waitLog(page, /Polled hello/);
    assert.equal(await page.locator('#csc-title').innerText(), 'Ben from our team');
    const polls = () => server.state.requests.filter((r) => r.path === '/api/chat/live/messages');
    for (let i = 0; i < 80 && polls().length < 3; i++) await new Promise((r) => setTimeout(r, 100));
    const p = polls().map((r) => r.t);
    const last = server.state.live.get(id).messages.slice(-1)[0].id;
    assert.match(polls()[2].query, new RegExp('after=' + last + '$'));
    // news resets the wait to 2 s; nothing new doubles it
    const gap = p[2] - p[1];
    assert.ok(gap >= 3500 && gap < 6000, 'second gap ' + gap + ' ms');
    assert.ok(p[1] - p[0] >= 1800, 'first gap ' + (p[1] - p[0]) + ' ms');
    await ctx.close();
  } finally {
    server.state.sseBlocked = false;
  }
});

test('live: nobody there (unstaffed) offers the email path; after a timeout the assistant\'s notice and the header back, and a late claim still arrives', async () => {
  reset();
  const { ctx, page } = await newPage({ locale: 'de_DE' });
  await openAndGreet(page);
  await say(page, 'nobody there?');
  assert.match(await lastAssistant(page).innerText(), /by email/);
  await page.locator('.actions button', { hasText: 'Yes, send it' }).click();
  await waitLog(page, /sent this conversation to our team/);
  assert.equal(server.state.bodies.slice(-1)[0].body.confirm, 'email-1');
  await ctx.close();
  const b = await newPage({ locale: 'de_DE' });
  await openAndGreet(b.page);
  await say(b.page, 'a live person please');
  assert.equal(await b.page.locator('#csc-sub').innerText(), 'Wir warten auf eine Person aus unserem Team…');
  const id = await convId(b.page);
  for (let i = 0; i < 50 && !server.state.live.get(id).clients.size; i++) await new Promise((r) => setTimeout(r, 100));
  server.state.liveAct(id, 'timeout');
  await waitLog(b.page, /rechtzeitig geantwortet/);
  assert.equal(await b.page.locator('.head button', { hasText: 'Mit einem Menschen sprechen' }).isVisible(), true);
  assert.equal(await b.page.locator('#csc-sub').innerText(), 'Wir antworten meist sofort');
  // a person may still claim it: the widget keeps listening (and remembers so across a reload)
  assert.match(await b.page.evaluate(() => localStorage.getItem('csc_live:demo.localhost')), /"timed_out"/);
  server.state.liveAct(id, 'claim', 'Ben Ortiz');
  server.state.liveAct(id, 'say', 'Entschuldigung, ich bin jetzt da.');
  await waitLog(b.page, /Entschuldigung, ich bin jetzt da/);
  assert.equal(await b.page.locator('#csc-title').innerText(), 'Ben aus unserem Team');
  await b.ctx.close();
});

module.exports = { setup, teardown };
