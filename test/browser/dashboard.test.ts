/**
 * The dashboard in headless Chromium over the real server and a real store (examples/ plus
 * ./corpus.ts): load the overview, filter by an actor from the network's list, use back/forward,
 * open the event three outlets report, see who says what, open the article with its evidence
 * highlighted, and visit every view of the hostile article to prove its markup stays text and no
 * script runs. Every page is checked for CSP violations, console errors and requests to other
 * origins. Screenshots of each view go to docs/screenshots/ (stable names, overwritten each run).
 * One browser and one server for the whole file.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { HOSTILE_MARKUP } from './corpus.js';
import {
  type Fixture,
  LOW_CONTRAST_SCRIPT,
  launchBrowser,
  stableScreenshot,
  startFixture,
  TABLET,
  type Watched,
  watchedPage,
} from './harness.js';

interface ListItem {
  id: string;
  outlets: string[];
  contradicted: boolean;
  counts: { sources: number };
  evidence: { document: string } | null;
}

// The callbacks given to page.evaluate/waitForFunction run in the page, where these globals exist;
// the tests' tsconfig has no DOM lib, so they are declared here (module scope) with what we use.
interface PageElement {
  getAttribute(name: string): string | null;
}
declare const location: { hash: string };
declare const window: { innerWidth: number; __csp: string[]; __xss?: unknown };
declare const document: {
  querySelector(selector: string): PageElement | null;
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
  body: { textContent: string | null };
  documentElement: { scrollWidth: number };
};

let fx: Fixture;
let browser: Browser;
let w: Watched;
let page: Page;

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(`${fx.baseUrl}${path}`);
  assert.equal(res.status, 200, `GET ${path}`);
  return (await res.json()) as T;
}

/** Nothing went wrong on the page so far: no CSP violation, console error or foreign request. */
async function assertClean(p: Page, watched: Watched): Promise<void> {
  const csp = await p.evaluate(() => window.__csp);
  // Readable colours: WCAG AA contrast for every text on the page as it is now.
  assert.deepEqual(await p.evaluate(LOW_CONTRAST_SCRIPT), [], 'text below WCAG AA contrast');
  assert.deepEqual(csp, [], 'CSP violations');
  assert.deepEqual(watched.problems, [], 'console errors, page errors');
  const origin = new URL(fx.baseUrl).origin;
  const foreign = watched.requests.filter((u) => new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'requests to other origins');
  const apiOrAssets = watched.requests.every((u) => {
    const path = new URL(u).pathname;
    return path === '/' || path.startsWith('/api/') || path.startsWith('/assets/') || path === '/favicon.svg';
  });
  assert.ok(apiOrAssets, `only the page, its assets and /api/ are fetched: ${watched.requests.join(' ')}`);
}

/** The overview has drawn all four panels. */
async function overviewReady(p: Page): Promise<void> {
  await p.locator('.events-table tbody tr').first().waitFor();
  await p.locator('.actor-pick').first().waitFor();
  await p.locator('.cluster-pick').first().waitFor();
  await p.locator('.timeline canvas').first().waitFor();
  await p.locator('.graph canvas').first().waitFor();
  await p.locator('.map path.leaflet-interactive').first().waitFor();
}

describe('dashboard in Chromium over the real server', { timeout: 120_000 }, () => {
  before(async () => {
    fx = await startFixture();
    browser = await launchBrowser();
    w = await watchedPage(browser);
    page = w.page;
  });

  after(async () => {
    await browser?.close();
    await fx?.close();
  });

  it('loads the overview with timeline, network, map and events table', async () => {
    await page.goto(`${fx.baseUrl}/#/`);
    await overviewReady(page);
    assert.match(
      (await page.locator('.timeline [role=status]').textContent()) ?? '',
      /\d+ events from 2024-/,
    );
    const actors = await page.locator('.actor-pick').allTextContents();
    assert.ok(
      actors.some((a) => a.includes('North Korea')),
      actors.join(' | '),
    );
    await stableScreenshot(page, 'overview');
    await assertClean(page, w);
  });

  it('sets the date filters by brushing across the timeline, and clears them', async () => {
    const box = await page.locator('.timeline .chart').boundingBox();
    assert.ok(box);
    // Drag across the right half of the plot (the grid leaves 40px left and 16px right).
    const y = box.y + box.height * 0.6;
    await page.mouse.move(box.x + box.width * 0.55, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.75, y, { steps: 5 });
    await page.mouse.move(box.x + box.width * 0.97, y, { steps: 5 });
    await page.mouse.up();
    await page.waitForFunction(
      () => /from=\d{4}-\d{2}-\d{2}/.test(location.hash) && /to=\d{4}/.test(location.hash),
    );
    const q = new URLSearchParams(new URL(page.url()).hash.split('?')[1]);
    assert.ok(q.get('from')! <= q.get('to')!, `${q.get('from')} .. ${q.get('to')}`);
    assert.ok(q.get('from')! > '2024-11-04', 'the brush started right of the first day');
    await page.locator('.chip', { hasText: `from: ${q.get('from')}` }).waitFor();
    await page.locator('.timeline button', { hasText: 'Clear dates' }).click();
    await page.waitForFunction(() => !location.hash.includes('from='));
    await assertClean(page, w);
  });

  it('loads more events with the cursor and sorts them by number of sources', async () => {
    const rows = page.locator('.events-table tbody tr');
    const more = page.locator('.events button.more');
    await more.waitFor();
    const first = await rows.count();
    await more.click();
    await page.waitForFunction((n) => document.querySelectorAll('.events-table tbody tr').length > n, first);
    const links = await page
      .locator('.events-table tbody tr td:nth-child(2) a')
      .evaluateAll((as) => as.map((a) => (a as unknown as PageElement).getAttribute('href')));
    assert.equal(new Set(links).size, links.length, 'no event twice');
    const total = (await page.locator('.events [role=status]').textContent()) ?? '';
    assert.match(total, new RegExp(`Showing ${links.length} of ${links.length}`));

    await page.locator('.events button.sort', { hasText: 'Sources' }).click();
    await page.waitForFunction(() => location.hash.includes('sort=sources'));
    await page.locator('th[aria-sort="descending"]', { hasText: 'Sources' }).waitFor();
    // The table reloaded from its first page (the rows from "Load more" are gone).
    await page.locator('.events [role=status]', { hasText: /^Showing 20 of/ }).waitFor();
    const sources = (await page.locator('.events-table tbody tr td.num').allTextContents()).map(Number);
    assert.equal(sources[0], Math.max(...sources));
    assert.deepEqual(
      sources,
      [...sources].sort((a, b) => b - a),
      'most sources first',
    );
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('sort='));
    await assertClean(page, w);
  });

  it('filters every view by an actor chosen with the keyboard in the network list, and back/forward work', async () => {
    const before = await page.locator('.events-table tbody tr').count();
    const pick = page.locator('.actor-pick[data-actor="PRK"]');
    await pick.focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => location.hash.includes('actor=PRK'));
    await page.locator('.actor-pick[data-actor="PRK"][aria-pressed="true"]').waitFor();
    await page.locator('.chip', { hasText: 'actor: PRK' }).waitFor();
    await page.waitForFunction((n) => document.querySelectorAll('.events-table tbody tr').length < n, before);
    const who = await page.locator('.events-table tbody tr td:nth-child(3)').allTextContents();
    assert.ok(who.length > 0);
    for (const cell of who) assert.match(cell, /PRK/, `every row involves North Korea: ${cell}`);
    // The filter form shows it too.
    assert.equal(await page.locator('#f-actor').inputValue(), 'PRK');

    await stableScreenshot(page, 'network', { element: page.locator('.network') });
    await stableScreenshot(page, 'events-table', { element: page.locator('.events') });

    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('actor='));
    await page.waitForFunction(() => document.querySelector('.actor-pick[aria-pressed="true"]') === null);
    await page.goForward();
    await page.waitForFunction(() => location.hash.includes('actor=PRK'));
    await page.locator('.actor-pick[data-actor="PRK"][aria-pressed="true"]').waitFor();
    await assertClean(page, w);
  });

  it('lists the events of a map cluster with links to them', async () => {
    await page.goto(`${fx.baseUrl}/#/`);
    await overviewReady(page);
    // With the keyboard: the list of clusters stands in for the circles on the map.
    await page.locator('.cluster-pick').first().focus();
    await page.keyboard.press('Enter');
    const first = page.locator('.cluster-events a').first();
    await first.waitFor();
    assert.match((await first.getAttribute('href')) ?? '', /^#\/events\/ev/);
    await stableScreenshot(page, 'map', { element: page.locator('.map-panel') });
    await assertClean(page, w);
  });

  it('opens the event three outlets report and shows who says what', async () => {
    const row = page
      .locator('.events-table tbody tr', { hasText: 'contradicted' })
      .filter({ hasText: 'Harbor Times' });
    await row.locator('a').first().click();
    await page.waitForFunction(() => location.hash.startsWith('#/events/'));
    await page.locator('.mention').first().waitFor();
    const outlets = await page.locator('.mention h3').allTextContents();
    assert.deepEqual([...outlets].sort(), ['Daily Ledger', 'Harbor Times', 'Northern Wire']);
    const polarity = await page.locator('.mention .badge').allTextContents();
    assert.deepEqual([...polarity].sort(), ['asserted', 'asserted', 'denied']);
    // The two numbers differ and are both marked; the denial has none.
    const differs = await page.locator('.mention .differs').allTextContents();
    assert.equal(differs.length, 2);
    assert.ok(
      differs.some((d) => d.includes('12,000')) && differs.some((d) => d.includes('10,000')),
      differs.join(' | '),
    );
    assert.ok((await page.locator('.contradictions li').count()) >= 1);
    await stableScreenshot(page, 'event-who-says-what', { fullPage: true });
    await assertClean(page, w);
  });

  it('opens the article with the evidence highlighted and explains each highlight', async () => {
    const card = page.locator('.mention', { hasText: 'Harbor Times' });
    const evidence = (await card.locator('blockquote.evidence').textContent()) ?? '';
    assert.ok(evidence.length > 20);
    await card.locator('a.to-article').click();
    await page.waitForFunction(() => location.hash.startsWith('#/documents/'));
    const target = page.locator('mark.target');
    await target.first().waitFor();
    // The highlighted element is exactly the evidence span.
    assert.equal(await target.count(), 1);
    assert.equal(await target.textContent(), evidence);
    const hash = new URL(page.url()).hash;
    const m = /^#\/documents\/([^?]+)\?.*hl=([^&]+)/.exec(hash);
    assert.ok(m, hash);
    const doc = await getJson<{
      text: string;
      layers: { events: { id: string; evidence: { start: number; end: number } }[] };
    }>(`/api/documents/${m[1]}`);
    const ev = doc.layers.events.find((e) => e.id === decodeURIComponent(m[2]!));
    assert.ok(ev);
    assert.equal(evidence, doc.text.slice(ev.evidence.start, ev.evidence.end));
    for (const layer of ['actors', 'times', 'places', 'quantities']) {
      assert.ok((await page.locator(`mark.layer-${layer}`).count()) > 0, `${layer} highlighted`);
    }
    // Focus (keyboard) on a quantity shows what was extracted and why.
    await page.locator('mark.layer-quantities').first().focus();
    const details = page.locator('.ann-details');
    await details.locator('h3', { hasText: 'Quantity' }).waitFor();
    assert.match((await details.textContent()) ?? '', /rule/);
    assert.match((await details.textContent()) ?? '', /CAMEO 072/);
    // The whole text is there, unchanged, in order.
    assert.equal(await page.locator('#article-text').textContent(), doc.text);
    await stableScreenshot(page, 'article', { fullPage: true });
    // Layer toggles switch highlights off (and out of the tab order).
    await page.locator('#layer-actors').uncheck();
    assert.equal(await page.locator('#article-text.off-actors').count(), 1);
    assert.equal(await page.locator('mark.layer-actors[tabindex="0"]').count(), 0);
    await assertClean(page, w);
  });

  it('shows the hostile article as text in every view; no script from the data runs', async () => {
    const events = await getJson<{ items: ListItem[] }>('/api/events?limit=500');
    const hostile = events.items.filter((e) => e.outlets.some((o) => o.includes('<script>')));
    assert.ok(hostile.length >= 2, 'the hostile article produced events');
    const docId = hostile[0]!.evidence!.document;
    const p = page;
    const views = [
      '#/',
      `#/?outlet=${encodeURIComponent(hostile[0]!.outlets[0]!)}`,
      ...hostile.map((e) => `#/events/${e.id}`),
      `#/documents/${encodeURIComponent(docId)}`,
      `#/documents/${encodeURIComponent(docId)}?hl=e1`,
      '#/actors/UKR',
    ];
    for (const v of views) {
      await p.goto(`${fx.baseUrl}/${v}`);
      if (v.startsWith('#/?') || v === '#/') await overviewReady(p);
      else await p.locator('main h1').first().waitFor();
      // The view's data has arrived (its loading line is gone).
      await p.locator('main [role=status]', { hasText: 'Loading' }).waitFor({ state: 'detached' });
      const state = await p.evaluate(() => ({
        xss: window.__xss,
        scripts: [...document.querySelectorAll('script')].map((s) => s.getAttribute('src') ?? 'inline'),
        imgs: document.querySelectorAll('img').length,
        jsLinks: document.querySelectorAll('a[href^="javascript:" i], [onerror], [onclick]').length,
        text: document.body.textContent ?? '',
      }));
      assert.equal(state.xss, undefined, `${v}: window.__xss`);
      assert.equal(state.scripts.length, 1, `${v}: only the dashboard's own script: ${state.scripts}`);
      assert.match(state.scripts[0]!, /^\.\/assets\/index-.*\.js$/);
      assert.equal(state.imgs, 0, `${v}: no <img> element`);
      assert.equal(state.jsLinks, 0, `${v}: no javascript: link or inline handler`);
      if (v.startsWith('#/documents/')) {
        for (const markup of HOSTILE_MARKUP)
          assert.ok(state.text.includes(markup), `${v}: shows ${markup} as text`);
        // The title's <img> is text too, and the javascript: URL is not a link.
        assert.ok(state.text.includes(HOSTILE_MARKUP[1]), `${v}: title as text`);
        assert.equal(await p.locator('a', { hasText: 'original' }).count(), 0);
      }
      if (v.startsWith('#/events/')) {
        assert.ok(state.text.includes('<script>window.__xss=1</script>'), `${v}: outlet shown as text`);
      }
    }
    await assertClean(p, w);
  });

  it('fits a tablet-width screen', async () => {
    await page.setViewportSize(TABLET);
    // A fresh load at this size (not a hash change on the page laid out for a laptop).
    await page.goto('about:blank');
    await page.goto(`${fx.baseUrl}/#/`);
    await overviewReady(page);
    // Nothing wider than the screen (no horizontal scrolling of the page).
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `page is ${overflow}px wider than the screen`);
    await stableScreenshot(page, 'overview-tablet');
    await assertClean(page, w);
  });
});
