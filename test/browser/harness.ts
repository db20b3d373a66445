/**
 * What the browser tests share: a temporary embedded store filled with examples/ and the test
 * corpus (real extraction, one thread), the real API server (src/serve createApp on
 * @hono/node-server, port 0) over it serving the built dashboard from dist/web, and Debian's
 * chromium through playwright-core. Missing chromium or an unbuilt dashboard is an error, never a
 * skip. Imports the ingest pipeline, the store and the server; never the CLI.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { createExecutor } from '../../src/ingest/executor.js';
import { DEFAULT_KEYS } from '../../src/ingest/fields.js';
import { ingest } from '../../src/ingest/ingest.js';
import { readSources } from '../../src/ingest/sources.js';
import { createApp } from '../../src/serve/app.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';
import { repoRoot } from '../shared-path.js';
import { ARTICLES } from './corpus.js';

export const CHROMIUM = process.env.SITREP_CHROMIUM ?? '/usr/bin/chromium';
export const WEB_ROOT = path.join(repoRoot, 'dist', 'web');
export const SCREENSHOTS = path.join(repoRoot, 'docs', 'screenshots');
export const LAPTOP = { width: 1366, height: 768 };
export const TABLET = { width: 768, height: 1024 };

export interface Fixture {
  store: Store;
  baseUrl: string;
  close(): Promise<void>;
}

/** A store with examples/ and the test corpus, and the real server over it on a free port. */
export async function startFixture(): Promise<Fixture> {
  if (!existsSync(path.join(WEB_ROOT, 'index.html'))) {
    throw new Error(
      `the dashboard is not built (${WEB_ROOT}/index.html missing): run \`npm run build\` first`,
    );
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'sitrep-browser-'));
  const input = path.join(dir, 'input');
  mkdirSync(input);
  writeFileSync(path.join(input, 'corpus.jsonl'), `${ARTICLES.map((a) => JSON.stringify(a)).join('\n')}\n`);
  const store = await openStore(path.join(dir, 'db'));
  const executor = createExecutor(1);
  try {
    const run = await ingest(
      store,
      readSources([path.join(repoRoot, 'examples'), input], { format: 'auto', fields: DEFAULT_KEYS }),
      executor,
    );
    if (run.counts.errors > 0 || run.counts.stored < ARTICLES.length + 1) {
      throw new Error(`test corpus ingest: ${JSON.stringify(run.counts)}`);
    }
  } finally {
    await executor.close();
  }
  const app = createApp({ store, webRoot: WEB_ROOT, token: null, log: () => {} });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    store,
    baseUrl: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await app.idle();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `chromium not found at ${CHROMIUM}: install Debian's chromium (apt-get install chromium)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface Watched {
  page: Page;
  /** Every request the page made (URL). */
  requests: string[];
  /** Console errors, page errors and CSP violations. */
  problems: string[];
}

/** A page that records its requests, console errors, uncaught errors and CSP violations. */
export async function watchedPage(browser: Browser, viewport = LAPTOP): Promise<Watched> {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, reducedMotion: 'reduce' });
  const page = await context.newPage();
  const requests: string[] = [];
  const problems: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text()))
      problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  // Violations also reach the page as events; record them where the test can read them.
  await page.addInitScript({
    content:
      'window.__csp = []; document.addEventListener("securitypolicyviolation", (e) => ' +
      'window.__csp.push(e.violatedDirective + " " + e.blockedURI));',
  });
  return { page, requests, problems };
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return path.join(SCREENSHOTS, `${name}.png`);
}

/**
 * A screenshot that comes out the same on every run: the pointer parked where it hovers nothing,
 * and (for one element) a clip in page coordinates rounded to whole pixels, whatever the scroll
 * position the earlier steps left behind.
 */
export async function stableScreenshot(
  page: Page,
  name: string,
  what: { element?: Locator; fullPage?: boolean } = {},
): Promise<void> {
  await page.mouse.move(0, 0);
  // Let pending resize observers and canvas redraws settle.
  await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))');
  if (!what.element) {
    await page.evaluate('scrollTo(0, 0)');
    await page.screenshot({ path: screenshotPath(name), fullPage: what.fullPage ?? false });
    return;
  }
  const rect = await what.element.boundingBox();
  if (!rect) throw new Error(`screenshot ${name}: the element is not visible`);
  const scroll = (await page.evaluate('({ x: scrollX, y: scrollY })')) as { x: number; y: number };
  const box = { x: rect.x + scroll.x, y: rect.y + scroll.y, width: rect.width, height: rect.height };
  const x = Math.floor(box.x);
  const y = Math.floor(box.y);
  const clip = { x, y, width: Math.ceil(box.x + box.width) - x, height: Math.ceil(box.y + box.height) - y };
  await page.screenshot({ path: screenshotPath(name), fullPage: true, clip });
}

/**
 * Runs in the page: every visible element with text of its own whose text colour against its
 * effective background (the nearest opaque background-color up the tree) is below WCAG AA (4.5:1,
 * or 3:1 for large text). Disabled controls are exempt, as in WCAG. Returns descriptions.
 */
export const LOW_CONTRAST_SCRIPT = `(() => {
  const parse = (c) => {
    const m = c.match(/rgba?\\(([^)]+)\\)/);
    if (!m) return null;
    const [r, g, b, a = '1'] = m[1].split(/[ ,/]+/).filter(Boolean);
    return [Number(r), Number(g), Number(b), Number(a)];
  };
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let n = el; n; n = n.parentElement) {
      const c = parse(getComputedStyle(n).backgroundColor);
      if (c && c[3] >= 0.99) return c;
    }
    return [255, 255, 255, 1];
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
    if (!own || el.closest('[disabled], .leaflet-disabled, .visually-hidden, [hidden]')) continue;
    const s = getComputedStyle(el);
    const rect = el.getBoundingClientRect();
    if (s.visibility === 'hidden' || s.display === 'none' || rect.width === 0 || rect.height === 0) continue;
    const fg = parse(s.color);
    if (!fg) continue;
    const bg = background(el);
    const [l1, l2] = [lum(fg), lum(bg)].sort((a, b) => b - a);
    const ratio = (l1 + 0.05) / (l2 + 0.05);
    const size = parseFloat(s.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(s.fontWeight) >= 700);
    if (ratio < (large ? 3 : 4.5)) {
      out.push(el.tagName.toLowerCase() + '.' + el.className + ' "' + el.textContent.trim().slice(0, 40) + '" ' + ratio.toFixed(2));
    }
  }
  return out;
})()`;
