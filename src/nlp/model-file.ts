/**
 * The model file: one binary container per model under data/models/, holding a JSON header
 * (class names, lexicons, settings) and named typed arrays (perceptron weights), so loading is
 * one read and a few views over the buffer, no parsing of numbers. Layout:
 *   "SITREPM1" | u32 header length | header JSON (UTF-8) | padding to 8 | array bytes...
 * The header lists each array's name, type, byte offset and length.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { FrozenPerceptron } from './perceptron.js';

const MAGIC = 'SITREPM1';

type Typed =
  | Uint8Array
  | Int8Array
  | Uint16Array
  | Int16Array
  | Uint32Array
  | Int32Array
  | Float32Array
  | Float64Array;

const CONSTRUCTORS = {
  Uint8Array,
  Int8Array,
  Uint16Array,
  Int16Array,
  Uint32Array,
  Int32Array,
  Float32Array,
  Float64Array,
} as const;
type TypeName = keyof typeof CONSTRUCTORS;

interface ArrayEntry {
  readonly name: string;
  readonly type: TypeName;
  readonly offset: number;
  readonly length: number;
}

export interface ModelContents<H> {
  readonly header: H;
  readonly arrays: Readonly<Record<string, Typed>>;
}

function typeName(a: Typed): TypeName {
  return a.constructor.name as TypeName;
}

export function encodeModel<H>(header: H, arrays: Record<string, Typed>): Buffer {
  const entries: ArrayEntry[] = [];
  let offset = 0;
  for (const [name, a] of Object.entries(arrays)) {
    offset = Math.ceil(offset / 8) * 8;
    entries.push({ name, type: typeName(a), offset, length: a.length });
    offset += a.byteLength;
  }
  const headerBytes = Buffer.from(JSON.stringify({ header, arrays: entries }), 'utf8');
  const dataStart = Math.ceil((MAGIC.length + 4 + headerBytes.length) / 8) * 8;
  const out = Buffer.alloc(dataStart + offset);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(headerBytes.length, MAGIC.length);
  headerBytes.copy(out, MAGIC.length + 4);
  for (const e of entries) {
    const a = arrays[e.name]!;
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).copy(out, dataStart + e.offset);
  }
  return out;
}

export function decodeModel<H>(bytes: Uint8Array, source = 'model'): ModelContents<H> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.length < MAGIC.length + 4 || buf.toString('latin1', 0, MAGIC.length) !== MAGIC) {
    throw new Error(`${source}: not a Sitrep model file (bad magic)`);
  }
  const headerLength = buf.readUInt32LE(MAGIC.length);
  const parsed = JSON.parse(buf.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as {
    header: H;
    arrays: ArrayEntry[];
  };
  const dataStart = Math.ceil((MAGIC.length + 4 + headerLength) / 8) * 8;
  // One aligned copy of the data region, so every view starts on its element size.
  const data = new ArrayBuffer(buf.length - dataStart);
  new Uint8Array(data).set(buf.subarray(dataStart));
  const arrays: Record<string, Typed> = {};
  for (const e of parsed.arrays) {
    const C = CONSTRUCTORS[e.type];
    if (!C) throw new Error(`${source}: unknown array type ${e.type}`);
    arrays[e.name] = new C(data, e.offset, e.length);
  }
  return { header: parsed.header, arrays };
}

export function writeModelFile<H>(
  path: string,
  header: H,
  arrays: Record<string, Typed>,
): { bytes: number; sha256: string } {
  const bytes = encodeModel(header, arrays);
  writeFileSync(path, bytes);
  return { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export function readModelFile<H>(path: string): ModelContents<H> {
  return decodeModel<H>(readFileSync(path), path);
}

/** The arrays of a frozen perceptron, under `prefix.` names, for `encodeModel`. */
export function perceptronArrays(prefix: string, model: FrozenPerceptron): Record<string, Typed> {
  const a = model.arrays;
  return {
    [`${prefix}.keys`]: a.keys,
    [`${prefix}.rowStart`]: a.rowStart,
    [`${prefix}.entryClass`]: a.entryClass,
    [`${prefix}.entryWeight`]: a.entryWeight,
    [`${prefix}.rowScale`]: a.rowScale,
  };
}

/** The frozen perceptron stored under `prefix.` by `perceptronArrays`. */
export function perceptronFrom(
  prefix: string,
  classes: number,
  arrays: Readonly<Record<string, Typed>>,
): FrozenPerceptron {
  const get = <T extends Typed>(name: string): T => {
    const a = arrays[`${prefix}.${name}`];
    if (!a) throw new Error(`model has no array ${prefix}.${name}`);
    return a as T;
  };
  return new FrozenPerceptron({
    classes,
    keys: get<Uint32Array>('keys'),
    rowStart: get<Uint32Array>('rowStart'),
    entryClass: get<Uint8Array | Uint16Array>('entryClass'),
    entryWeight: get<Int8Array>('entryWeight'),
    rowScale: get<Float32Array>('rowScale'),
  });
}

export function sha256File(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
