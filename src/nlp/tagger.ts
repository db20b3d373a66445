/**
 * Part-of-speech tagger: UPOS and PTB XPOS predicted jointly (one class per "UPOS|XPOS" pair seen in
 * training, ~100 classes) by a greedy left-to-right averaged perceptron over hashed features.
 * Joint classes keep the two tag sets consistent (no NOUN|VBD) and let UPOS distinctions that XPOS
 * does not make (AUX vs VERB, SCONJ vs ADP, PRON vs DET) use the same context features.
 *
 * Speed: every string-derived hash (word, lower case, affixes, shape) is computed once per word
 * per sentence into reusable typed arrays; the per-token loop only mixes integers into one
 * `Uint32Array` feature buffer and scores into one `Float32Array`. Frequent words that always had the
 * same class in training (Honnibal's tag dictionary) skip the model.
 */
import { dataPath } from '../data/paths.js';
import { decodeModel, encodeModel, perceptronArrays, perceptronFrom, readModelFile } from './model-file.js';
import { argmax, type FrozenPerceptron, mix, type Scorer } from './perceptron.js';

export const TAGGER_FORMAT = 'sitrep-tagger/1';

/** What the model file's header holds beside the perceptron arrays. */
export interface TaggerHeader {
  readonly format: string;
  /** Class names, "UPOS|XPOS". */
  readonly classes: readonly string[];
  /** Exact form -> class for frequent unambiguous words. */
  readonly tagDict: readonly (readonly [string, number])[];
  /** Lower-cased form -> id of the set of classes seen with it in training (ambiguity class). */
  readonly ambiguity: readonly (readonly [string, number])[];
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** The lexicons learned from training data that features read (not weights). */
export interface TaggerLexicon {
  readonly classes: readonly string[];
  readonly tagDict: ReadonlyMap<string, number>;
  /** Lower-cased form -> ambiguity class id, as stored in the header. */
  readonly ambiguity: ReadonlyMap<string, number>;
  /** The same keyed by `lowerHash` (what features look up, without allocating a lower-cased string). */
  readonly ambiguityByHash: ReadonlyMap<number, number>;
}

// Feature templates: each feature is mix(TEMPLATE, value...) so equal values of different templates
// do not collide. The numbers are part of the model format.
const T = {
  bias: 1,
  form: 2,
  lower: 3,
  prefix: 4, // + length (4..7)
  suffix: 8, // + length (8..11)
  shape: 12,
  flags: 13,
  lowerM1: 14,
  lowerM2: 15,
  lowerP1: 16,
  lowerP2: 17,
  suffixM1: 18,
  suffixP1: 19,
  tagM1: 20,
  tagM2: 21,
  tagM1M2: 22,
  tagM1Lower: 23,
  bigramM1: 24,
  bigramP1: 25,
  ambig: 26,
  ambigP1: 27,
  ambigP2: 28,
  ambigM1: 29,
  shapeP1: 30,
  shapeM1: 31,
  tagM1Suffix: 32,
  tagM1AmbigP1: 33,
  ambigAmbigP1: 34,
  lowerM1P1: 35,
  lowerM3Suffix: 36,
} as const;

export const MAX_FEATURES = 40;
const PAD = 2;
/** The hash of "no word" (sentence boundary) and of "no tag yet". */
const BOUNDARY = 0x5bd1e995;
const NO_TAG = 0x27d4eb2f;
const UNKNOWN = 0x165667b1;

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

function lowerCode(c: number): number {
  if (c >= 65 && c <= 90) return c + 32;
  if (c < 128) return c;
  const l = String.fromCharCode(c).toLowerCase();
  return l.length === 1 ? l.charCodeAt(0) : c;
}

/** Character class for the word shape: X upper, x lower, d digit, else the character itself. */
function shapeCode(c: number): number {
  if (c >= 65 && c <= 90) return 88;
  if (c >= 97 && c <= 122) return 120;
  if (c >= 48 && c <= 57) return 100;
  if (c < 128) return c;
  const s = String.fromCharCode(c);
  if (s.toLowerCase() !== s) return 88;
  if (s.toUpperCase() !== s) return 120;
  return c;
}

const FLAG_DIGIT = 1;
const FLAG_HYPHEN = 2;
const FLAG_UPPER = 4;
const FLAG_ALL_UPPER = 8;
const FLAG_FIRST = 16;
const FLAG_TITLE = 32;

/** Per-word hashes of one sentence, in typed arrays reused from sentence to sentence. */
export class SentenceFeatures {
  length = 0;
  private capacity = 0;
  form = new Uint32Array(0);
  lower = new Uint32Array(0);
  shape = new Uint32Array(0);
  flags = new Uint32Array(0);
  ambig = new Uint32Array(0);
  suffix3 = new Uint32Array(0);
  /** 4 prefix and 4 suffix hashes per word (0 when the word is shorter). */
  affix = new Uint32Array(0);
  /** Tag-dictionary class, or -1. */
  fixed = new Int32Array(0);

  private ensure(n: number): void {
    const need = n + 2 * PAD;
    if (need <= this.capacity) return;
    const cap = Math.max(need, this.capacity * 2, 64);
    this.capacity = cap;
    this.form = new Uint32Array(cap);
    this.lower = new Uint32Array(cap);
    this.shape = new Uint32Array(cap);
    this.flags = new Uint32Array(cap);
    this.ambig = new Uint32Array(cap);
    this.suffix3 = new Uint32Array(cap);
    this.affix = new Uint32Array(cap * 8);
    this.fixed = new Int32Array(cap);
  }

  /** Fills the arrays for `forms` (word i is at slot i + PAD; the pads are sentence boundaries). */
  load(forms: readonly string[], lexicon: TaggerLexicon): void {
    const n = forms.length;
    this.ensure(n);
    this.length = n;
    for (let p = 0; p < PAD; p++) {
      this.setBoundary(p);
      this.setBoundary(n + PAD + p);
    }
    for (let i = 0; i < n; i++) this.setWord(i + PAD, forms[i]!, i === 0, lexicon);
  }

  private setBoundary(slot: number): void {
    this.form[slot] = BOUNDARY;
    this.lower[slot] = BOUNDARY;
    this.shape[slot] = BOUNDARY;
    this.flags[slot] = 0;
    this.ambig[slot] = BOUNDARY;
    this.suffix3[slot] = BOUNDARY;
    this.affix.fill(0, slot * 8, slot * 8 + 8);
    this.fixed[slot] = -1;
  }

  private setWord(slot: number, form: string, first: boolean, lexicon: TaggerLexicon): void {
    const len = form.length;
    let hForm = FNV_OFFSET;
    let hLower = FNV_OFFSET;
    let hShape = FNV_OFFSET;
    let lastShape = -1;
    let shapeRun = 0;
    let flags = first ? FLAG_FIRST : 0;
    let uppers = 0;
    let letters = 0;
    const a = slot * 8;
    for (let i = 0; i < len; i++) {
      const c = form.charCodeAt(i);
      const l = lowerCode(c);
      hForm = Math.imul(hForm ^ c, FNV_PRIME);
      hLower = Math.imul(hLower ^ l, FNV_PRIME);
      if (i < 4) this.affix[a + i] = hLower >>> 0;
      const s = shapeCode(c);
      // Runs of the same class are cut at 2 ("Xxxxx" -> "Xxx"), so length shows only for short words.
      if (s === lastShape) shapeRun++;
      else shapeRun = 1;
      lastShape = s;
      if (shapeRun <= 2) hShape = Math.imul(hShape ^ s, FNV_PRIME);
      if (s === 100) flags |= FLAG_DIGIT;
      else if (c === 45) flags |= FLAG_HYPHEN;
      if (s === 88) {
        uppers++;
        letters++;
      } else if (s === 120) letters++;
    }
    for (let i = len; i < 4; i++) this.affix[a + i] = 0;
    // Suffixes: hashed from the end backwards (a different hash from the prefix of the same string).
    let hSuf = FNV_OFFSET;
    for (let k = 1; k <= 4; k++) {
      if (k <= len) {
        hSuf = Math.imul(hSuf ^ lowerCode(form.charCodeAt(len - k)), FNV_PRIME);
        this.affix[a + 3 + k] = hSuf >>> 0;
      } else this.affix[a + 3 + k] = 0;
    }
    if (uppers > 0) flags |= FLAG_UPPER;
    if (uppers > 1 && uppers === letters) flags |= FLAG_ALL_UPPER;
    if (uppers === 1 && shapeCode(form.charCodeAt(0)) === 88) flags |= FLAG_TITLE;
    this.form[slot] = hForm >>> 0;
    this.lower[slot] = hLower >>> 0;
    this.shape[slot] = hShape >>> 0;
    this.flags[slot] = flags;
    this.suffix3[slot] = len >= 3 ? this.affix[a + 6]! : hLower >>> 0;
    const fixed = lexicon.tagDict.get(form);
    this.fixed[slot] = fixed === undefined ? -1 : fixed;
    const amb = lexicon.ambiguityByHash.get(hLower >>> 0);
    this.ambig[slot] = amb === undefined ? 0 : amb + 1;
  }

  /**
   * Writes word `i`'s features given the classes of the two previous words (-1: none) into `out`;
   * returns the count.
   */
  fill(i: number, prev1: number, prev2: number, out: Uint32Array): number {
    const s = i + PAD;
    const a = s * 8;
    const lower = this.lower[s]!;
    const t1 = prev1 < 0 ? NO_TAG : prev1;
    const t2 = prev2 < 0 ? NO_TAG : prev2;
    let n = 0;
    out[n++] = mix(T.bias, 0);
    out[n++] = mix(T.form, this.form[s]!);
    out[n++] = mix(T.lower, lower);
    for (let k = 0; k < 4; k++) {
      const p = this.affix[a + k]!;
      if (p !== 0) out[n++] = mix(T.prefix + k, p);
      const q = this.affix[a + 4 + k]!;
      if (q !== 0) out[n++] = mix(T.suffix + k, q);
    }
    out[n++] = mix(T.shape, this.shape[s]!);
    out[n++] = mix(T.flags, this.flags[s]!);
    out[n++] = mix(T.lowerM1, this.lower[s - 1]!);
    out[n++] = mix(T.lowerM2, this.lower[s - 2]!);
    out[n++] = mix(T.lowerP1, this.lower[s + 1]!);
    out[n++] = mix(T.lowerP2, this.lower[s + 2]!);
    // A determiner three words back marks a noun phrase the tags before cannot show ("their South
    // Korean counterparts": NNP NNP before an unknown -s word).
    if (s >= 3) out[n++] = mix(mix(T.lowerM3Suffix, this.lower[s - 3]!), this.suffix3[s]!);
    out[n++] = mix(T.suffixM1, this.suffix3[s - 1]!);
    out[n++] = mix(T.suffixP1, this.suffix3[s + 1]!);
    out[n++] = mix(T.tagM1, t1);
    out[n++] = mix(T.tagM2, t2);
    out[n++] = mix(mix(T.tagM1M2, t1), t2);
    out[n++] = mix(mix(T.tagM1Lower, t1), lower);
    out[n++] = mix(mix(T.tagM1Suffix, t1), this.suffix3[s]!);
    out[n++] = mix(mix(T.bigramM1, this.lower[s - 1]!), lower);
    out[n++] = mix(mix(T.bigramP1, lower), this.lower[s + 1]!);
    out[n++] = mix(mix(T.lowerM1P1, this.lower[s - 1]!), this.lower[s + 1]!);
    const amb = this.ambig[s]!;
    const ambP1 = this.ambig[s + 1]!;
    out[n++] = mix(T.ambig, amb);
    out[n++] = mix(T.ambigP1, ambP1);
    out[n++] = mix(T.ambigP2, this.ambig[s + 2]!);
    out[n++] = mix(T.ambigM1, this.ambig[s - 1]!);
    out[n++] = mix(T.shapeM1, this.shape[s - 1]!);
    out[n++] = mix(mix(T.ambigAmbigP1, amb), ambP1);
    out[n++] = mix(mix(T.tagM1AmbigP1, t1), ambP1);
    out[n++] = mix(T.shapeP1, this.shape[s + 1]!);
    return n;
  }

  /**
   * Makes word `i` look unknown (no identity, no ambiguity class; affixes and shape stay). Training
   * does this to rare words so that the weights of affix and shape features are learnt as they are
   * needed at run time, on words the lexicon has never seen.
   */
  forget(i: number): void {
    const s = i + PAD;
    this.form[s] = UNKNOWN;
    this.lower[s] = UNKNOWN;
    this.ambig[s] = 0;
  }

  fixedClass(i: number): number {
    return this.fixed[i + PAD]!;
  }
}

/** Greedy decoding of one loaded sentence into `out` (class ids). */
export function decodeSentence(
  sentence: SentenceFeatures,
  scorer: Scorer,
  features: Uint32Array,
  scores: Float32Array,
  out: Int32Array,
): void {
  let prev1 = -1;
  let prev2 = -1;
  for (let i = 0; i < sentence.length; i++) {
    let cls = sentence.fixedClass(i);
    if (cls < 0) {
      const n = sentence.fill(i, prev1, prev2, features);
      scorer.score(features, n, scores);
      cls = argmax(scores, scorer.classes);
    }
    out[i] = cls;
    prev2 = prev1;
    prev1 = cls;
  }
}

/** The lower-case hash that `SentenceFeatures` computes for a word (a 32-bit FNV-1a state). */
export function lowerHash(form: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < form.length; i++) h = Math.imul(h ^ lowerCode(form.charCodeAt(i)), FNV_PRIME);
  return h >>> 0;
}

export function makeLexicon(
  classes: readonly string[],
  tagDict: Iterable<readonly [string, number]>,
  ambiguity: Iterable<readonly [string, number]>,
): TaggerLexicon {
  const amb = new Map<string, number>(ambiguity);
  const byHash = new Map<number, number>();
  for (const [w, id] of amb) byHash.set(lowerHash(w), id);
  return {
    classes,
    tagDict: new Map(tagDict),
    ambiguity: amb,
    ambiguityByHash: byHash,
  };
}

export function lexiconFromHeader(header: TaggerHeader): TaggerLexicon {
  return makeLexicon(header.classes, header.tagDict, header.ambiguity);
}

export const DEFAULT_TAGGER_PATH = dataPath('models', 'tagger.bin');

export class Tagger {
  readonly lexicon: TaggerLexicon;
  readonly model: FrozenPerceptron;
  readonly settings: Readonly<Record<string, unknown>>;
  /** Interned class halves: tag() returns these strings, never new ones. */
  private readonly uposOf: readonly string[];
  private readonly xposOf: readonly string[];
  private readonly sentence = new SentenceFeatures();
  private readonly features = new Uint32Array(MAX_FEATURES);
  private readonly scores: Float32Array;
  private classBuffer = new Int32Array(256);

  constructor(
    model: FrozenPerceptron,
    lexicon: TaggerLexicon,
    settings: Readonly<Record<string, unknown>> = {},
  ) {
    if (model.classes !== lexicon.classes.length) {
      throw new Error(`tagger: model has ${model.classes} classes, lexicon ${lexicon.classes.length}`);
    }
    this.model = model;
    this.lexicon = lexicon;
    this.settings = settings;
    this.scores = new Float32Array(model.classes);
    this.uposOf = lexicon.classes.map((c) => c.slice(0, c.indexOf('|')));
    this.xposOf = lexicon.classes.map((c) => c.slice(c.indexOf('|') + 1));
  }

  static load(path: string = DEFAULT_TAGGER_PATH): Tagger {
    return Tagger.fromContents(readModelFile<TaggerHeader>(path), path);
  }

  static decode(bytes: Uint8Array, source = 'tagger'): Tagger {
    return Tagger.fromContents(decodeModel<TaggerHeader>(bytes, source), source);
  }

  private static fromContents(
    contents: ReturnType<typeof decodeModel<TaggerHeader>>,
    source: string,
  ): Tagger {
    const { header, arrays } = contents;
    if (header.format !== TAGGER_FORMAT) throw new Error(`${source}: not a tagger model (${header.format})`);
    return new Tagger(
      perceptronFrom('tagger', header.classes.length, arrays),
      lexiconFromHeader(header),
      header.settings,
    );
  }

  /** The model file's bytes (same model, same bytes). */
  encode(): Buffer {
    const header: TaggerHeader = {
      format: TAGGER_FORMAT,
      classes: this.lexicon.classes,
      tagDict: [...this.lexicon.tagDict].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
      ambiguity: [...this.lexicon.ambiguity].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)),
      settings: this.settings,
    };
    return encodeModel(header, perceptronArrays('tagger', this.model));
  }

  /** Class ids of one sentence's words, in a buffer reused by the next call. */
  tagIds(forms: readonly string[]): Int32Array {
    if (forms.length > this.classBuffer.length) this.classBuffer = new Int32Array(forms.length * 2);
    this.sentence.load(forms, this.lexicon);
    decodeSentence(this.sentence, this.model, this.features, this.scores, this.classBuffer);
    return this.classBuffer;
  }

  /** Tags one sentence's words. Returns UPOS and XPOS per word (interned strings). */
  tag(forms: readonly string[]): { upos: string[]; xpos: string[] } {
    const ids = this.tagIds(forms);
    const upos = new Array<string>(forms.length);
    const xpos = new Array<string>(forms.length);
    for (let i = 0; i < forms.length; i++) {
      upos[i] = this.uposOf[ids[i]!]!;
      xpos[i] = this.xposOf[ids[i]!]!;
    }
    return { upos, xpos };
  }
}

let shared: Tagger | null = null;

/** The committed model (data/models/tagger.bin), loaded on first use. */
export function defaultTagger(): Tagger {
  if (!shared) shared = Tagger.load();
  return shared;
}
