/**
 * Greedy transition-based dependency parser: the arc-hybrid system (Kuhlmann et al. 2011) with the
 * root at the bottom of the stack, three unlabelled transitions scored by an averaged perceptron
 * over hashed features, and the relation of each arc picked in a second step by a second
 * perceptron the moment the arc is made (so later features see the labels of earlier arcs).
 * Training uses the dynamic oracle of Goldberg & Nivre (2013) with exploration; see
 * train/train-parser.ts. A RIGHT arc from the root is only allowed once the buffer is empty, so
 * every parse has exactly one root word, as UD trees do.
 *
 * The hot loop allocates nothing per token: words, tags and children live in Int32Array /
 * Uint32Array buffers reused across sentences, features are written into one Uint32Array.
 */
import { dataPath } from '../data/paths.js';
import { perceptronFrom, readModelFile } from './model-file.js';
import { type FrozenPerceptron, hashString, type Scorer } from './perceptron.js';

export interface Parse {
  /** 1-based head per word, 0 = root. */
  heads: Int32Array;
  /** Full UD relations, subtypes included (`nsubj:pass`). */
  deprels: string[];
}

export const SHIFT = 0;
export const LEFT = 1;
export const RIGHT = 2;
export const TRANSITIONS = 3;

export const MAX_TRANSITION_FEATURES = 64;
export const MAX_LABEL_FEATURES = 32;

/** Hashes of the absent position and of the root, so features can tell "nothing" from "root". */
const NONE_WORD = hashString('<none>');
const NONE_TAG = hashString('<none-tag>');
const ROOT_WORD = hashString('<root>');
const ROOT_TAG = hashString('<root-tag>');

/** FNV-1a over the ASCII-lower-cased form (same as hashString(form.toLowerCase()) for ASCII). */
/** hashLower of the last `k` characters (the whole form when shorter), without slicing. */
export function hashLowerSuffix(s: string, k: number): number {
  let h = 0x811c9dc5;
  for (let i = Math.max(0, s.length - k); i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return fin(h ^ 0x3c6ef372);
}

export function hashLower(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) c += 32;
    h ^= c;
    h = Math.imul(h, 0x01000193);
  }
  return fin(h ^ 0x5bd1e995);
}

const tagHashes = new Map<string, number>();
function tagHash(tag: string): number {
  let h = tagHashes.get(tag);
  if (h === undefined) {
    h = hashString(tag, 0x2545f491);
    tagHashes.set(tag, h);
  }
  return h;
}

/**
 * Feature hashes: the template id and up to four values (word/tag hashes, already avalanched, or
 * small integers) folded with multiply-add and one murmur3 finaliser at the end. A mix per value
 * cost a third of the parse time; one finaliser per feature is enough to spread the table slots.
 */
function fin(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}
function h1(t: number, a: number): number {
  return fin(Math.imul(t, 0x9e3779b1) ^ a);
}
function h2(t: number, a: number, b: number): number {
  return fin((Math.imul(t, 0x9e3779b1) ^ a) + Math.imul(b ^ 0x7f4a7c15, 0x85ebca77));
}
function h3(t: number, a: number, b: number, c: number): number {
  return fin(
    ((Math.imul(t, 0x9e3779b1) ^ a) + Math.imul(b ^ 0x7f4a7c15, 0x85ebca77)) ^
      Math.imul(c ^ 0x2545f491, 0xc2b2ae3d),
  );
}
function h4(t: number, a: number, b: number, c: number, d: number): number {
  return fin(
    (((Math.imul(t, 0x9e3779b1) ^ a) + Math.imul(b ^ 0x7f4a7c15, 0x85ebca77)) ^
      Math.imul(c ^ 0x2545f491, 0xc2b2ae3d)) +
      Math.imul(d ^ 0x61c88647, 0x27d4eb2f),
  );
}

/**
 * A parser configuration over one sentence plus the sentence's precomputed hashes. Positions are
 * 0 (root), 1..n (words) and n+1 (NONE: an absent stack/buffer slot or child).
 */
export class Configuration {
  n = 0;
  none = 1;
  /** stack[0..size) with stack[size-1] the top; stack[0] is the root. */
  stack = new Int32Array(16);
  size = 0;
  /** Front of the buffer: the buffer is always the suffix b0..n of the sentence. */
  b0 = 1;
  heads = new Int32Array(16);
  labels = new Int32Array(16);
  leftmost = new Int32Array(16);
  leftmost2 = new Int32Array(16);
  rightmost = new Int32Array(16);
  rightmost2 = new Int32Array(16);
  leftCount = new Int32Array(16);
  rightCount = new Int32Array(16);
  /** How many of the feature templates (in priority order) to use: 26, 36, 47 or 56; 14, 24 or 31. */
  transitionLimit = 56;
  labelLimit = 31;
  word = new Uint32Array(16);
  tag = new Uint32Array(16);
  coarse = new Uint32Array(16);
  /** Hash of the last three characters, lower-cased: a tag-free clue for rare words. */
  suffix = new Uint32Array(16);

  private ensure(cap: number): void {
    if (this.heads.length >= cap) return;
    let c = this.heads.length;
    while (c < cap) c *= 2;
    this.stack = new Int32Array(c);
    this.heads = new Int32Array(c);
    this.labels = new Int32Array(c);
    this.leftmost = new Int32Array(c);
    this.leftmost2 = new Int32Array(c);
    this.rightmost = new Int32Array(c);
    this.rightmost2 = new Int32Array(c);
    this.leftCount = new Int32Array(c);
    this.rightCount = new Int32Array(c);
    this.word = new Uint32Array(c);
    this.tag = new Uint32Array(c);
    this.coarse = new Uint32Array(c);
    this.suffix = new Uint32Array(c);
  }

  /** Loads a sentence and resets to the initial configuration (stack [root], buffer 1..n). */
  reset(forms: readonly string[], upos: readonly string[], xpos: readonly string[]): void {
    const n = forms.length;
    this.ensure(n + 2);
    this.n = n;
    this.none = n + 1;
    const none = n + 1;
    this.word[0] = ROOT_WORD;
    this.tag[0] = ROOT_TAG;
    this.coarse[0] = ROOT_TAG;
    for (let i = 0; i < n; i++) {
      this.word[i + 1] = hashLower(forms[i]!);
      this.tag[i + 1] = tagHash(xpos[i] ?? '_');
      this.coarse[i + 1] = tagHash(upos[i] ?? '_');
      this.suffix[i + 1] = hashLowerSuffix(forms[i]!, 3);
    }
    this.word[none] = NONE_WORD;
    this.tag[none] = NONE_TAG;
    this.coarse[none] = NONE_TAG;
    this.suffix[0] = ROOT_WORD;
    this.suffix[none] = NONE_WORD;
    for (let i = 0; i <= none; i++) {
      this.heads[i] = -1;
      this.labels[i] = -1;
      this.leftmost[i] = none;
      this.leftmost2[i] = none;
      this.rightmost[i] = none;
      this.rightmost2[i] = none;
      this.leftCount[i] = 0;
      this.rightCount[i] = 0;
    }
    this.stack[0] = 0;
    this.size = 1;
    this.b0 = 1;
  }

  isTerminal(): boolean {
    return this.b0 > this.n && this.size === 1;
  }

  canShift(): boolean {
    return this.b0 <= this.n;
  }
  canLeft(): boolean {
    return this.b0 <= this.n && this.size > 1;
  }
  canRight(): boolean {
    return this.size > 1 && (this.size > 2 || this.b0 > this.n);
  }
  valid(t: number): boolean {
    return t === SHIFT ? this.canShift() : t === LEFT ? this.canLeft() : this.canRight();
  }

  /** The dependent and head of the arc transition `t` would add (LEFT: b0 → s0, RIGHT: s1 → s0). */
  arcHead(t: number): number {
    return t === LEFT ? this.b0 : this.stack[this.size - 2]!;
  }
  top(): number {
    return this.stack[this.size - 1]!;
  }

  private attach(head: number, dep: number, label: number): void {
    this.heads[dep] = head;
    this.labels[dep] = label;
    const none = this.none;
    if (dep < head) {
      this.leftCount[head]!++;
      const l = this.leftmost[head]!;
      if (l === none || dep < l) {
        this.leftmost2[head] = l;
        this.leftmost[head] = dep;
      } else if (this.leftmost2[head] === none || dep < this.leftmost2[head]!) this.leftmost2[head] = dep;
    } else {
      this.rightCount[head]!++;
      const r = this.rightmost[head]!;
      if (r === none || dep > r) {
        this.rightmost2[head] = r;
        this.rightmost[head] = dep;
      } else if (this.rightmost2[head] === none || dep > this.rightmost2[head]!) this.rightmost2[head] = dep;
    }
  }

  /** Applies a valid transition; `label` is the relation index of the arc (ignored by SHIFT). */
  apply(t: number, label: number): void {
    if (t === SHIFT) {
      this.stack[this.size++] = this.b0++;
    } else if (t === LEFT) {
      const dep = this.stack[--this.size]!;
      this.attach(this.b0, dep, label);
    } else {
      const dep = this.stack[--this.size]!;
      this.attach(this.stack[this.size - 1]!, dep, label);
    }
  }

  /**
   * Features of the transition decision (Zhang & Nivre 2011 templates adapted to arc-hybrid, where
   * s1 plays the role of s0's head); returns the count written to `out`.
   */
  transitionFeatures(out: Uint32Array): number {
    const none = this.none;
    const size = this.size;
    const s0 = size > 0 ? this.stack[size - 1]! : none;
    const s1 = size > 1 ? this.stack[size - 2]! : none;
    const s2 = size > 2 ? this.stack[size - 3]! : none;
    const n = this.n;
    const b0 = this.b0 <= n ? this.b0 : none;
    const b1 = this.b0 + 1 <= n ? this.b0 + 1 : none;
    const b2 = this.b0 + 2 <= n ? this.b0 + 2 : none;
    const W = this.word;
    const P = this.tag;
    const L = this.labels;
    const s0w = W[s0]!;
    const s0p = P[s0]!;
    const s1w = W[s1]!;
    const s1p = P[s1]!;
    const s2p = P[s2]!;
    const b0w = W[b0]!;
    const b0p = P[b0]!;
    const b1w = W[b1]!;
    const b1p = P[b1]!;
    const b2p = P[b2]!;
    const s0l = this.leftmost[s0]!;
    const s0r = this.rightmost[s0]!;
    const s0l2 = this.leftmost2[s0]!;
    const s0r2 = this.rightmost2[s0]!;
    const s1l = this.leftmost[s1]!;
    const s1r = this.rightmost[s1]!;
    const b0l = this.leftmost[b0]!;
    const b0l2 = this.leftmost2[b0]!;
    const dist = b0 === none || s0 === none ? 0 : Math.min(b0 - s0, 6);
    const dist1 = s1 === none || s0 === none ? 0 : Math.min(s0 - s1, 6);
    let k = 0;
    out[k++] = 0x9e3779b1;
    out[k++] = h1(1, s0w);
    out[k++] = h1(2, s0p);
    out[k++] = h1(4, s1w);
    out[k++] = h1(5, s1p);
    out[k++] = h1(7, b0w);
    out[k++] = h1(8, b0p);
    out[k++] = h2(9, b0w, b0p);
    out[k++] = h1(10, b1w);
    out[k++] = h1(11, b1p);
    out[k++] = h1(12, b2p);
    out[k++] = h2(3, s0w, s0p);
    out[k++] = h2(14, s0w, b0w);
    out[k++] = h2(15, s0p, b0p);
    out[k++] = h2(18, s1p, s0p);
    out[k++] = h2(19, s1w, s0w);
    out[k++] = h3(22, s1p, s0p, b0p);
    out[k++] = h3(23, s0p, b0p, b1p);
    out[k++] = h3(26, s0p, P[s0l]!, b0p);
    out[k++] = h3(27, s0p, P[s0r]!, b0p);
    out[k++] = h3(28, s0p, b0p, P[b0l]!);
    out[k++] = h3(29, s1p, P[s1r]!, s0p);
    out[k++] = h3(31, s0p, b0p, dist);
    out[k++] = h3(36, s0p, L[s0l]! + 1, L[s0r]! + 1);
    out[k++] = h3(37, b0p, L[b0l]! + 1, L[b0l2]! + 1);
    out[k++] = h3(38, s1p, L[s1l]! + 1, L[s1r]! + 1);
    if (this.transitionLimit <= k) return k;
    out[k++] = h1(13, s2p);
    out[k++] = h3(16, s0w, s0p, b0p);
    out[k++] = h3(17, s0p, b0w, b0p);
    out[k++] = h2(20, s1p, s0w);
    out[k++] = h2(21, s1w, s0p);
    out[k++] = h3(25, s2p, s1p, s0p);
    out[k++] = h2(30, s0w, dist);
    out[k++] = h3(32, s1p, s0p, dist1);
    out[k++] = h3(24, b0p, b1p, b2p);
    out[k++] = h2(6, s1w, s1p);
    if (this.transitionLimit <= k) return k;
    out[k++] = h3(33, s0p, this.leftCount[s0]!, this.rightCount[s0]!);
    out[k++] = h2(34, b0p, this.leftCount[b0]!);
    out[k++] = h3(35, s1p, this.leftCount[s1]!, this.rightCount[s1]!);
    out[k++] = h2(39, W[s0l]!, s0p);
    out[k++] = h2(40, W[s0r]!, s0p);
    out[k++] = h2(41, W[b0l]!, b0p);
    out[k++] = h4(42, P[s0l]!, P[s0l2]!, s0p, b0p);
    out[k++] = h3(43, P[b0l]!, P[b0l2]!, b0p);
    out[k++] = h3(44, P[s0r]!, P[s0r2]!, s0p);
    out[k++] = h2(45, b0w, b1w);
    out[k++] = h4(47, s0w, b0w, b0p, s0p);
    if (this.transitionLimit <= k) return k;
    // Coarse tags and suffixes: the same decisions seen through what the tagger gets wrong less.
    const U = this.coarse;
    const X = this.suffix;
    out[k++] = h1(48, U[s0]!);
    out[k++] = h1(49, U[b0]!);
    out[k++] = h2(50, U[s1]!, U[s0]!);
    out[k++] = h2(51, U[s0]!, U[b0]!);
    out[k++] = h3(52, U[s1]!, U[s0]!, U[b0]!);
    out[k++] = h3(53, U[s0]!, U[b0]!, U[b1]!);
    out[k++] = h2(54, X[s0]!, U[s0]!);
    out[k++] = h2(55, X[b0]!, U[b0]!);
    out[k++] = h2(56, X[s0]!, X[b0]!);
    return k;
  }

  /** Features of the relation of the arc head → dep, made by transition `t`. */
  labelFeatures(dep: number, head: number, t: number, out: Uint32Array): number {
    const W = this.word;
    const P = this.tag;
    const U = this.coarse;
    const L = this.labels;
    const none = this.none;
    const dw = W[dep]!;
    const dp = P[dep]!;
    const hw = W[head]!;
    const hp = P[head]!;
    const dist = Math.min(Math.abs(head - dep), 7);
    const dl = this.leftmost[dep]!;
    const dr = this.rightmost[dep]!;
    const hl = this.leftmost[head]!;
    const hr = this.rightmost[head]!;
    const prev = dep > 1 ? dep - 1 : none;
    const next = dep < this.n ? dep + 1 : none;
    let k = 0;
    out[k++] = h1(100, t);
    out[k++] = h2(101, dw, t);
    out[k++] = h2(102, dp, t);
    out[k++] = h3(103, dw, dp, t);
    out[k++] = h2(105, hp, t);
    out[k++] = h2(104, hw, t);
    out[k++] = h3(107, dp, hp, t);
    out[k++] = h3(108, dw, hp, t);
    out[k++] = h3(109, dp, hw, t);
    out[k++] = h4(111, dp, hp, t, dist);
    out[k++] = h2(112, dp, W[dl]!);
    out[k++] = h3(116, hp, L[hl]! + 1, t);
    out[k++] = h3(119, dp, P[prev]!, P[next]!);
    out[k++] = h3(114, dp, P[dl]!, L[dl]! + 1);
    if (this.labelLimit <= k) return k;
    out[k++] = h3(106, hw, hp, t);
    out[k++] = h3(110, dw, hw, t);
    out[k++] = h2(113, dp, W[dr]!);
    out[k++] = h3(115, dp, P[dr]!, L[dr]! + 1);
    out[k++] = h3(117, hp, L[hr]! + 1, t);
    out[k++] = h3(118, hw, L[hl]! + 1, t);
    out[k++] = h3(120, U[dep]!, U[head]!, t);
    out[k++] = h4(121, dp, hp, W[dl]!, t);
    out[k++] = h3(122, this.leftCount[dep]!, this.rightCount[dep]!, dp);
    out[k++] = h4(123, dw, hp, P[hl]!, t);
    if (this.labelLimit <= k) return k;
    const X = this.suffix;
    out[k++] = h2(124, U[dep]!, t);
    out[k++] = h3(125, X[dep]!, U[dep]!, t);
    out[k++] = h3(126, X[dep]!, hp, t);
    out[k++] = h3(127, dw, U[head]!, t);
    out[k++] = h3(128, U[dep]!, hw, t);
    out[k++] = h4(129, U[dep]!, U[head]!, t, dist);
    out[k++] = h3(130, X[head]!, dp, t);
    return k;
  }
}

/**
 * A frozen perceptron laid out for lookup speed (built at load time from the compact file form):
 * one open-addressing table whose slot holds the key next to the row's weights (dense, with the
 * row scale multiplied in, when there are at most 3 classes) or next to the row's entry range
 * (sparse). Scoring is memory-bound, so one cache line per feature is what buys the speed. Empty
 * slots have key 0 and zero weights, so a feature whose hash is 0 adds nothing.
 */
export class FastScorer implements Scorer {
  readonly classes: number;
  private readonly mask: number;
  /** Dense: [key, w0, w1, w2] per slot (key as the float's bits). Sparse: [key, start, end, 0]. */
  private readonly slotKeys: Uint32Array;
  private readonly slotWeights: Float32Array;
  private readonly entryClass: Uint8Array | Uint16Array;
  private readonly entryWeight: Float32Array;
  private readonly dense: boolean;

  constructor(model: FrozenPerceptron) {
    const { keys, rowStart, entryClass, entryWeight, rowScale } = model.arrays;
    this.classes = model.classes;
    this.dense = model.classes <= 3;
    const rows = keys.length;
    const size = 1 << Math.max(4, Math.ceil(Math.log2(rows * 2 + 1)));
    this.mask = size - 1;
    const buffer = new ArrayBuffer(size * 16);
    this.slotKeys = new Uint32Array(buffer);
    this.slotWeights = new Float32Array(buffer);
    this.entryClass = entryClass;
    this.entryWeight = new Float32Array(entryWeight.length);
    for (let row = 0; row < rows; row++) {
      const key = keys[row]!;
      if (key === 0) continue;
      let i = key & this.mask;
      while (this.slotKeys[i * 4] !== 0) i = (i + 1) & this.mask;
      this.slotKeys[i * 4] = key;
      const scale = rowScale[row]!;
      const start = rowStart[row]!;
      const end = rowStart[row + 1]!;
      if (this.dense) {
        for (let e = start; e < end; e++)
          this.slotWeights[i * 4 + 1 + entryClass[e]!] = entryWeight[e]! * scale;
      } else {
        this.slotKeys[i * 4 + 1] = start;
        this.slotKeys[i * 4 + 2] = end;
        for (let e = start; e < end; e++) this.entryWeight[e] = entryWeight[e]! * scale;
      }
    }
  }

  score(features: Uint32Array, count: number, out: Float32Array): void {
    const keys = this.slotKeys;
    const mask = this.mask;
    if (this.dense) {
      const w = this.slotWeights;
      let a = 0;
      let b = 0;
      let c = 0;
      for (let f = 0; f < count; f++) {
        const key = features[f]!;
        let i = key & mask;
        for (;;) {
          const k = keys[i * 4]!;
          if (k === key || k === 0) break;
          i = (i + 1) & mask;
        }
        a += w[i * 4 + 1]!;
        b += w[i * 4 + 2]!;
        c += w[i * 4 + 3]!;
      }
      out[0] = a;
      out[1] = b;
      out[2] = c;
      return;
    }
    out.fill(0, 0, this.classes);
    const cls = this.entryClass;
    const weight = this.entryWeight;
    for (let f = 0; f < count; f++) {
      const key = features[f]!;
      let i = key & mask;
      for (;;) {
        const k = keys[i * 4]!;
        if (k === key || k === 0) break;
        i = (i + 1) & mask;
      }
      const end = keys[i * 4 + 2]!;
      for (let e = keys[i * 4 + 1]!; e < end; e++) out[cls[e]!]! += weight[e]!;
    }
  }
}

export interface ParserHeader {
  readonly kind: 'sitrep-parser';
  readonly version: 1;
  readonly labels: readonly string[];
  readonly settings?: Readonly<Record<string, unknown>>;
}

export const DEFAULT_PARSER_PATH = dataPath('models', 'parser.bin');

/** The best relation (never root) for the arc head → stack top made by transition `t`. */
export function bestRelation(
  c: Configuration,
  head: number,
  t: number,
  relations: Scorer,
  labelFeats: Uint32Array,
  labelScores: Float32Array,
  rootLabel: number,
): number {
  const lc = c.labelFeatures(c.top(), head, t, labelFeats);
  relations.score(labelFeats, lc, labelScores);
  let label = -1;
  let best = Number.NEGATIVE_INFINITY;
  for (let l = 0; l < relations.classes; l++) {
    if (l !== rootLabel && labelScores[l]! > best) {
      best = labelScores[l]!;
      label = l;
    }
  }
  return label;
}

/** Runs the greedy parse of the configuration's sentence with the given scorers. */
export function greedyParse(
  c: Configuration,
  transitions: Scorer,
  relations: Scorer,
  feats: Uint32Array,
  labelFeats: Uint32Array,
  scores: Float32Array,
  labelScores: Float32Array,
  rootLabel: number,
): void {
  while (!c.isTerminal()) {
    let best = -1;
    if (c.size === 1) best = SHIFT;
    else if (c.b0 > c.n) best = RIGHT;
    else {
      // Two or three moves are open: score them (with one, there is nothing to decide).
      const count = c.transitionFeatures(feats);
      transitions.score(feats, count, scores);
      let bestScore = Number.NEGATIVE_INFINITY;
      for (let t = 0; t < TRANSITIONS; t++) {
        if (scores[t]! > bestScore && c.valid(t)) {
          best = t;
          bestScore = scores[t]!;
        }
      }
    }
    let label = -1;
    if (best !== SHIFT) {
      const head = c.arcHead(best);
      label =
        head === 0 ? rootLabel : bestRelation(c, head, best, relations, labelFeats, labelScores, rootLabel);
    }
    c.apply(best, label);
  }
}

export class Parser {
  readonly labels: readonly string[];
  readonly settings: Readonly<Record<string, unknown>>;
  private readonly frozen: { transitions: FrozenPerceptron; relations: FrozenPerceptron };
  private readonly transitions: Scorer;
  private readonly relations: Scorer;
  private readonly config = new Configuration();
  private readonly feats = new Uint32Array(MAX_TRANSITION_FEATURES);
  private readonly labelFeats = new Uint32Array(MAX_LABEL_FEATURES);
  private readonly scores = new Float32Array(TRANSITIONS);
  private readonly labelScores: Float32Array;
  private readonly rootLabel: number;

  constructor(
    labels: readonly string[],
    transitions: FrozenPerceptron,
    relations: FrozenPerceptron,
    settings: Readonly<Record<string, unknown>> = {},
  ) {
    if (relations.classes !== labels.length)
      throw new Error('parser: relation model and label list disagree');
    if (transitions.classes !== TRANSITIONS) throw new Error('parser: transition model must have 3 classes');
    this.labels = labels;
    this.frozen = { transitions, relations };
    this.transitions = new FastScorer(transitions);
    this.relations = new FastScorer(relations);
    this.settings = settings;
    this.labelScores = new Float32Array(labels.length);
    this.rootLabel = labels.indexOf('root');
    if (typeof settings.transitionFeatures === 'number')
      this.config.transitionLimit = settings.transitionFeatures;
    if (typeof settings.labelFeatures === 'number') this.config.labelLimit = settings.labelFeatures;
  }

  /** The two scorers, for writing the model file. */
  models(): { transitions: FrozenPerceptron; relations: FrozenPerceptron } {
    return this.frozen;
  }

  static load(file = DEFAULT_PARSER_PATH): Parser {
    const { header, arrays } = readModelFile<ParserHeader>(file);
    if (header.kind !== 'sitrep-parser') throw new Error(`${file}: not a parser model`);
    const transitions = perceptronFrom('transitions', TRANSITIONS, arrays);
    const relations = perceptronFrom('relations', header.labels.length, arrays);
    return new Parser(header.labels, transitions, relations, header.settings ?? {});
  }

  parse(
    forms: readonly string[],
    upos: readonly string[],
    xpos: readonly string[],
    _lemmas?: readonly string[],
  ): Parse {
    const n = forms.length;
    const c = this.config;
    c.reset(forms, upos, xpos);
    greedyParse(
      c,
      this.transitions,
      this.relations,
      this.feats,
      this.labelFeats,
      this.scores,
      this.labelScores,
      this.rootLabel,
    );
    const heads = new Int32Array(n);
    const deprels = new Array<string>(n);
    for (let i = 0; i < n; i++) {
      heads[i] = c.heads[i + 1]!;
      deprels[i] = this.labels[c.labels[i + 1]!] ?? 'dep';
    }
    return { heads, deprels };
  }
}

let singleton: Parser | null = null;

/** The committed parser (data/models/parser.bin), loaded on first use. */
export function defaultParser(): Parser {
  singleton ??= Parser.load();
  return singleton;
}
