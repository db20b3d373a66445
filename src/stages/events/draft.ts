/**
 * The events stage's working record: an event before merging and numbering. Ids of actors, times,
 * places and quantities refer to the document's layers. Imports core types only.
 */
import type { EventRecord } from '../../core/types.js';

/** An event before merging and numbering: the output record's fields but id, label and `by`, plus working state. */
export interface Draft extends Omit<EventRecord, 'id' | 'label' | 'by'> {
  readonly description: string;
  readonly family: string;
  readonly sentence: number;
  /** Trigger token range. */
  readonly first: number;
  readonly last: number;
  /** A verbal act (criticism, rejection, accusation, ...). */
  readonly speech: boolean;
  /** The trigger is a verb (a noun trigger without actors is too weak to keep). */
  readonly verbTrigger: boolean;
}
