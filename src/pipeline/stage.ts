/**
 * The stage contract: a small pure function from a document with the layers it requires to the
 * layers it provides. Stages never do I/O, read the clock or keep global state: the reference date
 * is the document's publication date and dictionaries are handed to each stage's factory.
 * Imports core only.
 */
import type { LayerName, Layers, SitrepDocument } from '../core/types.js';

/** What a stage may read besides the document: options only (data comes in through factories). */
export interface StageContext {
  /** Set by `--explain` style callers: stages may add more detail to `rule`. */
  readonly debug: boolean;
}

export interface Stage<R extends LayerName = LayerName, P extends LayerName = LayerName> {
  /** The folder name under src/stages, e.g. 'times'. */
  readonly name: string;
  /** Bumped whenever the same input can give a different output. */
  readonly version: number;
  readonly requires: readonly R[];
  readonly provides: readonly P[];
  run(doc: SitrepDocument<R>, ctx: StageContext): Pick<Layers, P>;
}

/** Any stage, as the pipeline holds it (each stage's own types are checked where it is written). */
export interface AnyStage {
  readonly name: string;
  readonly version: number;
  readonly requires: readonly LayerName[];
  readonly provides: readonly LayerName[];
  run(doc: SitrepDocument<never>, ctx: StageContext): Partial<Layers>;
}

/** `name@version`, the `by` of every annotation a stage makes. */
export function stageTag(stage: { name: string; version: number }): string {
  return `${stage.name}@${stage.version}`;
}
