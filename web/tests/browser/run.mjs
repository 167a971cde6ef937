// The console's browser tests (CTest web.browser, labels browser and e2e): a real `hearth demo`
// city served with the built console, Debian's Chromium through playwright-core. Each flow of
// issue 14 runs on its own page; any console error, uncaught exception, failed request or
// unexpected answer of 400+ fails it. Screenshots of the main pages go where HEARTH_SCREENSHOTS_DIR says.
//   HEARTH_BINARY   the hearth binary (CTest sets it)
//   HEARTH_WEB_DIR  the built console (CTest sets it)
//   HEARTH_SCREENSHOTS_DIR  where the screenshots go (CTest: the build tree); none when unset.
//     The README's are refreshed with HEARTH_SCREENSHOTS_DIR=docs/screenshots (from the root).
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { apiGet, apiToken, closeOpenPages, failureReport, launchBrowser, openPage, pageStates, signIn, startDemo, submitAndAnswer } from './harness.mjs';
import { flows } from './flows.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const binary = process.env.HEARTH_BINARY ?? join(root, 'build/debug/bin/hearth');
const webDir = process.env.HEARTH_WEB_DIR ?? join(root, 'build/debug/web');
const shots = process.env.HEARTH_SCREENSHOTS_DIR ? resolve(process.env.HEARTH_SCREENSHOTS_DIR) : null;
if (shots) mkdirSync(shots, { recursive: true });

const only = process.argv.slice(2);
const demo = await startDemo({ binary, webDir, extraArgs: ['--orders-per-season', '200'] });
let browser;
let failed = 0;
try {
  const waited = await demo.settled(await apiToken(demo.url, 'demo-admin'));
  console.log(`[ settled ] the season so far sent in ${waited.sent_ms} ms, rolled up ${waited.rolled_up_ms} ms later`);
  browser = await launchBrowser();
  const ctx = {
    base: demo.url,
    logins: demo.logins,
    browser,
    assert,
    apiGet: (token, path) => apiGet(demo.url, token, path),
    apiToken: (user) => apiToken(demo.url, user),
    openPage: (opts) => openPage(browser, opts),
    submitAndAnswer,
    signIn: (page, user) => signIn(page, demo.url, user),
    screenshot: async (page, name) => {
      if (shots) await page.screenshot({ path: join(shots, `${name}.png`), fullPage: false });
    },
  };
  for (const [name, flow] of Object.entries(flows)) {
    if (only.length && !only.includes(name)) continue;
    const started = Date.now();
    try {
      await flow(ctx);
      console.log(`ok - ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed++;
      console.log(`not ok - ${name} (${Date.now() - started} ms)\n  ${String(e.stack ?? e).split('\n').join('\n  ')}`);
      // What the server and the pages were doing: a timeout says little without it.
      console.log([...(await pageStates()), ...failureReport(demo)].map((l) => `  # ${l}`).join('\n'));
      await closeOpenPages();
    }
  }
} finally {
  await browser?.close();
  await demo.stop();
}
console.log(failed ? `${failed} flow(s) failed` : 'all flows passed');
process.exit(failed ? 1 : 0);
