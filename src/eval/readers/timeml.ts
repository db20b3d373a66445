/**
 * Reads the TempEval-3 gold (`timebank-te3/*.timex3.jsonl`, derived from the TimeML files by the data
 * folder's curator; see its SOURCE.md): one document per line with its creation date and TIMEX3 spans
 * as offsets into the tag-free text. Node fs only; knows nothing of the pipeline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Split } from '../suite.js';

export interface GoldTimex {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly value: string;
}

export interface TimemlDoc {
  readonly id: string;
  readonly text: string;
  /** Document creation time as YYYY-MM-DD (the DCT may carry a clock time; the date is kept). */
  readonly dct: string;
  readonly timex: readonly GoldTimex[];
}

/**
 * Which files make each split. TempEval-3's official split is TBAQ (TimeBank + AQUAINT) = train and
 * TE3 platinum = test; there is no official dev set, and no model is trained here, so dev and train
 * both read TBAQ and the platinum test set is kept for reporting.
 */
export function timemlFiles(split: Split): string[] {
  return split === 'test' ? ['te3-platinum.timex3.jsonl'] : ['aquaint.timex3.jsonl', 'timebank.timex3.jsonl'];
}

export function parseTimemlJsonl(content: string): TimemlDoc[] {
  const docs: TimemlDoc[] = [];
  for (const line of content.split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as {
      docid: string;
      dct: string;
      text: string;
      timex3: { start: number; end: number; text: string; type: string; value: string }[];
    };
    docs.push({
      id: row.docid,
      text: row.text,
      dct: row.dct.slice(0, 10),
      timex: row.timex3.map((t) => ({
        start: t.start,
        end: t.end,
        text: t.text,
        type: t.type,
        value: t.value,
      })),
    });
  }
  return docs;
}

/** The documents of a split, at most `limit` of them, in file order. */
export function readTimeml(folder: string, split: Split, limit: number | null): TimemlDoc[] {
  const docs: TimemlDoc[] = [];
  for (const file of timemlFiles(split)) {
    docs.push(...parseTimemlJsonl(readFileSync(path.join(folder, file), 'utf8')));
    if (limit !== null && docs.length >= limit) break;
  }
  return limit === null ? docs : docs.slice(0, limit);
}
