#!/usr/bin/env python3
"""Draws one small SVG per seeded product (src/main/resources/demo-store/images/<slug>.svg): a flat picture of the
kind of thing it is, in a colour of its own. Run again after changing the seed; nothing is downloaded."""
import hashlib
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
RES = os.path.join(HERE, '..', 'src', 'main', 'resources', 'demo-store')

SHAPES = {
    'shirt': 'M120 90l50-30h60l50 30 40 60-45 25-15-20v170H140V155l-15 20-45-25z',
    'hoodie': 'M150 80q50-40 100 0l60 40 30 80-40 15-15-35v160H115V180l-15 35-40-15 30-80z M175 85q25 40 50 0',
    'belt': 'M60 180h280v40H60z M240 170h50v60h-50z',
    'beanie': 'M110 250q0-150 90-150t90 150z M100 250h200v35H100z',
    'bag': 'M110 150h180l20 190H90z M160 150q0-60 40-60t40 60',
    'glasses': 'M70 190h260 M80 190q0 60 55 60t55-60z M210 190q0 60 55 60t55-60z',
    'wallet': 'M90 140h220v150H90z M250 190h60v50h-60z',
    'gadget': 'M130 100h140q20 0 20 20v160q0 20-20 20H130q-20 0-20-20V120q0-20 20-20z M170 250h60',
    'keyboard': 'M60 150h280v110H60z M80 170h240 M80 195h240 M80 220h240',
    'bottle': 'M175 70h50v40l20 30v190h-90V140l20-30z',
    'mug': 'M110 130h150v150H110z M260 160q50 0 50 45t-50 45',
    'knife': 'M80 230l170-100 30 20-160 100z M250 130l70-20-10 30z',
    'board': 'M80 140h240v140H80z M300 200h30',
    'pan': 'M90 200a80 40 0 1 0 160 0a80 40 0 1 0-160 0z M250 195h100v12H250z',
    'book': 'M120 80h160v240H120z M140 80v240 M160 130h100 M160 160h80',
}
KIND = [('hoodie', 'hoodie'), ('t-shirt', 'shirt'), ('tee', 'shirt'), ('shirt', 'shirt'), ('belt', 'belt'),
        ('beanie', 'beanie'), ('tote', 'bag'), ('sunglasses', 'glasses'), ('wallet', 'wallet'),
        ('keyboard', 'keyboard'), ('bottle', 'bottle'), ('mug', 'mug'), ('press', 'mug'), ('knife', 'knife'),
        ('board', 'board'), ('skillet', 'pan')]


def shape(slug, categories):
    for word, kind in KIND:
        if word in slug:
            return kind
    return 'book' if 'Books' in categories else 'gadget'


def main():
    seed = json.load(open(os.path.join(RES, 'seed.json')))
    out = os.path.join(RES, 'images')
    os.makedirs(out, exist_ok=True)
    for p in seed['products']:
        h = int(hashlib.sha256(p['slug'].encode()).hexdigest()[:6], 16)
        hue = h % 360
        cats = [c['name'] for c in p['categories']]
        svg = ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="400" height="400">'
               f'<rect width="400" height="400" fill="hsl({hue},45%,90%)"/>'
               f'<path d="{SHAPES[shape(p["slug"], cats)]}" fill="hsl({hue},50%,45%)" '
               f'stroke="hsl({hue},55%,25%)" stroke-width="6" stroke-linejoin="round"/></svg>\n')
        with open(os.path.join(out, p['slug'] + '.svg'), 'w') as f:
            f.write(svg)
    print(len(seed['products']), 'images in', out)


if __name__ == '__main__':
    main()
