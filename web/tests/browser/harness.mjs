// The browser tests' harness: a real `hearth demo` city on a free loopback port, Debian's
// Chromium driven by playwright-core (nothing downloads a browser), and pages that fail their
// flow on any console error or failed request they did not expect. When a flow fails, run.mjs
// prints what the harness kept to tell why: the server's last lines (stderr, and stdout, where
// its log goes) and the requests the open pages still wait for (failureReport).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { a11yProblems } from './a11y.mjs';

export const CHROMIUM = process.env.HEARTH_CHROMIUM || '/usr/bin/chromium';
export const DEMO_PASSWORD = 'hearth-demo-city';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * `hearth demo` on an empty database: the generated city, its logins (parsed from what it
 * prints), serving the built console. Resolves once /readyz answers 200.
 */
export async function startDemo({ binary, webDir, extraArgs = [] }) {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-browser-'));
  const port = await freePort();
  const args = ['demo', '--db', join(dir, 'demo.db'), '--listen', `127.0.0.1:${port}`,
    '--web-dir', webDir, ...extraArgs];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`hearth demo exited ${child.exitCode}:\n${err}`);
    if (Date.now() > deadline) throw new Error(`hearth demo did not become ready:\n${err}`);
    try {
      const r = await fetch(`${url}/readyz`);
      if (r.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const logins = [...out.matchAll(/^\s+(\S+) \/ (\S+)\s+\(([a-z]+), ([^)]*)\)$/gm)].map((m) => ({
    username: m[1],
    password: m[2],
    role: m[3],
    scope: m[4],
  }));
  return {
    url,
    logins,
    output: () => out,
    /** The last `n` lines the server wrote to stderr. */
    stderrTail: (n = 80) => lastLines(err, n),
    /** The last `n` lines of its stdout (spdlog's default logger, the simulator, the demo). */
    stdoutTail: (n = 80) => lastLines(out, n),
    // The demo first sends the season's readings so far (some 3 million; minutes in the debug
    // build) and rolls them up, and until then every request that judges days waits behind that
    // backlog: the flows would time the backfill, not the console. This waits for the simulator's
    // first "readings up to" line (out of season it sends nothing: then at most `limit` ms), then
    // for one GET of the alerts, which rolls up what is still pending. Returns what it waited.
    async settled(token, limit = 420_000) {
      const started = Date.now();
      while (!/simulator: \d+ readings up to/.test(out + err) && Date.now() - started < limit) {
        if (child.exitCode !== null) throw new Error(`hearth demo exited ${child.exitCode}:\n${err}`);
        await new Promise((r) => setTimeout(r, 1000));
      }
      const sent = Date.now();
      await apiGet(url, token, '/api/v1/alerts');
      return { sent_ms: sent - started, rolled_up_ms: Date.now() - sent };
    },
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The last `n` lines of a text (without a trailing empty one). */
export function lastLines(text, n) {
  const lines = text.split('\n');
  if (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines.slice(-n);
}

/** The requests of each page openPage made that got no answer yet (or whose body is still being
 * read), by page: a Map of request to { method, url, sent } (Date.now()). */
const pending = new Map();

/** What every open page still waits for, the oldest first: { method, url, ms } (ms since sent). */
export function pendingRequests(now = Date.now()) {
  const all = [];
  for (const requests of pending.values()) {
    for (const r of requests.values()) all.push({ method: r.method, url: r.url, ms: now - r.sent });
  }
  return all.sort((a, b) => b.ms - a.ms);
}

/** Closes the pages a failed flow left open (their requests are no longer waited for). */
export async function closeOpenPages() {
  const contexts = [...pending.keys()];
  pending.clear();
  await Promise.all(contexts.map((c) => c.close().catch(() => {})));
}

/**
 * The lines to print when a flow failed: the requests still pending (method, URL, ms since sent),
 * then the server's last `n` lines of stderr and of stdout. A CI failure such as "POST
 * /api/v1/jobs got no response in 120 s" then shows what the server was doing.
 */
export function failureReport(demo, n = 80) {
  const lines = [];
  const waiting = pendingRequests();
  lines.push(waiting.length ? `requests still pending (${waiting.length}):` : 'requests still pending: none');
  for (const r of waiting) lines.push(`  ${r.method} ${r.url} (sent ${r.ms} ms ago)`);
  for (const [name, tail] of [['stderr', demo.stderrTail(n)], ['stdout', demo.stdoutTail(n)]]) {
    lines.push(tail.length ? `hearth ${name}, last ${tail.length} lines:` : `hearth ${name}: empty`);
    for (const l of tail) lines.push(`  | ${l}`);
  }
  return lines;
}

/**
 * What each open page shows when a flow failed: its URL and the text of its visible dialogs,
 * drawers and alerts (a modal that closed, or a form that refused to send, shows here).
 */
export async function pageStates() {
  const lines = [];
  for (const context of pending.keys()) {
    for (const page of context.pages()) {
      lines.push(`page ${page.url()}`);
      const shown = await page
        .locator('.ant-modal:visible, .ant-drawer-content:visible, [role=alert]:visible, .ant-form-item-explain-error:visible')
        .allInnerTexts()
        .catch((e) => [`(cannot read the page: ${e.message})`]);
      for (const text of shown) lines.push(`  shows: ${text.replace(/\s+/g, ' ').slice(0, 300)}`);
    }
  }
  return lines;
}

/**
 * Clicks `button` and returns the answer to the request `matches` (a Playwright Request) that the
 * click sends. Under a full ctest's load a click can land while a modal is still opening and send
 * nothing: when no matching request went out within 20 s and the button is still there and
 * enabled, it is clicked once more, and the flow's log says so. Nothing is sent twice: the second
 * click happens only when the first sent nothing.
 */
export async function submitAndAnswer(page, button, matches, log = console.log) {
  let sent = null;
  const seen = (r) => {
    if (!sent && matches(r)) sent = r;
  };
  page.on('request', seen);
  try {
    await button.click();
    for (let waited = 0; !sent && waited < 20_000; waited += 250) await page.waitForTimeout(250);
    if (!sent && (await button.isVisible()) && (await button.isEnabled())) {
      log('  # the click sent nothing in 20 s; clicked again');
      await button.click();
    }
    for (let waited = 0; !sent && waited < 120_000; waited += 250) await page.waitForTimeout(250);
    if (!sent) throw new Error('the click sent no request');
    const answer = await Promise.race([sent.response(), page.waitForTimeout(120_000).then(() => null)]);
    if (!answer) throw new Error(`${sent.method()} ${sent.url()} got no answer in 120 s`);
    return answer;
  } finally {
    page.off('request', seen);
  }
}

/**
 * Waits for `locator` (a modal's or a drawer's form) to show and for the modal or drawer around it
 * to finish opening: while antd's open motion runs (a class ending -appear or -enter, with its
 * -start and -active steps, on the element or an ancestor) a click on a radio or a button can
 * land and change nothing. Gives up waiting on the motion after 10 s; the next step then says
 * what is wrong.
 */
export async function shown(locator) {
  await locator.waitFor();
  await locator.evaluate(
    (el) =>
      new Promise((resolve) => {
        const motion = /(^|\s)\S+-(appear|enter)(-\S+)?(?=\s|$)/;
        const moving = () => {
          for (let e = el; e; e = e.parentElement) if (motion.test(e.getAttribute('class') ?? '')) return true;
          return false;
        };
        const until = Date.now() + 10_000;
        const poll = () => (moving() && Date.now() < until ? setTimeout(poll, 50) : resolve());
        poll();
      }),
  );
}

/** POST /api/v1/auth/login; the bearer token. */
export async function apiToken(base, username, password = DEMO_PASSWORD) {
  const r = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  return (await r.json()).token;
}

export async function apiGet(base, token, path) {
  const r = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  if (r.status !== 200) throw new Error(`GET ${path}: ${r.status} ${await r.text()}`);
  return r.json();
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/**
 * A fresh context and page that record every console error, uncaught exception, failed request
 * and answer of 400 or more. `allow(url, status)` says which answers a flow expects (another
 * household's record answering 404, say). `checkA11y(where)` records the accessibility problems
 * of the page as loaded (a11y.mjs), named by `where`, and `opened(locator)` those of a modal or a
 * drawer once open; assertClean fails on them too.
 */
export async function openPage(browser, { viewport = { width: 1440, height: 900 }, locale = 'zh-CN' } = {}) {
  const context = await browser.newContext({ viewport, locale, timezoneId: 'Asia/Shanghai' });
  // A cap, not a time limit: a full ctest -j2 loads the machine, and Playwright's 30 s default
  // failed a flow in CI while the page was still answering.
  context.setDefaultTimeout(120_000);
  context.setDefaultNavigationTimeout(120_000);
  const page = await context.newPage();
  const problems = [];
  const allowed = [];
  // Every request until it finished or failed, for failureReport.
  const requests = new Map();
  pending.set(context, requests);
  context.on('request', (r) => requests.set(r, { method: r.method(), url: r.url(), sent: Date.now() }));
  context.on('requestfinished', (r) => requests.delete(r));
  context.on('requestfailed', (r) => requests.delete(r));
  context.on('close', () => pending.delete(context));
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // Chromium logs an answer of 400 or more as "Failed to load resource: … status of 400": an
    // answer the flow allows is not a problem here either.
    const status = /status of (\d{3})/.exec(m.text());
    if (status && allowed.some((a) => a(m.location().url ?? '', Number(status[1])))) return;
    problems.push(`console error: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    if (!why.includes('ERR_ABORTED')) problems.push(`request failed: ${r.url()} ${why}`);
  });
  page.on('response', (r) => {
    if (r.status() < 400) return;
    if (allowed.some((a) => a(r.url(), r.status()))) return;
    problems.push(`answer ${r.status()}: ${r.request().method()} ${r.url()}`);
  });
  return {
    page,
    context,
    allow: (fn) => allowed.push(fn),
    async checkA11y(where) {
      problems.push(...(await a11yProblems(page, where)));
    },
    /**
     * shown(locator) (a modal's or a drawer's form), then the accessibility check of the page with
     * it open: its controls are checked as the page's are, named by the path and the test id.
     */
    async opened(locator) {
      await shown(locator);
      const id = (await locator.getAttribute('data-testid')) ?? 'a form';
      problems.push(...(await a11yProblems(page, `${new URL(page.url()).pathname} with ${id} open`)));
    },
    /** Throws naming every problem seen so far. */
    assertClean(what) {
      if (problems.length) throw new Error(`${what}: ${problems.length} problem(s):\n  ${problems.join('\n  ')}`);
    },
    close: () => {
      pending.delete(context);
      return context.close();
    },
  };
}

/** Signs in through the form; resolves once the frame shows the user. */
export async function signIn(page, base, username, password = DEMO_PASSWORD) {
  await page.goto(`${base}/`);
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.keyboard.press('Enter');
  await page.getByTestId('current-user').filter({ hasText: username }).waitFor();
}

export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no result after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
