'use strict';
// Runs every *.test.js here, or in CSC_TESTS_DIR (the console's tests use this runner), or the files named on the
// command line, and prints "N passed, N failed, N skipped".
const fs = require('fs');
const path = require('path');
const harness = require('./harness');

const dir = process.env.CSC_TESTS_DIR ? path.resolve(process.env.CSC_TESTS_DIR) : __dirname;

(async () => {
  const files = process.argv.slice(2).length ? process.argv.slice(2)
    : fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort();
  for (const f of files) {
    const mod = require(path.resolve(dir, f));
    if (mod && typeof mod.setup === 'function') await mod.setup();
  }
  const r = await harness.run();
  for (const f of files) {
    const mod = require(path.resolve(dir, f));
    if (mod && typeof mod.teardown === 'function') await mod.teardown();
  }
  console.log(`${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped`);
  process.exit(r.failed ? 1 : 0);
})().catch((e) => { console.error(e); console.log('0 passed, 1 failed, 0 skipped'); process.exit(1); });
