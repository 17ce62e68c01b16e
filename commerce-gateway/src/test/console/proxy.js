'use strict';
// A tiny reverse proxy for local runs of the console tests: routes by deploy/routes.txt (longest prefix, whole path
// segments; "exact" for exact paths), as the ingress does. Usage: node proxy.js <port>; service ports from env
// PORT_CHAT_SERVICE, PORT_COMMERCE_GATEWAY, PORT_CART_SERVICE; several ports, comma-separated, are taken in turn.
const http = require('http');
const fs = require('fs');
const path = require('path');

const port = Number(process.argv[2] || 9700);
const ports = { 'chat-service': process.env.PORT_CHAT_SERVICE, 'commerce-gateway': process.env.PORT_COMMERCE_GATEWAY,
  'cart-service': process.env.PORT_CART_SERVICE };
let turn = 0;
function portOf(service) {
  const list = String(ports[service]).split(',');
  return list[turn++ % list.length];
}
const routes = fs.readFileSync(path.join(__dirname, '../../../../deploy/routes.txt'), 'utf8').split('\n')
  .map((l) => l.trim()).filter((l) => l && !l.startsWith('#')).map((l) => l.split(/\s+/))
  .map(([p, match, service]) => ({ p, match, service })).sort((a, b) => b.p.length - a.p.length);

function route(url) {
  const p = url.split('?')[0];
  return routes.find((r) => r.match === 'exact' ? p === r.p : p === r.p || p.startsWith(r.p.endsWith('/') ? r.p : r.p + '/'));
}

http.createServer((req, res) => {
  const r = route(req.url);
  if (!r || !ports[r.service]) { res.writeHead(404, { 'Content-Type': 'application/json' }); res.end('{"success":false,"error":"Not found","code":"not_found"}'); return; }
  const headers = Object.assign({}, req.headers, { 'x-forwarded-for': req.socket.remoteAddress, 'x-forwarded-host': req.headers.host, 'x-forwarded-proto': 'http' });
  const up = http.request({ host: '127.0.0.1', port: portOf(r.service), method: req.method, path: req.url, headers }, (u) => {
    res.writeHead(u.statusCode, u.headers);
    u.pipe(res);
  });
  up.on('error', () => { if (!res.headersSent) { res.writeHead(502, { 'Content-Type': 'application/json' }); } res.end('{"success":false,"error":"Upstream unavailable","code":"bad_gateway"}'); });
  req.pipe(up);
}).listen(port, '127.0.0.1', () => console.log(`proxy on ${port}`));
