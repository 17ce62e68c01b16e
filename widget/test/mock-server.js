'use strict';
// A small stand-in for chat-service's public chat API (issue 9's contract) plus the store pages the widget is
// embedded in. Two origins: the "store" (pages, config scripts) and the "chat server" (embed.js and /api/chat/**),
// so CORS and a CSP that allows only the chat server's origin are exercised for real.
const http = require('http');
const fs = require('fs');
const path = require('path');

const EMBED = path.join(__dirname, '..', 'embed.js');

// What chat-service sends (io.csc.chat.widget.WidgetScript): embed.js without comment lines, indentation and blank
// lines; unchanged when a template literal or a backslash-continued line could make leading spaces text.
function compact(source) {
  const text = source.toString('utf8');
  if (text.includes('`') || text.split('\n').some((l) => l.endsWith('\\'))) return source;
  return Buffer.from(text.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('//')).join('\n') + '\n', 'utf8');
}

function json(res, status, body, headers) {
  res.writeHead(status, Object.assign({ 'Content-Type': 'application/json' }, headers || {}));
  res.end(JSON.stringify(body));
}

function readBody(req) {
  return new Promise((resolve) => {
    let data = '';
    req.on('data', (c) => (data += c));
    req.on('end', () => {
      try { resolve(JSON.parse(data || '{}')); } catch (e) { resolve(null); }
    });
  });
}

// Cards as chat-service's README describes them: a variable product on sale, a simple one, one out of stock.
function cardsAnswer(store) {
  return {
    message: 'Running Shirt: $25.00 (was $30.00), in stock in Blue M and Red L. Wool Beanie: $14.40, 3 in stock. Leather Wallet: out of stock.',
    cards: [
      { type: 'product', id: 40, name: 'Running Shirt', url: store + '/product/running-shirt/',
        image: { src: store + '/wp-content/uploads/demo/performance-running-shirt.svg', alt: 'Blue running shirt, front view' },
        price: { formatted: '$25.00', regular: '$30.00', onSale: true, amount: '25.00', currency: 'USD' },
        stock: { status: 'instock', quantity: 23, text: 'In stock' },
        attributes: [{ name: 'Color', options: ['Blue', 'Red'] }, { name: 'Size', options: ['M', 'L'] }],
        variations: [
          { id: 41, attributes: { Color: 'Blue', Size: 'M' }, price: { formatted: '$25.00', amount: '25.00', currency: 'USD' }, stock: { status: 'instock', quantity: 23, text: 'In stock' } },
          { id: 42, attributes: { Color: 'Red', Size: 'L' }, price: { formatted: '$27.00', amount: '27.00', currency: 'USD' }, stock: { status: 'instock', quantity: 2, text: 'Only 2 left' } },
          { id: 43, attributes: { Color: 'Red', Size: 'M' }, price: { formatted: '$25.00', amount: '25.00', currency: 'USD' }, stock: { status: 'outofstock', quantity: 0, text: 'Out of stock' } }],
        addToCart: { productId: 40, needsVariation: true } },
      { type: 'product', id: 19, name: 'Wool Beanie', url: store + '/product/wool-beanie/',
        image: { src: store + '/wp-content/uploads/demo/wool-beanie.svg', alt: 'Grey wool beanie' },
        price: { formatted: '$14.40', amount: '14.40', currency: 'USD' },
        stock: { status: 'instock', quantity: 3, text: 'Only 3 left' }, addToCart: { productId: 19, needsVariation: false } },
      { type: 'product', id: 27, name: 'Leather Wallet', url: store + '/product/leather-wallet/',
        image: { src: store + '/wp-content/uploads/demo/leather-wallet.svg', alt: 'Brown leather wallet' },
        price: { formatted: '$39.00', amount: '39.00', currency: 'USD' }, stock: { status: 'outofstock', quantity: 0, text: 'Out of stock' } }
    ]
  };
}

// The demo store's own pictures (same slugs), so screenshots look like a shop (served by the store and, for the
// /demo page whose cards show pictures of its own origin, by the chat server).
function picture(url, res) {
  if (!url.pathname.startsWith('/wp-content/uploads/demo/') || !url.pathname.endsWith('.svg')) return false;
  const file = path.join(__dirname, '..', '..', 'deploy', 'demo-store', 'src', 'main', 'resources', 'demo-store', 'images', path.basename(url.pathname));
  res.writeHead(200, { 'Content-Type': 'image/svg+xml' });
  res.end(fs.existsSync(file) ? fs.readFileSync(file)
    : '<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64"><rect width="64" height="64" fill="#93c5fd"/></svg>');
  return true;
}

function createChatServer(state) {
  const conversations = new Map(); // id -> {sessionId, messages: [{role, text}]}
  let seq = 0;
  function cors(req, res) {
    const origin = req.headers.origin;
    if (origin && state.allowedOrigins.includes(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Accept');
      res.setHeader('Access-Control-Expose-Headers', 'Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset');
    }
  }
  function conversation(body) {
    let id = body.conversation_id;
    if (id && conversations.has(id)) {
      const c = conversations.get(id);
      if (c.sessionId !== body.session_id) return null;
      return { id, c };
    }
    id = 'conv-' + ++seq;
    const c = { sessionId: body.session_id, messages: [] };
    conversations.set(id, c);
    return { id, c };
  }
  function answerFor(text) {
    const t = text.toLowerCase();
    if (/consent please/.test(t)) return { message: 'To access your order information, we need your consent to process your email address. Do you consent?', ui: { confirm: { id: 'pa-c', label: 'I consent', decline: 'No, thanks' } } };
    if (/@/.test(t)) return { message: 'Thanks. I sent a 6-digit code to that address. Please enter it below.', ui: { input: 'code' }, requiresVerification: true };
    if (/^\d{6}$/.test(t)) return { message: 'You are verified. Order #48 is processing. Shall I cancel it?', verified: true, ui: { confirm: { id: 'pa-1', label: 'Cancel order #48' } } };
    if (/show cards/.test(t)) return cardsAnswer(state.cardOrigin || state.storeOrigin);
    if (/sold out/.test(t)) return {
      message: 'The Leather Wallet is $39.00.',
      cards: [{ type: 'product', id: 27, name: 'Leather Wallet', url: state.storeOrigin + '/product/leather-wallet/',
        price: { formatted: '$39.00', amount: '39.00', currency: 'USD' }, stock: { status: 'instock', text: 'In stock' },
        addToCart: { productId: 27, needsVariation: false } }]
    };
    if (/order card/.test(t)) return {
      message: 'Order #52 from 20 November 2026 is processing: 1 × Wireless Earbuds, total $64.00. UPS tracking 1Z999.',
      cards: [{ type: 'order', number: '52', date: '2026-11-20T10:15:00', status: 'processing', statusText: 'Processing',
        items: [{ name: 'Wireless Earbuds', quantity: 1, total: '$59.00' }], total: '$64.00',
        tracking: { carrier: 'UPS', number: '1Z999', url: 'https://www.ups.com/track?tracknum=1Z999' } }]
    };
    if (/cart card/.test(t)) return {
      message: 'Your cart holds 2 × Wool Beanie, $36.00 in all.',
      cards: [{ type: 'cart', itemCount: 2, items: [{ name: 'Wool Beanie', quantity: 2, total: '$36.00' }], total: '$36.00', url: state.storeOrigin + '/cart/' }]
    };
    if (/order/.test(t)) return { message: 'I can help with your order. What is the email address on the order?', requiresVerification: true, ui: { input: 'email' } };
    // live handoff (docs/live-handoff.md): a staffed store, then one where nobody is there
    if (/live person/.test(t)) return { message: 'I am asking a person from our team to join.', ui: { handoff: true }, live: { state: 'waiting' } };
    if (/nobody there/.test(t)) return { message: 'Nobody from our team is available right now. Shall I send this conversation to our team by email?', live: { state: 'unstaffed' }, ui: { confirm: { id: 'email-1', label: 'Yes, send it' } } };
    if (/person|human/.test(t)) return { message: 'I have passed this conversation to our team. They will answer by email within one business day.', ui: { handoff: true } };
    if (/hoodie/.test(t)) return {
      message: 'The Zip-Up Fleece Hoodie is in stock (49.00 EUR): https://demo.localhost/product/zip-up-fleece-hoodie and see [our size guide](https://demo.localhost/size-guide).',
      sources: [{ url: 'https://demo.localhost/shipping', title: 'Shipping policy', relevance: 0.8 }, { url: 'javascript:alert(1)', title: 'bad', relevance: 0.1 }]
    };
    if (/markup/.test(t)) return { message: '<img src=x onerror="window.__xss=1">plain <b>text</b>' };
    return { message: 'Here is a fairly long answer that arrives word by word so that streaming can be seen in the test.' };
  }
  // Live handoff: per conversation its state, the messages with ids, and the open event streams.
  let liveSeq = 100;
  function liveOf(id) {
    if (!state.live.has(id)) state.live.set(id, { state: null, operator: null, messages: [], clients: new Set() });
    return state.live.get(id);
  }
  const first = (name) => (name ? String(name).split(' ')[0] : undefined);
  function sse(res, event, data) { res.write('event: ' + event + '\ndata: ' + JSON.stringify(data) + '\n\n'); }
  function livePublic(l) { return { state: l.state, operator: l.state === 'claimed' ? first(l.operator) : undefined }; }
  // what the test does as the person (or the server's timer)
  state.liveAct = (id, act, arg) => {
    const l = liveOf(id);
    if (act === 'claim') { l.state = 'claimed'; l.operator = arg; }
    if (act === 'resolve' || act === 'timeout') l.state = act === 'resolve' ? 'resolved' : 'timed_out';
    let msg = null;
    if (act === 'say') msg = { id: ++liveSeq, role: 'operator', text: arg, at: new Date().toISOString(), operator: first(l.operator) };
    if (act === 'resolve') msg = { id: ++liveSeq, role: 'assistant', text: 'I am back. Ask me anything about the shop.', at: new Date().toISOString() };
    if (act === 'timeout') msg = { id: ++liveSeq, role: 'assistant', text: 'Niemand aus unserem Team hat rechtzeitig geantwortet. Sollen wir Ihnen per E-Mail antworten?', at: new Date().toISOString() };
    if (msg) {
      l.messages.push(msg);
      // the history as chat-service answers it: a person's replies as role operator, without id or name
      conversations.get(id).messages.push({ role: msg.role, text: msg.text, at: msg.at });
      l.clients.forEach((c) => sse(c, 'message', msg));
    }
    if (act !== 'say') l.clients.forEach((c) => sse(c, 'state', livePublic(l)));
  };
  function liveRoute(req, res, url) {
    const id = url.searchParams.get('conversation_id');
    const c = conversations.get(id);
    if (!c || c.sessionId !== url.searchParams.get('session_id')) {
      return json(res, 404, { success: false, error: 'Conversation not found', code: 'conversation_not_found' });
    }
    const l = liveOf(id);
    const after = Number(url.searchParams.get('after') || 0);
    const missed = l.messages.filter((m) => m.id > after);
    if (url.pathname === '/api/chat/live/messages') return json(res, 200, Object.assign({ success: true, messages: missed }, livePublic(l)));
    if (state.sseBlocked) return json(res, 403, { success: false, error: 'Blocked by a proxy', code: 'blocked' });
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
    sse(res, 'state', livePublic(l));
    missed.forEach((m) => sse(res, 'message', m));
    l.clients.add(res);
    req.on('close', () => l.clients.delete(res));
  }

  return http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://x');
    state.requests.push({ method: req.method, path: url.pathname, query: url.search, headers: req.headers, t: Date.now() });
    cors(req, res);
    if (req.method === 'OPTIONS') { res.writeHead(204); return res.end(); }
    if (req.method === 'GET' && (url.pathname === '/embed.js' || /^\/embed\/[^/]+\/embed\.js$/.test(url.pathname))) {
      res.writeHead(200, { 'Content-Type': 'text/javascript', 'Cache-Control': 'public, max-age=31536000, immutable' });
      return res.end(compact(fs.readFileSync(EMBED)));
    }
    if (req.method === 'GET' && (url.pathname === '/api/chat/live' || url.pathname === '/api/chat/live/messages')) return liveRoute(req, res, url);
    if (req.method === 'GET' && url.pathname.startsWith('/api/chat/')) {
      const id = decodeURIComponent(url.pathname.slice('/api/chat/'.length));
      const c = conversations.get(id);
      if (!c || c.sessionId !== url.searchParams.get('session_id')) {
        return json(res, 404, { success: false, error: 'Conversation not found', code: 'conversation_not_found' });
      }
      return json(res, 200, { conversation_id: id, messages: c.messages });
    }
    if (url.pathname === '/demo' || url.pathname.startsWith('/demo/')) return demo(req, res, url, state);
    if (picture(url, res)) return;
    if (req.method !== 'POST') return json(res, 404, { success: false, error: 'Not found', code: 'not_found' });
    const body = await readBody(req);
    if (!body) return json(res, 400, { success: false, error: 'Invalid JSON', code: 'invalid_json' });
    state.bodies.push({ path: url.pathname, body });
    if (url.pathname === '/api/chat/start') {
      const conv = conversation(body);
      const user = (body.context && body.context.userData) || {};
      const cart = (body.context && body.context.cartData) || {};
      let message = 'Hi there! How can I help you today?';
      if (user.customerGroup === 'vip') message = `Welcome back, ${user.displayName}! As a VIP customer, you have priority support. How can I assist you today?`;
      const abandoned = !!(cart.hasItems && state.abandoned);
      if (abandoned) message = `I noticed you have ${cart.itemCount} items in your cart. Is there anything I can help you with to complete your purchase?`;
      conv.c.messages.push({ role: 'assistant', text: message });
      return json(res, 200, { message, conversation_id: conv.id, abandonedCart: abandoned, verified: false });
    }
    if (url.pathname === '/api/chat/stream' || url.pathname === '/api/chat') {
      const text = String(body.message || '');
      if (state.drop) return req.socket.destroy();
      if (state.rateLimited) {
        return json(res, 429, { success: false, error: 'Too many requests', code: 'rate_limited' },
          { 'Retry-After': '120', 'X-RateLimit-Limit': '100', 'X-RateLimit-Remaining': '0' });
      }
      if (state.down) return json(res, 503, { success: false, error: 'Unavailable', code: 'unavailable' });
      if (text.length > 2000) return json(res, 413, { success: false, error: 'Message too long', code: 'message_too_long' });
      const conv = conversation(body);
      if (!conv) return json(res, 404, { success: false, error: 'Conversation not found', code: 'conversation_not_found' });
      const l = state.live.get(conv.id);
      if (l && (l.state === 'waiting' || l.state === 'claimed')) {
        // a person holds the conversation: stored for them, no reply from the assistant
        const m = { id: ++liveSeq, role: 'shopper', text, at: new Date().toISOString() };
        l.messages.push(m);
        conv.c.messages.push({ id: m.id, role: 'user', text });
        const live = Object.assign({ conversation_id: conv.id }, { live: livePublic(l) });
        if (url.pathname === '/api/chat') return json(res, 200, live);
        res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
        sse(res, 'done', live);
        return res.end();
      }
      const answer = body.confirm
        ? { message: body.confirm === 'email-1' ? 'I have sent this conversation to our team. They will answer by email.' : 'Order #48 has been cancelled.', verified: true }
        : answerFor(text);
      if (answer.live) liveOf(conv.id).state = answer.live.state;
      conv.c.messages.push({ role: 'user', text });
      conv.c.messages.push({ role: 'assistant', text: answer.message });
      const full = Object.assign({ conversation_id: conv.id, verified: false }, answer);
      if (url.pathname === '/api/chat') return json(res, 200, full);
      res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-cache' });
      const words = answer.message.match(/\S+\s*/g) || [];
      const delay = state.streamDelay;
      if (state.firstDelay) await new Promise((r) => setTimeout(r, state.firstDelay));
      // The events exactly as chat-service's ChatStreamRoute writes them.
      for (const w of words) {
        res.write('event: delta\ndata: ' + JSON.stringify({ text: w }) + '\n\n');
        await new Promise((r) => setTimeout(r, delay));
      }
      if (/explode/.test(text)) {
        res.write('event: error\ndata: ' + JSON.stringify({ success: false, error: 'The chat is temporarily unavailable', code: 'stream_failed' }) + '\n\n');
        return res.end();
      }
      res.write('event: done\ndata: ' + JSON.stringify(full) + '\n\n');
      return res.end();
    }
    return json(res, 404, { success: false, error: 'Not found', code: 'not_found' });
  });
}

// The demo storefront's server side as io.csc.chat.demo answers it (fixed data here), so widget/demo/ is tested
// without the Java services; e2e.test.js covers the real one.
const DEMO = path.join(__dirname, '..', 'demo');
const DEMO_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
  "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
const PRODUCTS = [
  { id: 15, name: 'Zip-Up Fleece Hoodie', sku: 'HOOD-ZIP', price: '49.00', stockStatus: 'instock', stockQuantity: 12, shortDescription: '<p>Warm <script>window.__xss=1</script>fleece</p>' },
  { id: 13, name: 'Organic V-Neck Tee', sku: 'TEE-V', price: '22.00', stockStatus: 'outofstock', stockQuantity: 0, shortDescription: '' },
  { id: 19, name: 'Wool Beanie', sku: 'BEANIE', price: '14.40', stockStatus: 'instock', stockQuantity: 3, shortDescription: '' }
];
const VARIATIONS = [
  { id: 41, name: 'Running Shirt – Blue / M', price: '25.00' },
  { id: 42, name: 'Running Shirt – Red / L', price: '27.00' }
];
async function demo(req, res, url, state) {
  const files = { '/demo': ['index.html', 'text/html; charset=utf-8'], '/demo/assets/demo.js': ['demo.js', 'text/javascript'], '/demo/assets/demo.css': ['demo.css', 'text/css'] };
  if (files[url.pathname]) {
    res.writeHead(200, { 'Content-Type': files[url.pathname][1], 'Content-Security-Policy': DEMO_CSP });
    return res.end(fs.readFileSync(path.join(DEMO, files[url.pathname][0])));
  }
  if (url.pathname === '/demo/api/session') {
    const p = url.searchParams.get('persona') || 'guest';
    const names = { new: 'Carla Mendes', regular: 'Bob Smith', vip: 'Emma Wilson' };
    const userData = p === 'guest' ? { isLoggedIn: false, email: '', displayName: '', customerId: '', totalOrders: 0, customerGroup: 'guest' }
      : { isLoggedIn: true, email: p + '@example.com', displayName: names[p], customerId: 6, totalOrders: 3, totalSpent: '404.98', customerGroup: p };
    return json(res, 200, { domain: 'demo.localhost', persona: p, currency: 'USD', userData, identityToken: p === 'guest' ? null : 'signed.' + p });
  }
  if (url.pathname.startsWith('/demo/wp-json/wc/store/v1/')) return storeApi(req, res, url, state);
  if (url.pathname === '/demo/api/products') return json(res, 200, PRODUCTS);
  const m = /^\/demo\/api\/products\/(\d+)$/.exec(url.pathname);
  if (m) {
    const p = PRODUCTS.find((x) => x.id === Number(m[1]));
    return p ? json(res, 200, p) : json(res, 404, { success: false, error: 'Product not found', code: 'product_not_found' });
  }
  if (url.pathname === '/demo/api/cart' && req.method === 'POST') {
    const body = await readBody(req);
    state.demoCarts.push(body);
    let count = 0, total = 0;
    // priced from the store's products and their variations (the gateway's list carries them), never from the page
    const known = PRODUCTS.concat(VARIATIONS);
    if (body.items.some((i) => !known.find((x) => x.id === i.productId))) return json(res, 400, { success: false, error: 'Invalid request: unknown product', code: 'bad_request' });
    const items = body.items.map((i) => {
      const p = known.find((x) => x.id === i.productId);
      count += i.quantity;
      total += Number(p.price) * i.quantity;
      return { productId: p.id, name: p.name, quantity: i.quantity, price: p.price };
    });
    return json(res, 200, { cartData: { hasItems: count > 0, itemCount: count, cartTotal: total.toFixed(2), currency: 'USD', items } });
  }
  return json(res, 404, { success: false, error: 'Not found', code: 'not_found' });
}

// The store: pages that embed the widget the three ways the spec shows, without inline script (config in a file).
function createStoreServer(state) {
  return http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const chat = state.chatOrigin;
    if (url.pathname === '/config.js') {
      const cfg = Object.assign({ serverUrl: chat, domain: 'demo.localhost' }, JSON.parse(url.searchParams.get('c') || '{}'));
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      return res.end('window.ChatWidgetConfig = ' + JSON.stringify(cfg) + ';\n');
    }
    if (url.pathname === '/page') {
      const c = url.searchParams.get('c') || '{}';
      const strict = url.searchParams.get('csp') === 'strict';
      const headers = { 'Content-Type': 'text/html; charset=utf-8' };
      if (strict) {
        // Only the store itself and the chat server; no inline script or style, no eval.
        headers['Content-Security-Policy'] = `default-src 'none'; script-src 'self' ${chat}; connect-src 'self' ${chat}; ` +
          `style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`;
      }
      res.writeHead(200, headers);
      return res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test store</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
${url.searchParams.get('plain') ? '' : '<link rel="stylesheet" href="/store.css">'}</head>
<body><header><h1>Test store</h1></header><main><p>Products.</p><button id="before" type="button">A store button</button>
<div class="msg">store element with the widget's class names</div></main>
<script src="/csp.js"></script>
<script src="/config.js?c=${encodeURIComponent(c)}"></script>
<script src="${chat}/embed.js"></script></body></html>`);
    }
    if (picture(url, res)) return;
    if (url.pathname.startsWith('/wp-json/wc/store/v1/')) return storeApi(req, res, url, state);
    if (url.pathname === '/csp.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' });
      return res.end("window.__cspViolations = [];document.addEventListener('securitypolicyviolation', function (e) {" +
        " window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI); });" +
        // WooCommerce's listeners: the blocks' cart store refetches unless detail.preserveCartData; the Interactivity
        // API cart store refreshes on a from_@wordpress/data sync event on window.
        "window.__miniCart = 0; document.body.addEventListener('wc-blocks_added_to_cart', function (e) { if (e.bubbles && !(e.detail && e.detail.preserveCartData)) window.__miniCart++; });" +
        "window.__iapiCart = 0; window.addEventListener('wc-blocks_store_sync_required', function (e) { if (e.detail && e.detail.type === 'from_@wordpress/data') window.__iapiCart++; });\n");
    }
    if (url.pathname === '/store.css') {
      // Hostile store styles: the widget must look the same under them.
      res.writeHead(200, { 'Content-Type': 'text/css' });
      return res.end('* { font-family: "Comic Sans MS" !important; color: red !important; } button { background: lime !important; padding: 40px !important; } .msg, .panel, .launcher { display: none !important; } body > * { position: static !important; opacity: 0.3 !important; }\n');
    }
    res.writeHead(404);
    res.end();
  });
}

// WooCommerce's Store API as the recordings show it (storeapi_*.json): a Nonce header on writes, variations chosen by
// attribute label, WooCommerce's own error codes and texts (with their HTML entities), a fresh Nonce on every answer.
const STORE_PRODUCTS = {
  15: { name: 'Zip-Up Fleece Hoodie', price: 4900 },
  19: { name: 'Wool Beanie', price: 1440 },
  27: { name: 'Leather Wallet', price: 3900, outOfStock: true },
  40: { name: 'Running Shirt', price: 2500, variations: [{ id: 41, Color: 'Blue', Size: 'M', price: 2500 }, { id: 42, Color: 'Red', Size: 'L', price: 2700 }] }
};
async function storeApi(req, res, url, state) {
  const headers = { Nonce: 'nonce-2', 'Cart-Token': 'token-1' };
  const cart = () => ({ items: state.storeCart, items_count: state.storeCart.reduce((n, i) => n + i.quantity, 0),
    totals: { total_price: String(state.storeCart.reduce((n, i) => n + i.quantity * i.price, 0)), currency_code: 'USD', currency_minor_unit: 2 } });
  if (req.method === 'GET' && url.pathname.endsWith('/cart')) return json(res, 200, cart(), headers);
  if (req.method !== 'POST' || !url.pathname.endsWith('/cart/add-item')) return json(res, 404, { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } });
  const body = await readBody(req);
  state.storeApiCalls.push({ nonce: req.headers.nonce, body });
  const err = (status, code, message) => json(res, status, { code, message, data: { status } }, headers);
  if (!req.headers.nonce) return err(401, 'woocommerce_rest_missing_nonce', 'Missing the Nonce header. This endpoint requires a valid nonce.');
  if (!state.storeNonces.includes(req.headers.nonce)) return err(403, 'woocommerce_rest_invalid_nonce', 'Nonce is invalid.');
  const p = STORE_PRODUCTS[body.id];
  if (!p) return err(400, 'woocommerce_rest_cart_invalid_product', `Product with ID &quot;${body.id}&quot; was not found and cannot be added to the cart.`);
  if (p.outOfStock) return err(400, 'woocommerce_rest_product_out_of_stock', `You cannot add &quot;${p.name}&quot; to the cart because the product is out of stock.`);
  let variationId = 0, price = p.price;
  if (p.variations) {
    const chosen = {};
    (body.variation || []).forEach((v) => { chosen[v.attribute] = v.value; });
    const v = p.variations.find((x) => x.Color === chosen.Color && x.Size === chosen.Size);
    if (!v) return err(400, 'woocommerce_rest_variation_id_from_variation_data', 'No matching variation found.');
    variationId = v.id;
    price = v.price;
  }
  // as WooCommerce: the same product (and variation) again raises the line's quantity
  const line = state.storeCart.find((i) => i.id === (variationId || body.id));
  if (line) line.quantity += body.quantity || 1;
  else state.storeCart.push({ id: variationId || body.id, name: p.name, quantity: body.quantity || 1, price, variation: body.variation || [] });
  return json(res, 201, cart(), headers);
}

function listen(server) {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server.address().port)));
}

async function start() {
  const state = { live: new Map(), requests: [], bodies: [], demoCarts: [], storeCart: [], storeApiCalls: [], storeNonces: ['nonce-1', 'nonce-2'], allowedOrigins: [], rateLimited: false, down: false, abandoned: false, streamDelay: 15 };
  const chat = createChatServer(state);
  const store = createStoreServer(state);
  const chatPort = await listen(chat);
  const storePort = await listen(store);
  // Different hosts make them different origins (and the page's CSP names the chat origin exactly).
  state.chatOrigin = `http://localhost:${chatPort}`;
  state.storeOrigin = `http://127.0.0.1:${storePort}`;
  state.allowedOrigins.push(state.storeOrigin);
  state.allowedOrigins.push(state.chatOrigin); // the demo page is served by the chat server itself
  return {
    state,
    storeUrl: state.storeOrigin,
    chatUrl: state.chatOrigin,
    close: () => { chat.closeAllConnections && chat.closeAllConnections(); chat.close(); store.close(); }
  };
}

module.exports = { start, compact };
