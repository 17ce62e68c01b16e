'use strict';
// A tiny sequential test runner: clear names, one summary line, non-zero exit on failure.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');

const tests = [];
function test(name, fn) { tests.push({ name, fn }); }
test.skip = (name, reason) => tests.push({ name, skip: reason || 'skipped' });

const TARGET = path.join(__dirname, 'target');

async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run']
  });
}

async function run() {
  fs.mkdirSync(TARGET, { recursive: true });
  let passed = 0, failed = 0, skipped = 0;
  // CSC_TEST_FILTER: a regular expression; only the tests whose names match run (the others are not counted)
  const only = process.env.CSC_TEST_FILTER ? new RegExp(process.env.CSC_TEST_FILTER) : null;
  for (const t of tests) {
    if (only && !only.test(t.name)) continue;
    if (t.skip) { skipped++; console.log(`SKIP ${t.name} (${t.skip})`); continue; }
    const t0 = Date.now();
    try {
      await Promise.race([t.fn(), new Promise((_, rej) => setTimeout(() => rej(new Error('timed out after 90 s')), 90000))]);
      passed++;
      console.log(`PASS ${t.name} (${Date.now() - t0} ms)`);
    } catch (e) {
      if (e && e.skip) { skipped++; console.log(`SKIP ${t.name} (${e.skip})`); continue; }
      failed++;
      console.log(`FAIL ${t.name}\n     ${(e && e.stack || String(e)).split('\n').slice(0, 6).join('\n     ')}`);
    }
  }
  return { passed, failed, skipped };
}

/** Thrown by a test (or its setup) that cannot run here: reported as skipped, never as passed. */
function skip(reason) { const e = new Error(reason); e.skip = reason; return e; }

module.exports = { test, run, launch, skip, TARGET };
