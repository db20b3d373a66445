/**
 * A multi-class averaged perceptron over hashed features, in typed arrays: the learner behind the
 * tagger, the parser and the entity recogniser. No package does this for JavaScript at this speed
 * (`wink-perceptron` keeps weights in objects keyed by strings), so it is ours.
 *
 * Features are 32-bit hashes (see `hashString`, `mix`). Training keeps a dense row of `classes`
 * weights per feature ever updated, in an open-addressing table, and averages with the usual trick
 * (w_avg = w - u / c, where u accumulates c * delta), so no per-weight timestamps are needed.
 * `freeze` turns that into a compact read-only model: rows whose averaged weights are all below a
 * threshold are dropped, the rest are stored sparse (only non-zero classes) and quantised to 8 bits
 * with one scale per row. Scoring never allocates: callers pass the feature buffer and the output.
 */

/** FNV-1a over a string's UTF-16 code units, then a final avalanche. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

/** murmur3's finaliser: every input bit affects every output bit. */
function fmix(h: number): number {
  let x = h >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Combines a running hash with one more 32-bit value (order matters). */
export function mix(h: number, v: number): number {
  let k = Math.imul(v >>> 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let x = (h ^ k) >>> 0;
  x = (x << 13) | (x >>> 19);
  x = (Math.imul(x, 5) + 0xe6546b64) >>> 0;
  return fmix(x);
}

/** Index of the highest score (the lowest index on ties, so results are deterministic). */
export function argmax(scores: Float32Array, n = scores.length): number {
  let best = 0;
  let bestScore = scores[0]!;
  for (let i = 1; i < n; i++) {
    if (scores[i]! > bestScore) {
      bestScore = scores[i]!;
      best = i;
    }
  }
  return best;
}

/** The read side shared by the trainer (current weights) and the frozen model. */
export interface Scorer {
  readonly classes: number;
  /** Adds each feature's weights to `out[0..classes)`; `out` is zeroed first. */
  score(features: Uint32Array, count: number, out: Float32Array): void;
}

export class PerceptronTrainer implements Scorer {
  readonly classes: number;
  /** Open-addressing table: slot -> row + 1 (0 = empty). */
  private slots: Int32Array;
  private slotKeys: Uint32Array;
  private mask: number;
  private rows = 0;
  private weights: Float32Array;
  private updates: Float64Array;
  private keys: Uint32Array;
  /** Instances seen: the clock of the averaging trick. */
  private clock = 1;

  constructor(classes: number, initialRows = 1 << 16) {
    this.classes = classes;
    const size = 1 << Math.ceil(Math.log2(initialRows * 2));
    this.slots = new Int32Array(size);
    this.slotKeys = new Uint32Array(size);
    this.mask = size - 1;
    this.weights = new Float32Array(initialRows * classes);
    this.updates = new Float64Array(initialRows * classes);
    this.keys = new Uint32Array(initialRows);
  }

  get rowCount(): number {
    return this.rows;
  }

  private find(key: number): number {
    let i = key & this.mask;
    for (;;) {
      const r = this.slots[i]!;
      if (r === 0) return -1;
      if (this.slotKeys[i] === key) return r - 1;
      i = (i + 1) & this.mask;
    }
  }

  private findOrAdd(key: number): number {
    const found = this.find(key);
    if (found >= 0) return found;
    if ((this.rows + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    if (this.rows >= this.keys.length) this.growRows(this.keys.length * 2);
    const row = this.rows++;
    this.keys[row] = key;
    let i = key & this.mask;
    while (this.slots[i] !== 0) i = (i + 1) & this.mask;
    this.slots[i] = row + 1;
    this.slotKeys[i] = key;
    return row;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    this.slotKeys = new Uint32Array(size);
    this.mask = size - 1;
    for (let row = 0; row < this.rows; row++) {
      const key = this.keys[row]!;
      let i = key & this.mask;
      while (this.slots[i] !== 0) i = (i + 1) & this.mask;
      this.slots[i] = row + 1;
      this.slotKeys[i] = key;
    }
  }

  private growRows(rows: number): void {
    const w = new Float32Array(rows * this.classes);
    w.set(this.weights);
    this.weights = w;
    const u = new Float64Array(rows * this.classes);
    u.set(this.updates);
    this.updates = u;
    const k = new Uint32Array(rows);
    k.set(this.keys);
    this.keys = k;
  }

  score(features: Uint32Array, count: number, out: Float32Array): void {
    const c = this.classes;
    out.fill(0, 0, c);
    for (let f = 0; f < count; f++) {
      const row = this.find(features[f]!);
      if (row < 0) continue;
      const base = row * c;
      for (let k = 0; k < c; k++) out[k]! += this.weights[base + k]!;
    }
  }

  /** One training instance done: advance the averaging clock (call once per decision). */
  tick(): void {
    this.clock++;
  }

  /** Adds `delta` to class `cls` of every feature (the perceptron update is +1 truth, -1 guess). */
  update(features: Uint32Array, count: number, cls: number, delta: number): void {
    const c = this.classes;
    const stamped = this.clock * delta;
    for (let f = 0; f < count; f++) {
      const at = this.findOrAdd(features[f]!) * c + cls;
      this.weights[at]! += delta;
      this.updates[at]! += stamped;
    }
  }

  /**
   * The averaged weights as a compact read-only model. A row is dropped when no averaged weight
   * reaches `minWeight` in absolute value (they add noise and bytes, not accuracy).
   */
  freeze(minWeight = 1e-3): FrozenPerceptron {
    const c = this.classes;
    const clock = this.clock;
    const avg = new Float32Array(c);
    const keptKeys: number[] = [];
    const rowStart: number[] = [0];
    const entryClass: number[] = [];
    const entryWeight: number[] = [];
    const rowScale: number[] = [];
    // Rows in key order, so the frozen file does not depend on training's insertion order.
    const order = Array.from({ length: this.rows }, (_, r) => r).sort(
      (a, b) => this.keys[a]! - this.keys[b]!,
    );
    for (const row of order) {
      const base = row * c;
      let maxAbs = 0;
      for (let k = 0; k < c; k++) {
        const v = this.weights[base + k]! - this.updates[base + k]! / clock;
        avg[k] = v;
        if (Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
      }
      if (maxAbs < minWeight) continue;
      const scale = maxAbs / 127;
      let kept = 0;
      for (let k = 0; k < c; k++) {
        const q = Math.round(avg[k]! / scale);
        if (q === 0) continue;
        entryClass.push(k);
        entryWeight.push(q);
        kept++;
      }
      if (kept === 0) continue;
      keptKeys.push(this.keys[row]!);
      rowScale.push(scale);
      rowStart.push(entryClass.length);
    }
    return new FrozenPerceptron({
      classes: c,
      keys: Uint32Array.from(keptKeys),
      rowStart: Uint32Array.from(rowStart),
      entryClass: c <= 256 ? Uint8Array.from(entryClass) : Uint16Array.from(entryClass),
      entryWeight: Int8Array.from(entryWeight),
      rowScale: Float32Array.from(rowScale),
    });
  }
}

export interface FrozenArrays {
  readonly classes: number;
  readonly keys: Uint32Array;
  readonly rowStart: Uint32Array;
  readonly entryClass: Uint8Array | Uint16Array;
  readonly entryWeight: Int8Array;
  readonly rowScale: Float32Array;
}

export class FrozenPerceptron implements Scorer {
  readonly classes: number;
  readonly arrays: FrozenArrays;
  /**
   * Runtime layout, built at load: an open-addressing table of [key, offset + 1] pairs, and each
   * row packed at `offset` in `packed` as [scale bits, count, (class << 8 | weight byte)...]. A
   * feature costs two memory reads (its slot, its row) instead of five arrays' worth: scoring is
   * bound by cache misses, not arithmetic.
   */
  private readonly table: Uint32Array;
  private readonly packed: Uint32Array;
  private readonly packedScale: Float32Array;
  private readonly mask: number;

  constructor(arrays: FrozenArrays) {
    this.arrays = arrays;
    this.classes = arrays.classes;
    const { keys, rowStart, entryClass, entryWeight, rowScale } = arrays;
    const n = keys.length;
    const size = 1 << Math.max(4, Math.ceil(Math.log2(n / 0.7 + 1)));
    this.table = new Uint32Array(size * 2);
    this.mask = size - 1;
    this.packed = new Uint32Array(2 * n + entryClass.length);
    this.packedScale = new Float32Array(this.packed.buffer);
    let at = 0;
    for (let row = 0; row < n; row++) {
      const key = keys[row]!;
      let i = key & this.mask;
      while (this.table[2 * i + 1] !== 0) i = (i + 1) & this.mask;
      this.table[2 * i] = key;
      this.table[2 * i + 1] = at + 1;
      const start = rowStart[row]!;
      const end = rowStart[row + 1]!;
      this.packedScale[at] = rowScale[row]!;
      this.packed[at + 1] = end - start;
      at += 2;
      for (let e = start; e < end; e++) this.packed[at++] = (entryClass[e]! << 8) | (entryWeight[e]! & 0xff);
    }
  }

  get rowCount(): number {
    return this.arrays.keys.length;
  }

  score(features: Uint32Array, count: number, out: Float32Array): void {
    const table = this.table;
    const packed = this.packed;
    const mask = this.mask;
    out.fill(0, 0, this.classes);
    for (let f = 0; f < count; f++) {
      const key = features[f]!;
      let i = key & mask;
      let at = 0;
      for (;;) {
        const v = table[2 * i + 1]!;
        if (v === 0) break;
        if (table[2 * i] === key) {
          at = v;
          break;
        }
        i = (i + 1) & mask;
      }
      if (at === 0) continue;
      const base = at - 1;
      const scale = this.packedScale[base]!;
      const end = base + 2 + packed[base + 1]!;
      for (let e = base + 2; e < end; e++) {
        const x = packed[e]!;
        // (x << 24) >> 24 sign-extends the weight byte.
        out[x >>> 8]! += ((x << 24) >> 24) * scale;
      }
    }
  }
}
