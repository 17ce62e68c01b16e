#!/usr/bin/env python3
"""Builds the demo store's seed data from the recorded WooCommerce exchanges.

Usage (from the repository root):
    python3 deploy/demo-store/tools/generate_seed.py

Reads deploy/woo-fixtures/*.json and writes into
deploy/demo-store/src/main/resources/demo-store/:
  seed.json           products, variations, categories, tags, customers, orders, notes,
                      refunds, coupons, id counters and the templates new entities start from
  settings.json       settings groups and the recorded options of the general/products groups
  system_status.json  the recorded system status
  index.json          the recorded GET /wp-json/wc/v3 route index

The seed is the shop as the recorder found it, before the recorder's own writes (the earliest
recorded version of every entity), so replaying the recordings against a fresh demo store gives
the recorded answers. Two orders the recordings never show in full (50 and 54) are rebuilt from
facts found elsewhere: the order status totals report (one more on-hold, one more cancelled order),
the order item id sequence, and the legacy sales report with HPOS sync on (order 50 holds one
Mechanical Keyboard TKL, total 124.00).

The recorded site URL (http://127.0.0.1:8088) is kept as is; the store swaps it for its own base
URL when it loads these files.
"""

import copy
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.normpath(os.path.join(HERE, '..', '..', 'woo-fixtures'))
OUT = os.path.normpath(os.path.join(HERE, '..', 'src', 'main', 'resources', 'demo-store'))
SITE = 'http://127.0.0.1:8088'
API = SITE + '/wp-json/wc/v3'


def load_fixtures():
    index = json.load(open(os.path.join(FIXTURES, '_index.json')))
    order = {entry['name']: i for i, entry in enumerate(index)}
    fixtures = []
    for name in sorted(os.listdir(FIXTURES)):
        if not name.endswith('.json') or name == '_index.json':
            continue
        fx = json.load(open(os.path.join(FIXTURES, name)))
        fx['_seq'] = (fx['recorded_at'], order.get(fx['name'], 10_000))
        fixtures.append(fx)
    fixtures.sort(key=lambda f: f['_seq'])
    return fixtures


def bodies(fx):
    body = fx['response']['body']
    if isinstance(body, list):
        return body
    if isinstance(body, dict):
        if any(k in body for k in ('create', 'update', 'delete')):
            return [o for k in ('create', 'update', 'delete') for o in body.get(k, []) if 'error' not in o]
        return [body]
    return []


def earliest(fixtures, predicate, path_prefix=None):
    """First recorded version of every entity matching predicate, keyed by id."""
    found = {}
    for fx in fixtures:
        if fx['response']['status'] >= 300:
            continue
        path = fx['request']['path']
        if path_prefix and not path.startswith(path_prefix):
            continue
        for obj in bodies(fx):
            if isinstance(obj, dict) and predicate(obj) and obj['id'] not in found:
                found[obj['id']] = copy.deepcopy(obj)
    return found


def strip_edit_fields(product):
    product.pop('permalink_template', None)
    product.pop('generated_slug', None)
    return product


def to_raw(product):
    """The store keeps products as WooCommerce's edit context has them and formats them for views itself: the recorder
    created descriptions with <p> markup and short descriptions as plain text, and the view context adds wpautop's
    paragraph and trailing newline, and two decimals to the average rating."""
    if product['description'].endswith('\n'):
        product['description'] = product['description'][:-1]
    short = product['short_description']
    if short.startswith('<p>') and short.endswith('</p>\n'):
        product['short_description'] = short[3:-5]
    if product['average_rating'] == '0.00':
        product['average_rating'] = '0'
    return product


def self_links(href, collection, allow, up=None, extra=None):
    links = {'self': [{'href': href, 'targetHints': {'allow': allow}}], 'collection': [{'href': collection}]}
    if extra:
        links.update(extra)
    if up:
        links['up'] = [{'href': up}]
    return links


def main():
    fixtures = load_fixtures()
    by_name = {f['name']: f for f in fixtures}

    def body(name):
        return copy.deepcopy(by_name[name]['response']['body'])

    # ---- products and variations -------------------------------------------------------------
    products = earliest(fixtures,
                        lambda o: 'catalog_visibility' in o and o.get('type') in ('simple', 'variable', 'grouped', 'external'),
                        '/wp-json/wc/v3/products')
    batch_created = {p['id'] for p in body('products_batch_create_update')['create'] if 'error' not in p}
    products = {i: to_raw(strip_edit_fields(p)) for i, p in products.items() if i not in batch_created}
    variations = {v['id']: v for v in body('product_variations_list')}
    assert len(products) >= 30, len(products)

    categories = body('products_categories_list')
    tags = {}
    for p in products.values():
        for t in p['tags']:
            tags[t['id']] = {'id': t['id'], 'name': t['name'], 'slug': t['slug']}

    # ---- customers ---------------------------------------------------------------------------
    customers = earliest(fixtures, lambda o: 'username' in o and 'avatar_url' in o)

    # ---- orders ------------------------------------------------------------------------------
    orders = earliest(fixtures, lambda o: 'order_key' in o)
    rng = random.Random(4711)

    def order_key():
        alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'
        return 'wc_order_' + ''.join(rng.choice(alphabet) for _ in range(13))

    def line_for(product, item_id, qty, meta):
        price = float(product['price'])
        total = '%.2f' % (price * qty)
        return {
            'id': item_id, 'name': product['name'], 'product_id': product['id'], 'variation_id': 0,
            'quantity': qty, 'tax_class': '', 'subtotal': total, 'subtotal_tax': '0.00', 'total': total,
            'total_tax': '0.00', 'taxes': [], 'meta_data': meta, 'sku': product['sku'],
            'price': int(price) if price == int(price) else price, 'image': {'id': '', 'src': ''},
            'parent_name': None,
        }

    def rebuild(template, order_id, status, customer, product, qty, item_id, created, meta):
        o = copy.deepcopy(template)
        o['id'] = order_id
        o['number'] = str(order_id)
        o['status'] = status
        o['order_key'] = order_key()
        o['customer_id'] = customer['id']
        for kind in ('billing', 'shipping'):
            for k in o[kind]:
                if k in customer[kind]:
                    o[kind][k] = customer[kind][k]
        o['line_items'] = [line_for(product, item_id, qty, meta)]
        o['shipping_lines'][0]['id'] = item_id + 1
        o['total'] = '%.2f' % (float(product['price']) * qty + 5.0)
        for k in ('date_created', 'date_created_gmt', 'date_modified', 'date_modified_gmt'):
            o[k] = created
        o['payment_url'] = '%s/checkout/order-pay/%d/?pay_for_order=true&key=%s' % (SITE, order_id, o['order_key'])
        o['_links'] = {
            'self': [{'href': '%s/orders/%d' % (API, order_id), 'targetHints': {'allow': ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']}}],
            'collection': [{'href': API + '/orders'}],
            'email_templates': [{'embeddable': True, 'href': '%s/orders/%d/actions/email_templates' % (API, order_id)}],
            'customer': [{'href': '%s/customers/%d' % (API, customer['id'])}],
        }
        return o

    # 50: on-hold like 59, bob (3), one unmanaged-stock Mechanical Keyboard TKL: no _reduced_stock meta.
    orders[50] = rebuild(orders[59], 50, 'on-hold', customers[3], products[26], 1, 9, '2026-11-23T22:12:14', [])
    # 54: cancelled like 52 after order_cancel, dieter (5), never paid so stock was never reduced.
    cancelled = body('order_cancel')
    orders[54] = rebuild(cancelled, 54, 'cancelled', customers[5], products[21], 1, 19, '2026-11-23T22:12:16', [])
    orders = dict(sorted(orders.items()))
    assert len(orders) >= 15, len(orders)

    # ---- refunds -----------------------------------------------------------------------------
    refunds = []
    r63 = body('order_refund_get')
    refunds.append({'order_id': 58, 'refund': r63})
    r62 = copy.deepcopy(body('order_refund_create'))
    r62.update({'id': 62, 'date_created': '2026-11-23T22:12:21', 'date_created_gmt': '2026-11-23T22:12:21',
                'amount': '44.00', 'reason': 'Item arrived damaged - full refund'})
    r62['_links'] = self_links('%s/orders/57/refunds/62' % API, '%s/orders/57/refunds' % API, ['GET', 'DELETE'],
                               up='%s/orders/57' % API)
    refunds.insert(0, {'order_id': 57, 'refund': r62})

    # ---- notes -------------------------------------------------------------------------------
    recorded_notes = body('order_notes_list')
    notes = [{'order_id': 47, 'note': n} for n in recorded_notes]
    used_ids = {n['id'] for n in recorded_notes}
    free_ids = (i for i in range(4, 32) if i not in used_ids)
    labels = {'pending': 'Pending payment', 'processing': 'Processing', 'on-hold': 'On hold',
              'completed': 'Completed', 'cancelled': 'Cancelled', 'refunded': 'Refunded', 'failed': 'Failed'}

    # Stock levels before each order: walk back from today's stock, undoing refund restocks first.
    stock = {p['id']: p['stock_quantity'] for p in products.values() if p['manage_stock']}
    stock.update({v['id']: v['stock_quantity'] for v in variations.values() if v['manage_stock']})
    for r in refunds:
        for li in r['refund']['line_items']:
            restocked = any(m['key'] == '_restock_refunded_items' for o in orders.values()
                            for item in o['line_items'] for m in item['meta_data']
                            if str(item['id']) == next((mm['value'] for mm in li['meta_data'] if mm['key'] == '_refunded_item_id'), None))
            if restocked:
                stock[li['variation_id'] or li['product_id']] -= -li['quantity']
    stock_notes = {}
    for oid in sorted(orders, reverse=True):
        parts = []
        for item in orders[oid]['line_items']:
            reduced = [m for m in item['meta_data'] if m['key'] == '_reduced_stock']
            if not reduced:
                continue
            pid = item['variation_id'] or item['product_id']
            after = stock[pid]
            before = after + item['quantity']
            stock[pid] = before
            parts.append('%s (%s) %d&rarr;%d' % (item['name'], item['sku'], before, after))
        if parts:
            stock_notes[oid] = 'Stock levels reduced: ' + ', '.join(parts)

    def note(nid, oid, text, date):
        return {'order_id': oid, 'note': {
            'id': nid, 'author': 'WooCommerce', 'date_created': date, 'date_created_gmt': date,
            'note': text, 'customer_note': False,
            '_links': self_links('%s/orders/%d/notes/%d' % (API, oid, nid), '%s/orders/%d/notes' % (API, oid),
                                 ['GET', 'DELETE'], up='%s/orders/%d' % (API, oid))}}

    for oid, o in orders.items():
        if oid == 47:
            continue
        created = o['date_created']
        if oid in stock_notes:
            notes.append(note(next(free_ids), oid, stock_notes[oid], created))
        status = o['status']
        if status == 'refunded':
            notes.append(note(next(free_ids), oid, 'Order status changed from Pending payment to Completed.', created))
            notes.append(note(next(free_ids), oid, 'Order status changed from Completed to Refunded.', o['date_modified']))
        elif status != 'pending':
            notes.append(note(next(free_ids), oid, 'Order status changed from Pending payment to %s.' % labels[status],
                              created))

    coupons = body('coupons_list')

    # ---- id counters: the next id WooCommerce handed out after the seed ------------------------
    meta_ids = [m['id'] for o in orders.values() for li in o['line_items'] for m in li['meta_data']]
    meta_ids += [m['id'] for r in refunds for li in r['refund']['line_items'] for m in li['meta_data']]
    item_ids = [li['id'] for o in orders.values() for k in ('line_items', 'shipping_lines', 'fee_lines', 'coupon_lines')
                for li in o[k]]
    item_ids += [li['id'] for r in refunds for li in r['refund']['line_items']]
    post_ids = list(products) + list(variations) + list(orders) + [r['refund']['id'] for r in refunds] + [c['id'] for c in coupons]
    counters = {
        'post': max(post_ids) + 1,
        'order_item': max(item_ids) + 1,
        'meta': max(meta_ids) + 1,
        # The recorded store gave id 32 to the first note created after seeding (order_note_create).
        'comment': max(max(n['note']['id'] for n in notes) + 1, 32),
        'user': max(customers) + 1,
        'term': max([c['id'] for c in categories] + list(tags)) + 1,
    }

    # ---- templates new entities start from ------------------------------------------------------
    product_tpl = strip_edit_fields(copy.deepcopy(body('products_batch_create_update')['create'][0]))
    product_tpl.update({'id': 0, 'name': '', 'slug': '', 'permalink': '', 'sku': '', 'price': '', 'regular_price': '',
                        'purchasable': False, 'manage_stock': False, 'stock_quantity': None, 'categories': [],
                        'price_html': '', 'description': ''})
    for k in ('date_created', 'date_created_gmt', 'date_modified', 'date_modified_gmt'):
        product_tpl[k] = None
    product_tpl['_links'] = {}

    variation_tpl = copy.deepcopy(variations[41])
    variation_tpl.update({'id': 0, 'permalink': '', 'sku': '', 'price': '', 'regular_price': '', 'sale_price': '',
                          'on_sale': False, 'purchasable': False, 'manage_stock': False, 'stock_quantity': None,
                          'weight': '', 'attributes': [], 'name': '', 'parent_id': 0, '_links': {}})
    for k in ('date_created', 'date_created_gmt', 'date_modified', 'date_modified_gmt'):
        variation_tpl[k] = None

    order_tpl = copy.deepcopy(orders[60])
    order_tpl.update({'id': 0, 'status': 'pending', 'customer_id': 0, 'order_key': '', 'number': '', 'total': '0.00',
                      'shipping_total': '0.00', 'payment_method': '', 'payment_method_title': '', 'line_items': [],
                      'shipping_lines': [], 'payment_url': '', '_links': {}})
    for kind in ('billing', 'shipping'):
        order_tpl[kind] = {k: '' for k in order_tpl[kind]}

    line_item_tpl = copy.deepcopy(orders[47]['line_items'][0])
    line_item_tpl.update({'id': 0, 'name': '', 'product_id': 0, 'quantity': 1, 'subtotal': '0.00', 'total': '0.00',
                          'meta_data': [], 'sku': '', 'price': 0})
    shipping_line_tpl = copy.deepcopy(orders[47]['shipping_lines'][0])
    shipping_line_tpl.update({'id': 0, 'method_title': '', 'method_id': '', 'total': '0.00'})
    # No recording holds fee or coupon lines; these follow WC_REST_Orders_V2_Controller::get_order_item_data.
    fee_line_tpl = {'id': 0, 'name': '', 'tax_class': '', 'tax_status': 'taxable', 'amount': '0', 'total': '0.00',
                    'total_tax': '0.00', 'taxes': [], 'meta_data': []}
    coupon_line_tpl = {'id': 0, 'code': '', 'discount': '0.00', 'discount_tax': '0.00', 'meta_data': [],
                       'discount_type': 'fixed_cart', 'nominal_amount': 0, 'free_shipping': False}

    customer_tpl = copy.deepcopy(customers[4])
    customer_tpl.update({'id': 0, 'email': '', 'first_name': '', 'last_name': '', 'username': '',
                         'is_paying_customer': False, 'avatar_url': '', '_links': {}})
    for kind in ('billing', 'shipping'):
        customer_tpl[kind] = {k: '' for k in customer_tpl[kind]}

    coupon_tpl = body('coupon_create')
    coupon_tpl.update({'id': 0, 'code': '', 'amount': '0.00', 'discount_type': 'fixed_cart', 'description': '',
                       'date_expires': None, 'date_expires_gmt': None, 'usage_limit': None, '_links': {}})

    note_tpl = copy.deepcopy(recorded_notes[0])
    note_tpl.update({'id': 0, 'note': '', 'customer_note': False, '_links': {}})
    refund_tpl = body('order_refund_create')
    refund_tpl.update({'id': 0, 'amount': '0.00', 'reason': '', '_links': {}})
    refund_line_tpl = copy.deepcopy(r63['line_items'][0])
    refund_line_tpl.update({'id': 0, 'name': '', 'product_id': 0, 'quantity': 0, 'subtotal': '0.00', 'total': '0.00',
                            'meta_data': [], 'sku': '', 'price': 0})
    category_tpl = copy.deepcopy(categories[0])
    category_tpl.update({'id': 0, 'name': '', 'slug': '', 'count': 0, '_links': {}})

    seed = {
        '_comment': 'Generated by deploy/demo-store/tools/generate_seed.py from deploy/woo-fixtures. Do not edit by hand.',
        'site': SITE,
        'counters': counters,
        'categories': categories,
        'tags': sorted(tags.values(), key=lambda t: t['id']),
        'products': sorted(products.values(), key=lambda p: p['id']),
        'variations': sorted(variations.values(), key=lambda v: v['id']),
        'customers': sorted(customers.values(), key=lambda c: c['id']),
        'orders': list(orders.values()),
        'notes': sorted(notes, key=lambda n: n['note']['id']),
        'refunds': refunds,
        'coupons': sorted(coupons, key=lambda c: c['id']),
        'templates': {
            'product': product_tpl, 'variation': variation_tpl, 'order': order_tpl, 'line_item': line_item_tpl,
            'shipping_line': shipping_line_tpl, 'fee_line': fee_line_tpl, 'coupon_line': coupon_line_tpl,
            'customer': customer_tpl, 'coupon': coupon_tpl, 'note': note_tpl, 'refund': refund_tpl,
            'refund_line_item': refund_line_tpl, 'category': category_tpl,
        },
    }

    settings = {
        'groups': body('settings_groups'),
        'options': {'general': body('settings_group_general_configured'), 'products': body('settings_group_products')},
    }

    os.makedirs(OUT, exist_ok=True)

    def write(name, data, indent=1):
        with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
            json.dump(data, f, indent=indent, ensure_ascii=False)
            f.write('\n')

    write('seed.json', seed)
    write('settings.json', settings)
    write('system_status.json', body('system_status'))
    write('index.json', body('index_wc_v3'), indent=None)
    print('seed: %d products, %d variations, %d customers, %d orders, %d notes, %d refunds, %d coupons; counters %s'
          % (len(products), len(variations), len(customers), len(orders), len(notes), len(refunds), len(coupons),
             counters))


if __name__ == '__main__':
    main()
