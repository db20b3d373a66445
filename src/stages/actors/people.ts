/**
 * The people of one article: a registry that merges every reference to the same person (full name,
 * title + name, apposition, Mr./Ms. + surname, bare surname) and remembers what the text says of them
 * (roles, affiliation, gender). Office-holders from the dictionary are recognised by name; everyone
 * else by the patterns in find-people.ts. Depends on the data types and compile helpers only.
 */
import type { Gender, OfficeHolder } from '../../data/actors.js';
import { type CompiledActors, termOn } from './compile.js';

export interface PersonRecord {
  readonly key: string;
  name: string;
  surname: string;
  gender: Gender | null;
  holder: OfficeHolder | null;
  /** Titles as the text gives them ("Pentagon spokeswoman"), in order of appearance. */
  readonly roles: string[];
  /** Key of the known actor the text attaches the person to ("Pentagon" → USAMIL), or null. */
  affiliation: string | null;
  /** CAMEO sector the text's title implies (GOV, MIL, ...), or null. */
  sector: string | null;
  rule: string;
  /** Starts of the mentions that name the person in full (antecedents for surnames and pronouns). */
  readonly intros: number[];
}

/**
 * The name used after Mr./Ms.: the last word, except for East Asian names written family name first,
 * recognised by a hyphenated given name ("Kim Yong-hyun" → Kim).
 */
export function surnameOf(words: readonly string[]): string {
  if (words.length === 2 && /^\p{Lu}\p{Ll}+-\p{Ll}+$/u.test(words[1]!)) return words[0]!;
  return words[words.length - 1]!;
}

export class PersonRegistry {
  readonly byKey = new Map<string, PersonRecord>();
  private readonly c: CompiledActors;
  private readonly date: string | null;

  constructor(c: CompiledActors, date: string | null) {
    this.c = c;
    this.date = date;
  }

  /** The record of a dictionary office-holder, created on first sight. */
  forHolder(holder: OfficeHolder, at: number, intro: boolean): PersonRecord {
    const key = `p:${holder.name}`;
    let p = this.byKey.get(key);
    if (!p) {
      p = {
        key,
        name: holder.name,
        surname: holder.surname,
        gender: holder.gender,
        holder,
        roles: [],
        affiliation: null,
        sector: null,
        rule: holder.rule,
        intros: [],
      };
      this.byKey.set(key, p);
    }
    if (intro) p.intros.push(at);
    return p;
  }

  /** The record for a full name read in the text (dictionary first, then an earlier same-name record). */
  forName(words: readonly string[], at: number, rule: string): PersonRecord {
    const name = words.join(' ');
    const holder = this.c.peopleByName.get(name);
    if (holder) return this.forHolder(holder, at, true);
    if (words.length === 1) return this.forSurname(name, at, null, rule);
    const key = `p:${name}`;
    let p = this.byKey.get(key);
    if (!p) {
      p = {
        key,
        name,
        surname: surnameOf(words),
        gender: null,
        holder: null,
        roles: [],
        affiliation: null,
        sector: null,
        rule,
        intros: [],
      };
      this.byKey.set(key, p);
    }
    p.intros.push(at);
    return p;
  }

  /**
   * The person a surname refers to at `at`: the most recently introduced person with that surname,
   * else one introduced later (a headline may use the surname first), else the one office-holder with
   * that surname in office on the article's date, else a new person known only by this name.
   */
  forSurname(surname: string, at: number, gender: Gender | null, rule: string): PersonRecord {
    const found = this.findBySurname(surname, at, gender);
    if (found) return found;
    const holders = (this.c.peopleBySurname.get(surname) ?? []).filter((h) => termOn(h, this.date) !== null);
    if (holders.length === 1) return this.forHolder(holders[0]!, at, false);
    const key = `p:${surname}`;
    const p: PersonRecord = this.byKey.get(key) ?? {
      key,
      name: surname,
      surname,
      gender,
      holder: null,
      roles: [],
      affiliation: null,
      sector: null,
      rule,
      intros: [at],
    };
    this.byKey.set(key, p);
    return p;
  }

  findBySurname(surname: string, at: number, gender: Gender | null): PersonRecord | null {
    let before: { p: PersonRecord; at: number } | null = null;
    let after: { p: PersonRecord; at: number } | null = null;
    for (const p of this.byKey.values()) {
      if (p.surname !== surname && p.name !== surname) continue;
      if (gender && p.gender && gender !== p.gender) continue;
      for (const i of p.intros) {
        if (i < at && (!before || i > before.at)) before = { p, at: i };
        if (i >= at && (!after || i < after.at)) after = { p, at: i };
      }
    }
    return before?.p ?? after?.p ?? null;
  }

  /** The office-holder's role on the article's date, or null. */
  currentRole(holder: OfficeHolder): string | null {
    return termOn(holder, this.date)?.role ?? null;
  }

  /** Records what a title says: role text, affiliation, sector and gender (first statement wins). */
  addRole(
    p: PersonRecord,
    role: string,
    affiliation: string | null,
    sector: string,
    gender: Gender | null,
  ): void {
    if (!p.roles.includes(role)) p.roles.push(role);
    p.affiliation ??= affiliation;
    p.sector ??= sector;
    p.gender ??= gender;
  }
}
