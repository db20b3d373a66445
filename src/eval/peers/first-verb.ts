/**
 * The first-verb event baseline, the peer of the `events-plover` and `events-cameo` suites: the
 * first verb of the sentence that PETRARCH's CAMEO verb dictionary gives a default code is the event
 * (its code, and the PLOVER type the 2021 conversion table gives that code); the source is the first
 * country mentioned before that verb, the target the first one after it. No patterns, no parse, no
 * actors beyond country names. Depends on the token type and on the country matcher's shape only.
 */
import type { Token } from '../../core/types.js';
import type { CountryMatcher } from './country-names.js';

export interface PeerEvent {
  readonly cameo: string;
  readonly trigger: { readonly start: number; readonly end: number };
  /** ISO 3166-1 alpha-3 codes, or null. */
  readonly source: string | null;
  readonly target: string | null;
}

/**
 * `verbs` maps lower-case verb forms to CAMEO codes. Only tokens tagged VERB are considered
 * (auxiliaries are not events); a token is looked up by lemma, then by its own form.
 */
export function firstVerbEvent(
  text: string,
  tokens: readonly Token[],
  verbs: ReadonlyMap<string, string>,
  countries: CountryMatcher,
): PeerEvent | null {
  for (const t of tokens) {
    if (t.pos !== 'VERB') continue;
    const cameo = verbs.get(t.lemma) ?? verbs.get(t.normal);
    if (!cameo) continue;
    const mentions = countries.find(text);
    return {
      cameo,
      trigger: { start: t.start, end: t.end },
      source: mentions.find((m) => m.end <= t.start)?.code ?? null,
      target: mentions.find((m) => m.start >= t.end)?.code ?? null,
    };
  }
  return null;
}
