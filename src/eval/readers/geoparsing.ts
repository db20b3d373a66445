/**
 * Reads the geoparsing gold corpora (GeoWebNews, LGL, TR-News; see the data folder's SOURCE.md) into
 * articles with gold toponym spans and, where resolved, coordinates. The files are simple, regular
 * XML, so a few regular expressions read them (no XML package needed); element text is unescaped,
 * CDATA is taken verbatim. Offsets are checked against the text and re-aligned to the nearest
 * occurrence of the toponym when a corpus is off by a character (TR-News: 117 spans; GeoWebNews: 5).
 * Node fs only; knows nothing of the pipeline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Split } from '../suite.js';

export interface GoldToponym {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Gold coordinates, or null for a toponym the corpus does not resolve. */
  readonly lat: number | null;
  readonly lon: number | null;
}

export interface GeoArticle {
  readonly id: string;
  readonly text: string;
  /** Download / publication date (YYYY-MM-DD) where the corpus gives one. */
  readonly date: string | null;
  readonly toponyms: readonly GoldToponym[];
}

export type GeoCorpus = 'GeoWebNews' | 'LGL' | 'TR-News';

export const GEO_FILES: Record<GeoCorpus, string> = {
  GeoWebNews: 'GeoWebNews.GWN.xml',
  LGL: 'lgl.xml',
  'TR-News': 'TR-News.xml',
};

/**
 * No corpus has an official split (they are all test corpora). Here LGL (US local news) is the dev
 * corpus Sitrep may be tuned on, GeoWebNews (world news, 2018) is the test corpus, and TR-News is
 * reported beside it as an extra test corpus.
 */
export function geoCorpora(split: Split): GeoCorpus[] {
  return split === 'test' ? ['GeoWebNews', 'TR-News'] : ['LGL'];
}

/**
 * GeoWebNews annotates non-toponyms too. These are its toponym types (Gritta et al. 2019, "A Pragmatic
 * Guide to Geoparsing Evaluation"): the gold spans for recognition.
 */
const GWN_TOPONYM_TYPES = new Set([
  'Literal',
  'Metonymic',
  'Mixed',
  'Non_Literal_Modifier',
  'Literal_Modifier',
  'Embedded_Non_Lit',
  'Embedded_Literal',
  'Coercion',
]);

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return ENTITIES[e]!;
  });
}

/** The text of the first `<tag>` element in `xml` (CDATA verbatim, else unescaped), or null if absent or empty. */
export function elementText(xml: string, tag: string): string | null {
  const re = new RegExp(`<${tag}(?:\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${tag}>)`);
  const m = re.exec(xml);
  if (!m || m[1] === undefined) return null;
  const inner = m[1];
  const cdata = /^\s*<!\[CDATA\[([\s\S]*?)\]\]>\s*$/.exec(inner);
  return cdata ? cdata[1]! : unescapeXml(inner);
}

function elements(xml: string, tag: string): string[] {
  const re = new RegExp(`<${tag}[\\s>][\\s\\S]*?</${tag}>`, 'g');
  return xml.match(re) ?? [];
}

function num(s: string | null): number | null {
  if (s === null || s.trim() === '') return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** The offsets if they hold the phrase, else the nearest occurrence within 20 characters, else null. */
function align(text: string, start: number, end: number, phrase: string): [number, number] | null {
  if (text.slice(start, end) === phrase) return [start, end];
  let best: number | null = null;
  for (let d = 1; d <= 20 && best === null; d++) {
    for (const s of [start - d, start + d]) {
      if (s >= 0 && text.startsWith(phrase, s)) {
        best = s;
        break;
      }
    }
  }
  return best === null ? null : [best, best + phrase.length];
}

export function parseGeoXml(xml: string, corpus: GeoCorpus): GeoArticle[] {
  const out: GeoArticle[] = [];
  elements(xml, 'article').forEach((article, i) => {
    const text = elementText(article, 'text') ?? '';
    const id = /docid="([^"]+)"/.exec(article)?.[1] ?? /file="([^"]+)"/.exec(article)?.[1] ?? String(i);
    const dltime = elementText(article, 'dltime');
    const date = dltime && /^\d{4}-\d{2}-\d{2}/.test(dltime.trim()) ? dltime.trim().slice(0, 10) : null;
    const toponyms: GoldToponym[] = [];
    for (const t of elements(article, 'toponym')) {
      const start = Number(elementText(t, 'start'));
      const end = Number(elementText(t, 'end'));
      let phrase: string | null;
      let lat: number | null;
      let lon: number | null;
      if (corpus === 'GeoWebNews') {
        if (!GWN_TOPONYM_TYPES.has(elementText(t, 'type') ?? '')) continue;
        phrase = elementText(t, 'extractedName');
        lat = num(elementText(t, 'latitude'));
        lon = num(elementText(t, 'longitude'));
      } else {
        phrase = elementText(t, 'phrase');
        const gaz = elementText(t, 'gaztag');
        lat = gaz === null ? null : num(elementText(t, 'lat'));
        lon = gaz === null ? null : num(elementText(t, 'lon'));
      }
      if (phrase === null || !Number.isFinite(start) || !Number.isFinite(end)) continue;
      const at = align(text, start, end, phrase.trim() === phrase ? phrase : phrase.trim());
      if (at === null) continue;
      toponyms.push({ start: at[0], end: at[1], text: text.slice(at[0], at[1]), lat, lon });
    }
    toponyms.sort((a, b) => a.start - b.start);
    out.push({ id: `${corpus}:${id}`, text, date, toponyms });
  });
  return out;
}

/** The articles of one corpus, at most `limit` of them. */
export function readGeoCorpus(folder: string, corpus: GeoCorpus, limit: number | null): GeoArticle[] {
  const articles = parseGeoXml(readFileSync(path.join(folder, GEO_FILES[corpus]), 'utf8'), corpus);
  return limit === null ? articles : articles.slice(0, limit);
}
