/**
 * The default English news pipeline, in dependency order. Each stage's factory loads its own
 * dictionaries (once per process) unless a test hands it a fixture.
 */
import type { DocumentMeta, LayerName, SitrepDocument } from '../core/types.js';
import { createActorsStage } from '../stages/actors/index.js';
import { createEventsStage } from '../stages/events/index.js';
import { createPlacesStage } from '../stages/places/index.js';
import { createQuantitiesStage } from '../stages/quantities/index.js';
import { createQuotesStage } from '../stages/quotes/index.js';
import { createSyntaxStage } from '../stages/syntax/index.js';
import { createTimesStage } from '../stages/times/index.js';
import { createTokensStage } from '../stages/tokens/index.js';
import { createDocument, Pipeline } from './pipeline.js';

let shared: Pipeline | null = null;

/** The default pipeline, built once per process (dictionaries are loaded then). */
export function defaultPipeline(): Pipeline {
  shared ??= new Pipeline([
    createTokensStage(),
    createSyntaxStage(),
    createActorsStage(),
    createTimesStage(),
    createPlacesStage(),
    createQuantitiesStage(),
    createQuotesStage(),
    createEventsStage(),
  ]);
  return shared;
}

/** Extracts everything from one article's text. */
export function extract(text: string, meta: Partial<DocumentMeta> = {}): SitrepDocument<LayerName> {
  return defaultPipeline().run(createDocument(text, meta));
}
