/**
 * The events stage's working record: an event before merging and numbering. Ids of actors, times,
 * places and quantities refer to the document's layers. Imports core types only.
 */
import type { Certainty, Polarity, Span } from '../../core/types.js';

export interface Draft {
  readonly rule: string;
  readonly cameo: string;
  readonly plover: string;
  readonly description: string;
  readonly family: string;
  readonly sentence: number;
  /** Trigger token range. */
  readonly first: number;
  readonly last: number;
  readonly trigger: Span;
  readonly source: string | null;
  readonly target: string | null;
  readonly time: string | null;
  readonly place: string | null;
  readonly quantity: string | null;
  readonly attribution: { speaker: string | null; verb: string; start: number; end: number } | null;
  readonly certainty: Certainty;
  readonly polarity: Polarity;
  readonly evidence: Span;
  readonly alsoEvidence: readonly Span[];
  /** A verbal act (criticism, rejection, accusation, ...). */
  readonly speech: boolean;
  /** The trigger is a verb (a noun trigger without actors is too weak to keep). */
  readonly verbTrigger: boolean;
}
