'use strict';
// Runs every *.test.js here (or the files named on the command line) and prints "N passed, N failed, N skipped".
const fs = require('fs');
const path = require('path');
const harness = require('../../../../widget/test/harness');

(async () => {
  const files = process.argv.slice(2).length ? process.argv.slice(2)
    : fs.readdirSync(__dirname).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) {
    const mod = require(path.resolve(__dirname, f));
    if (mod && typeof mod.setup === 'function') await mod.setup();
  }
  const r = await harness.run();
  for (const f of files) {
    const mod = require(path.resolve(__dirname, f));
    if (mod && typeof mod.teardown === 'function') await mod.teardown();
  }
  console.log(`${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  process.exit(r.failed ? 1 : 0);
})().catch((e) => { console.error(e); console.log('0 passed, 1 failed, 0 skipped'); process.exit(1); });
