// The demo storefront: a product grid and product pages of the demo WooCommerce store, a cart reported to
// cart-service like the WordPress plugin reports it, a customer switcher with real signed identity tokens, and the
// chat widget configured the way the plugin configures it. No inline script anywhere, so it runs under a strict CSP.
(function () {
  'use strict';
  var KEY_PERSONA = 'csc_demo_persona';
  var KEY_SESSION = 'csc_demo_session';
  var KEY_ITEMS = 'csc_demo_items';
  var KEY_CART = 'csc_demo_cart';
  var session = null; // {domain, persona, userData, identityToken}
  var products = [];

  function $(id) { return document.getElementById(id); }
  function get(key) { try { return sessionStorage.getItem(key); } catch (e) { return null; } }
  function put(key, v) { try { if (v == null) sessionStorage.removeItem(key); else sessionStorage.setItem(key, v); } catch (e) { /* ignore */ } }
  function newSession() {
    var id = 'demo-' + (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random().toString(16).slice(2));
    put(KEY_SESSION, id);
    put(KEY_ITEMS, null);
    put(KEY_CART, null);
    return id;
  }
  function sessionId() { return get(KEY_SESSION) || newSession(); }
  function items() { try { return JSON.parse(get(KEY_ITEMS) || '[]'); } catch (e) { return []; } }
  function cartData() {
    try { return JSON.parse(get(KEY_CART) || 'null') || { hasItems: false, itemCount: 0, cartTotal: '0.00' }; } catch (e) { return { hasItems: false, itemCount: 0, cartTotal: '0.00' }; }
  }

  function showError(text) {
    var e = $('error');
    e.textContent = text || '';
    e.hidden = !text;
  }
  function api(method, path, body) {
    return fetch('/demo/api/' + path, {
      method: method,
      headers: body ? { 'Content-Type': 'application/json', Accept: 'application/json' } : { Accept: 'application/json' },
      body: body ? JSON.stringify(body) : undefined
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (j) {
        if (!r.ok) throw new Error(j.error || ('HTTP ' + r.status));
        return j;
      });
    });
  }

  // The demo store's Store API, served on this origin (chat-service proxies /demo/wp-json/wc/store/v1/ to the demo
  // store), as WooCommerce's is on a real shop: the page's and the chat's Add to cart fill the same store cart, with
  // the Nonce every answer renews and the store's session cookie.
  var STORE = '/demo/wp-json/wc/store/v1/';
  var nonce = '';
  function store(method, path, body) {
    var h = { Accept: 'application/json' };
    if (body) { h['Content-Type'] = 'application/json'; h.Nonce = nonce; }
    return fetch(STORE + path, { method: method, credentials: 'same-origin', headers: h, body: body ? JSON.stringify(body) : undefined })
      .then(function (r) {
        nonce = r.headers.get('Nonce') || nonce;
        if (window.ChatWidgetConfig && window.ChatWidgetConfig.storeApi) window.ChatWidgetConfig.storeApi.nonce = nonce;
        return r.json().catch(function () { return {}; }).then(function (j) {
          if (!r.ok) throw new Error(plain(j.message) || ('HTTP ' + r.status));
          return j;
        });
      });
  }
  // After any change of the store's cart (the page's buttons, or the chat's: WooCommerce's wc-blocks_added_to_cart
  // event, which block themes' mini-carts listen to), the store's cart is read and reported to cart-service, as the
  // plugin reports it on WooCommerce's cart hooks.
  function syncCart() {
    return store('GET', 'cart').then(function (c) {
      return reportCart((c.items || []).map(function (i) { return { productId: i.id, quantity: i.quantity }; }));
    });
  }

  // The chat widget's own storage for this store: a new shopper (another customer, a new cart session) starts a
  // new conversation, as a new browser would.
  function forgetConversation() {
    if (!session) return;
    try {
      localStorage.removeItem('csc_conversation:' + session.domain);
      sessionStorage.removeItem('csc_session:' + session.domain);
      sessionStorage.removeItem('csc_open:' + session.domain);
    } catch (e) { /* ignore */ }
  }

  function renderCart() {
    var c = cartData();
    $('cart').textContent = c.hasItems ? 'Cart: ' + c.itemCount + (c.itemCount === 1 ? ' item, ' : ' items, ') + c.cartTotal + ' ' + (c.currency || '') : 'Cart: empty';
  }

  function reportCart(list, idleMinutes) {
    return api('POST', 'cart', { sessionId: sessionId(), persona: session.persona, items: list, idleMinutes: idleMinutes || 0 })
      .then(function (r) {
        put(KEY_ITEMS, JSON.stringify(list));
        put(KEY_CART, JSON.stringify(r.cartData));
        renderCart();
        if (window.ChatWidget) window.ChatWidget.updateContext({ cartData: r.cartData });
        return r;
      });
  }

  function addToCart(productId, button, variation) {
    showError('');
    button.disabled = true;
    var item = { id: productId, quantity: 1 };
    if (variation) item.variation = variation;
    store('POST', 'cart/add-item', item).then(syncCart).then(function () {
      button.disabled = false;
      button.firstChild.textContent = 'Add another';
    }).catch(function (e) {
      button.disabled = false;
      showError('Could not update the cart: ' + e.message);
    });
  }

  function stockText(p) {
    if (p.stockStatus === 'instock') return p.stockQuantity != null ? 'In stock (' + p.stockQuantity + ')' : 'In stock';
    if (p.stockStatus === 'onbackorder') return 'On backorder';
    return 'Out of stock';
  }
  // Product text comes from the store as HTML: shown as text only.
  function plain(html) {
    var doc = new DOMParser().parseFromString(String(html || ''), 'text/html');
    Array.prototype.forEach.call(doc.querySelectorAll('script, style, template'), function (n) { n.remove(); });
    return doc.body.textContent.trim();
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  function cartButton(p) {
    var b = el('button', 'btn');
    b.type = 'button';
    b.appendChild(el('span', null, 'Add to cart'));
    b.appendChild(el('span', 'sr', ': ' + p.name));
    if (p.stockStatus === 'outofstock') b.disabled = true;
    b.addEventListener('click', function () { addToCart(p.id, b); });
    return b;
  }
  // A variable product is added with its options, by attribute label and value, as the Store API takes them.
  function options(v) {
    return (v.attributes || []).map(function (a) {
      var i = a.indexOf(':');
      return { attribute: a.slice(0, i).trim(), value: a.slice(i + 1).trim() };
    });
  }
  function choose(p) {
    if (p.type !== 'variable') return cartButton(p);
    var a = el('a', 'btn', 'Choose options');
    a.href = '#/product/' + p.id;
    a.appendChild(el('span', 'sr', ': ' + p.name));
    return a;
  }

  function renderGrid() {
    var view = $('view');
    view.textContent = '';
    var ul = el('ul', 'grid');
    ul.setAttribute('aria-label', 'Products');
    products.forEach(function (p) {
      var li = el('li', 'card');
      var t = el('h2');
      var a = el('a', null, p.name);
      a.href = '#/product/' + p.id;
      t.appendChild(a);
      li.appendChild(t);
      li.appendChild(el('span', 'price', p.price + ' ' + (session.currency || '')));
      li.appendChild(el('span', 'stock ' + p.stockStatus, stockText(p)));
      li.appendChild(choose(p));
      ul.appendChild(li);
    });
    view.appendChild(ul);
    setPage({ type: 'other', url: location.href });
  }

  function renderProduct(id) {
    var view = $('view');
    view.textContent = '';
    api('GET', 'products/' + id).then(function (p) {
      var box = el('article', 'product');
      box.appendChild(el('h1', null, p.name));
      box.appendChild(el('p', 'price', p.price + ' ' + (session.currency || '')));
      box.appendChild(el('p', 'stock ' + p.stockStatus, stockText(p)));
      if (p.sku) box.appendChild(el('p', null, 'SKU: ' + p.sku));
      box.appendChild(el('p', null, plain(p.shortDescription)));
      (p.variations || []).forEach(function (v) {
        var line = el('p', 'stock ' + v.stockStatus, (v.attributes || []).join(', ') + ': ' + stockText(v) + ' ');
        if (v.stockStatus !== 'outofstock') {
          var b = el('button', 'btn');
          b.type = 'button';
          b.appendChild(el('span', null, 'Add'));
          b.appendChild(el('span', 'sr', ': ' + p.name + ', ' + (v.attributes || []).join(', ')));
          b.addEventListener('click', function () { addToCart(p.id, b, options(v)); });
          line.appendChild(b);
        }
        box.appendChild(line);
      });
      if (p.type !== 'variable') box.appendChild(cartButton(p));
      var back = el('p');
      var a = el('a', null, 'Back to all products');
      a.href = '#/';
      back.appendChild(a);
      box.appendChild(back);
      view.appendChild(box);
      $('main').focus();
      setPage({ type: 'product', productId: p.id, url: location.href });
    }).catch(function (e) { showError('Could not load the product: ' + e.message); });
  }

  function setPage(page) {
    if (window.ChatWidget) window.ChatWidget.updateContext({ page: page });
    else if (window.ChatWidgetConfig) window.ChatWidgetConfig.page = page;
  }

  function route() {
    var m = /^#\/product\/(\d+)$/.exec(location.hash);
    if (m) renderProduct(Number(m[1])); else renderGrid();
  }

  function loadWidget() {
    window.ChatWidgetConfig = {
      serverUrl: location.origin,
      domain: session.domain,
      sessionId: sessionId(),
      appearance: { position: 'bottom-right', width: 380, height: 600 },
      behavior: { autoOpen: /[?&]autoOpen=1/.test(location.search), streaming: !/[?&]stream=0/.test(location.search) },
      debug: /[?&]debug=1/.test(location.search),
      userData: session.userData,
      cartData: cartData(),
      page: { type: 'other', url: location.href },
      identityToken: session.identityToken || undefined,
      // Add to cart from the chat, as the plugin sets it up: the store's Store API root (this origin) and the nonce
      // its first answer carried (without one, the cards' buttons are links to the product).
      storeApi: nonce ? { root: location.origin + STORE, nonce: nonce } : undefined,
      locale: (/[?&]lang=([a-z]{2}(?:_[A-Z]{2})?)/.exec(location.search) || [])[1] || undefined,
      branding: session.branding || undefined
    };
    var s = document.createElement('script');
    s.src = '/embed.js';
    s.async = true;
    document.body.appendChild(s);
  }

  function init() {
    var persona = get(KEY_PERSONA) || 'guest';
    $('persona').value = persona;
    $('persona').addEventListener('change', function (e) {
      forgetConversation();
      put(KEY_PERSONA, e.target.value);
      newSession();
      location.reload();
    });
    $('who').addEventListener('submit', function (e) { e.preventDefault(); });
    $('abandon').addEventListener('click', function () {
      var p = (get(KEY_PERSONA) || 'guest') === 'guest' ? 'regular' : get(KEY_PERSONA);
      var list = items();
      if (!list.length) {
        var first = products.filter(function (x) { return x.stockStatus === 'instock'; })[0];
        if (first) list = [{ productId: first.id, quantity: 2 }];
      }
      forgetConversation();
      put(KEY_PERSONA, p);
      newSession();
      session.persona = p;
      reportCart(list, 10).then(function () { location.reload(); })
        .catch(function (e) { showError('Could not report the cart: ' + e.message); });
    });
    renderCart();
    document.body.addEventListener('wc-blocks_added_to_cart', function () {
      syncCart().catch(function (e) { showError('Could not update the cart: ' + e.message); });
    });
    // The store's nonce comes with its first answer (a theme's script reads it from the page the plugin printed).
    var cart = store('GET', 'cart').catch(function () { return null; });
    Promise.all([api('GET', 'session?persona=' + encodeURIComponent(persona)), api('GET', 'products'), cart])
      .then(function (r) {
        session = r[0];
        products = r[1];
        loadWidget();
        route();
        window.addEventListener('hashchange', route);
      })
      .catch(function (e) { showError('The demo store is not reachable: ' + e.message); });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init); else init();
})();
