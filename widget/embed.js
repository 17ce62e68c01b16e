/*! Customer-service chat widget. Plain JavaScript, no dependencies. Reads window.ChatWidgetConfig. */
(function () {
  'use strict';
  if (window.ChatWidget && window.ChatWidget.version) return; // loaded twice: keep the first

  var VERSION = '1';
  var script = document.currentScript;
  var cfg = window.ChatWidgetConfig || {};

  // Every visible or screen-reader string; ChatWidgetConfig.text overrides any.
  var T = {
    title: 'Chat with us',
    subtitle: 'We usually answer right away',
    launcher: 'Chat with the shop',
    close: 'Close chat',
    unread: 'new message',
    log: 'Conversation',
    placeholder: 'Type your message…',
    inputLabel: 'Message',
    send: 'Send',
    you: 'You',
    assistant: 'Assistant',
    typing: 'The assistant is typing',
    sources: 'Sources',
    human: 'Talk to a person',
    humanMessage: 'I would like to talk to a person.',
    emailLabel: 'Your email address',
    emailSend: 'Send',
    codeLabel: 'The 6-digit code from your email',
    codeSend: 'Verify',
    confirmNo: 'No, keep it',
    yes: 'Yes',
    no: 'No',
    retry: 'Try again',
    network: 'We could not reach the chat. Check your connection and try again.',
    rateLimited: 'You have sent a lot of messages. Please wait {wait} before sending another.',
    tooLong: 'That message is too long. Please keep it under 2,000 characters.',
    unavailable: 'The chat is not available right now. Please try again in a few minutes.',
    failed: 'Something went wrong on our side. Please try again.',
    minutes: '{n} minutes',
    minute: 'a minute',
    seconds: '{n} seconds',
    newTab: '(opens in a new tab)',
    cards: 'Results',
    regularPrice: 'Regular price:',
    salePrice: 'Sale price:',
    options: 'Options',
    choose: 'Choose…',
    addToCart: 'Add to cart',
    viewProduct: 'View product',
    adding: 'Adding…',
    added: '{name} was added to your cart.',
    addFailed: 'Could not add it to your cart.',
    chooseFirst: 'Please choose the options first.',
    order: 'Order #{n}',
    orderTotal: 'Total:',
    tracking: 'Track the parcel',
    cart: 'Your cart',
    viewCart: 'View cart'
  };
  T.handoffSubtitle = 'A person from our team will reply';
  // Live handoff (docs/live-handoff.md): {name} is the person's first name.
  T.liveWaiting = 'Waiting for a person from our team…';
  T.liveWith = '{name} from our team';
  T.liveJoined = '{name} has joined the chat.';
  // de, es, fr by the page's locale (the plugin passes WordPress's, e.g. de_DE); else English.
  var L10N_KEYS = 'title subtitle launcher close unread log placeholder inputLabel send you assistant typing sources human humanMessage emailLabel emailSend codeLabel codeSend confirmNo yes no retry network rateLimited tooLong unavailable failed minutes minute seconds newTab cards regularPrice salePrice options choose addToCart viewProduct adding added addFailed chooseFirst order orderTotal tracking cart viewCart handoffSubtitle liveWaiting liveWith liveJoined'.split(' ');
  var L10N = {
    de: 'Chatten Sie mit uns|Wir antworten meist sofort|Mit dem Shop chatten|Chat schließen|neue Nachricht|Unterhaltung|Ihre Nachricht…|Nachricht|Senden|Sie|Assistent|Der Assistent schreibt|Quellen|Mit einem Menschen sprechen|Ich möchte mit einem Menschen sprechen.|Ihre E-Mail-Adresse|Senden|Der 6-stellige Code aus Ihrer E-Mail|Bestätigen|Nein, behalten|Ja|Nein|Erneut versuchen|Der Chat ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.|Sie haben viele Nachrichten gesendet. Bitte warten Sie {wait}.|Die Nachricht ist zu lang (höchstens 2.000 Zeichen).|Der Chat ist gerade nicht verfügbar. Bitte versuchen Sie es in einigen Minuten erneut.|Bei uns ist etwas schiefgegangen. Bitte versuchen Sie es erneut.|{n} Minuten|eine Minute|{n} Sekunden|(öffnet in neuem Tab)|Ergebnisse|Regulärer Preis:|Angebotspreis:|Varianten|Bitte wählen…|In den Warenkorb|Produkt ansehen|Wird hinzugefügt…|{name} liegt jetzt in Ihrem Warenkorb.|Das konnte nicht in den Warenkorb gelegt werden.|Bitte wählen Sie zuerst eine Variante.|Bestellung #{n}|Gesamt:|Sendung verfolgen|Ihr Warenkorb|Warenkorb ansehen|Eine Person aus unserem Team antwortet Ihnen|Wir warten auf eine Person aus unserem Team…|{name} aus unserem Team|{name} ist jetzt im Chat.',
    es: 'Chatea con nosotros|Solemos responder enseguida|Chatear con la tienda|Cerrar el chat|mensaje nuevo|Conversación|Escribe tu mensaje…|Mensaje|Enviar|Tú|Asistente|El asistente está escribiendo|Fuentes|Hablar con una persona|Quiero hablar con una persona.|Tu correo electrónico|Enviar|El código de 6 dígitos de tu correo|Verificar|No, mantenerlo|Sí|No|Reintentar|No pudimos conectar con el chat. Revisa tu conexión e inténtalo de nuevo.|Has enviado muchos mensajes. Espera {wait} antes de enviar otro.|El mensaje es demasiado largo (máximo 2.000 caracteres).|El chat no está disponible ahora. Inténtalo de nuevo en unos minutos.|Algo ha fallado por nuestra parte. Inténtalo de nuevo.|{n} minutos|un minuto|{n} segundos|(se abre en una pestaña nueva)|Resultados|Precio normal:|Precio de oferta:|Opciones|Elige…|Añadir al carrito|Ver producto|Añadiendo…|{name} se ha añadido a tu carrito.|No se pudo añadir al carrito.|Elige primero las opciones.|Pedido #{n}|Total:|Seguir el envío|Tu carrito|Ver carrito|Una persona de nuestro equipo te responderá|Esperando a una persona de nuestro equipo…|{name}, de nuestro equipo|{name} se ha unido al chat.',
    fr: 'Discutons|Nous répondons généralement tout de suite|Discuter avec la boutique|Fermer le chat|nouveau message|Conversation|Votre message…|Message|Envoyer|Vous|Assistant|L’assistant écrit|Sources|Parler à une personne|Je voudrais parler à une personne.|Votre adresse e-mail|Envoyer|Le code à 6 chiffres reçu par e-mail|Vérifier|Non, le garder|Oui|Non|Réessayer|Impossible de joindre le chat. Vérifiez votre connexion et réessayez.|Vous avez envoyé beaucoup de messages. Patientez {wait} avant d’en envoyer un autre.|Ce message est trop long (2 000 caractères au plus).|Le chat n’est pas disponible pour le moment. Réessayez dans quelques minutes.|Un problème est survenu de notre côté. Réessayez.|{n} minutes|une minute|{n} secondes|(s’ouvre dans un nouvel onglet)|Résultats|Prix normal :|Prix soldé :|Options|Choisir…|Ajouter au panier|Voir le produit|Ajout…|{name} a été ajouté à votre panier.|Impossible de l’ajouter au panier.|Choisissez d’abord les options.|Commande n° {n}|Total :|Suivre le colis|Votre panier|Voir le panier|Une personne de notre équipe vous répondra|En attente d’une personne de notre équipe…|{name}, de notre équipe|{name} a rejoint la conversation.'
  };
  var lang = String(cfg.locale || document.documentElement.lang || navigator.language || 'en').replace('_', '-');
  var k;
  var tr = L10N[lang.slice(0, 2).toLowerCase()];
  if (tr) tr.split('|').forEach(function (t, i) { T[L10N_KEYS[i]] = t; });
  // Branding (plugin settings); cfg.text still wins per string.
  var brand = cfg.branding || {};
  if (brand.assistantName) { T.title = brand.assistantName; T.assistant = brand.assistantName; }
  if (brand.subtitle) T.subtitle = brand.subtitle;
  if (brand.launcherLabel) T.launcher = brand.launcherLabel;
  var over = cfg.text || {};
  for (k in over) if (Object.prototype.hasOwnProperty.call(over, k) && typeof over[k] === 'string') T[k] = over[k];

  function log() {
    if (cfg.debug && window.console) console.log.apply(console, ['[chat-widget]'].concat([].slice.call(arguments)));
  }

  var server = String(cfg.serverUrl || (script && script.src ? new URL(script.src, location.href).origin : location.origin))
    .replace(/\/+$/, '');
  var domain = String(cfg.domain || location.hostname).toLowerCase();
  var appearance = cfg.appearance || {};
  var behavior = cfg.behavior || {};

  // Storage can throw (privacy modes, sandboxed frames): the chat then simply forgets on reload.
  function store(kind, key, value) {
    try {
      var s = kind === 'l' ? localStorage : sessionStorage;
      if (value === undefined) return s.getItem(key);
      if (value === null) s.removeItem(key); else s.setItem(key, value);
    } catch (e) { /* storage unavailable */ }
    return null;
  }
  function randomId() {
    if (window.crypto && crypto.randomUUID) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    return Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join('');
  }

  var KEY_CONV = 'csc_conversation:' + domain;
  var KEY_SID = 'csc_session:' + domain;
  var KEY_OPEN = 'csc_open:' + domain;
  var KEY_HANDOFF = 'csc_handoff:' + domain;
  var KEY_LIVE = 'csc_live:' + domain;
  // The plugin's session id ties the chat to the cart it reports.
  var sessionId = cfg.sessionId || store('s', KEY_SID) || randomId();
  store('s', KEY_SID, sessionId);
  var conversationId = store('l', KEY_CONV);

  var context = {};
  function readContext(src) {
    ['userData', 'cartData', 'identityToken'].forEach(function (f) {
      if (src[f] !== undefined) context[f] = src[f];
    });
    var page = src.page || src.pageContext;
    if (page) context.page = page;
  }
  readContext(cfg);
  if (!context.page) context.page = { type: 'other', url: location.href };

  // DOM. Everything lives in a shadow root: the store's CSS cannot reach in, ours cannot leak out.
  var host = document.createElement('csc-chat-widget');
  host.id = 'csc-chat-widget';
  var root = host.attachShadow({ mode: 'open' });
  var CSS = [
    // :host !important beats the page's !important: a store rule for every
    // element cannot move, hide or restyle the widget's host.
    ':host{all:initial!important;display:block!important;position:fixed!important;z-index:2147483000!important;bottom:20px!important;right:20px!important;left:auto!important;top:auto!important}',
    ':host(.left){right:auto!important;left:20px!important}',
    '.launcher,.panel{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1a1a1a;letter-spacing:normal;word-spacing:normal;text-transform:none;text-align:left;text-indent:0;visibility:visible}',
    '*{box-sizing:border-box}',
    '[hidden]{display:none!important}',
    'button,input,textarea{font:inherit;color:inherit}',
    ':focus-visible{outline:3px solid #1d4ed8;outline-offset:2px}',
    '.sr{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}',
    '.launcher{position:relative;width:60px;height:60px;border-radius:50%;border:0;background:var(--a,#1d4ed8);color:var(--on,#fff);cursor:pointer;box-shadow:0 4px 14px rgba(0,0,0,.25);display:flex;align-items:center;justify-content:center;transition:transform .15s}',
    '.launcher:hover{transform:scale(1.05)}',
    '.launcher:focus-visible{outline-color:#1a1a1a;outline-offset:3px}',
    '.launcher svg{width:28px;height:28px;fill:currentColor}',
    '.badge{position:absolute;top:-4px;right:-4px;min-width:22px;height:22px;padding:0 6px;border-radius:11px;background:#b91c1c;color:#fff;font-size:13px;font-weight:700;line-height:22px;text-align:center}',
    '.panel{position:absolute;bottom:76px;right:0;width:var(--w,380px);height:var(--h,600px);max-width:calc(100vw - 40px);max-height:calc(100vh - 110px);background:#fff;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.28);display:flex;flex-direction:column;overflow:hidden;animation:pop .18s ease-out}',
    ':host(.left) .panel{right:auto;left:0}',
    '@keyframes pop{from{opacity:0;transform:translateY(12px)}to{opacity:1;transform:none}}',
    '.head{background:var(--a,#1d4ed8);color:var(--on,#fff);padding:12px 12px 12px 16px;display:flex;align-items:center;gap:8px}',
    '.head h2{margin:0;font-size:16px;font-weight:700}',
    '.head p{margin:0;font-size:13px}',
    '.head div{flex:1 1 50%;min-width:0}',
    '.head button{border:1px solid currentColor;background:transparent;color:inherit;border-radius:8px;padding:6px 10px;cursor:pointer;font-size:13px}',
    '.head button:focus-visible{outline-color:currentColor}',
    '.head img{width:36px;height:36px;border-radius:50%;object-fit:cover;flex:none}',
    '.head .x{border:0;width:36px;height:36px;padding:0;font-size:22px;line-height:1}',
    '.body{flex:1;overflow-y:auto;padding:14px;background:#fafafa;overscroll-behavior:contain}',
    '.log{display:flex;flex-direction:column;gap:10px}',
    '.msg{max-width:85%;padding:9px 12px;border-radius:14px;white-space:pre-wrap;overflow-wrap:anywhere}',
    '.msg.assistant{align-self:flex-start;background:#eceff3;border-bottom-left-radius:4px}',
    '.msg.user{align-self:flex-end;background:var(--a,#1d4ed8);color:var(--on,#fff);border-bottom-right-radius:4px}',
    '.msg.op{align-self:flex-start;background:#ecfdf5;border:1px solid #047857;border-bottom-left-radius:4px}',
    '.msg b{display:block;font-size:13px;color:#065f46}',
    '.msg.sys{align-self:center;font-size:13px;color:#374151;padding:2px 8px}',
    '.msg.notice{align-self:stretch;max-width:none;background:#fff4e5;border:1px solid #b45309;color:#1a1a1a}',
    '.msg a{color:#1e40af;text-decoration:underline}',
    '.msg.user a{color:inherit}',
    '.draft{margin-top:10px}',
    '.src{margin:6px 0 0;padding:0;list-style:none;font-size:13px;white-space:normal}',
    '.src li{margin-top:2px}',
    '.typing{display:inline-flex;gap:4px;padding:12px 14px;margin-top:10px;background:#eceff3;border-radius:14px}',
    '.typing i{width:7px;height:7px;border-radius:50%;background:#4b5563;animation:blink 1.2s infinite}',
    '.typing i:nth-child(2){animation-delay:.2s}.typing i:nth-child(3){animation-delay:.4s}',
    '@keyframes blink{0%,80%,100%{opacity:.25}40%{opacity:1}}',
    '.actions{padding:0 14px;background:#fafafa}',
    '.actions form,.actions .pair{display:flex;flex-wrap:wrap;gap:8px;padding:8px 0}',
    '.actions label{flex-basis:100%;font-size:13px;color:#374151}',
    '.actions input{flex:1;min-width:0;border:1px solid #6b7280;border-radius:8px;padding:8px 10px;background:#fff}',
    '.btn{border:0;border-radius:8px;padding:8px 14px;background:var(--a,#1d4ed8);color:var(--on,#fff);cursor:pointer;font-weight:600}',
    '.btn.alt{background:#fff;color:#1a1a1a;border:1px solid var(--a,#1d4ed8)}',
    '.btn:disabled{opacity:.6;cursor:default}',
    '.msg .btn{margin-top:8px;display:block}',
    '.msg.wide{max-width:100%;width:100%}',
    '.cards{list-style:none;margin:8px 0 0;padding:0;display:grid;gap:8px;white-space:normal}',
    '.card{display:flex;gap:10px;background:#fff;border:1px solid #d1d5db;border-radius:10px;padding:10px;color:#1a1a1a}',
    '.card>div{flex:1;min-width:0}',
    '.card img{flex:none;width:64px;height:64px;object-fit:cover;border-radius:6px;background:#f3f4f6}',
    '.card h3{margin:0 0 2px;font-size:15px}',
    '.card p,.card ul{margin:2px 0;font-size:14px}',
    '.card ul{padding-left:18px}',
    '.card del{color:#4b5563}',
    '.card ins{text-decoration:none;font-weight:700}',
    '.card .out{color:#b91c1c}',
    '.card label{display:block;font-size:13px;margin-top:4px}',
    '.card select{max-width:100%;border:1px solid #6b7280;border-radius:6px;padding:4px;background:#fff}',
    '.card .btn{display:inline-block;margin-top:6px}',
    '.msg a.btn{color:var(--on,#fff);text-decoration:none}',
    '.card .err{color:#b91c1c}',
    '.foot{display:flex;gap:8px;padding:10px;border-top:1px solid #d1d5db;background:#fff}',
    '.foot textarea{flex:1;resize:none;border:1px solid #6b7280;border-radius:10px;padding:9px 11px;height:42px;max-height:120px;overflow-y:auto;background:#fff}',
    '.foot{align-items:flex-end}',
    '.foot .btn{min-width:64px}',
    '@media (max-width:479.98px){:host(.open){top:var(--vt,0)!important;left:0!important;right:0!important;bottom:auto!important;height:var(--vh,100%)!important}',
    ':host(.open) .launcher{display:none}',
    ':host(.open) .panel{position:fixed;top:var(--vt,0);left:0;right:0;bottom:auto;width:100%;height:var(--vh,100%);max-width:none;max-height:none;border-radius:0}}',
    '@media (prefers-reduced-motion:reduce){*{animation:none!important;transition:none!important}.typing i{opacity:.7}}'
  ].join('\n');
  // Constructable stylesheets need no 'unsafe-inline'; older browsers get a <style> with the page's nonce.
  if (root.adoptedStyleSheets !== undefined && window.CSSStyleSheet && 'replaceSync' in CSSStyleSheet.prototype) {
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(CSS);
    root.adoptedStyleSheets = [sheet];
  } else {
    var st = document.createElement('style');
    var nonce = cfg.nonce || (script && script.nonce);
    if (nonce) st.nonce = nonce;
    st.textContent = CSS;
    root.appendChild(st);
  }

  function el(tag, props, kids) {
    var e = document.createElement(tag);
    if (props) for (var p in props) {
      if (p === 'class') e.className = props[p];
      else if (p === 'text') e.textContent = props[p];
      else if (p.indexOf('on') === 0) e.addEventListener(p.slice(2), props[p]);
      else if (props[p] !== false && props[p] != null) e.setAttribute(p, props[p] === true ? '' : props[p]);
    }
    (kids || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }
  function icon(d) {
    var s = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    s.setAttribute('viewBox', '0 0 24 24');
    s.setAttribute('aria-hidden', 'true');
    s.setAttribute('focusable', 'false');
    var path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    path.setAttribute('d', d);
    s.appendChild(path);
    return s;
  }

  if (appearance.position === 'bottom-left') host.classList.add('left');
  function px(v) { return typeof v === 'number' ? v + 'px' : /^\d+$/.test(String(v)) ? v + 'px' : String(v); }
  // CSSOM (style.setProperty) is allowed under CSP; a style attribute would not be.
  if (appearance.width) host.style.setProperty('--w', px(appearance.width));
  if (appearance.height) host.style.setProperty('--h', px(appearance.height));
  // The accent colour, and black or white text on it, whichever contrasts more (always at least 4.58:1, WCAG AA).
  var accent = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(brand.accentColor || '') ? brand.accentColor : null;
  if (accent) {
    if (accent.length === 4) accent = '#' + accent[1] + accent[1] + accent[2] + accent[2] + accent[3] + accent[3];
    var lum = [1, 3, 5].map(function (i) {
      var v = parseInt(accent.substr(i, 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    });
    var Y = 0.2126 * lum[0] + 0.7152 * lum[1] + 0.0722 * lum[2];
    host.style.setProperty('--a', accent);
    host.style.setProperty('--on', 1.05 / (Y + 0.05) >= (Y + 0.05) / 0.05 ? '#fff' : '#000');
  }

  var badge = el('span', { class: 'badge', hidden: true, 'aria-hidden': 'true' });
  var launcher = el('button', {
    class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': 'csc-panel', 'aria-label': T.launcher,
    onclick: function () { if (isOpen) close(); else open(); }
  }, [icon('M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H8l-4 4V6a2 2 0 0 1 2-2zm3 6v2h2v-2zm4 0v2h2v-2zm4 0v2h2v-2z'), badge]);

  var humanBtn = el('button', { type: 'button', text: T.human, onclick: function () { send(T.humanMessage); } });
  var closeBtn = el('button', { class: 'x', type: 'button', 'aria-label': T.close, text: '×', onclick: function () { close(); } });
  var logEl = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-relevant': 'additions', 'aria-label': T.log });
  // Streamed text is drawn outside the log, hidden from screen readers; the finished message joins the log once,
  // so it is announced once.
  var draft = el('div', { class: 'msg assistant draft', 'aria-hidden': 'true', hidden: true });
  var typing = el('div', { class: 'typing', role: 'status', hidden: true }, [el('i'), el('i'), el('i'), el('span', { class: 'sr', text: T.typing })]);
  // focusable, so the keyboard can scroll a long conversation without links in it
  var body = el('div', { class: 'body', tabindex: '0' }, [logEl, draft, el('div', null, [typing])]);
  var actions = el('div', { class: 'actions' });
  var input = el('textarea', {
    id: 'csc-input', rows: '1', maxlength: '2000', placeholder: T.placeholder, 'aria-label': T.inputLabel,
    onkeydown: function (e) {
      if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); submitInput(); }
    }
  });
  // The input grows with its text (CSSOM is allowed under a strict style-src).
  function grow() {
    input.style.setProperty('height', 'auto');
    input.style.setProperty('height', Math.min(input.scrollHeight + 2, 120) + 'px');
  }
  input.addEventListener('input', grow);
  var sendBtn = el('button', { class: 'btn', type: 'submit', text: T.send });
  var form = el('form', { class: 'foot', onsubmit: function (e) { e.preventDefault(); submitInput(); } }, [input, sendBtn]);
  var subEl = el('p', { id: 'csc-sub', text: T.subtitle });
  var titleEl = el('h2', { id: 'csc-title', text: T.title });
  var panel = el('div', {
    id: 'csc-panel', class: 'panel', role: 'dialog', 'aria-modal': 'false', 'aria-labelledby': 'csc-title',
    'aria-describedby': 'csc-sub', hidden: true
  }, [
    el('div', { class: 'head' }, [
      safeUrl(brand.avatarUrl) ? el('img', { src: brand.avatarUrl, alt: '', width: '36', height: '36' }) : null,
      el('div', null, [titleEl, subEl]),
      humanBtn, closeBtn
    ]),
    body, actions, form
  ]);
  panel.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { e.stopPropagation(); close(); }
  });
  root.appendChild(panel);
  root.appendChild(launcher);

  // Rendering.
  var URL_RE = /\[([^\]\n]{1,200})\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s<>"')\]]+[^\s<>"')\].,;:!?])/g;
  function link(href, label) {
    var a = el('a', { href: href, target: '_blank', rel: 'noopener noreferrer' });
    a.textContent = label;
    a.appendChild(el('span', { class: 'sr', text: ' ' + T.newTab }));
    return a;
  }
  // Text only through text nodes: nothing the server (or a product description) says can become markup.
  function richText(parent, text) {
    var last = 0, m;
    text = String(text == null ? '' : text);
    URL_RE.lastIndex = 0;
    while ((m = URL_RE.exec(text))) {
      if (m.index > last) parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      parent.appendChild(m[2] ? link(m[2], m[1]) : link(m[3], m[3]));
      last = URL_RE.lastIndex;
    }
    if (last < text.length) parent.appendChild(document.createTextNode(text.slice(last)));
  }
  function answer(resp, fallback) {
    var cards = cardsList(resp.cards);
    var extra = el('div', null, [cards, sourcesList(resp.sources)]);
    var m = bubble('assistant', resp.message || fallback || T.failed, extra);
    if (cards) m.classList.add('wide');
    return m;
  }
  function bubble(role, text, extra, name) {
    var who = role === 'user' ? T.you : role === 'assistant' ? T.assistant : '';
    var m = el('div', { class: 'msg ' + role });
    if (who) m.appendChild(el('span', { class: 'sr', text: who + ': ' }));
    // a person's messages carry their name, seen and heard
    if (name) m.appendChild(el('b', null, [document.createTextNode(name), el('span', { class: 'sr', text: ': ' })]));
    richText(m, text);
    if (extra) m.appendChild(extra);
    logEl.appendChild(m);
    scrollDown();
    return m;
  }
  function sourcesList(sources) {
    var ok = (sources || []).filter(function (s) { return s && /^https?:\/\//.test(s.url || ''); });
    if (!ok.length) return null;
    var ul = el('ul', { class: 'src', 'aria-label': T.sources });
    ok.forEach(function (s) { ul.appendChild(el('li', null, [link(s.url, s.title || s.url)])); });
    return el('div', null, [el('span', { text: T.sources + ':' }), ul]);
  }
  function safeUrl(u) { return /^https?:\/\//i.test(String(u || '')) ? String(u) : null; }
  // WooCommerce's error texts carry HTML entities (&quot;); decoded here without ever parsing markup.
  function unentity(t) {
    return String(t || '').replace(/&(#x?[0-9a-f]+|quot|amp|lt|gt|apos|#039);/gi, function (m, e) {
      var map = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" };
      if (e[0] !== '#') return map[e.toLowerCase()];
      var n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    });
  }
  var cardSeq = 0;
  // A reply's cards: a list of articles named by their headings.
  function cardsList(cards) {
    var ok = (Array.isArray(cards) ? cards : []).filter(function (c) { return c && CARD[c.type]; });
    if (!ok.length) return null;
    var ul = el('ul', { class: 'cards', 'aria-label': T.cards });
    ok.forEach(function (c) {
      var id = 'csc-card-' + ++cardSeq;
      var parts = CARD[c.type](c, id);
      var img = c.image && safeUrl(c.image.src)
        ? el('img', { src: c.image.src, alt: c.image.alt || '', width: '64', height: '64', loading: 'lazy', decoding: 'async' }) : null;
      ul.appendChild(el('li', null, [el('article', { class: 'card', 'aria-labelledby': id }, [img, el('div', null, parts)])]));
    });
    return ul;
  }
  function heading(id, text, url) {
    var u = safeUrl(url);
    return el('h3', { id: id }, [u ? link(u, text) : document.createTextNode(text)]);
  }
  function day(iso) {
    var d = iso ? new Date(iso) : null;
    if (!d || isNaN(d)) return '';
    try { return d.toLocaleDateString(lang); } catch (e) { return d.toLocaleDateString(); }
  }
  function itemList(items) {
    var ul = el('ul');
    (items || []).forEach(function (i) {
      ul.appendChild(el('li', { text: (i.quantity || 1) + ' × ' + i.name + (i.total ? ' (' + i.total + ')' : '') }));
    });
    return ul;
  }
  function priceLine(price) {
    if (!price || !price.formatted) return null;
    if (price.onSale && price.regular) {
      return el('p', null, [el('del', null, [el('span', { class: 'sr', text: T.regularPrice + ' ' }), document.createTextNode(price.regular)]),
        document.createTextNode(' '), el('ins', null, [el('span', { class: 'sr', text: T.salePrice + ' ' }), document.createTextNode(price.formatted)])]);
    }
    return el('p', { text: price.formatted });
  }
  function stockLine(stock) {
    return stock && stock.text ? el('p', { class: stock.status === 'outofstock' ? 'out' : null, text: stock.text }) : null;
  }
  var CARD = {
    product: function (c, id) {
      var parts = [heading(id, c.name || '', c.url), priceLine(c.price), stockLine(c.stock)];
      var buy = c.addToCart;
      if (!buy) return parts;
      var api = storeApi();
      if (!api) {
        var u = safeUrl(c.url);
        if (u) parts.push(el('a', { class: 'btn', href: u, text: T.viewProduct }));
        return parts;
      }
      var select = null;
      var vars = (c.variations || []).filter(function (v) { return v && (!v.stock || v.stock.status !== 'outofstock'); });
      if (buy.needsVariation) {
        if (!vars.length) return parts;
        select = el('select', { id: id + '-v' }, [el('option', { value: '', text: T.choose })]);
        vars.forEach(function (v, i) {
          var names = Object.keys(v.attributes || {}).map(function (a) { return v.attributes[a]; }).join(' / ');
          select.appendChild(el('option', { value: String(i), text: names + (v.price && v.price.formatted ? ' – ' + v.price.formatted : '') }));
        });
        parts.push(el('label', { for: id + '-v', text: T.options }), select);
      }
      var note = el('p', { 'aria-live': 'polite' });
      var btn = el('button', { class: 'btn', type: 'button', text: T.addToCart });
      btn.addEventListener('click', function () {
        var v = select ? vars[select.value] : null;
        if (select && !v) { note.className = 'err'; note.textContent = T.chooseFirst; select.focus(); return; }
        addToCart(buy.productId || c.id, v, c.name, btn, note);
      });
      parts.push(btn, note);
      return parts;
    },
    order: function (c, id) {
      var t = c.tracking || {};
      var track = safeUrl(t.url);
      return [heading(id, T.order.replace('{n}', c.number || '')),
        el('p', { text: [day(c.date), c.statusText || c.status].filter(Boolean).join(' · ') }),
        itemList(c.items), c.total ? el('p', { text: T.orderTotal + ' ' + c.total }) : null,
        track ? el('p', null, [link(track, T.tracking + (t.carrier ? ' (' + t.carrier + ')' : ''))])
          : t.number ? el('p', { text: [t.carrier, t.number].filter(Boolean).join(' ') }) : null];
    },
    cart: function (c, id) {
      var u = safeUrl(c.url);
      return [heading(id, T.cart), itemList(c.items), c.total ? el('p', { text: T.orderTotal + ' ' + c.total }) : null,
        u ? el('a', { class: 'btn', href: u, text: T.viewCart }) : null];
    }
  };

  // WooCommerce's Store API, only on the store's own origin, so the shopper's session cookies ride along.
  function storeApi() {
    var a = cfg.storeApi;
    if (!a || !a.root || !a.nonce) return null;
    try {
      var u = new URL(a.root, location.href);
      return u.origin === location.origin ? u.href.replace(/\/?$/, '/') : null;
    } catch (e) { return null; }
  }
  function addToCart(productId, variation, name, btn, note) {
    var payload = { id: productId, quantity: 1 };
    if (variation) {
      payload.variation = Object.keys(variation.attributes || {}).map(function (a) {
        return { attribute: a, value: variation.attributes[a] };
      });
    }
    btn.disabled = true;
    btn.textContent = T.adding;
    note.className = '';
    note.textContent = '';
    fetch(storeApi() + 'cart/add-item', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json', Nonce: cfg.storeApi.nonce },
      body: JSON.stringify(payload)
    }).then(function (res) {
      // Every Store API answer carries a fresh nonce (and the cart's token); later writes use it.
      var n = res.headers.get('Nonce');
      if (n) cfg.storeApi.nonce = n;
      return res.json().catch(function () { return {}; }).then(function (j) {
        if (!res.ok) throw new Error(unentity(j && j.message) || T.addFailed);
        return j;
      });
    }).then(function (cart) {
      note.textContent = T.added.replace('{name}', name || '');
      refreshMiniCart();
    }).catch(function (e) {
      note.className = 'err';
      note.textContent = e && e.message && !(e instanceof TypeError) ? e.message : T.addFailed;
    }).then(function () {
      btn.disabled = false;
      btn.textContent = T.addToCart;
    });
  }
  // The theme's mini-cart, as WooCommerce's own scripts tell it (widget/README.md "Mini-cart"): the blocks' cart data
  // store refetches on wc-blocks_added_to_cart (body, preserveCartData false), the Interactivity API cart store on
  // wc-blocks_store_sync_required (window, from_@wordpress/data), classic cart fragments on jQuery's wc_fragment_refresh.
  function refreshMiniCart() {
    var $ = window.jQuery;
    if ($ && $.fn) $(document.body).trigger('wc_fragment_refresh');
    document.body.dispatchEvent(new CustomEvent('wc-blocks_added_to_cart', { bubbles: true, cancelable: true, detail: { preserveCartData: false } }));
    window.dispatchEvent(new CustomEvent('wc-blocks_store_sync_required', { detail: { type: 'from_@wordpress/data' } }));
  }
  function notice(text, retry) {
    var btn = retry ? el('button', { class: 'btn alt', type: 'button', text: T.retry, onclick: function () { btn.remove(); retry(); } }) : null;
    return bubble('notice', text, btn);
  }
  function scrollDown() { body.scrollTop = body.scrollHeight; }
  function setTyping(on) { typing.hidden = !on; if (on) scrollDown(); }
  function setBusy(on) { busy = on; sendBtn.disabled = on; }

  // After a handoff the header says a person answers (also after a reload).
  function handedOff(on) {
    humanBtn.hidden = on;
    subEl.textContent = on ? T.handoffSubtitle : T.subtitle;
    if (on && conversationId) store('l', KEY_HANDOFF, conversationId);
  }
  // Live handoff (docs/live-handoff.md): a person joins this chat. Their messages come over Server-Sent Events
  // (GET /api/chat/live), or by polling with back-off (2 s doubling to 30 s) where the stream is blocked; both resume
  // after the last message seen. The state is kept like the conversation id, so a reload reopens the stream.
  var liveS = null, liveName = '', lastId = null, seen = {}, es = null, pollT = 0, wait = 2000, noSse = !window.EventSource;
  function liveOn() { return liveS === 'waiting' || liveS === 'claimed'; }
  // a person may still claim a conversation whose wait timed out: keep listening
  function listening() { return liveOn() || liveS === 'timed_out'; }
  function live(l) {
    var s = l.state, was = liveS, wasOn = liveOn();
    if (!s) return;
    liveS = s;
    if (l.operator) liveName = String(l.operator);
    var on = liveOn();
    // the header changes while a person is asked or answers, and once back (an email handoff keeps its status)
    if (on || wasOn) {
      titleEl.textContent = s === 'claimed' ? T.liveWith.replace('{name}', liveName) : T.title;
      subEl.textContent = s === 'waiting' ? T.liveWaiting : on ? T.handoffSubtitle : T.subtitle;
      humanBtn.hidden = on;
      if (!on) store('l', KEY_HANDOFF, null);
    }
    liveSave();
    // a change of state is said once in the log (announced); what comes after a person (back, nobody came in time,
    // the email offer) is the assistant's own message
    if (s !== was && on) bubble('sys', s === 'waiting' ? T.liveWaiting : T.liveJoined.replace('{name}', liveName));
    if (listening()) liveGo(); else liveStop();
  }
  function liveSave() { store('l', KEY_LIVE, listening() ? JSON.stringify([conversationId, liveS, liveName, lastId]) : null); }
  function liveMsg(m) {
    if (!m || m.id == null || seen[m.id]) return;
    seen[m.id] = 1;
    lastId = m.id;
    liveSave();
    // the shopper's own words are on screen already
    if (m.role === 'operator') bubble('op', m.text, null, m.operator || liveName);
    else if (m.role === 'assistant') answer({ message: m.text });
    else return;
    if (!isOpen) setBadge(1);
  }
  function liveQ() {
    return '?domain=' + encodeURIComponent(domain) + '&session_id=' + encodeURIComponent(sessionId)
      + '&conversation_id=' + encodeURIComponent(conversationId) + (lastId != null ? '&after=' + encodeURIComponent(lastId) : '');
  }
  function liveStop() {
    if (es) es.close();
    clearTimeout(pollT);
    es = null;
    pollT = 0;
  }
  function liveGo() {
    if (es || pollT || !listening() || !conversationId) return;
    if (noSse) {
      pollT = setTimeout(poll, wait);
      return;
    }
    var ok = 0;
    es = new EventSource(server + '/api/chat/live' + liveQ());
    es.onopen = function () { ok = 1; wait = 2000; };
    es.addEventListener('state', function (e) { live(JSON.parse(e.data)); });
    es.addEventListener('message', function (e) { liveMsg(JSON.parse(e.data)); });
    es.onerror = function () {
      liveStop();
      // a stream that never opened is blocked on the way: poll from now on; one that worked is reopened after the
      // last message seen
      if (!ok) noSse = true;
      if (noSse) liveGo(); else pollT = setTimeout(function () { pollT = 0; liveGo(); }, wait);
    };
  }
  function poll() {
    fetch(server + '/api/chat/live/messages' + liveQ(), { credentials: 'omit', headers: { Accept: 'application/json' } })
      .then(check)
      .then(function (r) { return r.json(); })
      .then(function (j) {
        var n = (j.messages || []).length;
        (j.messages || []).forEach(liveMsg);
        wait = n ? 2000 : Math.min(wait * 2, 30000);
        pollT = 0;
        live(j);
      }, function (err) {
        log('live poll failed', err);
        wait = Math.min(wait * 2, 30000);
        pollT = 0;
        liveGo();
      });
  }

  // ui hints from the answer: one inline control at a time under the conversation.
  function renderUi(ui) {
    actions.textContent = '';
    if (!ui) return;
    var focusTarget = null;
    if (ui.input === 'email' || ui.input === 'code') {
      var isCode = ui.input === 'code';
      var id = 'csc-ui-' + ui.input;
      var field = el('input', isCode
        ? { id: id, type: 'text', inputmode: 'numeric', autocomplete: 'one-time-code', pattern: '[0-9]{6}', maxlength: '6', required: true }
        : { id: id, type: 'email', autocomplete: 'email', required: true });
      var f = el('form', {
        onsubmit: function (e) {
          e.preventDefault();
          var v = field.value.trim();
          if (!v) return;
          actions.textContent = '';
          send(v);
          input.focus();
        }
      }, [el('label', { for: id, text: isCode ? T.codeLabel : T.emailLabel }), field,
        el('button', { class: 'btn', type: 'submit', text: isCode ? T.codeSend : T.emailSend })]);
      actions.appendChild(f);
      focusTarget = field;
    } else if (ui.confirm && ui.confirm.id) {
      var c = ui.confirm;
      var yes = el('button', { class: 'btn', type: 'button', text: c.label || T.yes, onclick: function () { actions.textContent = ''; send(T.yes, c.id); input.focus(); } });
      var no = el('button', { class: 'btn alt', type: 'button', text: c.decline || T.confirmNo, onclick: function () { actions.textContent = ''; send(T.no); input.focus(); } });
      actions.appendChild(el('div', { class: 'pair', role: 'group', 'aria-label': c.label || T.yes }, [yes, no]));
    } else if (ui.handoff) {
      handedOff(true);
    }
    // Focus follows the shopper's own action (they just sent a message), never steals it from the page.
    if (focusTarget && root.activeElement === input) focusTarget.focus();
    scrollDown();
  }

  // Network.
  function requestBody(extra) {
    var b = { domain: domain, session_id: sessionId, context: context };
    if (conversationId) b.conversation_id = conversationId;
    for (var f in extra) b[f] = extra[f];
    return JSON.stringify(b);
  }
  function post(path, payload, accept) {
    // ?domain= lets the CORS preflight be checked against this store's allowed origins.
    return fetch(server + path + '?domain=' + encodeURIComponent(domain), {
      method: 'POST', mode: 'cors', credentials: 'omit',
      headers: { 'Content-Type': 'application/json', Accept: accept || 'application/json' },
      body: payload
    });
  }
  function HttpError(status, retryAfter, code) { this.status = status; this.retryAfter = retryAfter; this.code = code; }
  function check(res) {
    if (res.ok) return res;
    return res.json().catch(function () { return {}; }).then(function (j) {
      throw new HttpError(res.status, res.headers.get('Retry-After'), j && j.code);
    });
  }
  function waitText(sec) {
    sec = parseInt(sec, 10);
    if (!(sec > 0)) return T.minute;
    if (sec < 60) return T.seconds.replace('{n}', sec);
    var min = Math.ceil(sec / 60);
    return min === 1 ? T.minute : T.minutes.replace('{n}', min);
  }
  function errorText(err) {
    if (!(err instanceof HttpError)) return T.network;
    if (err.status === 429) return T.rateLimited.replace('{wait}', waitText(err.retryAfter));
    if (err.status === 413) return T.tooLong;
    if (err.status === 503 || err.status === 502) return T.unavailable;
    return T.failed;
  }
  function remember(resp) {
    if (resp && resp.conversation_id && resp.conversation_id !== conversationId) {
      conversationId = resp.conversation_id;
      store('l', KEY_CONV, conversationId);
    }
  }

  // Server-Sent Events over fetch (EventSource cannot POST).
  function readStream(res, onDelta) {
    var type = res.headers.get('Content-Type') || '';
    if (type.indexOf('text/event-stream') < 0 || !res.body || !res.body.getReader) return res.json();
    var reader = res.body.getReader();
    var decoder = new TextDecoder();
    var buf = '', final = null, failure = null;
    function handle(block) {
      var ev = 'message', data = [];
      block.split(/\r?\n/).forEach(function (line) {
        if (line.indexOf('event:') === 0) ev = line.slice(6).trim();
        else if (line.indexOf('data:') === 0) data.push(line.slice(5).replace(/^ /, ''));
      });
      if (!data.length) return;
      var raw = data.join('\n'), obj = null;
      try { obj = JSON.parse(raw); } catch (e) { obj = null; }
      if (ev === 'error') { failure = obj || { error: raw }; return; }
      if (obj && typeof obj === 'object' && (ev === 'final' || ev === 'done' || ev === 'complete' || 'conversation_id' in obj)) {
        final = obj;
      } else if (obj && typeof obj === 'object') {
        var d = obj.delta != null ? obj.delta : obj.text != null ? obj.text : obj.content;
        if (d != null) onDelta(String(d));
      } else {
        onDelta(obj != null ? String(obj) : raw);
      }
    }
    function pump() {
      return reader.read().then(function (r) {
        if (r.value) buf += decoder.decode(r.value, { stream: true });
        var parts = buf.split(/\r?\n\r?\n/);
        buf = parts.pop();
        parts.forEach(handle);
        if (!r.done) return pump();
        if (buf.trim()) handle(buf);
        if (final) return final;
        if (failure) throw new HttpError(failure.status || 500, null, failure.code);
        throw new Error('stream ended without a final event');
      });
    }
    return pump();
  }

  var busy = false, lastSent = null, started = false, startPromise = null, restored = false;
  function send(text, confirmId) {
    text = String(text || '').trim();
    if (!text || busy) return;
    if (text.length > 2000) { notice(T.tooLong); return; }
    actions.textContent = '';
    bubble('user', text);
    deliver(text, confirmId, true);
  }
  function deliver(text, confirmId, firstTry) {
    setBusy(true);
    lastSent = { text: text, confirm: confirmId };
    // while a person holds the conversation the assistant stays silent
    setTyping(liveS !== 'claimed');
    var streamed = '';
    var extra = { message: text };
    if (confirmId) extra.confirm = confirmId;
    log('send', { conversation_id: conversationId, confirm: confirmId || null });
    (startPromise || Promise.resolve())
      .catch(function () { /* the turn itself reports problems */ })
      .then(function () {
        // streaming: false for proxies that buffer event streams.
        return behavior.streaming === false ? post('/api/chat', requestBody(extra))
          : post('/api/chat/stream', requestBody(extra), 'text/event-stream');
      })
      .then(check)
      .then(function (res) {
        return readStream(res, function (d) {
          streamed += d;
          setTyping(false);
          draft.hidden = false;
          draft.textContent = streamed;
          scrollDown();
        });
      })
      .then(function (resp) {
        draft.hidden = true;
        draft.textContent = '';
        setTyping(false);
        setBusy(false);
        log('answer', resp);
        remember(resp);
        if (resp.message || streamed || !resp.live) answer(resp, streamed);
        renderUi(resp.ui);
        if (resp.live) live(resp.live);
      })
      .catch(function (err) {
        draft.hidden = true;
        setTyping(false);
        setBusy(false);
        log('error', err);
        // A conversation the server no longer knows (expired, another session): start over once, transparently.
        if (err instanceof HttpError && err.status === 404 && conversationId && firstTry) {
          conversationId = null;
          store('l', KEY_CONV, null);
          deliver(text, confirmId, false);
          return;
        }
        if (streamed) bubble('assistant', streamed);
        var rl = err instanceof HttpError && err.status === 429;
        notice(errorText(err), rl || (err instanceof HttpError && err.status === 413) ? null : function () { deliver(lastSent.text, lastSent.confirm, false); });
      });
  }
  function submitInput() {
    var v = input.value;
    if (!v.trim() || busy) return;
    input.value = '';
    grow();
    send(v);
  }

  // The greeting (or the abandoned-cart prompt) from /api/chat/start.
  function start() {
    if (startPromise) return startPromise;
    started = true;
    startPromise = post('/api/chat/start', requestBody({}))
      .then(check)
      .then(function (r) { return r.json(); })
      .then(function (resp) {
        log('start', resp);
        remember(resp);
        // Already on screen: opening the panel must not draw the history again.
        restored = true;
        var abandoned = resp.abandonedCart === true || !!(resp.ui && resp.ui.badge);
        // The store's greeting replaces only the generic one.
        var guest = !(context.userData && context.userData.isLoggedIn) && !context.identityToken;
        if (brand.greeting && guest && !abandoned && !resp.resumed) resp.message = brand.greeting;
        if (resp.message) answer(resp);
        renderUi(resp.ui);
        if (resp.live) live(resp.live);
        if (abandoned && !isOpen) {
          setBadge(1);
          if (behavior.autoOpen) open(true);
        }
        return resp;
      })
      .catch(function (err) {
        log('start failed', err);
        startPromise = null;
        started = false;
        notice(errorText(err), function () { start(); });
      });
    return startPromise;
  }

  // Restores the stored conversation; one the server no longer has starts anew.
  function restore() {
    if (restored || !conversationId) return Promise.resolve(false);
    restored = true;
    return fetch(server + '/api/chat/' + encodeURIComponent(conversationId) + '?session_id=' + encodeURIComponent(sessionId)
        + '&domain=' + encodeURIComponent(domain), { credentials: 'omit', headers: { Accept: 'application/json' } })
      .then(check)
      .then(function (r) { return r.json(); })
      .then(function (h) {
        var list = Array.isArray(h) ? h : h.messages || [];
        var l = JSON.parse(store('l', KEY_LIVE) || '[]');
        if (l[0] !== conversationId) l = [];
        liveName = l[2] || '';
        // Restored history is not news: keep the live region quiet while it is drawn.
        logEl.setAttribute('aria-live', 'off');
        list.forEach(function (m) {
          var role = m.role === 'user' || m.role === 'shopper' ? 'user' : m.role === 'operator' ? 'op' : 'assistant';
          var t = m.text != null ? m.text : m.message != null ? m.message : m.content;
          if (m.id != null && m.role === 'operator') seen[m.id] = 1;
          if (role === 'assistant') answer({ message: t, sources: m.sources, cards: m.cards }); else bubble(role, t, null, m.operator || role === 'op' && liveName);
        });
        setTimeout(function () { logEl.setAttribute('aria-live', 'polite'); }, 0);
        log('restored', list.length);
        if (store('l', KEY_HANDOFF) === conversationId) handedOff(true);
        if (l[1]) {
          lastId = l[3];
          liveS = l[1]; // no news: said before the reload
          live({ state: l[1], operator: l[2] });
        }
        if (!list.length) return false;
        started = true;
        return true;
      })
      .catch(function (err) {
        log('restore failed', err);
        if (err instanceof HttpError && (err.status === 404 || err.status === 403)) {
          conversationId = null;
          store('l', KEY_CONV, null);
          return false;
        }
        notice(errorText(err));
        return true;
      });
  }

  // Open / close.
  var isOpen = false;
  function setBadge(n) {
    badge.hidden = !n;
    badge.textContent = n ? String(n) : '';
    launcher.setAttribute('aria-label', n ? T.launcher + ', ' + n + ' ' + T.unread : T.launcher);
  }
  function open(automatic) {
    if (isOpen) return;
    isOpen = true;
    panel.hidden = false;
    host.classList.add('open');
    launcher.setAttribute('aria-expanded', 'true');
    setBadge(0);
    store('s', KEY_OPEN, '1');
    fitViewport();
    (restored || !conversationId ? Promise.resolve(false) : restore()).then(function (had) {
      if (!had && !started) start();
    });
    // Focus moves into the panel only when the shopper opened it; an automatic open never steals focus.
    if (automatic !== true) input.focus();
    scrollDown();
  }
  function close() {
    if (!isOpen) return;
    isOpen = false;
    panel.hidden = true;
    host.classList.remove('open');
    launcher.setAttribute('aria-expanded', 'false');
    setBadge(0);
    store('s', KEY_OPEN, null);
    var inPanel = root.activeElement && root.activeElement !== launcher;
    if (inPanel || document.activeElement === host || document.activeElement === document.body) launcher.focus();
  }

  // Phones: the panel fills the visual viewport, which shrinks above the on-screen keyboard.
  var vv = window.visualViewport;
  function fitViewport() {
    if (!vv) return;
    host.style.setProperty('--vh', vv.height + 'px');
    host.style.setProperty('--vt', vv.offsetTop + 'px');
    if (isOpen && root.activeElement === input) scrollDown();
  }
  if (vv) { vv.addEventListener('resize', fitViewport); vv.addEventListener('scroll', fitViewport); }

  window.ChatWidget = {
    version: VERSION,
    open: function () { open(); },
    close: close,
    // No argument re-reads ChatWidgetConfig; a partial merges.
    updateContext: function (partial) {
      readContext(partial || window.ChatWidgetConfig || {});
      log('context', context);
    }
  };

  function mount() {
    document.body.appendChild(host);
    log('ready', { server: server, domain: domain });
    var cart = context.cartData || {};
    if (store('s', KEY_OPEN)) open(true);
    else if (!conversationId && (cart.hasItems || cart.itemCount > 0)) start(); // may show the abandoned-cart badge
    else if (behavior.autoOpen === true && !store('s', 'csc_auto:' + domain)) {
      store('s', 'csc_auto:' + domain, '1');
      open(true);
    }
  }
  if (document.body) mount(); else document.addEventListener('DOMContentLoaded', mount);
})();
