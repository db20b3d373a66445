/**
 * data/models/manifest.json: one entry per committed model file, written by `npm run train`.
 * Each trainer records what it trained on (and that data's licence and attribution), the command,
 * the seed, epochs, dev and test scores, the file's size and sha256 (checked by
 * test/models-manifest.test.ts against the committed file).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../../data/paths.js';

export interface TrainingData {
  readonly name: string;
  readonly files: readonly string[];
  readonly source: string;
  readonly licence: string;
  readonly attribution: string;
}

export interface ModelEntry {
  readonly file: string;
  readonly description: string;
  readonly data: readonly TrainingData[];
  readonly command: string;
  readonly seed: number;
  readonly epochs: number;
  /** Scores on the dev split (model selection) and on test (reported once, never used to choose). */
  readonly scores: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly bytes: number;
  readonly sha256: string;
  readonly trainedAt: string;
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** As stored: the data-manifest fields every data/ folder lists (test/data-manifest.test.ts) added. */
export interface StoredModelEntry extends ModelEntry {
  readonly version: string;
  readonly source: string;
  readonly licence: string;
}

export interface ModelsManifest {
  readonly description: string;
  readonly files: readonly StoredModelEntry[];
}

/** Where the trainers write, beside the package's other data, whatever the working directory. */
export const MODELS_DIR = path.join(packageRoot, 'data', 'models');
const MANIFEST = path.join(MODELS_DIR, 'manifest.json');

export function readModelsManifest(dir = MODELS_DIR): ModelsManifest {
  const file = path.join(dir, 'manifest.json');
  if (!existsSync(file)) {
    return {
      description:
        'Trained models of the syntax layer and the entity recogniser, written by `npm run train`; see docs/MODELS.md.',
      files: [],
    };
  }
  return JSON.parse(readFileSync(file, 'utf8')) as ModelsManifest;
}

/**
 * Replaces (or adds) the entry for `entry.file`, keeping the others, in file-name order. The
 * version is the file's sha256 prefix; source and licence are those of the training data.
 */
export function recordModel(entry: ModelEntry, manifestPath = MANIFEST): void {
  const current = readModelsManifest(path.dirname(manifestPath));
  const stored: StoredModelEntry = {
    ...entry,
    version: entry.sha256.slice(0, 12),
    source: `Trained by Sitrep on ${entry.data.map((d) => `${d.name} (${d.source})`).join('; ')}`,
    licence: [...new Set(entry.data.map((d) => d.licence))].join('; '),
  };
  const files = [...current.files.filter((m) => m.file !== entry.file), stored].sort((a, b) =>
    a.file.localeCompare(b.file),
  );
  writeFileSync(manifestPath, `${JSON.stringify({ ...current, files }, null, 2)}\n`);
}

/** Where the trainers read UD English EWT: ../shared/data beside the package, whatever the working directory. */
export const EWT_DIR = path.join(packageRoot, '..', 'shared', 'data', 'ud-english-ewt');

/** UD English EWT, as laid out in ../shared/data/ud-english-ewt/SOURCE.md. */
export const UD_EWT: Omit<TrainingData, 'files'> = {
  name: 'UD English EWT',
  source: 'UniversalDependencies/UD_English-EWT, commit 15d613d8447b3478787d4c278730a1e48a945efb',
  licence: 'CC BY-SA 4.0',
  attribution:
    'Universal Dependencies English Web Treebank (Silveira et al. 2014; UD contributors), CC BY-SA 4.0. Models trained on it are redistributed under the same terms with this attribution.',
};
