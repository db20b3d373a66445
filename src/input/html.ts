/**
 * HTML → article text and metadata. The page is parsed with linkedom (a fast DOM that never runs
 * scripts) and reduced with Mozilla's Readability (boilerplate, navigation and scripts gone). The text
 * keeps one paragraph per block element, separated by blank lines, so sentence and paragraph
 * boundaries survive. Metadata: `article:published_time` and friends, JSON-LD `datePublished`, then
 * `<time datetime>`. Imports core only.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { SitrepError } from '../core/errors.js';
import type { DocumentMeta } from '../core/types.js';
import { isoDateFromMetadata } from './published-date.js';

/** Looks like HTML: a doctype, an <html>/<body>/<article> tag, or several paragraph tags near the start. */
export function looksLikeHtml(text: string): boolean {
  const head = text.slice(0, 2048).trimStart().toLowerCase();
  if (/^<!doctype html|^<html[\s>]|^<\?xml[^>]*>\s*<html/.test(head)) return true;
  if (/<(html|head|body|article)[\s>]/.test(head)) return true;
  return (head.match(/<\/?(p|div|span|br|h[1-6])[\s>/]/g) ?? []).length >= 3;
}

const BLOCKS = new Set([
  'P',
  'DIV',
  'SECTION',
  'ARTICLE',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'BLOCKQUOTE',
  'PRE',
  'TR',
  'FIGCAPTION',
  'HEADER',
  'FOOTER',
  'DD',
  'DT',
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

/**
 * Text of a DOM subtree: block elements become paragraphs (blank-line separated), inline whitespace
 * collapses. Walked with an explicit stack, not recursion: a page nested 100k elements deep must
 * not overflow the call stack.
 */
export function blockText(root: DomNode): string {
  const paragraphs: string[] = [];
  let current = '';
  const flush = () => {
    const p = current.replace(/[ \t\f\v\u00a0\r\n]+/g, ' ').trim();
    if (p) paragraphs.push(p);
    current = '';
  };
  // A null entry closes the block element opened before it.
  const stack: (DomNode | null)[] = [root];
  while (stack.length) {
    const node = stack.pop();
    if (node === null) {
      flush();
      continue;
    }
    if (!node) continue;
    if (node.nodeType === 3) {
      current += node.textContent ?? '';
      continue;
    }
    if (node.nodeType !== 1) continue;
    const name = node.nodeName.toUpperCase();
    if (name === 'SCRIPT' || name === 'STYLE' || name === 'NOSCRIPT' || name === 'TEMPLATE') continue;
    if (name === 'BR') {
      current += ' ';
      continue;
    }
    if (BLOCKS.has(name)) {
      flush();
      stack.push(null);
    }
    for (let i = node.childNodes.length - 1; i >= 0; i--) stack.push(node.childNodes[i]!);
  }
  flush();
  return paragraphs.join('\n\n');
}

/**
 * Deeper than this, Readability's walks over each node's ancestors make it quadratic in the depth
 * (800 nested elements: 10 s; found by test/fuzz.test.ts). Real article layouts nest a few dozen
 * levels, so a deeper page skips Readability and its visible text is taken as it is.
 */
export const MAX_READABILITY_DEPTH = 256;

/** Whether any element lies deeper than `limit` below `root` (iterative, stops at the first). */
export function nestedDeeperThan(root: DomNode, limit: number): boolean {
  const stack: [DomNode, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > limit) return true;
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i]!;
      if (child.nodeType === 1) stack.push([child, depth + 1]);
    }
  }
  return false;
}

type LinkedDocument = ReturnType<typeof parseHTML>['document'];

export interface HtmlArticle {
  readonly text: string;
  readonly meta: Partial<DocumentMeta>;
}

function metaContent(document: LinkedDocument, selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    const v = el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? null;
    if (v?.trim()) return v.trim();
  }
  return null;
}

/** `datePublished` from JSON-LD blocks (an object, an array, or an @graph), never evaluated, only parsed. */
function jsonLdDate(document: LinkedDocument): string | null {
  for (const el of document.querySelectorAll('script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(el.textContent ?? '');
    } catch {
      continue;
    }
    const stack: unknown[] = [data];
    while (stack.length) {
      const item = stack.pop();
      if (Array.isArray(item)) stack.push(...item);
      else if (item && typeof item === 'object') {
        const o = item as Record<string, unknown>;
        if (typeof o.datePublished === 'string') return o.datePublished;
        if (o['@graph']) stack.push(o['@graph']);
      }
    }
  }
  return null;
}

/** Reduces an HTML page to its article's text and metadata; refuses a page with no article text. */
export function htmlToArticle(input: string, html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const rawDate =
    metaContent(document, [
      'meta[property="article:published_time"]',
      'meta[name="article:published_time"]',
      'meta[property="og:article:published_time"]',
      'meta[itemprop="datePublished"]',
      'meta[name="pubdate"]',
      'meta[name="publishdate"]',
      'meta[name="date"]',
      'meta[name="dc.date"]',
      'meta[name="DC.date.issued"]',
    ]) ??
    jsonLdDate(document) ??
    metaContent(document, ['time[datetime]']);
  const metaTitle = metaContent(document, ['meta[property="og:title"]', 'meta[name="title"]']);
  const metaSite = metaContent(document, ['meta[property="og:site_name"]']);
  const metaUrl =
    metaContent(document, ['meta[property="og:url"]']) ??
    document.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    null;

  let text = '';
  let title: string | null = null;
  const tooDeep = nestedDeeperThan(document as unknown as DomNode, MAX_READABILITY_DEPTH);
  try {
    // Readability mutates the DOM it is given; the metadata above was read first.
    const article = tooDeep ? null : new Readability(document as never, { charThreshold: 200 }).parse();
    if (article?.content) {
      const { document: content } = parseHTML(`<!doctype html><html><body>${article.content}</body></html>`);
      text = blockText(content.body as unknown as DomNode);
      title = article.title?.trim() || null;
    }
  } catch (err) {
    throw new SitrepError('INPUT_MALFORMED', `${input}: the HTML could not be reduced to an article`, {
      input,
      cause: err,
    });
  }
  if (text.trim().length < 80) {
    // Readability found no article body (a bare page, a list of links): take the visible body text
    // when it is substantial, else refuse the page.
    const { document: again } = parseHTML(html);
    const body = again.body ? blockText(again.body as unknown as DomNode) : '';
    if (body.trim().length < 200) {
      throw new SitrepError('INPUT_NO_ARTICLE', `${input}: HTML page with no article text`, { input });
    }
    text = body;
  }
  const published = rawDate ? isoDateFromMetadata(rawDate) : null;
  return {
    text,
    meta: {
      title: metaTitle ?? title ?? (document.querySelector('title')?.textContent?.trim() || null),
      published,
      publishedFrom: published ? 'metadata' : null,
      source: metaSite,
      url: metaUrl,
    },
  };
}
