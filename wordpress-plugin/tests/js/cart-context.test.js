// Runs assets/js/cart-context.js in a fake browser (node's vm): classic jQuery events read the Store API cart,
// block store changes are pushed directly; both reach ChatWidget.updateContext({cartData}). Node's own assert only.
'use strict';
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const source = fs.readFileSync(path.join(__dirname, '../../customer-service-chat/assets/js/cart-context.js'), 'utf8');
const storeApiCart = {
  items: [{ key: 'k1', id: 31, type: 'variation', parent: 30, name: 'Hoodie </script>', quantity: 2,
    prices: { price: '4500', currency_minor_unit: 2 } }],
  items_count: 2,
  coupons: [{ code: 'back-1' }],
  totals: { total_price: '9000', currency_code: 'EUR', currency_minor_unit: 2 }
};

function browser(withBlocks) {
  const handlers = {};
  const updates = [];
  const listeners = [];
  let blockCart = { items: [], itemsCount: 0, coupons: [] };
  let blockTotals = { total_price: '0', currency_code: 'EUR', currency_minor_unit: 2 };
  const window = {
    cscCartContext: { cartUrl: 'https://shop.example.test/wp-json/wc/store/v1/cart' },
    ChatWidget: { updateContext: (partial) => updates.push(partial) },
    setTimeout: (fn) => fn(),
    clearTimeout: () => {},
    addEventListener: () => {},
    fetch: (url, opts) => {
      assert.strictEqual(url, 'https://shop.example.test/wp-json/wc/store/v1/cart');
      assert.strictEqual(opts.credentials, 'same-origin');
      return Promise.resolve({ ok: true, json: () => Promise.resolve(storeApiCart) });
    },
    jQuery: () => ({ on: (events, fn) => events.split(' ').forEach((e) => { handlers[e] = fn; }) })
  };
  if (withBlocks) {
    window.wp = { data: {
      select: (name) => (name === 'wc/store/cart'
        ? { getCartData: () => blockCart, getCartTotals: () => blockTotals } : null),
      subscribe: (fn) => listeners.push(fn)
    } };
  }
  const context = { window, document: { body: {} }, Promise, JSON, Math, parseInt, String };
  vm.runInNewContext(source, context);
  return {
    window, handlers, updates,
    setBlockCart: (cart, totals) => { blockCart = cart; blockTotals = totals; listeners.forEach((l) => l()); },
    tick: () => listeners.forEach((l) => l())
  };
}

(async () => {
  // Classic: added_to_cart reads the Store API cart.
  const classic = browser(false);
  for (const e of ['added_to_cart', 'removed_from_cart', 'updated_cart_totals']) {
    assert.strictEqual(typeof classic.handlers[e], 'function', e + ' is listened to');
  }
  classic.handlers.added_to_cart();
  await new Promise((r) => setImmediate(r));
  assert.strictEqual(classic.updates.length, 1);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(classic.updates[0])), { cartData: {
    hasItems: true, itemCount: 2, total: '90.00', cartTotal: '90.00', currency: 'EUR',
    items: [{ productId: 30, variationId: 31, name: 'Hoodie </script>', quantity: 2, price: '45.00' }],
    appliedCoupons: ['back-1'] } });
  assert.strictEqual(classic.window.ChatWidgetConfig.cartData.total, '90.00');

  // Blocks: the first state is the page's own; a change is pushed, an unchanged notification is not.
  const blocks = browser(true);
  blocks.tick();
  assert.strictEqual(blocks.updates.length, 0);
  blocks.setBlockCart({ items: [{ key: 'a', id: 12, type: 'simple', name: 'Cap', quantity: 1,
    prices: { price: '1000', currency_minor_unit: 2 } }], itemsCount: 1, coupons: [] },
  { total_price: '1000', currency_code: 'EUR', currency_minor_unit: 2 });
  blocks.tick();
  assert.strictEqual(blocks.updates.length, 1);
  assert.deepStrictEqual(JSON.parse(JSON.stringify(blocks.updates[0].cartData.items)),
    [{ productId: 12, variationId: 0, name: 'Cap', quantity: 1, price: '10.00' }]);
  assert.strictEqual(blocks.updates[0].cartData.itemCount, 1);
  console.log('cart-context.js: 2 scenarios passed');
})().catch((e) => { console.error(e); process.exit(1); });
