/**
 * The tokens stage's word list (data/syntax/normal-forms.tsv), read once per process. The trained
 * models themselves are read by src/nlp (tagger, lemmatizer, parser) from data/models.
 */
import { parseTsv, readDataFile } from './paths.js';

let normalForms: ReadonlyMap<string, string> | null = null;

/** Lower-cased clitic or contraction part → its spelt-out normal form. */
export function loadNormalForms(): ReadonlyMap<string, string> {
  normalForms ??= new Map(
    parseTsv(readDataFile('syntax', 'normal-forms.tsv')).map(({ row }) => [row.form!, row.normal!] as const),
  );
  return normalForms;
}
