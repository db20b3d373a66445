/**
 * Reads CoNLL-2003 NER files (`TOKEN POS CHUNK NER`, IOB1 tags) into documents whose text is the
 * tokens joined by one space, sentences by a blank line (so the pipeline never runs a sentence across
 * two), with each gold entity as character offsets into that text. In the mirror the `-DOCSTART-`
 * line comes after its document (see the data folder's SOURCE.md), so it is treated as a boundary
 * either way. Node fs only; knows nothing of the pipeline.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Split } from '../suite.js';

export type ConllType = 'PER' | 'ORG' | 'LOC' | 'MISC';

export interface ConllEntity {
  readonly start: number;
  readonly end: number;
  readonly label: ConllType;
}

export interface ConllDoc {
  readonly text: string;
  readonly entities: readonly ConllEntity[];
  /** Token offsets, for aligning predictions: [start, end) of each token. */
  readonly tokens: readonly (readonly [number, number])[];
  /** A date in the dateline (YYYY-MM-DD) if the first sentences carry one, else null. */
  readonly date: string | null;
}

/** testa is the community's dev set, testb the test set. */
export function conllFile(split: Split): string {
  return split === 'test' ? 'eng.testb' : split === 'dev' ? 'eng.testa' : 'eng.train';
}

const SENTENCE_SEP = '\n\n';

export function parseConll(content: string): ConllDoc[] {
  const docs: ConllDoc[] = [];
  let sentences: { token: string; tag: string }[][] = [];
  let current: { token: string; tag: string }[] = [];

  const endSentence = () => {
    if (current.length > 0) sentences.push(current);
    current = [];
  };
  const endDocument = () => {
    endSentence();
    if (sentences.length > 0) docs.push(buildDoc(sentences));
    sentences = [];
  };

  for (const raw of content.split('\n')) {
    const line = raw.trimEnd();
    if (line.startsWith('-DOCSTART-')) endDocument();
    else if (line === '') endSentence();
    else {
      const cols = line.split(' ');
      current.push({ token: cols[0]!, tag: cols[cols.length - 1]! });
    }
  }
  endDocument();
  return docs;
}

function buildDoc(sentences: { token: string; tag: string }[][]): ConllDoc {
  let text = '';
  const tokens: [number, number][] = [];
  const entities: ConllEntity[] = [];
  let date: string | null = null;
  sentences.forEach((sentence, si) => {
    if (si > 0) text += SENTENCE_SEP;
    // IOB1: I-X continues an entity of type X; B-X starts a new one right after another X.
    let open: { start: number; end: number; label: ConllType } | null = null;
    const close = () => {
      if (open) entities.push(open);
      open = null;
    };
    sentence.forEach(({ token, tag }, ti) => {
      if (ti > 0) text += ' ';
      const start = text.length;
      text += token;
      const end = text.length;
      tokens.push([start, end]);
      if (date === null && si < 3 && /^\d{4}-\d{2}-\d{2}$/.test(token)) date = token;
      if (tag === 'O') {
        close();
        return;
      }
      const [bio, type] = tag.split('-') as [string, ConllType];
      const cur = open as { start: number; end: number; label: ConllType } | null;
      if (bio === 'I' && cur && cur.label === type) cur.end = end;
      else {
        close();
        open = { start, end, label: type };
      }
    });
    close();
  });
  return { text, entities, tokens, date };
}

/** The documents of a split, at most `limit` of them. */
export function readConll(folder: string, split: Split, limit: number | null): ConllDoc[] {
  const docs = parseConll(readFileSync(path.join(folder, conllFile(split)), 'utf8'));
  return limit === null ? docs : docs.slice(0, limit);
}
