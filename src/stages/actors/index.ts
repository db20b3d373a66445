/**
 * The `actors` stage: every state, organisation, state body, armed group and person the article
 * refers to, with every mention (names, acronyms, demonyms, capitals acting as governments, definite
 * descriptions, titles, Mr./Ms. + surname, bare surnames, pronouns) so that later stages can find the
 * actor behind any span (see lookup.ts).
 *
 * Modelling: a demonym ("North Korean soldiers", "U.S.-provided") is a mention of its state, so events
 * can use it as a source or target; a capital is a mention of its state only where it acts (not "in
 * Moscow"); a state body ("the Pentagon", "the Kremlin") is its own actor with a CAMEO sector code and
 * its state as `country`; a person's `country` is the affiliation the text gives ("Pentagon
 * spokeswoman" → USA), else the office-holder list's for the article's date.
 * Depends on core, the stage contract and the actors data loader.
 */
import type { Actor, ActorKind, ActorMention, SitrepDocument } from '../../core/types.js';
import { type ActorsData, type KnownActor, loadActorsData } from '../../data/actors.js';
import { type Stage, stageTag } from '../../pipeline/stage.js';
import { type CompiledActors, compileActors, nearestTerm, termOn } from './compile.js';
import { type Candidate, findNames } from './find-names.js';
import { findPeople, type PersonMention } from './find-people.js';
import { type PersonRecord, PersonRegistry } from './people.js';
import { TextIndex } from './text-context.js';

export { actorAt, createMentionIndex, type MentionIndex, mentionsIn } from './lookup.js';

const NAME = 'actors';
const VERSION = 1;

interface Draft {
  readonly key: string;
  readonly mentions: ActorMention[];
}

function outputKind(k: KnownActor['kind']): ActorKind {
  return k === 'body' ? 'organization' : k;
}

/** A person's country and CAMEO code: the text's affiliation first, then the office-holder list. */
function personCodes(
  p: PersonRecord,
  c: CompiledActors,
  date: string | null,
): { country: string | null; cameo: string | null; role: string | null } {
  const term = p.holder ? nearestTerm(p.holder, date) : null;
  const current = p.holder ? termOn(p.holder, date) : null;
  const sector = p.sector ?? term?.sector ?? null;
  const aff = p.affiliation ? c.actors.get(p.affiliation) : undefined;
  if (aff) {
    if (aff.kind === 'country')
      return {
        country: aff.key,
        cameo: sector ? `${aff.key}${sector}` : aff.key,
        role: current?.role ?? null,
      };
    return { country: aff.country ?? aff.key, cameo: aff.cameo, role: current?.role ?? null };
  }
  if (!term) return { country: null, cameo: null, role: null };
  const home = c.actors.get(term.country);
  const cameo = home?.kind === 'country' ? `${home.key}${sector ?? ''}` : (home?.cameo ?? null);
  return { country: term.country, cameo, role: current?.role ?? null };
}

function assemble(
  doc: SitrepDocument<'sentences' | 'tokens'>,
  c: CompiledActors,
  candidates: readonly Candidate[],
  people: readonly PersonMention[],
): Actor[] {
  const by = stageTag({ name: NAME, version: VERSION });
  const drafts = new Map<string, Draft>();
  const persons = new Map<string, PersonRecord>();
  const push = (key: string, m: ActorMention): void => {
    let d = drafts.get(key);
    if (!d) {
      d = { key, mentions: [] };
      drafts.set(key, d);
    }
    d.mentions.push(m);
  };
  const text = doc.text;
  for (const cand of candidates) {
    push(cand.key, {
      start: cand.start,
      end: cand.end,
      text: text.slice(cand.start, cand.end),
      via: cand.via,
      rule: cand.rule,
    });
  }
  for (const pm of people) {
    persons.set(pm.person.key, pm.person);
    push(pm.person.key, {
      start: pm.start,
      end: pm.end,
      text: text.slice(pm.start, pm.end),
      via: pm.via,
      rule: pm.rule,
    });
  }
  const ordered = [...drafts.values()]
    .map((d) => ({ ...d, mentions: d.mentions.sort((a, b) => a.start - b.start) }))
    .sort((a, b) => a.mentions[0]!.start - b.mentions[0]!.start);

  const date = doc.meta.published;
  return ordered.map((d, i): Actor => {
    const aliasesOf = (name: string): string[] => [
      ...new Set(d.mentions.filter((m) => m.via !== 'pronoun' && m.text !== name).map((m) => m.text)),
    ];
    const person = persons.get(d.key);
    if (person) {
      const codes = personCodes(person, c, date);
      const roles = [...person.roles];
      const listed = codes.role;
      if (listed && !roles.some((r) => r.toLowerCase().includes(listed.toLowerCase()))) roles.push(listed);
      return {
        id: `a${i + 1}`,
        name: person.name,
        kind: 'person',
        code: null,
        cameo: codes.cameo,
        country: codes.country,
        roles,
        aliases: aliasesOf(person.name),
        mentions: d.mentions,
        by,
        rule: person.rule,
      };
    }
    const known = c.actors.get(d.key)!;
    return {
      id: `a${i + 1}`,
      name: known.name,
      kind: outputKind(known.kind),
      code: known.key,
      cameo: known.cameo,
      country: known.kind === 'country' ? known.key : (known.country ?? known.key),
      roles: [],
      aliases: aliasesOf(known.name),
      mentions: d.mentions,
      by,
      rule: known.rule,
    };
  });
}

/** Finds the actors of one document with compiled dictionaries. */
export function findActors(doc: SitrepDocument<'sentences' | 'tokens'>, c: CompiledActors): Actor[] {
  const index = new TextIndex(doc.text, doc.layers.tokens, doc.layers.sentences);
  const names = findNames(index, c);
  const registry = new PersonRegistry(c, doc.meta.published);
  const people = findPeople(index, c, names, registry);
  return assemble(doc, c, names.candidates, people);
}

export function createActorsStage(
  data: ActorsData = loadActorsData(),
): Stage<'sentences' | 'tokens', 'actors'> {
  const compiled = compileActors(data);
  return {
    name: NAME,
    version: VERSION,
    requires: ['sentences', 'tokens'],
    provides: ['actors'],
    run(doc) {
      return { actors: findActors(doc, compiled) };
    },
  };
}
