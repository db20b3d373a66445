/**
 * Server-supplied text (an HTTP reason phrase, a redirect target, a parser's context excerpt) made
 * safe to put in an error message that `sitrep feeds list` prints to a terminal: control characters
 * (escape sequences among them) become '?', and the length is capped. Imports nothing.
 */

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;

export function printable(text: string, max = 200): string {
  const clean = text.replace(CONTROL, '?');
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
