/**
 * Publication dates from metadata strings and, failing metadata, from the article's own text
 * ("said Monday (October 28, 2024)", a dateline "WASHINGTON, Oct. 28, 2024 —"). Only full dates with
 * a year count: a bare "Monday" cannot date an article. Imports core only.
 */
import { isValidIsoDate } from '../core/dates.js';

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

function iso(y: number, m: number, d: number): string | null {
  const s = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  return isValidIsoDate(s) ? s : null;
}

/**
 * A metadata date ("2024-10-28T14:03:00Z", "2024-10-28", "20241028T140300Z", "20241028140300",
 * "Mon, 28 Oct 2024 14:03:00 GMT") as the
 * calendar date the publisher wrote: the date part as given, not shifted to UTC.
 */
export function isoDateFromMetadata(raw: string): string | null {
  const s = raw.trim();
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})/.exec(s);
  if (isoMatch) return iso(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
  // GDELT writes 20220301T120000Z (DOC API), 20220301120000 (events DATEADDED, GKG DATE), 20220301.
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T|\d{4}(?:\d{2})?$|$)/.exec(s);
  if (compact) return iso(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return dateInText(s, s.length)?.date ?? null;
}

const MONTH_RE =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const MDY = new RegExp(`\\b${MONTH_RE}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, 'i');
const DMY = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH_RE},?\\s+(\\d{4})\\b`, 'i');
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;

/**
 * The date a file name starts with: `2024-10-28-foo.txt`, `20241028_foo.txt`, GDELT-style
 * `20241028T100000Z_GB_...`. Only at the start, so an id or a number inside the name is not read.
 */
export function dateFromFileName(name: string): string | null {
  const dashed = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(name);
  if (dashed) return iso(Number(dashed[1]), Number(dashed[2]), Number(dashed[3]));
  const compact = /^(\d{4})(\d{2})(\d{2})(?:T\d{4,6}Z?)?(?=[_\-. ]|$)/.exec(name);
  if (compact) return iso(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  return null;
}

/** The first full calendar date within the first `window` characters of the text, with where it is. */
export function dateInText(text: string, window = 600): { date: string; start: number; end: number } | null {
  const head = text.slice(0, window);
  const found: { date: string; start: number; end: number }[] = [];
  const mdy = MDY.exec(head);
  if (mdy) {
    const d = iso(Number(mdy[3]), MONTHS[mdy[1]!.toLowerCase()]!, Number(mdy[2]));
    if (d) found.push({ date: d, start: mdy.index, end: mdy.index + mdy[0].length });
  }
  const dmy = DMY.exec(head);
  if (dmy) {
    const d = iso(Number(dmy[3]), MONTHS[dmy[2]!.toLowerCase()]!, Number(dmy[1]));
    if (d) found.push({ date: d, start: dmy.index, end: dmy.index + dmy[0].length });
  }
  const isoM = ISO.exec(head);
  if (isoM) {
    const d = iso(Number(isoM[1]), Number(isoM[2]), Number(isoM[3]));
    if (d) found.push({ date: d, start: isoM.index, end: isoM.index + isoM[0].length });
  }
  found.sort((a, b) => a.start - b.start);
  return found[0] ?? null;
}
