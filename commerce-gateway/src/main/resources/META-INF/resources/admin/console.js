// The operator console: plain JavaScript, no build step. Every figure comes from a documented admin route, called
// with relative URLs (same origin through the ingress) and the admin token kept in sessionStorage only.
(function () {
  'use strict';

  var TOKEN_KEY = 'csc.console.token';
  var OP_KEY = 'csc.console.operator';
  var STORE_KEY = 'csc.console.store';
  var ADMIN_VIEWS = ['stores', 'assistant', 'unanswered', 'carts', 'operators', 'live'];
  var OP_VIEWS = ['inbox'];
  var VIEWS = ADMIN_VIEWS.concat(OP_VIEWS);
  var state = { stores: [], editing: null, groups: [], operators: [], editingOperator: null, me: null, handoff: null };

  function $(id) { return document.getElementById(id); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') { node.textContent = attrs[k]; }
        else if (k === 'class') { node.className = attrs[k]; }
        else if (k.indexOf('on') === 0) { node.addEventListener(k.slice(2), attrs[k]); }
        else { node.setAttribute(k, attrs[k]); }
      });
    }
    (children || []).forEach(function (c) {
      if (c !== null && c !== undefined) { node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c); }
    });
    return node;
  }

  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } return node; }
  function token() { return sessionStorage.getItem(TOKEN_KEY); }
  /** The operator's session ({token, operator}) when an operator signed in, else null. */
  function opSession() {
    try { return JSON.parse(sessionStorage.getItem(OP_KEY) || 'null'); } catch (e) { return null; }
  }
  function role() { return token() ? 'admin' : opSession() ? 'operator' : null; }
  function store() { return $('store-select').value || ''; }

  // ---- calls -------------------------------------------------------------------------------------------------------

  function ApiError(status, code, message) { this.status = status; this.code = code; this.message = message; }

  /** Calls an admin route; rejects with an ApiError whose message is meant for a person. */
  function api(method, url, body) {
    var op = !token() && opSession();
    var headers = { 'Authorization': 'Bearer ' + (op ? op.token : token()), 'Accept': 'application/json' };
    if (body !== undefined) { headers['Content-Type'] = 'application/json'; }
    return fetch(url, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'omit', cache: 'no-store' })
      .catch(function () { throw new ApiError(0, 'network', 'The console could not reach the server. Check your connection and try again.'); })
      .then(function (res) {
        if (res.status === 204) { return null; }
        return res.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          if (res.status === 401) {
            var what = op ? 'Your operator session has ended.' : 'The admin token was not accepted.';
            signOut(what + ' Sign in again.');
            throw new ApiError(401, 'unauthorized', what);
          }
          if (!res.ok) {
            var code = json && json.code ? json.code : 'http_' + res.status;
            throw new ApiError(res.status, code, words(code, json && json.error, res.status));
          }
          return json;
        });
      });
  }

  /** A failure in words an owner can act on. */
  function words(code, error, status) {
    var known = {
      store_auth_failed: 'WooCommerce refused the keys. Check the consumer key and secret, and that they have Read/Write permission (WooCommerce > Settings > Advanced > REST API).',
      store_unavailable: 'The store could not be reached. Check the WooCommerce URL and that the site is up.',
      store_address_forbidden: 'The store\'s address points to a private or local network, which only a development store may use.',
      store_error: 'The store answered with an error. Check that WooCommerce is active and its REST API is enabled.',
      woocommerce_not_configured: 'WooCommerce is not configured or is disabled for this store.',
      tenant_not_found: 'This store is not registered.',
      not_available: 'WooCommerce is not available for this store.',
      embeddings_unavailable: 'The embedding model failed; the previous knowledge is kept.',
      rate_limited: 'Too many requests. Wait a moment and try again.',
      login_taken: 'That login is taken: choose another one.',
      weak_password: 'The password is too short: use at least 12 characters.',
      invalid_credentials: 'The login or the password is wrong.',
      not_claimed_by_you: 'Only the operator holding this conversation can do that. Claim it first.',
      resolved: 'This conversation is resolved: the shopper talks to the assistant again.',
      operator_not_found: 'This operator no longer exists.',
      handoff_not_found: 'This conversation is not in your inbox (another store\'s, or gone).',
      bad_request: 'The server did not accept the form.'
    };
    var text = known[code] || error || ('The server answered ' + status + '.');
    // already_claimed names the holder in the server's own words
    if (code === 'already_claimed') { text = error || 'Another operator holds this conversation.'; }
    if (known[code] && error && code !== 'store_auth_failed' && code !== 'invalid_credentials') { text += ' (' + error + ')'; }
    return text;
  }

  function q(params) {
    var parts = [];
    Object.keys(params).forEach(function (k) {
      var v = params[k];
      if (v !== null && v !== undefined && v !== '') { parts.push(encodeURIComponent(k) + '=' + encodeURIComponent(v)); }
    });
    return parts.length ? '?' + parts.join('&') : '';
  }

  function notice(message) {
    var n = $('notice');
    n.textContent = message || '';
    n.hidden = !message;
  }

  function fail(where) {
    return function (e) {
      if (e && e.status === 401) { return; }
      var message = e && e.message ? e.message : 'Something went wrong.';
      if (where) { where.textContent = message; where.hidden = false; } else { notice(message); }
    };
  }

  // ---- sign in and navigation --------------------------------------------------------------------------------------

  function signOut(message) {
    var op = opSession();
    if (op && !token()) {
      // ends the session on the server too; the page forgets it either way
      fetch('/api/operator/session', { method: 'DELETE', headers: { 'Authorization': 'Bearer ' + op.token }, credentials: 'omit' }).catch(function () {});
    }
    stopHandoff();
    clearInterval(state.inboxTimer);
    sessionStorage.removeItem(OP_KEY);
    sessionStorage.removeItem(TOKEN_KEY);
    state.stores = [];
    clear($('store-select'));
    $('session').hidden = true;
    $('nav').hidden = true;
    VIEWS.forEach(function (v) { $('view-' + v).hidden = true; });
    $('view-signin').hidden = false;
    notice('');
    var err = $('signin-error');
    err.textContent = message || '';
    err.hidden = !message;
    $('token').value = '';
    $('op-password').value = '';
    $('token').focus();
  }

  /** After a sign-in: the header, the sections of this role, the first view. */
  function enter(focus) {
    var r = role();
    $('view-signin').hidden = true;
    $('session').hidden = false;
    $('nav').hidden = false;
    Array.prototype.forEach.call(document.querySelectorAll('nav li[data-role]'), function (li) { li.hidden = li.getAttribute('data-role') !== r; });
    $('who').textContent = r === 'operator' ? 'Signed in as ' + opSession().operator.displayName : 'Admin';
    show(viewFromHash(), focus);
  }

  function opSignIn(ev) {
    ev.preventDefault();
    var err = $('op-signin-error');
    err.hidden = true;
    var login = $('op-login').value.trim(), password = $('op-password').value;
    if (!login || !password) { err.textContent = 'Enter your login and password.'; err.hidden = false; return; }
    fetch('/api/operator/session', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify({ login: login, password: password }), credentials: 'omit', cache: 'no-store' })
      .catch(function () { throw new ApiError(0, 'network', 'The console could not reach the server. Check your connection and try again.'); })
      .then(function (res) {
        return res.text().then(function (text) {
          var json = null;
          try { json = text ? JSON.parse(text) : null; } catch (e) { json = null; }
          if (!res.ok || !json || !json.token) {
            var code = json && json.code ? json.code : 'http_' + res.status;
            throw new ApiError(res.status, code, words(code, json && json.error, res.status));
          }
          return json;
        });
      }).then(function (s) {
        sessionStorage.removeItem(TOKEN_KEY);
        sessionStorage.setItem(OP_KEY, JSON.stringify({ token: s.token, expiresAt: s.expiresAt, operator: s.operator }));
        $('op-password').value = '';
        loadOperatorStores();
        location.hash = '#inbox';
        enter(true);
      }).catch(function (e) { err.textContent = e.message; err.hidden = false; });
  }

  /** An operator's store list is their own stores, from the session. */
  function loadOperatorStores() {
    var select = clear($('store-select'));
    var domains = (opSession().operator.domains || []).slice().sort();
    state.stores = domains.map(function (d) { return { domain: d }; });
    domains.forEach(function (d) { select.appendChild(el('option', { value: d, text: d })); });
    var keep = sessionStorage.getItem(STORE_KEY);
    if (keep && domains.indexOf(keep) >= 0) { select.value = keep; }
  }

  function signIn(ev) {
    ev.preventDefault();
    var value = $('token').value.trim();
    $('signin-error').hidden = true;
    if (!value) { $('signin-error').textContent = 'Enter the admin token.'; $('signin-error').hidden = false; return; }
    sessionStorage.removeItem(OP_KEY);
    sessionStorage.setItem(TOKEN_KEY, value);
    loadStores().then(function () {
      enter(true);
    }).catch(function (e) {
      if (e && e.status === 401) { return; }
      sessionStorage.removeItem(TOKEN_KEY);
      $('signin-error').textContent = e.message;
      $('signin-error').hidden = false;
    });
  }

  function viewFromHash() {
    var h = (location.hash || '').replace('#', '');
    var mine = role() === 'operator' ? OP_VIEWS : ADMIN_VIEWS;
    return mine.indexOf(h) >= 0 ? h : mine[0];
  }

  function show(view, focus) {
    notice('');
    VIEWS.forEach(function (v) {
      $('view-' + v).hidden = v !== view;
      var link = document.querySelector('nav a[data-view="' + v + '"]');
      if (v === view) { link.setAttribute('aria-current', 'page'); } else { link.removeAttribute('aria-current'); }
    });
    if (focus) { $(view + '-title').setAttribute('tabindex', '-1'); $(view + '-title').focus(); }
    if (view === 'stores') { renderStores(); }
    if (view === 'assistant') { loadAssistant(); loadConversations(); }
    if (view === 'unanswered') { loadUnanswered(); }
    if (view === 'carts') { loadFunnel(); loadAbandoned(); }
    if (view === 'operators') { loadOperators(); }
    if (view === 'live') { loadLive(); }
    if (view === 'inbox') { loadInbox(); } else { clearInterval(state.inboxTimer); stopHandoff(); }
  }

  // ---- stores ------------------------------------------------------------------------------------------------------

  function loadStores() {
    return api('GET', '/api/admin/config').then(function (body) {
      state.stores = (body && body.tenants) || [];
      var select = $('store-select');
      var keep = select.value || sessionStorage.getItem(STORE_KEY);
      clear(select);
      state.stores.forEach(function (t) { select.appendChild(el('option', { value: t.domain, text: t.domain })); });
      if (!state.stores.length) { select.appendChild(el('option', { value: '', text: 'No store yet' })); }
      if (keep && state.stores.some(function (t) { return t.domain === keep; })) { select.value = keep; }
      renderStores();
    });
  }

  function renderStores() {
    var body = clear($('stores-table').querySelector('tbody'));
    $('stores-empty').hidden = state.stores.length > 0;
    state.stores.forEach(function (t) {
      var status = t.woocommerce_enabled ? 'Enabled' : 'Disabled';
      if (t.development_store) { status += ' (development)'; }
      var keys = t.credentials_problem || (t.woocommerce_consumer_key ? t.woocommerce_consumer_key : 'none');
      var label = ' ' + t.domain;
      body.appendChild(el('tr', null, [
        el('th', { scope: 'row', text: t.domain }),
        el('td', { text: t.woocommerce_url || '—', class: 'break' }),
        el('td', { text: status }),
        el('td', { text: keys }),
        el('td', { text: '…', 'data-knowledge': t.domain }),
        el('td', { class: 'actions' }, [
          el('button', { type: 'button', text: 'Test connection', 'aria-label': 'Test connection of' + label, onclick: function () { testConnection(t.domain); } }),
          el('button', { type: 'button', text: 'Re-index knowledge', 'aria-label': 'Re-index knowledge of' + label, onclick: function () { reindex(t.domain); } }),
          el('button', { type: 'button', class: 'secondary', text: 'Edit', 'aria-label': 'Edit' + label, onclick: function () { edit(t); } }),
          el('button', { type: 'button', class: 'secondary', text: t.woocommerce_enabled ? 'Disable' : 'Enable', 'aria-label': (t.woocommerce_enabled ? 'Disable' : 'Enable') + label, onclick: function () { toggle(t); } }),
          el('button', { type: 'button', class: 'danger', text: 'Delete', 'aria-label': 'Delete' + label, onclick: function () { remove(t.domain); } })
        ])
      ]));
      showLastReindex(t.domain);
    });
  }

  /** The last re-index of a store in words, in its row (GET /api/admin/chat/knowledge/reindex). */
  function showLastReindex(domain) {
    var cell = document.querySelector('td[data-knowledge="' + domain.replace(/["\\]/g, '') + '"]');
    if (!cell) { return; }
    api('GET', '/api/admin/chat/knowledge/reindex' + q({ domain: domain })).then(function (s) {
      var r = s.lastResult;
      if (!r) {
        cell.textContent = s.indexedAt ? 'Indexed ' + when(s.indexedAt) : 'Not indexed yet';
      } else if (r.storeUnavailable) {
        cell.textContent = 'Last re-index ' + when(r.at) + ': the store could not be read';
      } else {
        cell.textContent = 'Last re-index ' + when(r.at) + ': ' + r.added + ' added, ' + r.changed + ' changed, '
          + r.removed + ' removed (' + r.passages + ' passages)';
      }
    }).catch(function (e) {
      cell.textContent = e.status === 404 ? 'Not indexed yet' : 'Unknown';
    });
  }

  function when(iso) { return iso ? String(iso).slice(0, 16).replace('T', ' ') + ' UTC' : ''; }

  function result(message, ok) {
    var r = clear($('store-result'));
    r.className = 'result ' + (ok ? 'ok' : 'bad');
    r.appendChild(el('p', { text: message }));
  }

  function testConnection(domain) {
    result('Testing the connection to ' + domain + '…', true);
    api('GET', '/api/admin/test-woocommerce' + q({ domain: domain })).then(function (b) {
      var parts = [domain + ': connected.', 'WooCommerce answered in ' + b.responseTimeMs + ' ms'];
      if (b.productCount !== null && b.productCount !== undefined) { parts.push(b.productCount + ' product' + (b.productCount === 1 ? '' : 's')); }
      if (b.woocommerceVersion) { parts.push('WooCommerce ' + b.woocommerceVersion); }
      var text = parts[0] + ' ' + parts.slice(1).join(', ') + '.';
      result(text, true);
      return api('GET', '/api/admin/webhooks' + q({ domain: domain })).then(function (w) {
        result(text + (w.lastDeliveryAt ? ' Last webhook received ' + w.lastDeliveryAt.slice(0, 16).replace('T', ' ')
          + ' UTC (' + w.lastTopic + ').' : ' No webhook received in the last 30 days.'), true);
      }, function () { return null; });
    }).catch(function (e) {
      if (e.status !== 401) { result(domain + ': the connection failed. ' + e.message, false); }
    });
  }

  function reindex(domain) {
    result('Re-indexing the knowledge of ' + domain + '… (this can take a minute)', true);
    api('POST', '/api/admin/chat/knowledge/reindex' + q({ domain: domain })).then(function (b) {
      result(domain + ': knowledge re-indexed at ' + new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC. '
        + b.added + ' added, ' + b.changed + ' changed, ' + b.removed + ' removed, ' + b.unchanged + ' unchanged ('
        + b.passages + ' passages' + (b.failed ? ', ' + b.failed + ' failed' : '') + ').', true);
      showLastReindex(domain);
    }).catch(function (e) {
      if (e.status !== 401) { result(domain + ': the re-index failed. ' + e.message, false); }
    });
  }

  function toggle(t) {
    api('POST', '/api/admin/config', { domain: t.domain, woocommerce_enabled: !t.woocommerce_enabled }).then(function () {
      result(t.domain + (t.woocommerce_enabled ? ' is disabled.' : ' is enabled.'), true);
      return loadStores();
    }).catch(function (e) { if (e.status !== 401) { result(e.message, false); } });
  }

  /** Asks in the page's own dialog (focus on Cancel); runs then() only on Delete. */
  function confirmDelete(title, text, then) {
    var dialog = $('confirm-dialog');
    $('confirm-title').textContent = title;
    $('confirm-text').textContent = text;
    dialog.returnValue = '';
    dialog.onclose = function () { if (dialog.returnValue === 'ok') { then(); } };
    dialog.showModal();
    $('confirm-cancel').focus();
  }

  function remove(domain) {
    confirmDelete('Delete store?', 'Delete ' + domain + '? Its keys and settings are removed; the widget on that store stops answering.', function () {
      api('DELETE', '/api/admin/config/' + encodeURIComponent(domain)).then(function () {
        result(domain + ' deleted.', true);
        return loadStores();
      }).catch(function (e) { if (e.status !== 401) { result(e.message, false); } });
    });
  }

  function edit(t) {
    state.editing = t.domain;
    $('store-form-title').textContent = 'Edit ' + t.domain;
    $('f-domain').value = t.domain;
    $('f-domain').readOnly = true;
    $('f-name').value = t.store_name || '';
    $('f-url').value = t.woocommerce_url || '';
    $('f-key').value = '';
    $('f-secret').value = '';
    $('f-key').placeholder = t.woocommerce_consumer_key ? 'unchanged (' + t.woocommerce_consumer_key + ')' : 'ck_…';
    $('f-secret').placeholder = t.woocommerce_consumer_secret ? 'unchanged' : 'cs_…';
    $('f-email').value = t.support_email || '';
    $('f-origins').value = (t.allowed_origins || []).join('\n');
    $('f-enabled').checked = !!t.woocommerce_enabled;
    $('f-dev').checked = !!t.development_store;
    $('store-cancel').hidden = false;
    $('store-form-error').hidden = true;
    $('f-name').focus();
  }

  function resetForm() {
    state.editing = null;
    $('store-form').reset();
    $('store-form-title').textContent = 'Add a store';
    $('f-domain').readOnly = false;
    $('f-key').placeholder = 'ck_…';
    $('f-secret').placeholder = 'cs_…';
    $('store-cancel').hidden = true;
  }

  function saveStore(ev) {
    ev.preventDefault();
    var err = $('store-form-error');
    err.hidden = true;
    var domain = $('f-domain').value.trim().toLowerCase();
    var url = $('f-url').value.trim();
    var problems = [];
    if (!domain) { problems.push('Enter the store\'s domain, e.g. shop.example.com.'); }
    if (!url) { problems.push('Enter the WooCommerce URL.'); }
    else if (!/^https?:\/\/[^\s/]+/i.test(url)) { problems.push('The WooCommerce URL must start with https://.'); }
    else if (/^http:/i.test(url) && !$('f-dev').checked) { problems.push('The WooCommerce URL must use HTTPS (only a development store may use http://).'); }
    var key = $('f-key').value.trim();
    var secret = $('f-secret').value.trim();
    if (!state.editing && (!key || !secret)) { problems.push('Enter the consumer key and secret.'); }
    if (key && key.indexOf('ck_') !== 0) { problems.push('The consumer key starts with ck_.'); }
    if (secret && secret.indexOf('cs_') !== 0) { problems.push('The consumer secret starts with cs_.'); }
    if (problems.length) { err.textContent = problems.join(' '); err.hidden = false; err.focus && err.focus(); return; }
    var body = {
      domain: domain, store_name: $('f-name').value.trim() || null, woocommerce_url: url,
      woocommerce_enabled: $('f-enabled').checked, development_store: $('f-dev').checked,
      support_email: $('f-email').value.trim() || null,
      allowed_origins: $('f-origins').value.split(/\s+/).filter(function (s) { return s; })
    };
    if (key) { body.woocommerce_consumer_key = key; }
    if (secret) { body.woocommerce_consumer_secret = secret; }
    $('store-save').disabled = true;
    api('POST', '/api/admin/config', body).then(function (saved) {
      var created = !state.editing;
      resetForm();
      result(saved.domain + (created ? ' added.' : ' saved.') + ' Use "Test connection" to check its keys.', true);
      if (saved.plugin_secret) {
        $('secret-value').value = saved.plugin_secret;
        $('secret-copied').textContent = '';
        $('secret-once').hidden = false;
        $('secret-value').focus();
        $('secret-value').select();
      }
      return loadStores().then(function () { $('store-select').value = saved.domain; sessionStorage.setItem(STORE_KEY, saved.domain); });
    }).catch(function (e) {
      if (e.status !== 401) { err.textContent = e.message; err.hidden = false; }
    }).then(function () { $('store-save').disabled = false; });
  }

  function copySecret() {
    var value = $('secret-value').value;
    var done = function () { $('secret-copied').textContent = 'Copied.'; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(value).then(done, function () { $('secret-value').select(); document.execCommand('copy'); done(); });
    } else { $('secret-value').select(); document.execCommand('copy'); done(); }
  }

  // ---- assistant -----------------------------------------------------------------------------------------------------

  function today() { return new Date().toISOString().slice(0, 10); }
  function daysAgo(n) { return new Date(Date.now() - n * 86400000).toISOString().slice(0, 10); }
  function pct(x) { return (Math.round(x * 1000) / 10) + '%'; }

  function figures(where, list) {
    var box = clear($(where));
    var dl = el('dl', { class: 'figure-list' });
    list.forEach(function (f) { dl.appendChild(el('div', { class: 'fig' }, [el('dt', { text: f[0] }), el('dd', { text: String(f[1]) })])); });
    box.appendChild(dl);
  }

  function needStore(where) {
    if (store()) { return false; }
    clear($(where)).appendChild(el('p', { text: 'Add a store first (Stores).' }));
    return true;
  }

  function loadAssistant(ev) {
    if (ev) { ev.preventDefault(); }
    if (needStore('assistant-figures')) { return; }
    if (!$('a-from').value) { $('a-from').value = daysAgo(13); }
    if (!$('a-to').value) { $('a-to').value = today(); }
    api('GET', '/api/admin/chat/stats' + q({ domain: store(), from: $('a-from').value, to: $('a-to').value })).then(function (s) {
      var t = s.totals;
      figures('assistant-figures', [
        ['Conversations', t.conversations],
        ['Answered without a handoff', pct(s.answeredWithoutHandoffShare)],
        ['Turns', t.turns],
        ['Built-in / model turns', t.builtinTurns + ' / ' + t.modelTurns],
        ['Unanswered turns', t.unansweredTurns],
        ['Handoffs', t.handoffs],
        ['Verifications started / completed', t.verificationsStarted + ' / ' + t.verificationsCompleted],
        ['Gate refusals', t.gateRefusals],
        ['Grounding replacements', t.groundingReplacements]
      ]);
      var cols = [['day', 'Day'], ['conversations', 'Conversations'], ['turns', 'Turns'], ['builtinTurns', 'Built-in'],
        ['modelTurns', 'Model'], ['unansweredTurns', 'Unanswered'], ['handoffs', 'Handoffs'],
        ['verificationsStarted', 'Verif. started'], ['verificationsCompleted', 'Verif. completed'],
        ['gateRefusals', 'Gate refusals'], ['groundingReplacements', 'Grounding repl.']];
      table('days-table', cols, s.days.slice().reverse());
      bars('turns-chart', s.days.map(function (d) { return { label: d.day.slice(5), values: [d.conversations, d.turns] }; }),
        ['Conversations', 'Turns'], 'Conversations and turns per day');
    }).catch(fail());
  }

  function table(id, cols, rows) {
    var t = $(id);
    var head = clear(t.querySelector('thead'));
    var tr = el('tr');
    cols.forEach(function (c) { tr.appendChild(el('th', { scope: 'col', text: c[1] })); });
    head.appendChild(tr);
    var body = clear(t.querySelector('tbody'));
    rows.forEach(function (r) {
      var row = el('tr');
      cols.forEach(function (c, i) {
        var v = typeof c[0] === 'function' ? c[0](r) : r[c[0]];
        row.appendChild(el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row', text: v === null || v === undefined ? '' : String(v) } : { text: v === null || v === undefined ? '' : String(v) }));
      });
      body.appendChild(row);
    });
  }

  /** A grouped bar chart in SVG (drawn with DOM calls: no inline style or script, so the CSP holds). */
  function bars(id, data, series, title) {
    var box = clear($(id));
    var NS = 'http://www.w3.org/2000/svg';
    var w = Math.max(320, data.length * 48 + 40), h = 200, base = 170, top = 16;
    var max = 1;
    data.forEach(function (d) { d.values.forEach(function (v) { if (v > max) { max = v; } }); });
    var svg = document.createElementNS(NS, 'svg');
    svg.setAttribute('viewBox', '0 0 ' + w + ' ' + h);
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', title + ' (the same figures are in the table)');
    svg.setAttribute('class', 'bars');
    var slot = (w - 40) / Math.max(1, data.length);
    var bw = Math.max(4, (slot - 8) / series.length);
    data.forEach(function (d, i) {
      d.values.forEach(function (v, k) {
        var bh = Math.round((base - top) * v / max);
        var r = document.createElementNS(NS, 'rect');
        r.setAttribute('x', String(30 + i * slot + k * bw));
        r.setAttribute('y', String(base - bh));
        r.setAttribute('width', String(bw - 2));
        r.setAttribute('height', String(bh));
        r.setAttribute('class', 's' + k);
        var tip = document.createElementNS(NS, 'title');
        tip.textContent = d.label + ': ' + series[k] + ' ' + v;
        r.appendChild(tip);
        svg.appendChild(r);
        var num = document.createElementNS(NS, 'text');
        num.setAttribute('x', String(30 + i * slot + k * bw + (bw - 2) / 2));
        num.setAttribute('y', String(base - bh - 3));
        num.setAttribute('class', 'num');
        num.textContent = String(v);
        svg.appendChild(num);
      });
      var lab = document.createElementNS(NS, 'text');
      lab.setAttribute('x', String(30 + i * slot + slot / 2 - 4));
      lab.setAttribute('y', String(base + 16));
      lab.setAttribute('class', 'label');
      lab.textContent = d.label;
      svg.appendChild(lab);
    });
    var axis = document.createElementNS(NS, 'line');
    axis.setAttribute('x1', '26'); axis.setAttribute('x2', String(w - 6));
    axis.setAttribute('y1', String(base)); axis.setAttribute('y2', String(base));
    axis.setAttribute('class', 'axis');
    svg.appendChild(axis);
    box.appendChild(svg);
    var legend = el('ul', { class: 'legend' });
    series.forEach(function (s, k) { legend.appendChild(el('li', null, [el('span', { class: 'swatch s' + k, 'aria-hidden': 'true' }), s])); });
    box.appendChild(legend);
  }

  var OUTCOME_WORDS = { answered: 'Answered', unanswered: 'Not answered', handoff: 'Handed over' };

  var conversationsAsked = 0;

  function loadConversations(ev) {
    if (ev) { ev.preventDefault(); }
    if (!store()) { return; }
    if (!$('c-from').value) { $('c-from').value = daysAgo(13); }
    if (!$('c-to').value) { $('c-to').value = today(); }
    var asked = ++conversationsAsked;
    api('GET', '/api/admin/chat/conversations' + q({ domain: store(), from: $('c-from').value, to: $('c-to').value,
      outcome: $('c-outcome').value, order: $('c-order').value.trim() })).then(function (b) {
      // an earlier search answering late must not replace the list the last search asked for
      if (asked !== conversationsAsked) { return; }
      var body = clear($('conversations-table').querySelector('tbody'));
      $('conversations-empty').hidden = b.conversations.length > 0;
      b.conversations.forEach(function (c) {
        body.appendChild(el('tr', null, [
          el('th', { scope: 'row', text: c.startedAt.slice(0, 16).replace('T', ' ') }),
          el('td', { text: c.firstMessage || '' }),
          el('td', { text: String(c.turns) }),
          el('td', { text: (OUTCOME_WORDS[c.outcome] || c.outcome) + (c.verified ? ', verified' : '') }),
          el('td', { text: c.orderNumber ? '#' + c.orderNumber : '' }),
          el('td', null, [el('button', { type: 'button', class: 'secondary', text: 'Open', 'aria-label': 'Open the transcript of ' + c.startedAt.slice(0, 16).replace('T', ' '), onclick: function () { openTranscript(c.id); } })])
        ]));
      });
    }).catch(fail());
  }

  function openTranscript(id) {
    api('GET', '/api/admin/chat/conversations/' + encodeURIComponent(id) + q({ domain: store() })).then(function (b) {
      var c = b.conversation;
      $('transcript-meta').textContent = 'Started ' + c.startedAt.slice(0, 16).replace('T', ' ') + ' UTC, ' + c.turns
        + ' turn' + (c.turns === 1 ? '' : 's') + ', ' + (OUTCOME_WORDS[c.outcome] || c.outcome).toLowerCase()
        + (c.verified ? ', shopper verified' : '') + (c.orderNumber ? ', order #' + c.orderNumber : '') + '.';
      var list = clear($('transcript-messages'));
      b.messages.forEach(function (m) {
        list.appendChild(el('li', { class: 'msg ' + (m.role === 'user' ? 'shopper' : 'assistant') }, [
          el('span', { class: 'who', text: (m.role === 'user' ? 'Shopper' : 'Assistant') + ' · ' + m.at.slice(11, 16) }),
          el('p', { text: m.text })
        ]));
      });
      $('transcript').hidden = false;
      $('transcript').focus();
    }).catch(fail());
  }

  // ---- unanswered questions and store answers ------------------------------------------------------------------------

  function loadUnanswered() {
    if (needStore('unanswered-list')) { return; }
    api('GET', '/api/admin/chat/unanswered' + q({ domain: store() })).then(function (b) {
      state.groups = b.groups;
      var list = clear($('unanswered-list'));
      $('unanswered-empty').hidden = b.groups.length > 0;
      b.groups.forEach(function (g, i) {
        var examples = el('ul', { class: 'examples' });
        g.examples.forEach(function (x) { examples.appendChild(el('li', { text: x })); });
        list.appendChild(el('article', { class: 'card group', 'aria-labelledby': 'group-' + i }, [
          el('h3', { id: 'group-' + i, text: g.question }),
          el('p', { class: 'count', text: 'Asked ' + g.count + ' time' + (g.count === 1 ? '' : 's') + ', last on ' + g.lastAskedAt.slice(0, 10) }),
          examples,
          el('button', { type: 'button', text: 'Write an answer', 'aria-label': 'Write an answer to: ' + g.question, onclick: function () { answerGroup(g); } })
        ]));
      });
    }).catch(fail());
    loadAnswers();
  }

  function answerGroup(g) {
    state.answering = { ids: g.ids, id: null };
    $('answer-form-title').textContent = 'Write an answer';
    $('ans-question').value = g.question;
    $('ans-text').value = '';
    $('answer-error').hidden = true;
    $('answer-form').hidden = false;
    $('ans-text').focus();
  }

  function editAnswer(a) {
    state.answering = { ids: [], id: a.id };
    $('answer-form-title').textContent = 'Edit the store answer';
    $('ans-question').value = a.question;
    $('ans-text').value = a.answer;
    $('answer-error').hidden = true;
    $('answer-form').hidden = false;
    $('ans-text').focus();
  }

  function saveAnswer(ev) {
    ev.preventDefault();
    var a = state.answering || { ids: [], id: null };
    var body = { question: $('ans-question').value.trim(), answer: $('ans-text').value.trim(), unansweredIds: a.ids };
    if (!body.question || !body.answer) {
      $('answer-error').textContent = 'Write both the question and the answer.';
      $('answer-error').hidden = false;
      return;
    }
    var call = a.id ? api('PUT', '/api/admin/chat/answers/' + a.id + q({ domain: store() }), body)
      : api('POST', '/api/admin/chat/answers' + q({ domain: store() }), body);
    call.then(function () {
      $('answer-form').hidden = true;
      $('answer-result').textContent = 'Answer saved. The assistant uses it from the next message on.';
      loadUnanswered();
    }).catch(fail($('answer-error')));
  }

  function loadAnswers() {
    api('GET', '/api/admin/chat/answers' + q({ domain: store() })).then(function (b) {
      var body = clear($('answers-table').querySelector('tbody'));
      $('answers-empty').hidden = b.answers.length > 0;
      b.answers.forEach(function (a) {
        body.appendChild(el('tr', null, [
          el('th', { scope: 'row', text: a.question }),
          el('td', { text: a.answer }),
          el('td', { text: (a.updatedAt || '').slice(0, 16).replace('T', ' ') }),
          el('td', { class: 'actions' }, [
            el('button', { type: 'button', class: 'secondary', text: 'Edit', 'aria-label': 'Edit the answer to: ' + a.question, onclick: function () { editAnswer(a); } }),
            el('button', { type: 'button', class: 'danger', text: 'Delete', 'aria-label': 'Delete the answer to: ' + a.question, onclick: function () {
              if (window.confirm('Delete the store answer to "' + a.question + '"?')) {
                api('DELETE', '/api/admin/chat/answers/' + a.id + q({ domain: store() })).then(loadAnswers).catch(fail());
              }
            } })
          ])
        ]));
      });
    }).catch(fail());
  }

  // ---- carts -------------------------------------------------------------------------------------------------------

  function loadFunnel(ev) {
    if (ev) { ev.preventDefault(); }
    if (needStore('funnel-figures')) { return; }
    if (!$('r-from').value) { $('r-from').value = daysAgo(29); }
    if (!$('r-to').value) { $('r-to').value = today(); }
    api('GET', '/api/carts/stats/funnel' + q({ domain: store(), from: $('r-from').value, to: $('r-to').value })).then(function (f) {
      figures('funnel-figures', [
        ['Abandoned', f.abandoned], ['Emailed', f.emailed], ['Restored', f.restored], ['Recovered', f.recovered],
        ['Recovery rate', pct(f.recoveryRate)], ['Recovered revenue', f.recoveredRevenue], ['Coupons used', f.couponsUsed]
      ]);
      table('funnel-table', [[function (s) { return s.step === 0 ? 'Before any email' : 'Email ' + s.step; }, 'Step'],
        ['emailed', 'Emailed'], ['restored', 'Restored'], ['recovered', 'Recovered'], ['revenue', 'Revenue'],
        ['couponsIssued', 'Coupons issued'], ['couponsUsed', 'Coupons used']], f.steps);
      bars('funnel-chart', [
        { label: 'Abandoned', values: [f.abandoned] }, { label: 'Emailed', values: [f.emailed] },
        { label: 'Restored', values: [f.restored] }, { label: 'Recovered', values: [f.recovered] }
      ], ['Carts'], 'Recovery funnel');
    }).catch(fail());
  }

  function loadAbandoned(ev) {
    if (ev) { ev.preventDefault(); }
    if (!store()) { return; }
    $('abandoned-summary').textContent = '';
    api('GET', '/api/woocommerce/abandoned-carts' + q({ domain: store(), hours: $('ab-hours').value,
      min_cart_value: $('ab-min').value, limit: $('ab-limit').value, include_guest_carts: $('ab-guests').checked ? 'true' : 'false' }))
      .then(function (b) {
        $('abandoned-summary').textContent = b.totalCount + ' abandoned cart' + (b.totalCount === 1 ? '' : 's') + ', worth ' + b.totalValue + ' in total.';
        table('abandoned-table', [[function (c) { return (c.abandonedAt || '').slice(0, 16).replace('T', ' '); }, 'Abandoned (UTC)'],
          ['email', 'Email'], [function (c) { return (c.cartItems || []).map(function (i) { return i.quantity + ' × ' + (i.name || i.productId); }).join(', '); }, 'Items'],
          [function (c) { return c.cartTotal + ' ' + (c.cartCurrency || ''); }, 'Total'], ['recoveryEmailsSent', 'Emails sent']], b.carts);
      }).catch(fail());
  }

  // ---- operators (admin) -------------------------------------------------------------------------------------------

  function loadOperators() {
    storeChecks([]);
    api('GET', '/api/admin/chat/operators').then(function (b) {
      state.operators = (b && b.operators) || [];
      var body = clear($('operators-table').querySelector('tbody'));
      $('operators-empty').hidden = state.operators.length > 0;
      state.operators.forEach(function (o) {
        var label = ' ' + o.displayName + ' (' + o.login + ')';
        body.appendChild(el('tr', null, [
          el('th', { scope: 'row', text: o.displayName }),
          el('td', { text: o.login }),
          el('td', { text: (o.domains || []).join(', ') || 'none' }),
          el('td', { text: o.disabled ? 'Disabled' : 'Active' }),
          el('td', { text: o.lastSignInAt ? when(o.lastSignInAt).replace(' UTC', '') : 'never' }),
          el('td', { class: 'actions' }, [
            el('button', { type: 'button', class: 'secondary', text: 'Edit', 'aria-label': 'Edit' + label, onclick: function () { editOperator(o); } }),
            el('button', { type: 'button', class: 'secondary', text: o.disabled ? 'Enable' : 'Disable', 'aria-label': (o.disabled ? 'Enable' : 'Disable') + label, onclick: function () { toggleOperator(o); } }),
            el('button', { type: 'button', class: 'danger', text: 'Delete', 'aria-label': 'Delete' + label, onclick: function () { removeOperator(o); } })
          ])
        ]));
      });
    }).catch(fail());
  }

  /** One checkbox per store; the given domains ticked. */
  function storeChecks(ticked) {
    var box = clear($('o-stores'));
    if (!state.stores.length) { box.appendChild(el('p', { text: 'Add a store first (Stores).' })); }
    state.stores.forEach(function (t, i) {
      box.appendChild(el('label', null, [el('input', { type: 'checkbox', id: 'o-store-' + i, value: t.domain }), ' ' + t.domain]));
      $('o-store-' + i).checked = ticked.indexOf(t.domain) >= 0;
    });
  }

  function operatorResult(message, ok) {
    var r = clear($('operator-result'));
    r.className = 'result ' + (ok ? 'ok' : 'bad');
    r.appendChild(el('p', { text: message }));
  }

  function editOperator(o) {
    state.editingOperator = o.id;
    $('operator-form-title').textContent = 'Edit ' + o.displayName;
    $('o-name').value = o.displayName;
    $('o-login').value = o.login;
    $('o-login').readOnly = true;
    $('o-password').value = '';
    storeChecks(o.domains || []);
    $('operator-cancel').hidden = false;
    $('operator-form-error').hidden = true;
    $('o-name').focus();
  }

  function resetOperatorForm() {
    state.editingOperator = null;
    $('operator-form').reset();
    $('operator-form-title').textContent = 'Add an operator';
    $('o-login').readOnly = false;
    $('operator-cancel').hidden = true;
    storeChecks([]);
  }

  function saveOperator(ev) {
    ev.preventDefault();
    var err = $('operator-form-error');
    err.hidden = true;
    var domains = Array.prototype.filter.call($('o-stores').querySelectorAll('input:checked'), function () { return true; })
      .map(function (i) { return i.value; });
    var body = { displayName: $('o-name').value.trim(), domains: domains };
    var password = $('o-password').value;
    var problems = [];
    if (!body.displayName) { problems.push('Enter the display name.'); }
    if (!state.editingOperator) {
      body.login = $('o-login').value.trim();
      if (!body.login) { problems.push('Enter a login.'); }
      if (!password) { problems.push('Enter a password.'); }
    }
    if (password && password.length < 12) { problems.push('The password needs at least 12 characters.'); }
    if (!domains.length) { problems.push('Choose at least one store.'); }
    if (problems.length) { err.textContent = problems.join(' '); err.hidden = false; return; }
    if (password) { body.password = password; }
    var editing = state.editingOperator;
    $('operator-save').disabled = true;
    (editing ? api('PUT', '/api/admin/chat/operators/' + encodeURIComponent(editing), body) : api('POST', '/api/admin/chat/operators', body))
      .then(function (b) {
        resetOperatorForm();
        operatorResult(b.operator.displayName + (editing ? ' saved.' : ' added. They sign in on this page with their login and password.'), true);
        loadOperators();
      }).catch(function (e) { if (e.status !== 401) { err.textContent = e.message; err.hidden = false; } })
      .then(function () { $('operator-save').disabled = false; });
  }

  function toggleOperator(o) {
    api('PUT', '/api/admin/chat/operators/' + encodeURIComponent(o.id), { disabled: !o.disabled }).then(function () {
      operatorResult(o.displayName + (o.disabled ? ' is enabled.' : ' is disabled: their sessions have ended.'), true);
      loadOperators();
    }).catch(function (e) { if (e.status !== 401) { operatorResult(e.message, false); } });
  }

  function removeOperator(o) {
    confirmDelete('Delete operator?', 'Delete ' + o.displayName + ' (' + o.login + ')? Their sessions end; what they did stays recorded under their name.', function () {
      api('DELETE', '/api/admin/chat/operators/' + encodeURIComponent(o.id)).then(function () {
        operatorResult(o.displayName + ' deleted.', true);
        loadOperators();
      }).catch(function (e) { if (e.status !== 401) { operatorResult(e.message, false); } });
    });
  }

  // ---- live chat settings (admin) ------------------------------------------------------------------------------------

  var DAYS = [['mon', 'Monday'], ['tue', 'Tuesday'], ['wed', 'Wednesday'], ['thu', 'Thursday'], ['fri', 'Friday'],
    ['sat', 'Saturday'], ['sun', 'Sunday']];

  function loadLive() {
    $('live-form-error').hidden = true;
    if (needStore('live-status')) { $('live-form').hidden = true; return; }
    $('live-form').hidden = false;
    api('GET', '/api/admin/chat/live/' + encodeURIComponent(store())).then(showLive).catch(fail($('live-form-error')));
  }

  function showLive(b) {
    var st = b.settings || {};
    $('l-enabled').checked = !!st.enabled;
    $('l-zone').textContent = (st.timeZone || 'UTC') + (st.timeZoneSource === 'store' ? ' (from the store\'s WordPress settings)'
      : ' (the store does not tell its time zone)');
    var hours = clear($('l-hours'));
    DAYS.forEach(function (d) {
      var ranges = ((st.hours || {})[d[0]] || []).map(function (r) { return r[0] + '-' + r[1]; }).join(', ');
      hours.appendChild(el('div', null, [el('label', { for: 'l-h-' + d[0], text: d[1] }),
        el('input', { id: 'l-h-' + d[0], value: ranges, placeholder: 'closed', autocomplete: 'off', spellcheck: 'false' })]));
    });
    $('l-timeout').value = st.claimTimeoutMinutes || 5;
    var ops = b.operators || 0;
    var line = clear($('live-status'));
    line.appendChild(el('span', { class: 'dot ' + (b.open ? 'open' : 'closed'), 'aria-hidden': 'true' }));
    line.appendChild(document.createTextNode((b.open ? 'Open now' : 'Closed now') + ' · ' + ops + ' operator' + (ops === 1 ? '' : 's')
      + (st.enabled && !ops ? ' · live chat stays off until an operator has this store (Operators)' : '')
      + (!st.enabled ? ' · live chat is off: shoppers get the email path' : '')));
  }

  function saveLive(ev) {
    ev.preventDefault();
    var err = $('live-form-error');
    err.hidden = true;
    var hours = {}, bad = [];
    DAYS.forEach(function (d) {
      var text = $('l-h-' + d[0]).value.trim();
      hours[d[0]] = !text ? [] : text.split(/\s*,\s*/).map(function (r) {
        var m = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(r);
        if (!m) { bad.push(d[1] + ': "' + r + '"'); return null; }
        return [m[1].length === 4 ? '0' + m[1] : m[1], m[2].length === 4 ? '0' + m[2] : m[2]];
      });
    });
    var minutes = parseInt($('l-timeout').value, 10);
    if (bad.length) { err.textContent = 'Write each range as 09:00-17:00. Not understood: ' + bad.join('; ') + '.'; err.hidden = false; return; }
    if (!(minutes >= 1)) { err.textContent = 'Enter the minutes before an unclaimed conversation goes to email (1 or more).'; err.hidden = false; return; }
    $('live-save').disabled = true;
    api('PUT', '/api/admin/chat/live/' + encodeURIComponent(store()), { enabled: $('l-enabled').checked, hours: hours, claimTimeoutMinutes: minutes })
      .then(function () { return api('GET', '/api/admin/chat/live/' + encodeURIComponent(store())); })
      .then(function (b) { showLive(b); $('live-status').insertBefore(document.createTextNode('Saved. '), $('live-status').firstChild); })
      .catch(fail(err))
      .then(function () { $('live-save').disabled = false; });
  }

  // ---- inbox (operator) ----------------------------------------------------------------------------------------------

  var STATE_WORDS = { waiting: 'Waiting', claimed: 'Claimed', resolved: 'Resolved', timed_out: 'Timed out (email offered; may still be claimed)', unstaffed: 'Nobody there (sent by email)' };
  var LEVEL_WORDS = { none: 'not verified', email: 'verified by an emailed code', signed_in: 'signed in to the store' };

  function loadInbox(ev) {
    if (ev) { ev.preventDefault(); }
    clearInterval(state.inboxTimer);
    refreshInbox();
    // the list has no event stream: it is read again every 10 s while the inbox is shown
    state.inboxTimer = setInterval(refreshInbox, 10000);
  }

  function holder(h) {
    if (!h.claimedBy) { return STATE_WORDS[h.state] || h.state; }
    var mine = opSession() && h.claimedBy.id === opSession().operator.id;
    return (h.state === 'resolved' ? 'Resolved by ' : 'Claimed by ') + (mine ? 'you' : h.claimedBy.displayName);
  }

  function refreshInbox() {
    if (!store()) { return; }
    api('GET', '/api/operator/handoffs' + q({ state: $('i-state').value, domain: store() })).then(function (b) {
      // the list is drawn anew every 10 s: the keyboard focus stays on the same conversation's button
      var focused = document.activeElement && document.activeElement.closest && document.activeElement.closest('#inbox-list li');
      var keep = focused ? focused.getAttribute('data-handoff') : null;
      var list = clear($('inbox-list'));
      var items = (b && b.handoffs) || [];
      var summary = items.length + ' ' + ($('i-state').value === 'open' ? 'open ' : $('i-state').value.replace('_', ' ') + ' ')
        + 'conversation' + (items.length === 1 ? '' : 's') + ' for ' + store() + '.';
      // announced when it changes, not every 10 s
      if ($('inbox-summary').textContent !== summary) { $('inbox-summary').textContent = summary; }
      items.forEach(function (h) {
        var current = state.handoff && state.handoff.id === h.id;
        list.appendChild(el('li', { class: 'card handoff-item ' + h.state + (current ? ' current' : ''), 'data-handoff': h.id }, [
          el('p', { class: 'who', text: when(h.createdAt) + ' · ' + holder(h) + ' · shopper ' + (LEVEL_WORDS[h.verification] || h.verification || 'not verified') }),
          el('p', { class: 'preview', text: h.preview || '(no message yet)' }),
          el('button', { type: 'button', class: current ? 'secondary' : '', text: 'Open', 'aria-label': 'Open the conversation of ' + when(h.createdAt) + ': ' + (h.preview || '').slice(0, 60),
            onclick: function () { openHandoff(h.id); } })
        ]));
        if (h.id === keep) { list.lastChild.querySelector('button').focus(); }
      });
    }).catch(fail());
  }

  function stopHandoff() {
    if (state.stream) { state.stream.abort(); state.stream = null; }
    clearTimeout(state.pollTimer);
  }

  function openHandoff(id) {
    stopHandoff();
    $('handoff-error').hidden = true;
    api('GET', '/api/operator/handoffs/' + encodeURIComponent(id)).then(function (b) {
      state.handoff = b.handoff;
      state.seen = {};
      state.lastId = null;
      var v = b.verification || {};
      $('handoff-meta').textContent = 'Store ' + b.handoff.domain + ' · started ' + when(b.handoff.createdAt) + ' · shopper '
        + (LEVEL_WORDS[v.level] || v.level || 'not verified') + ' · orders covered: '
        + ((v.orders || []).length ? v.orders.map(function (n) { return '#' + n; }).join(', ') : 'none')
        + (b.handoff.reason ? ' · reason: ' + b.handoff.reason : '');
      clear($('handoff-messages'));
      (b.transcript || []).forEach(addMessage);
      showHandoffState(b.handoff);
      $('handoff').hidden = false;
      $('handoff').focus();
      follow();
    }).catch(fail($('handoff-error')));
  }

  function addMessage(m) {
    if (m.id !== undefined && m.id !== null) {
      if (state.seen[m.id]) { return; }
      state.seen[m.id] = true;
      // live messages have numeric ids (what after= counts from); the stored history's are not
      if (/^\d+$/.test(String(m.id)) && (state.lastId === null || Number(m.id) > Number(state.lastId))) { state.lastId = m.id; }
    }
    var who = m.role === 'shopper' ? 'Shopper' : m.role === 'operator' ? (m.operator || 'Operator') : 'Assistant';
    var list = $('handoff-messages');
    list.appendChild(el('li', { class: 'msg ' + (m.role === 'shopper' ? 'shopper' : m.role === 'operator' ? 'operator' : 'assistant') }, [
      el('span', { class: 'who', text: who + (m.at ? ' · ' + String(m.at).slice(11, 16) : '') }),
      el('p', { text: m.text })
    ]));
    list.lastChild.scrollIntoView && list.lastChild.scrollIntoView({ block: 'nearest' });
  }

  function showHandoffState(h) {
    state.handoff = h;
    var mine = !!(h.claimedBy && opSession() && h.claimedBy.id === opSession().operator.id);
    var open = h.state === 'waiting' || h.state === 'claimed' || h.state === 'timed_out';
    $('handoff-title').textContent = 'Conversation · ' + (STATE_WORDS[h.state] || h.state);
    $('handoff-holder').textContent = holder(h) + (h.state === 'claimed' && !mine ? ': only they can reply.' : '.');
    // a conversation whose wait timed out may still be claimed (the shopper was offered the email path meanwhile)
    $('handoff-claim').hidden = !(h.state === 'waiting' || h.state === 'timed_out');
    $('handoff-resolve').hidden = !(mine && h.state === 'claimed');
    $('reply-form').hidden = !(mine && h.state === 'claimed');
    if (!open) { stopHandoff(); }
  }

  /** Live updates of the open conversation: the events route read with fetch (the bearer header), else polling. */
  function follow() {
    var h = state.handoff;
    if (!h || !(h.state === 'waiting' || h.state === 'claimed' || h.state === 'timed_out')) { return; }
    var ctl = window.AbortController ? new AbortController() : null;
    state.stream = ctl;
    var url = '/api/operator/handoffs/' + encodeURIComponent(h.id) + '/events' + q({ after: state.lastId });
    fetch(url, { headers: { 'Authorization': 'Bearer ' + opSession().token, 'Accept': 'text/event-stream' }, credentials: 'omit',
      cache: 'no-store', signal: ctl ? ctl.signal : undefined }).then(function (res) {
      if (!res.ok || !res.body || (res.headers.get('Content-Type') || '').indexOf('text/event-stream') < 0) { throw new Error('no stream'); }
      state.wait = 2000;
      var reader = res.body.getReader(), decoder = new TextDecoder(), buf = '';
      function pump() {
        return reader.read().then(function (r) {
          if (r.value) { buf += decoder.decode(r.value, { stream: true }); }
          var parts = buf.split(/\r?\n\r?\n/);
          buf = parts.pop();
          parts.forEach(onEvent);
          if (!r.done) { return pump(); }
          throw new Error('stream ended');
        });
      }
      return pump();
    }).catch(function () {
      if (state.stream !== ctl) { return; } // stopped on purpose, or another conversation opened
      state.stream = null;
      poll();
    });
  }

  function onEvent(block) {
    var ev = 'message', data = [];
    block.split(/\r?\n/).forEach(function (line) {
      if (line.indexOf('event:') === 0) { ev = line.slice(6).trim(); }
      else if (line.indexOf('data:') === 0) { data.push(line.slice(5).replace(/^ /, '')); }
    });
    if (!data.length) { return; }
    var obj;
    try { obj = JSON.parse(data.join('\n')); } catch (e) { return; }
    if (ev === 'message') { addMessage(obj); }
    if (ev === 'state') { showHandoffState(obj.handoff || obj); refreshInbox(); }
  }

  /** Polling with back-off (2 s doubling to 30 s) while the stream is unavailable; news resets the wait. */
  function poll() {
    var h = state.handoff;
    if (!h || !(h.state === 'waiting' || h.state === 'claimed' || h.state === 'timed_out')) { return; }
    state.wait = state.wait || 2000;
    state.pollTimer = setTimeout(function () {
      api('GET', '/api/operator/handoffs/' + encodeURIComponent(h.id) + '/messages' + q({ after: state.lastId })).then(function (b) {
        var list = (b && (b.messages || b.transcript)) || [];
        list.forEach(addMessage);
        state.wait = list.length ? 2000 : Math.min(state.wait * 2, 30000);
        if (b && b.handoff) { showHandoffState(b.handoff); }
        if (state.handoff && state.handoff.id === h.id) { follow(); }
      }).catch(function () {
        state.wait = Math.min(state.wait * 2, 30000);
        poll();
      });
    }, state.wait);
  }

  function act(path, body) {
    var h = state.handoff;
    $('handoff-error').hidden = true;
    return api('POST', '/api/operator/handoffs/' + encodeURIComponent(h.id) + path, body).then(function (b) {
      if (b && b.handoff) { showHandoffState(b.handoff); }
      refreshInbox();
      return b;
    }).catch(function (e) {
      fail($('handoff-error'))(e);
      // someone else was quicker, or it is over: show what is true now
      if (e.status === 409) { api('GET', '/api/operator/handoffs/' + encodeURIComponent(h.id)).then(function (b) { showHandoffState(b.handoff); }).catch(function () {}); }
      throw e;
    });
  }

  function claim() {
    act('/claim').then(function () {
      stopHandoff();
      follow();
      $('reply-text').focus();
    }).catch(function () {});
  }

  function reply(ev) {
    ev.preventDefault();
    var text = $('reply-text').value.trim();
    if (!text) { return; }
    $('reply-send').disabled = true;
    act('/messages', { text: text }).then(function (b) {
      $('reply-text').value = '';
      if (b && b.message) { addMessage(b.message); }
    }).catch(function () {}).then(function () { $('reply-send').disabled = false; $('reply-text').focus(); });
  }

  function resolve() {
    act('/resolve').then(function () { $('handoff-holder').textContent = 'Resolved: the assistant answers the shopper again.'; }).catch(function () {});
  }

  // ---- start ---------------------------------------------------------------------------------------------------------

  document.addEventListener('DOMContentLoaded', function () {
    $('signin-form').addEventListener('submit', signIn);
    $('op-signin-form').addEventListener('submit', opSignIn);
    $('operator-form').addEventListener('submit', saveOperator);
    $('operator-cancel').addEventListener('click', resetOperatorForm);
    $('live-form').addEventListener('submit', saveLive);
    $('inbox-filter').addEventListener('submit', loadInbox);
    $('i-state').addEventListener('change', loadInbox);
    $('handoff-claim').addEventListener('click', claim);
    $('handoff-resolve').addEventListener('click', resolve);
    $('reply-form').addEventListener('submit', reply);
    $('reply-text').addEventListener('keydown', function (e) { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { reply(e); } });
    $('handoff-close').addEventListener('click', function () { stopHandoff(); state.handoff = null; $('handoff').hidden = true; $('inbox-title').focus(); });
    $('sign-out').addEventListener('click', function () { signOut(''); });
    $('store-form').addEventListener('submit', saveStore);
    $('store-cancel').addEventListener('click', resetForm);
    $('secret-copy').addEventListener('click', copySecret);
    $('period-form').addEventListener('submit', loadAssistant);
    $('conversation-filter').addEventListener('submit', loadConversations);
    $('transcript-close').addEventListener('click', function () { $('transcript').hidden = true; $('conversations-title').focus(); });
    $('answer-form').addEventListener('submit', saveAnswer);
    $('answer-cancel').addEventListener('click', function () { $('answer-form').hidden = true; });
    $('funnel-form').addEventListener('submit', loadFunnel);
    $('abandoned-form').addEventListener('submit', loadAbandoned);
    $('store-select').addEventListener('change', function () { sessionStorage.setItem(STORE_KEY, store()); show(viewFromHash(), false); });
    $('conversations-title').setAttribute('tabindex', '-1');
    $('inbox-title').setAttribute('tabindex', '-1');
    window.addEventListener('hashchange', function () { if (role() && !$('nav').hidden) { show(viewFromHash(), true); } });
    if (token()) {
      loadStores().then(function () { enter(false); }).catch(function (e) { if (e.status !== 401) { signOut(e.message); } });
    } else if (opSession()) {
      loadOperatorStores();
      enter(false);
    } else {
      $('token').focus();
    }
  });
}());
