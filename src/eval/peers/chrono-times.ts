/**
 * The `times` peer: chrono-node's parser with the document's creation date as the reference, each
 * result read as a TIMEX3 DATE whose value is the parsed start date at the precision chrono is sure
 * of (day, else month, else year). chrono finds no durations or sets, so those count as misses, as
 * they would for any date parser used out of the box. Imports chrono-node only.
 */
import * as chrono from 'chrono-node';

export interface PredictedTimex {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly type: string;
  readonly value: string;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `published` is YYYY-MM-DD; noon UTC keeps the reference on that date in any time zone. */
export function chronoTimes(text: string, published: string): PredictedTimex[] {
  const ref = new Date(`${published}T12:00:00Z`);
  return chrono.parse(text, ref).map((r) => {
    const c = r.start;
    const y = c.get('year') ?? ref.getUTCFullYear();
    const m = c.get('month') ?? 1;
    const d = c.get('day') ?? 1;
    const dayKnown = c.isCertain('day') || c.isCertain('weekday');
    const value = dayKnown
      ? `${pad(y, 4)}-${pad(m)}-${pad(d)}`
      : c.isCertain('month')
        ? `${pad(y, 4)}-${pad(m)}`
        : c.isCertain('year')
          ? pad(y, 4)
          : `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
    // chrono's match can end in a space ("on Friday, March 3 "); no scorer counts that.
    const t = r.text.trimEnd();
    return { start: r.index, end: r.index + t.length, text: t, type: 'DATE', value };
  });
}
