/**
 * Loads the actors stage's dictionaries once per process: states (from i18n-iso-countries and
 * world-countries, corrected by data/actors/countries.tsv), organisations and state bodies, definite
 * descriptions, office-holders with date-bounded roles, titles and small word lists. Returns plain
 * frozen records; the stage compiles its tries from them. Depends on core and the data path helpers only.
 */
import { createRequire } from 'node:module';
import i18nCountries from 'i18n-iso-countries';
import type { Countries } from 'world-countries';
import { SitrepError } from '../core/errors.js';
import { parseTsv, readDataFile } from './paths.js';

export type Gender = 'm' | 'f';
export type NameVia = 'name' | 'alias' | 'acronym' | 'demonym' | 'metonym';

/** An actor the dictionaries know before reading any article: a state, an organisation, a body, a group. */
export interface KnownActor {
  /** Alpha-3 for states; the organisation's acronym; state + sector for bodies (USAMIL). */
  readonly key: string;
  readonly kind: 'country' | 'organization' | 'group' | 'body';
  readonly name: string;
  readonly cameo: string | null;
  /** For bodies and groups: the state or organisation they belong to. */
  readonly country: string | null;
  readonly rule: string;
}

/** A string that names a known actor (or, with `key` null, a phrase that blocks shorter names inside it). */
export interface NameEntry {
  readonly text: string;
  readonly key: string | null;
  readonly via: NameVia;
  /** Counts only when the same actor is also named unambiguously in the document. */
  readonly ambiguous: boolean;
  /** Counts only after "the"/"The" ("the West"). */
  readonly afterThe?: boolean;
  readonly rule: string;
}

/** "the alliance" → NATO, once NATO has been named. */
export interface DefiniteEntry {
  readonly text: string;
  readonly key: string;
  readonly rule: string;
}

export interface OfficeTerm {
  readonly country: string;
  readonly role: string;
  readonly sector: string;
  /** Inclusive ISO dates; null = open. */
  readonly from: string | null;
  readonly to: string | null;
  readonly rule: string;
}

export interface OfficeHolder {
  readonly name: string;
  readonly aliases: readonly string[];
  /** The name used after Mr./Ms. ("Kim" for Kim Yong-hyun). */
  readonly surname: string;
  readonly gender: Gender | null;
  readonly terms: readonly OfficeTerm[];
  readonly rule: string;
}

export interface TitleEntry {
  readonly title: string;
  readonly sector: string;
  readonly gender: Gender | null;
  readonly rule: string;
}

export interface ActorLexicon {
  readonly honorifics: ReadonlyMap<string, Gender | null>;
  readonly pronouns: ReadonlyMap<string, Gender>;
  readonly locatives: ReadonlySet<string>;
  readonly particles: ReadonlySet<string>;
  readonly notNames: ReadonlySet<string>;
  readonly prefixes: ReadonlySet<string>;
  readonly modifiers: ReadonlySet<string>;
  readonly reporting: ReadonlySet<string>;
  readonly placeNouns: ReadonlySet<string>;
  readonly governmentNouns: ReadonlySet<string>;
  /** Weekday and month names (also in notNames). */
  readonly calendar: ReadonlySet<string>;
}

export interface ActorsData {
  readonly actors: ReadonlyMap<string, KnownActor>;
  readonly names: readonly NameEntry[];
  readonly definites: readonly DefiniteEntry[];
  readonly people: readonly OfficeHolder[];
  readonly titles: readonly TitleEntry[];
  readonly lexicon: ActorLexicon;
  /** Lower-cased given names and the gender they usually mark (null when either). */
  readonly givenNames: ReadonlyMap<string, Gender | null>;
}

/** Territories that act in the news although world-countries does not mark them independent. */
const EXTRA_STATES = new Set(['PSE', 'TWN', 'HKG', 'GRL', 'PRI']);
/** Words in a package alt-spelling that make it an English long form worth matching. */
const LONG_FORM =
  /\b(Republic|Kingdom|State|Federation|Union|Commonwealth|Principality|Sultanate|Duchy|Confederation|Emirates)\b/;

function gender(v: string | undefined): Gender | null {
  return v === 'm' || v === 'f' ? v : null;
}

/** Package names that read badly in running text: inverted ("Korea, Republic of"), bracketed, 2-letter codes. */
function usableName(s: string): boolean {
  return s.length > 2 && !/[,()]/.test(s) && !/^The /.test(s) && /^[\p{Lu}]/u.test(s);
}

/** Regular English plurals of demonyms ("Ukrainians", "Iraqis"); -ese, -sh, -ch and -ss forms have none. */
function demonymPlural(d: string): string | null {
  if (/(ese|sh|ch|ss|s|x|z)$/.test(d)) return null;
  return `${d}s`;
}

function loadStates(actors: Map<string, KnownActor>, names: NameEntry[]): void {
  const require = createRequire(import.meta.url);
  i18nCountries.registerLocale(require('i18n-iso-countries/langs/en.json'));
  // The CommonJS entry is the plain array; its ESM typings do not match NodeNext's default import.
  const worldCountries = require('world-countries') as Countries;
  const i18nNames = i18nCountries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  for (const c of worldCountries) {
    if (!c.independent && !EXTRA_STATES.has(c.cca3)) continue;
    const key = c.cca3;
    actors.set(key, {
      key,
      kind: 'country',
      name: c.name.common,
      cameo: key,
      country: key,
      rule: `world-countries:${key}`,
    });
    const add = (text: string, via: NameVia, source: string): void => {
      if (usableName(text)) names.push({ text, key, via, ambiguous: false, rule: `${source}:${key}` });
    };
    add(c.name.common, 'name', 'world-countries');
    add(c.name.official, 'name', 'world-countries');
    for (const n of i18nNames[c.cca2] ?? []) add(n, 'name', 'i18n-iso-countries');
    for (const alt of c.altSpellings) {
      if (/^[A-Z]{3,5}$/.test(alt)) add(alt, 'acronym', 'world-countries');
      else if (LONG_FORM.test(alt) && /^[\p{L} .'-]+$/u.test(alt)) add(alt, 'name', 'world-countries');
    }
    const eng = c.demonyms?.eng;
    for (const form of new Set([eng?.m, eng?.f])) {
      for (const d of (form ?? '').split(/, | or /)) {
        if (!d) continue;
        add(d, 'demonym', 'world-countries');
        const plural = demonymPlural(d);
        if (plural) add(plural, 'demonym', 'world-countries');
      }
    }
    const capital = c.capital?.[0];
    if (capital && capital !== c.name.common) add(capital, 'metonym', 'world-countries');
  }
}

function loadOrganizations(actors: Map<string, KnownActor>, names: NameEntry[]): void {
  for (const { line, row } of parseTsv(readDataFile('actors', 'organizations.tsv'))) {
    const key = row.key!;
    const rule = `organizations.tsv:${line}`;
    const kind = row.kind as KnownActor['kind'];
    if (!['organization', 'group', 'body'].includes(kind)) {
      throw new SitrepError('DATA_INVALID', `${rule}: kind '${row.kind}' is not organization, group or body`);
    }
    actors.set(key, {
      key,
      kind,
      name: row.name!,
      cameo: row.cameo || null,
      country: row.country || null,
      rule,
    });
    const acronymish = (s: string): NameVia => (/^[A-Z0-9.+-]{2,}$/.test(s) ? 'acronym' : 'alias');
    // "the West" is matched as "West" after "the", so that "the West Bank" can block it.
    const add = (text: string, via: NameVia, ambiguous: boolean): void => {
      const bare = /^the (.+)$/.exec(text);
      if (bare) names.push({ text: bare[1]!, key, via, ambiguous, afterThe: true, rule });
      else names.push({ text, key, via, ambiguous, rule });
    };
    add(row.name!, acronymish(row.name!) === 'acronym' ? 'acronym' : 'name', false);
    for (const a of (row.aliases ?? '').split('|').filter(Boolean)) add(a, acronymish(a), false);
    for (const a of (row.weak ?? '').split('|').filter(Boolean)) add(a, acronymish(a), true);
  }
}

/** Applies countries.tsv: its rows replace package rows with the same text; `drop` removes, `block` blocks. */
function applyCuratedNames(actors: Map<string, KnownActor>, names: NameEntry[]): NameEntry[] {
  const curated: NameEntry[] = [];
  const replaced = new Set<string>();
  for (const { line, row } of parseTsv(readDataFile('actors', 'countries.tsv'))) {
    const rule = `countries.tsv:${line}`;
    const text = row.text!;
    const via = row.via!;
    const flags = new Set((row.flags ?? '').split(',').filter(Boolean));
    replaced.add(text);
    if (via === 'drop') continue;
    if (via === 'block') {
      curated.push({ text, key: null, via: 'name', ambiguous: false, rule });
      continue;
    }
    if (!['name', 'alias', 'acronym', 'demonym', 'metonym'].includes(via)) {
      throw new SitrepError(
        'DATA_INVALID',
        `${rule}: via '${via}' is not one of name, alias, acronym, demonym, metonym, block, drop`,
      );
    }
    const key = row.code!;
    const known = actors.get(key);
    if (!known) {
      // A state the packages lack (Kosovo as XKX): the first row naming it gives its name.
      actors.set(key, { key, kind: 'country', name: text, cameo: key, country: key, rule });
    } else if (flags.has('canonical')) {
      actors.set(key, { ...known, name: text });
    }
    curated.push({ text, key, via: via as NameVia, ambiguous: flags.has('ambiguous'), rule });
  }
  return [...names.filter((n) => !replaced.has(n.text)), ...curated];
}

/** Adds the typographic-apostrophe spelling of every name that has a straight one ("People’s"). */
function withCurlyApostrophes(names: NameEntry[]): NameEntry[] {
  const out = [...names];
  for (const n of names) if (n.text.includes("'")) out.push({ ...n, text: n.text.replaceAll("'", '’') });
  return out;
}

function loadDefinites(actors: ReadonlyMap<string, KnownActor>): DefiniteEntry[] {
  return parseTsv(readDataFile('actors', 'definites.tsv')).map(({ line, row }) => {
    const rule = `definites.tsv:${line}`;
    if (!actors.has(row.actor!))
      throw new SitrepError('DATA_INVALID', `${rule}: unknown actor '${row.actor}'`);
    return { text: row.text!, key: row.actor!, rule };
  });
}

function loadPeople(): OfficeHolder[] {
  const byName = new Map<string, { holder: Omit<OfficeHolder, 'terms'>; terms: OfficeTerm[] }>();
  for (const { line, row } of parseTsv(readDataFile('actors', 'office-holders.tsv'))) {
    const rule = `office-holders.tsv:${line}`;
    const name = row.name!;
    const term: OfficeTerm = {
      country: row.country!,
      role: row.role!,
      sector: row.sector || 'GOV',
      from: row.from || null,
      to: row.to || null,
      rule,
    };
    const entry = byName.get(name);
    if (entry) {
      entry.terms.push(term);
      continue;
    }
    const words = name.split(' ');
    byName.set(name, {
      holder: {
        name,
        aliases: (row.aliases ?? '').split('|').filter(Boolean),
        surname: row.surname || words[words.length - 1]!,
        gender: gender(row.gender),
        rule,
      },
      terms: [term],
    });
  }
  return [...byName.values()].map(({ holder, terms }) =>
    Object.freeze({ ...holder, terms: Object.freeze(terms) }),
  );
}

function loadTitles(): TitleEntry[] {
  return parseTsv(readDataFile('actors', 'titles.tsv')).map(({ line, row }) => ({
    title: row.title!,
    sector: row.sector || 'GOV',
    gender: gender(row.gender),
    rule: `titles.tsv:${line}`,
  }));
}

function loadLexicon(): ActorLexicon {
  const honorifics = new Map<string, Gender | null>();
  const pronouns = new Map<string, Gender>();
  const sets: Record<string, Set<string>> = {
    locative: new Set(),
    particle: new Set(),
    'not-name': new Set(),
    prefix: new Set(),
    modifier: new Set(),
    reporting: new Set(),
    'place-noun': new Set(),
    'government-noun': new Set(),
    calendar: new Set(),
  };
  for (const { line, row } of parseTsv(readDataFile('actors', 'lexicon.tsv'))) {
    const word = row.word!;
    if (row.set === 'honorific') honorifics.set(word, gender(row.value));
    else if (row.set === 'pronoun') pronouns.set(word, gender(row.value) ?? 'm');
    else if (row.set && sets[row.set]) sets[row.set]!.add(word);
    else throw new SitrepError('DATA_INVALID', `lexicon.tsv:${line}: unknown set '${row.set}'`);
    if (row.set === 'calendar') sets['not-name']!.add(word);
  }
  return {
    honorifics,
    pronouns,
    locatives: sets.locative!,
    particles: sets.particle!,
    notNames: sets['not-name']!,
    prefixes: sets.prefix!,
    modifiers: sets.modifier!,
    reporting: sets.reporting!,
    placeNouns: sets['place-noun']!,
    governmentNouns: sets['government-noun']!,
    calendar: sets.calendar!,
  };
}

function loadGivenNames(): Map<string, Gender | null> {
  const out = new Map<string, Gender | null>();
  for (const { row } of parseTsv(readDataFile('actors', 'given-names.tsv')))
    out.set(row.name!, gender(row.gender));
  return out;
}

let shared: ActorsData | null = null;

/** The actors dictionaries, read and frozen once per process. */
export function loadActorsData(): ActorsData {
  if (shared) return shared;
  const actors = new Map<string, KnownActor>();
  let names: NameEntry[] = [];
  loadOrganizations(actors, names);
  loadStates(actors, names);
  names = withCurlyApostrophes(applyCuratedNames(actors, names));
  shared = Object.freeze({
    actors,
    names: Object.freeze(names),
    definites: Object.freeze(loadDefinites(actors)),
    people: Object.freeze(loadPeople()),
    titles: Object.freeze(loadTitles()),
    lexicon: Object.freeze(loadLexicon()),
    givenNames: loadGivenNames(),
  });
  return shared;
}
