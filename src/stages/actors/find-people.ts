/**
 * Finders for people, run in this order over one article:
 * 1. office-holders named in full or by a distinctive surname (from find-names.ts);
 * 2. TITLE NAME: "[Russia's] Foreign Minister Sergey Lavrov", "Pentagon spokeswoman Sabrina Singh",
 *    with the affiliation read from the modifier before the title;
 * 3. apposition: "NAME, the TITLE [of ORG]," / "NAME, a senior fellow at ORG,";
 * 4. Mr./Ms./Dr. + surname, then the bare surname, resolved to the person introduced before;
 * 5. he/she/him/his/her, resolved to the most likely person before (see resolvePronouns).
 * Depends on the compiled dictionaries, the text helpers and the person registry.
 */
import type { Gender, TitleEntry } from '../../data/actors.js';
import type { CompiledActors } from './compile.js';
import type { Candidate, NameFindings } from './find-names.js';
import { type PersonRecord, type PersonRegistry, surnameOf } from './people.js';
import {
  isCapitalised,
  type NameRules,
  readNameBackward,
  readNameForward,
  type TextIndex,
  wordAfter,
  wordBefore,
} from './text-context.js';
import { isWordChar, type TrieMatch } from './trie.js';

export interface PersonMention {
  readonly start: number;
  readonly end: number;
  readonly person: PersonRecord;
  readonly via: Candidate['via'];
  readonly rule: string;
}

/**
 * The party-and-state tag of American legislators in U.S. news ("Sen. Bob Corker (R-Tenn.)",
 * "Rep. Dana Rohrabacher, R-Calif."): it places the person in the United States.
 */
const US_PARTY_TAG = /^,? \(?[RDI]-[A-Z][A-Za-z.]{1,12}\)?/;

interface RoleSpan {
  readonly start: number;
  readonly affiliation: string | null;
}

/**
 * Walks back from a title over modifiers ("former", "deputy") and one known actor ("Russian",
 * "Russia's", "U.S.", "Pentagon", "NATO"): where the role text starts and whom it attaches the person to.
 */
function roleStart(
  text: string,
  titleStart: number,
  byEnd: ReadonlyMap<number, Candidate>,
  modifiers: ReadonlySet<string>,
): RoleSpan {
  let start = titleStart;
  let affiliation: string | null = null;
  for (let guard = 0; guard < 4; guard++) {
    if (text[start - 1] !== ' ') break;
    const e = start - 1;
    const possessive = /['’]s$/.test(text.slice(e - 2, e));
    const cand = byEnd.get(e) ?? (possessive ? byEnd.get(e - 2) : undefined);
    if (cand && affiliation === null && cand.via !== 'definite') {
      affiliation = cand.key;
      start = cand.start;
      continue;
    }
    const w = wordBefore(text, start);
    if (w && w.end === e && modifiers.has(w.text.toLowerCase())) {
      start = w.start;
      continue;
    }
    break;
  }
  return { start, affiliation };
}

/** Merges titles that follow each other ("Lt. Col.", "deputy secretary-general"): the last one heads. */
function chainTitles(text: string, matches: readonly TrieMatch<TitleEntry>[]): TrieMatch<TitleEntry>[] {
  const out: TrieMatch<TitleEntry>[] = [];
  for (const m of matches) {
    const prev = out[out.length - 1];
    if (prev && prev.end + 1 === m.start && text[prev.end] === ' ') {
      out[out.length - 1] = { start: prev.start, end: m.end, values: m.values };
    } else out.push(m);
  }
  return out;
}

export function findPeople(
  index: TextIndex,
  c: CompiledActors,
  names: NameFindings,
  registry: PersonRegistry,
): PersonMention[] {
  const { text } = index;
  const lex = c.data.lexicon;
  const out: PersonMention[] = [];
  const taken = new Uint8Array(text.length + 1);
  const take = (start: number, end: number): void => {
    taken.fill(1, start, end);
  };
  const isFree = (start: number, end: number): boolean => {
    for (let i = start; i < end; i++) if (taken[i]) return false;
    return true;
  };
  for (const o of names.occupied) take(o.start, o.end);

  const stops = new Set(names.occupied.map((o) => o.start));
  const rules: NameRules = {
    particles: lex.particles,
    notNames: c.notNames,
    stops,
    titleAt: (pos) => c.titles.longestAt(index.folded, pos) !== null,
  };
  const byEnd = new Map<number, Candidate>();
  for (const cand of names.candidates) byEnd.set(cand.end, cand);
  const personAt = new Map(names.people.map((p) => [p.start, p]));
  const personEndingAt = new Map(names.people.map((p) => [p.end, p]));

  // Honorific tokens ("Mr.", "Ms."), by where they end: "Mr. Rutte" is one mention.
  const honorificEnding = new Map<number, { start: number; text: string }>();
  for (const tok of index.tokens) {
    if (lex.honorifics.has(tok.text) && text[tok.end] === ' ') honorificEnding.set(tok.end + 1, tok);
  }

  // 1. Office-holders named by the dictionary.
  for (const h of names.people) {
    const p = registry.forHolder(h.holder, h.start, true);
    const hon = honorificEnding.get(h.start);
    if (hon) {
      p.gender ??= lex.honorifics.get(hon.text) ?? null;
      out.push({ start: hon.start, end: h.end, person: p, via: 'surname', rule: `honorific:${hon.text}` });
      take(hon.start, h.end);
      continue;
    }
    out.push({
      start: h.start,
      end: h.end,
      person: p,
      via: h.bare ? 'surname' : 'name',
      rule: h.holder.rule,
    });
  }

  // 2 and 3. Titles before a name, or in apposition after one.
  const titleMatches = c.titles.scan(index.folded, index.starts);
  for (const t of chainTitles(text, titleMatches)) {
    if (!isFree(t.start, t.end)) continue;
    const title = t.values[0]!;
    // "Martin Luther King", "Peter King": a capitalised title glued to a name word is part of a name.
    const glued = wordBefore(text, t.start);
    if (
      glued &&
      glued.end === t.start - 1 &&
      isCapitalised(text[t.start]!) &&
      isCapitalised(glued.text) &&
      !byEnd.has(glued.end) &&
      !index.startsSentence(glued.start) &&
      !lex.notNames.has(glued.text) &&
      !lex.modifiers.has(glued.text.toLowerCase()) &&
      !lex.honorifics.has(glued.text) &&
      c.titles.longestAt(index.folded, glued.start) === null
    ) {
      continue;
    }
    const role = roleStart(text, t.start, byEnd, lex.modifiers);
    const rule = `title:${title.rule}`;
    if (text[t.end] === ' ') {
      const known = personAt.get(t.end + 1);
      if (known) {
        const p = registry.forHolder(known.holder, known.start, false);
        registry.addRole(p, text.slice(role.start, t.end), role.affiliation, title.sector, title.gender);
        continue;
      }
      const name = readNameForward(text, t.end + 1, rules);
      // "Deputy Foreign Minister Seyed Abbas Araghchi": the name runs into a listed person's surname.
      const knownAfter = name ? personAt.get(name.end + 1) : undefined;
      if (knownAfter) {
        const p = registry.forHolder(knownAfter.holder, knownAfter.start, false);
        registry.addRole(p, text.slice(role.start, t.end), role.affiliation, title.sector, title.gender);
        continue;
      }
      if (name && isFree(name.start, name.end)) {
        const p = registry.forName(name.words, name.start, rule);
        const affiliation =
          role.affiliation ?? (US_PARTY_TAG.test(text.slice(name.end, name.end + 16)) ? 'USA' : null);
        registry.addRole(p, text.slice(role.start, t.end), affiliation, title.sector, title.gender);
        out.push({ start: name.start, end: name.end, person: p, via: 'name', rule });
        take(name.start, name.end);
        continue;
      }
    }
    apposition(t, title, role);
  }

  function apposition(t: TrieMatch<TitleEntry>, title: TitleEntry, role: RoleSpan): void {
    const before = /,\s(?:(?:the|a|an)\s)?$/.exec(text.slice(Math.max(0, role.start - 6), role.start));
    if (!before) return;
    const comma = role.start - before[0].length;
    // The role may continue: "a senior fellow at the Center for Strategic and International Studies".
    let end = t.end;
    let affiliation = role.affiliation;
    const ext = /^ (?:of|at|for|with|in) [^,.;:\n“”"]{1,80}/.exec(text.slice(t.end, t.end + 90));
    if (ext && /[,.;]/.test(text[t.end + ext[0].length] ?? '')) {
      end = t.end + ext[0].length;
      for (const cand of names.candidates) {
        if (affiliation === null && cand.start >= t.end && cand.end <= end && cand.via !== 'definite') {
          affiliation = cand.key;
        }
      }
    }
    const roleText = text.slice(role.start, end);
    const known = personEndingAt.get(comma);
    if (known) {
      const p = registry.forHolder(known.holder, known.start, false);
      registry.addRole(p, roleText, affiliation, title.sector, title.gender);
      return;
    }
    const name = readNameBackward(text, comma, rules);
    if (!name || !isFree(name.start, name.end)) return;
    const p = registry.forName(name.words, name.start, `apposition:${title.rule}`);
    registry.addRole(p, roleText, affiliation, title.sector, title.gender);
    out.push({ start: name.start, end: name.end, person: p, via: 'name', rule: `apposition:${title.rule}` });
    take(name.start, name.end);
  }

  // 4a. Mr./Ms./Dr. + surname.
  for (const [nameStart, hon] of honorificEnding) {
    const start = hon.start;
    const gender: Gender | null = lex.honorifics.get(hon.text) ?? null;
    const name = readNameForward(text, nameStart, rules, 3);
    if (!name || name.start !== nameStart || !isFree(start, name.end)) continue;
    const rule = `honorific:${hon.text}`;
    const p =
      name.words.length > 1
        ? registry.forName(name.words, name.start, rule)
        : registry.forSurname(name.words[0]!, start, gender, rule);
    p.gender ??= gender;
    out.push({ start, end: name.end, person: p, via: 'surname', rule });
    take(start, name.end);
  }

  // 3b. "NAME said", "said NAME,": people the text quotes without a title.
  for (const tok of index.tokens) {
    if (!lex.reporting.has(tok.normal)) continue;
    const before = text[tok.start - 1] === ' ' ? readNameBackward(text, tok.start - 1, rules, 3) : null;
    const after = text[tok.end] === ' ' ? readNameForward(text, tok.end + 1, rules, 3) : null;
    for (const name of [before, after]) {
      if (!name || name.words.length < 2 || !isFree(name.start, name.end)) continue;
      if (name === after && !/^[,.;]/.test(text.slice(name.end, name.end + 1))) continue;
      // Every word a proper noun to the tagger: "Western leaders say" is no one.
      let proper = true;
      for (let at = name.start; proper && at < name.end; at = text.indexOf(' ', at) + 1 || name.end) {
        const w = index.tokenStartingAt(at);
        proper = w !== null && w.pos === 'PROPN';
      }
      if (!proper) continue;
      const rule = `reporting:${tok.normal}`;
      const p = registry.forName(name.words, name.start, rule);
      out.push({ start: name.start, end: name.end, person: p, via: 'name', rule });
      take(name.start, name.end);
    }
  }

  // 3c. A given name and a surname: "Robert Mueller", "Sabrina Singh", with no title or verb around.
  const named = new Uint8Array(text.length + 1);
  for (const m of names.matched) named.fill(1, m.start, m.end);
  for (const tok of index.tokens) {
    if (named[tok.start]) continue;
    if (tok.pos !== 'PROPN' || !isCapitalised(tok.text) || !c.data.givenNames.has(tok.text.toLowerCase()))
      continue;
    if (!isFree(tok.start, tok.end) || text[tok.end] !== ' ') continue;
    // The given name must start the name: "Martin Luther King" is read from "Martin", not "Luther".
    const prev = wordBefore(text, tok.start);
    if (prev && prev.end === tok.start - 1 && isCapitalised(prev.text) && !index.startsSentence(prev.start))
      continue;
    const name = readNameForward(text, tok.start, rules, 3);
    if (!name || name.words.length < 2 || !isFree(name.start, name.end)) continue;
    // Part of a longer proper noun ("Robert Wood Johnson Foundation", "John Hopkins University").
    const next = text[name.end] === ' ' ? wordAfter(text, name.end + 1) : null;
    if (next && next.start === name.end + 1 && isCapitalised(next.text)) continue;
    const rule = 'given-name';
    const p = registry.forName(name.words, name.start, rule);
    out.push({ start: name.start, end: name.end, person: p, via: 'name', rule });
    take(name.start, name.end);
  }

  // The gender a given name marks, for people neither the list nor a title gendered (not for names
  // written family name first, where the first word is not a given name).
  for (const p of registry.byKey.values()) {
    if (p.gender || p.holder) continue;
    const words = p.name.split(' ');
    if (words.length < 2 || surnameOf(words) === words[0]) continue;
    p.gender = c.data.givenNames.get(words[0]!.toLowerCase()) ?? null;
  }

  // 4b. Bare surnames of the people met so far.
  const surnames = new Set<string>();
  for (const p of registry.byKey.values()) surnames.add(p.surname);
  for (const tok of index.tokens) {
    if (!surnames.has(tok.text) || !isFree(tok.start, tok.end) || isWordChar(text[tok.end])) continue;
    const { start, end } = tok;
    const prev = wordBefore(text, start);
    if (prev && prev.end === start - 1) {
      if (lex.locatives.has(prev.text.toLowerCase())) continue;
      // "Manmohan Singh" is someone else than the Ms. Singh met before.
      if (isCapitalised(prev.text) && !index.startsSentence(prev.start) && !lex.notNames.has(prev.text))
        continue;
    }
    const next = text[end] === ' ' ? wordAfter(text, end) : null;
    if (next && isCapitalised(next.text) && !lex.notNames.has(next.text)) continue;
    const p = registry.findBySurname(tok.text, start, null);
    if (!p) continue;
    out.push({ start, end, person: p, via: 'surname', rule: 'surname' });
    take(start, end);
  }

  out.sort((a, b) => a.start - b.start);
  out.push(...resolveRoleDescriptions(index, titleMatches, registry, out, isFree));
  out.sort((a, b) => a.start - b.start);
  return resolvePronouns(index, lex.pronouns, out);
}

/**
 * Pronouns refer to the most salient compatible person: in the same sentence, the first one before the
 * pronoun (the subject: "Lavrov ... and said he"); else the first one of the previous sentence (its
 * subject: "Sergey Lavrov shrugged off Mr. Rutte's comments. He stopped ..."); else the last one within
 * two sentences more. Resolved pronouns count as mentions for the pronouns after them.
 */
export function resolvePronouns(
  index: TextIndex,
  pronouns: ReadonlyMap<string, Gender>,
  mentions: readonly PersonMention[],
): PersonMention[] {
  const bySentence = new Map<number, PersonMention[]>();
  const add = (m: PersonMention): void => {
    const s = index.sentenceAt(m.start);
    const list = bySentence.get(s) ?? [];
    list.push(m);
    list.sort((a, b) => a.start - b.start);
    bySentence.set(s, list);
  };
  for (const m of mentions) add(m);
  const resolved: PersonMention[] = [];
  const compatible = (m: PersonMention, g: Gender): boolean =>
    m.person.gender === null || m.person.gender === g;
  for (const tok of index.tokens) {
    const g = pronouns.get(tok.normal);
    if (!g || (tok.pos !== 'PRON' && tok.pos !== 'DET')) continue;
    const s = tok.sentence;
    let pick: PersonMention | undefined;
    let rule = '';
    pick = bySentence.get(s)?.find((m) => m.end <= tok.start && compatible(m, g));
    if (pick) rule = 'pronoun:same-sentence-subject';
    if (!pick) {
      pick = bySentence.get(s - 1)?.find((m) => compatible(m, g));
      if (pick) rule = 'pronoun:previous-sentence-subject';
    }
    for (let k = s - 2; !pick && k >= s - 3 && k >= 0; k--) {
      pick = bySentence
        .get(k)
        ?.filter((m) => compatible(m, g))
        .pop();
      if (pick) rule = 'pronoun:recent';
    }
    if (!pick) continue;
    pick.person.gender ??= pick.person.holder?.gender ?? null;
    const m: PersonMention = { start: tok.start, end: tok.end, person: pick.person, via: 'pronoun', rule };
    resolved.push(m);
    add(m);
  }
  return [...mentions, ...resolved].sort((a, b) => a.start - b.start);
}

/** Does `hay` contain `word` as a whole word (not inside a longer word)? */
function containsWord(hay: string, word: string): boolean {
  for (let i = hay.indexOf(word); i >= 0; i = hay.indexOf(word, i + 1)) {
    if (!isWordChar(hay[i - 1]) && !isWordChar(hay[i + word.length])) return true;
  }
  return false;
}

/**
 * "the president", "the minister", "the secretary-general": a lower-case title after "the", not
 * followed by a name or by "of", refers to the person last mentioned whose role contains it.
 */
function resolveRoleDescriptions(
  index: TextIndex,
  titleMatches: readonly TrieMatch<TitleEntry>[],
  registry: PersonRegistry,
  mentions: readonly PersonMention[],
  isFree: (start: number, end: number) => boolean,
): PersonMention[] {
  const { text } = index;
  const out: PersonMention[] = [];
  const rolesOf = new Map<PersonRecord, string>();
  const roleText = (p: PersonRecord): string => {
    let r = rolesOf.get(p);
    if (r === undefined) {
      const listed = p.holder ? registry.currentRole(p.holder) : null;
      r = [...p.roles, listed ?? ''].join(' | ').toLowerCase();
      rolesOf.set(p, r);
    }
    return r;
  };
  for (const t of titleMatches) {
    const title = index.folded.slice(t.start, t.end);
    if (
      text.slice(t.start, t.end) !== title ||
      !/(?:^|[^\p{L}])[Tt]he $/u.test(text.slice(Math.max(0, t.start - 4), t.start))
    ) {
      continue;
    }
    if (/^(?: of\b| [\p{Lu}])/u.test(text.slice(t.end, t.end + 4)) || !isFree(t.start, t.end)) continue;
    // The title must head its phrase ("the chief government spokesman" is not "the chief"), and an
    // apposition (", the director behind ...") introduces someone rather than referring back.
    const next = text[t.end] === ' ' ? index.tokenStartingAt(t.end + 1) : null;
    if (next && (next.pos === 'NOUN' || next.pos === 'PROPN' || next.pos === 'ADJ')) continue;
    if (/, [Tt]he $/.test(text.slice(Math.max(0, t.start - 6), t.start))) continue;
    let pick: PersonMention | undefined;
    for (const m of mentions) {
      if (m.start >= t.start) break;
      if (containsWord(roleText(m.person), title)) pick = m;
    }
    if (pick)
      out.push({
        start: t.start,
        end: t.end,
        person: pick.person,
        via: 'definite',
        rule: `role:${t.values[0]!.rule}`,
      });
  }
  return out;
}
