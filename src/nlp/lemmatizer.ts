/**
 * Lemmas as UD English EWT gives them: suffix rules over the PTB tag (plural nouns, verb -s/-ed/-ing
 * with consonant undoubling and e-restoration, comparatives and superlatives) plus an exception
 * lexicon learned from train, holding (XPOS, form) -> lemma only where the rules give something
 * else (was -> be, better -> good, me -> I, 's -> be). Case follows EWT: lemmas are lower-cased
 * except for words tagged NNP/NNPS, which keep the form's case ("States" -> "State"), and "I".
 */
import { dataPath } from '../data/paths.js';
import type { ConlluSentence } from './conllu.js';
import { decodeModel, readModelFile, writeModelFile } from './model-file.js';

export const LEMMATIZER_FORMAT = 'sitrep-lemmatizer/1';

interface LemmatizerHeader {
  readonly format: string;
  /** [XPOS, key form, lemma], sorted; the key form is lower-cased except for NNP/NNPS. */
  readonly exceptions: readonly (readonly [string, string, string])[];
}

const VOWELS = 'aeiou';

function isVowel(c: string | undefined): boolean {
  return c !== undefined && VOWELS.includes(c);
}

function isConsonant(c: string | undefined): boolean {
  return c !== undefined && c >= 'a' && c <= 'z' && !VOWELS.includes(c);
}

/**
 * The stem left after removing -ed/-ing/-er/-est: undoubles a final doubled consonant
 * (stopp -> stop, bigg -> big) and puts back a dropped "e" where English spelling needs one
 * (us -> use, mak -> make, creat -> create, produc -> produce, argu -> argue, chang -> change).
 * A guess for words the lexicon has not seen; the lexicon overrides it for words from train.
 */
function repairStem(stem: string): string {
  const n = stem.length;
  if (n < 2) return stem;
  const last = stem[n - 1]!;
  const prev = stem[n - 2]!;
  // Doubled consonants that English keeps in the base (call, miss, stuff, buzz, add) stay, but a
  // stressed final -el/-ol of a longer verb doubles its l (expelled, controlled, patrolled).
  if (last === prev) {
    if (last === 'l' && /[^aeiou][eo]ll$/.test(stem) && /[aeiouy][^aeiouy]+[eo]ll$/.test(stem)) {
      return stem.slice(0, -1);
    }
    return isConsonant(last) && !'lsfzd'.includes(last) ? stem.slice(0, -1) : stem;
  }
  // Never word-final without an "e" (move, produce, argue, amaze, use, purse).
  if ('vcuzs'.includes(last)) return `${stem}e`;
  if (last === 'g') {
    return (/[rnd]g$/.test(stem) && !/[io]ng$/.test(stem)) || /[^aeiou][aiou]g$/.test(stem)
      ? `${stem}e`
      : stem;
  }
  // -uate and -create end in a vowel pair that is not a digraph (evaluate, create; but treat, eat).
  if (stem.endsWith('uat') || stem.endsWith('creat')) return `${stem}e`;
  if (last === 'l') return /[bptdkgfczs]l$/.test(stem) || /[^aeiou][io]l$/.test(stem) ? `${stem}e` : stem;
  if (!isConsonant(last) || 'wxy'.includes(last)) return stem;
  // A consonant cluster (ask, want) or a vowel digraph (eat, need) before it: no "e".
  if (!isVowel(prev) || isVowel(stem[n - 3])) return stem;
  switch (last) {
    case 'd':
    case 'k':
    case 'b':
    case 'f':
      return `${stem}e`;
    case 't':
      return prev === 'a' || prev === 'u' || n <= 3 ? `${stem}e` : stem;
    case 'r':
      if (prev === 'e') return stem;
      if (prev === 'o') return /(?:^|[^aeiou])[^aeiou]or$/.test(stem) ? `${stem}e` : stem;
      return `${stem}e`;
    case 'n':
      return prev === 'i' || (prev === 'o' && n <= 4) ? `${stem}e` : stem;
    case 'm':
      return prev === 'e' ? stem : `${stem}e`;
    case 'p':
      return n <= 4 ? `${stem}e` : stem;
    default:
      return stem;
  }
}

function pluralNoun(w: string): string {
  const n = w.length;
  if (n > 2 && (w.endsWith("'s") || w.endsWith('’s'))) return w.slice(0, -2);
  if (n <= 2 || !w.endsWith('s')) return w;
  if (w.endsWith('ss') || w.endsWith('us') || w.endsWith('is')) return w;
  if (w.endsWith('ies') && n > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zzes)$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

function thirdPerson(w: string): string {
  const n = w.length;
  if (n <= 2 || !w.endsWith('s') || w.endsWith('ss')) return w;
  if (w.endsWith('ies') && n > 4) return `${w.slice(0, -3)}y`;
  if (/(?:ches|shes|sses|xes|zzes|oes)$/.test(w)) return w.slice(0, -2);
  return w.slice(0, -1);
}

function pastTense(w: string): string {
  const n = w.length;
  if (n > 4 && w.endsWith('ied')) return `${w.slice(0, -3)}y`;
  if (n > 3 && w.endsWith('eed')) return w.slice(0, -1);
  if (n > 3 && w.endsWith('ed')) return repairStem(w.slice(0, -2));
  return w;
}

function gerund(w: string): string {
  if (w.length > 4 && w.endsWith('ing')) return repairStem(w.slice(0, -3));
  return w;
}

function comparative(w: string, suffix: 'er' | 'est'): string {
  const n = w.length;
  if (!w.endsWith(suffix) || n <= suffix.length + 2) return w;
  const stem = w.slice(0, -suffix.length);
  if (stem.endsWith('i')) return `${stem.slice(0, -1)}y`;
  return repairStem(stem);
}

/** The rule-based lemma of a form (before the exception lexicon). */
export function ruleLemma(form: string, xpos: string): string {
  if (xpos === 'NNP') return form;
  if (xpos === 'NNPS') return pluralNoun(form);
  const w = form.toLowerCase();
  switch (xpos) {
    case 'NNS':
      return pluralNoun(w);
    case 'VBZ':
      return thirdPerson(w);
    case 'VBD':
    case 'VBN':
      return pastTense(w);
    case 'VBG':
      return gerund(w);
    case 'JJR':
    case 'RBR':
      return comparative(w, 'er');
    case 'JJS':
    case 'RBS':
      return comparative(w, 'est');
    default:
      return w;
  }
}

function keyForm(form: string, xpos: string): string {
  return xpos === 'NNP' || xpos === 'NNPS' ? form : form.toLowerCase();
}

export const DEFAULT_LEMMATIZER_PATH = dataPath('models', 'lemmatizer.bin');

export class Lemmatizer {
  /** `XPOS \t keyForm` -> lemma. */
  private readonly exceptions: ReadonlyMap<string, string>;

  constructor(exceptions: Iterable<readonly [string, string, string]>) {
    const m = new Map<string, string>();
    for (const [xpos, form, lemma] of exceptions) m.set(`${xpos}\t${form}`, lemma);
    this.exceptions = m;
  }

  static load(path: string = DEFAULT_LEMMATIZER_PATH): Lemmatizer {
    return Lemmatizer.fromHeader(readModelFile<LemmatizerHeader>(path).header, path);
  }

  static decode(bytes: Uint8Array, source = 'lemmatizer'): Lemmatizer {
    return Lemmatizer.fromHeader(decodeModel<LemmatizerHeader>(bytes, source).header, source);
  }

  private static fromHeader(header: LemmatizerHeader, source: string): Lemmatizer {
    if (header.format !== LEMMATIZER_FORMAT)
      throw new Error(`${source}: not a lemmatizer model (${header.format})`);
    return new Lemmatizer(header.exceptions);
  }

  get size(): number {
    return this.exceptions.size;
  }

  /** The lemma of `form` tagged `upos`/`xpos` (UPOS is accepted for callers; XPOS drives the rules). */
  lemma(form: string, _upos: string, xpos: string): string {
    const hit = this.exceptions.get(`${xpos}\t${keyForm(form, xpos)}`);
    return hit ?? ruleLemma(form, xpos);
  }

  save(path: string): { bytes: number; sha256: string } {
    const exceptions = [...this.exceptions]
      .map(([k, lemma]) => {
        const tab = k.indexOf('\t');
        return [k.slice(0, tab), k.slice(tab + 1), lemma] as const;
      })
      .sort((a, b) => (a[0] + '\t' + a[1] < b[0] + '\t' + b[1] ? -1 : 1));
    const header: LemmatizerHeader = { format: LEMMATIZER_FORMAT, exceptions };
    return writeModelFile(path, header, {});
  }
}

/**
 * The exception lexicon of a training set: for each (XPOS, key form), the most frequent gold lemma
 * (ties: the alphabetically first), kept only where the rules say otherwise.
 */
export function trainLemmatizer(train: readonly ConlluSentence[]): Lemmatizer {
  const counts = new Map<string, Map<string, number>>();
  for (const s of train) {
    for (const w of s.words) {
      if (w.lemma === '_' || w.lemma === '') continue;
      const key = `${w.xpos}\t${keyForm(w.form, w.xpos)}`;
      let inner = counts.get(key);
      if (!inner) {
        inner = new Map();
        counts.set(key, inner);
      }
      inner.set(w.lemma, (inner.get(w.lemma) ?? 0) + 1);
    }
  }
  const exceptions: [string, string, string][] = [];
  for (const key of [...counts.keys()].sort()) {
    let best = '';
    let bestCount = 0;
    for (const [lemma, n] of [...counts.get(key)!].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
      if (n > bestCount) {
        best = lemma;
        bestCount = n;
      }
    }
    const tab = key.indexOf('\t');
    const xpos = key.slice(0, tab);
    const form = key.slice(tab + 1);
    // The rule sees the key form; for lower-cased keys that is what any casing of the word yields.
    if (ruleLemma(form, xpos) !== best) exceptions.push([xpos, form, best]);
  }
  return new Lemmatizer(exceptions);
}

let shared: Lemmatizer | null = null;

/** The committed lexicon (data/models/lemmatizer.bin), loaded on first use. */
export function defaultLemmatizer(): Lemmatizer {
  if (!shared) shared = Lemmatizer.load();
  return shared;
}
