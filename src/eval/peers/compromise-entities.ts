/**
 * The `entities` peer: compromise's people(), organizations() and places() with their character
 * offsets, as PER / ORG / LOC (compromise has no MISC). compromise's matches can carry trailing
 * punctuation ("New York ."), which no NER scorer would count as part of a name, so spans are trimmed
 * of surrounding spaces and punctuation. Imports compromise only.
 */
import nlp from 'compromise';

export interface PredictedEntity {
  readonly start: number;
  readonly end: number;
  readonly label: 'PER' | 'ORG' | 'LOC' | 'MISC';
}

interface OffsetJson {
  offset: { start: number; length: number };
}

const EDGE = /[\s.,;:!?"'()[\]{}\u2018\u2019\u201c\u201d-]/;

function trimmed(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && EDGE.test(text[s]!)) s++;
  // A final period stays when it ends an abbreviation inside the name ("U.S.").
  while (
    e > s &&
    EDGE.test(text[e - 1]!) &&
    !(text[e - 1] === '.' && /\.[A-Za-z]$/.test(text.slice(s, e - 1)))
  )
    e--;
  return [s, e];
}

export function compromiseEntities(text: string): PredictedEntity[] {
  const doc = nlp(text);
  const out: PredictedEntity[] = [];
  const seen = new Set<string>();
  const add = (items: OffsetJson[], label: PredictedEntity['label']) => {
    for (const item of items) {
      const [start, end] = trimmed(text, item.offset.start, item.offset.start + item.offset.length);
      const key = `${start}:${end}`;
      if (end <= start || seen.has(key)) continue;
      seen.add(key);
      out.push({ start, end, label });
    }
  };
  add(doc.people().json({ offset: true }) as OffsetJson[], 'PER');
  add(doc.organizations().json({ offset: true }) as OffsetJson[], 'ORG');
  add(doc.places().json({ offset: true }) as OffsetJson[], 'LOC');
  return out.sort((a, b) => a.start - b.start);
}
