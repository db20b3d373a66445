/**
 * Compiles the actors dictionaries into the indexes the stage reads per document: one case-sensitive
 * trie of every name (states, organisations, bodies, office-holders, blocking phrases, definite
 * descriptions), one case-insensitive trie of titles, and maps by surname and full name. Built once per
 * stage factory call. Depends on the data types and the trie only.
 */
import type {
  ActorsData,
  DefiniteEntry,
  KnownActor,
  NameEntry,
  OfficeHolder,
  OfficeTerm,
  TitleEntry,
} from '../../data/actors.js';
import { NameTrie } from './trie.js';

/** What a name in the text can be. */
export type NameHit =
  | { readonly type: 'actor'; readonly entry: NameEntry }
  | { readonly type: 'block'; readonly rule: string }
  | { readonly type: 'person'; readonly holder: OfficeHolder; readonly alias: string }
  | { readonly type: 'definite'; readonly entry: DefiniteEntry };

export interface CompiledActors {
  readonly data: ActorsData;
  readonly names: NameTrie<NameHit>;
  readonly titles: NameTrie<TitleEntry>;
  /** Office-holders by full name and by every multi-word alias. */
  readonly peopleByName: ReadonlyMap<string, OfficeHolder>;
  /** Office-holders by the name used after Mr./Ms. */
  readonly peopleBySurname: ReadonlyMap<string, readonly OfficeHolder[]>;
  readonly actors: ReadonlyMap<string, KnownActor>;
  /** Words never part of a person's name: the not-name list, calendar words and honorifics. */
  readonly notNames: ReadonlySet<string>;
}

export function compileActors(data: ActorsData): CompiledActors {
  const names = new NameTrie<NameHit>();
  for (const entry of data.names) {
    names.add(
      entry.text,
      entry.key === null ? { type: 'block', rule: entry.rule } : { type: 'actor', entry },
    );
  }
  for (const entry of data.definites) names.add(entry.text, { type: 'definite', entry });

  const peopleByName = new Map<string, OfficeHolder>();
  const peopleBySurname = new Map<string, OfficeHolder[]>();
  for (const holder of data.people) {
    for (const alias of [holder.name, ...holder.aliases]) {
      names.add(alias, { type: 'person', holder, alias });
      if (alias.includes(' ')) peopleByName.set(alias, holder);
    }
    const list = peopleBySurname.get(holder.surname) ?? [];
    list.push(holder);
    peopleBySurname.set(holder.surname, list);
  }

  const titles = new NameTrie<TitleEntry>({ caseInsensitive: true });
  for (const t of data.titles) titles.add(t.title, t);

  return {
    // An honorific is never part of the name it precedes ("Ms. Singh said" names Singh).
    notNames: new Set([...data.lexicon.notNames, ...data.lexicon.honorifics.keys()]),
    data,
    names,
    titles,
    peopleByName,
    peopleBySurname,
    actors: data.actors,
  };
}

/** The office-holder's term in force on `date` (ISO); with no date, the latest term. */
export function termOn(holder: OfficeHolder, date: string | null): OfficeTerm | null {
  if (!date) return holder.terms[holder.terms.length - 1] ?? null;
  for (const t of holder.terms) {
    if ((t.from === null || t.from <= date) && (t.to === null || date <= t.to)) return t;
  }
  return null;
}

/** The term in force on `date`, else the latest that ended before it, else the first. */
export function nearestTerm(holder: OfficeHolder, date: string | null): OfficeTerm | null {
  const now = termOn(holder, date);
  if (now || !date) return now;
  let best: OfficeTerm | null = null;
  for (const t of holder.terms) if (t.to !== null && t.to < date && (!best || t.to > best.to!)) best = t;
  return best ?? holder.terms[0] ?? null;
}
