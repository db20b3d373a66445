/**
 * Runs stages in order over an immutable document. The order is checked when the pipeline is built
 * (every stage's requirements provided by an earlier stage), never in the middle of a document.
 * Imports core and the stage contract only.
 */
import { createHash } from 'node:crypto';
import { SitrepError } from '../core/errors.js';
import type { DocumentMeta, LayerName, SitrepDocument } from '../core/types.js';
import type { AnyStage, StageContext } from './stage.js';

/** Default per-document time budget of extraction, overridden by `SITREP_DOC_BUDGET_MS`. */
export const DEFAULT_DOC_BUDGET_MS = 30_000;

/** The per-document budget in ms: `SITREP_DOC_BUDGET_MS` when set to a positive number, else the default. */
export function docBudgetMs(env: NodeJS.ProcessEnv = process.env): number {
  const v = Number(env.SITREP_DOC_BUDGET_MS);
  return Number.isFinite(v) && v > 0 ? v : DEFAULT_DOC_BUDGET_MS;
}

export interface RunBudget {
  /** Milliseconds the stages may take together. */
  readonly ms: number;
  /** The input named in the error (a path, `file:line`, a URL). */
  readonly input: string;
  /** The clock (tests pass a fake one). */
  readonly now?: () => number;
}

export function budgetError(input: string, ms: number, detail: string): SitrepError {
  return new SitrepError(
    'INPUT_TIME_BUDGET',
    `${input}: extraction took longer than the per-document budget of ${ms} ms (${detail}); refused (raise SITREP_DOC_BUDGET_MS to allow it)`,
    { input },
  );
}

export class Pipeline {
  readonly stages: readonly AnyStage[];
  readonly provides: ReadonlySet<LayerName>;

  constructor(stages: readonly AnyStage[]) {
    const available = new Set<LayerName>();
    for (const stage of stages) {
      for (const need of stage.requires) {
        if (!available.has(need)) {
          throw new SitrepError(
            'PIPELINE_ORDER',
            `stage '${stage.name}' requires layer '${need}', which no earlier stage provides`,
          );
        }
      }
      for (const p of stage.provides) available.add(p);
    }
    this.stages = stages;
    this.provides = available;
  }

  /** A version string naming every stage and its version: stored with results to detect stale annotations. */
  get version(): string {
    return this.stages.map((s) => `${s.name}@${s.version}`).join(',');
  }

  /**
   * With a budget, the time is checked after each stage and a document past it is refused with
   * INPUT_TIME_BUDGET (stages are synchronous, so a stage is never cut in the middle: the ingest pool
   * also ends a worker that overruns the budget by a margin, see src/ingest/executor.ts).
   */
  run(
    doc: SitrepDocument,
    ctx: StageContext = { debug: false },
    budget?: RunBudget,
  ): SitrepDocument<LayerName> {
    const now = budget?.now ?? (() => performance.now());
    const t0 = budget ? now() : 0;
    let current: SitrepDocument = doc;
    for (const stage of this.stages) {
      const added = stage.run(current as SitrepDocument<never>, ctx);
      current = Object.freeze({ ...current, layers: Object.freeze({ ...current.layers, ...added }) });
      if (budget) {
        const spent = now() - t0;
        if (spent > budget.ms) {
          throw budgetError(
            budget.input,
            budget.ms,
            `${Math.round(spent)} ms after stage '${stage.name}', ${doc.text.length} characters`,
          );
        }
      }
    }
    return current as SitrepDocument<LayerName>;
  }
}

/**
 * The text normalised for identity: Unicode NFC, whitespace runs collapsed, trimmed. Two copies of the
 * same article that differ only in spacing or line endings get the same id.
 */
export function normaliseForId(text: string): string {
  return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

export function documentId(text: string): string {
  return `sha256:${createHash('sha256').update(normaliseForId(text)).digest('hex')}`;
}

export function createDocument(text: string, meta: Partial<DocumentMeta> = {}): SitrepDocument {
  return Object.freeze({
    id: documentId(text),
    text,
    meta: Object.freeze({
      title: meta.title ?? null,
      published: meta.published ?? null,
      publishedFrom: meta.publishedFrom ?? (meta.published ? 'cli' : null),
      source: meta.source ?? null,
      url: meta.url ?? null,
      language: meta.language ?? 'en',
    }),
    layers: Object.freeze({}),
  });
}
