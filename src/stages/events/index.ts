/**
 * The `events` stage: CAMEO/PLOVER-coded events with source, target, time, place, quantity,
 * attribution, certainty, polarity and evidence, from the verb-pattern lexicon in data/events.
 * Order of work, and why:
 *   1. triggers and their frames, per sentence (triggers.ts);
 *   2. arguments of material events, in text order, so that an anaphoric noun ("the deployment")
 *      can take the actors of the latest earlier event of its family;
 *   3. verbal acts (criticism, rejection, accusation), which may aim at the actor of an event they
 *      name ("called the deployment dangerous" → at the deployer), then evaluative words in reported
 *      speech ("said the move was a provocation");
 *   4. a supply stated in a help-seeking frame goes to the one who sought help;
 *   5. repeated statements of one event are merged (merge.ts).
 * Pure: the lexicon comes through the factory; certainty and polarity from the shared modality helper.
 * Depends on core, the stage contract, the events data and the quotes stage's modality helper.
 */
import type { EventRecord, SitrepDocument, Span } from '../../core/types.js';
import { type EventsData, loadEventsData, longestPrefix, lookupCode } from '../../data/events.js';
import { loadQuotesData } from '../../data/quotes.js';
import { DependencyTree } from '../../nlp/tree.js';
import { type Stage, stageTag } from '../../pipeline/stage.js';
import { assessModality, type Modality, type ModalitySpan } from '../quotes/modality.js';
import { fallbackTarget, findPlace, findQuantity, findSource, findTarget, findTime } from './arguments.js';
import { buildDocView, type DocView, type EventsInput } from './doc-view.js';
import type { Draft } from './draft.js';
import { mergeDrafts } from './merge.js';
import { type ReportCue, reportCues, reportedBy, speakerOf } from './reporting.js';
import { isPunct, subjectOf } from './syntax.js';
import { findTriggers, type TriggerMatch } from './triggers.js';

export type ModalityFn = (doc: SitrepDocument<'tokens' | 'sentences'>, span: ModalitySpan) => Modality;

const NAME = 'events';
const VERSION = 2;
/** CAMEO roots whose coordinated subjects act on each other ("Pyongyang and Moscow signed a pact"). */
const SYMMETRIC_ROOTS = new Set(['03', '04', '05', '06', '19']);
/** Roots of acts that, with no other target, are aimed at the actor's own country (CAMEO convention). */
const DOMESTIC_ROOTS = new Set(['08', '14', '17']);
/** Particles between a support verb and its object ("carried out strikes"). */
const PARTICLES_OUT = new Set(['out', 'up', 'on']);
/** Subject pronouns that, unresolved, stand for the reporter of the clause they are in. */
const SUBJECT_PRONOUNS = new Set(['it', 'they', 'he', 'she', 'we']);
/** Attribution verbs that lower the certainty of what they report. */
const BELIEF_VERBS = new Set(['claim', 'allege', 'believe', 'suspect', 'think', 'estimate', 'assess']);

function span(text: string, start: number, end: number): Span {
  return { start, end, text: text.slice(start, end) };
}

/**
 * Certainty and polarity of a trigger: the cues of its clause up to the trigger (hedges and negation
 * precede what they govern), counting a cue that ends in the trigger itself ("stopped short of
 * confirming") but not the trigger alone (a "deny" event is not its own negation); after the trigger
 * only a condition counts ("they are co-belligerents if ...").
 */
function modalityAround(
  doc: SitrepDocument<'tokens' | 'sentences'>,
  modality: ModalityFn,
  from: number,
  trigger: Span,
  sentenceEnd: number,
): Modality {
  const before = modality(doc, { start: from, end: trigger.start });
  const upto = modality(doc, { start: from, end: trigger.end });
  const base = upto.cues.some((c) => c.start < trigger.start && c.end > trigger.start) ? upto : before;
  const after = modality(doc, { start: trigger.end, end: sentenceEnd });
  if (after.certainty === 'conditional')
    return { ...base, certainty: 'conditional', cues: [...base.cues, ...after.cues] };
  return base;
}

/**
 * "U.S.-provided weapons", "weapons provided by X": a participle modifying a noun presupposes its act;
 * the clause's modality ("there will be no limits on ...") is not about it.
 */
function isPresupposed(view: DocView, m: TriggerMatch): boolean {
  const first = view.sentenceTokens[m.sentence]![0];
  const prev = view.tokens[m.first - 1];
  if (!prev || m.first - 1 < first) return false;
  return (
    (prev.text === '-' && !prev.spaceAfter) || (m.passive && (prev.pos === 'NOUN' || prev.pos === 'PROPN'))
  );
}

/** The token governing an infinitive trigger ("agreed" in "agreed to release", "ready" in "is ready
 *  to"); -1 when none. */
function governorIndex(view: DocView, i: number, first: number): number {
  let j = i - 1;
  while (j >= first && view.tokens[j]!.pos === 'ADV') j--;
  if (j < first || view.tokens[j]!.normal !== 'to') return -1;
  j--;
  while (j >= first && (view.tokens[j]!.pos === 'ADV' || view.tokens[j]!.normal === 'not')) j--;
  return j >= first ? j : -1;
}

function governorOf(view: DocView, i: number, first: number): string | null {
  const g = governorIndex(view, i, first);
  return g >= 0 ? view.tokens[g]!.lemma : null;
}

/** Start offset of the clause holding token i: after the last comma, semicolon or "that" before it. */
function clauseStart(view: DocView, i: number, first: number): number {
  for (let j = i - 1; j >= first; j--) {
    const t = view.tokens[j]!;
    // A subordinator before a gerund ("stopped short of confirming", EWT's of/SCONJ) opens no finite
    // clause: the words before it still govern the act.
    const gerund = t.pos === 'SCONJ' && view.tokens[j + 1]?.xpos === 'VBG';
    if (isPunct(t, ',;:') || (t.pos === 'SCONJ' && !gerund)) return view.tokens[j + 1]!.start;
  }
  return view.tokens[first]!.start;
}

interface Built {
  match: TriggerMatch;
  draft: Draft;
}

function runEvents(
  doc: SitrepDocument<EventsInput>,
  data: EventsData,
  modality: ModalityFn,
  by: string,
): EventRecord[] {
  const view = buildDocView(doc);
  if (!view.tokens.length) return [];
  const text = doc.text;
  const sentences = doc.layers.sentences;
  const actorName = new Map(doc.layers.actors.map((a) => [a.id, a.name]));
  const cueCache = new Map<number, ReportCue[]>();
  const cuesOf = (s: number): ReportCue[] => {
    let c = cueCache.get(s);
    if (!c) {
      c = reportCues(view, s);
      cueCache.set(s, c);
    }
    return c;
  };
  const actorOf = (mi: number): string | null => (mi >= 0 ? view.mentions[mi]!.actor : null);
  const byCountry = new Map<string, string>();
  for (const a of doc.layers.actors)
    if (a.kind === 'country' && a.code && !byCountry.has(a.code)) byCountry.set(a.code, a.id);
  const actorOfCountry = (code: string): string | null => byCountry.get(code) ?? null;
  const countryOf = new Map<string, string>();
  for (const a of doc.layers.actors) {
    const c = a.kind !== 'country' && a.country ? byCountry.get(a.country) : undefined;
    if (c) countryOf.set(a.id, c);
  }

  const makeDraft = (
    m: TriggerMatch,
    source: string | null,
    target: string | null,
    targetMention: number,
  ): Draft => {
    const p = m.pattern;
    const [first, last] = view.sentenceTokens[m.sentence]!;
    const t0 = view.tokens[m.first]!;
    const t1 = view.tokens[m.last]!;
    const trigger = span(text, t0.start, t1.end);
    const presupposed = isPresupposed(view, m);
    const mod: Modality = presupposed
      ? { certainty: 'asserted', polarity: 'positive', cues: [] }
      : modalityAround(doc, modality, clauseStart(view, m.first, first), trigger, view.tokens[last]!.end);
    let attribution = reportedBy(view, trigger.start, trigger.end, m.first, cuesOf(m.sentence));
    const speech = p.flags.has('speech');
    if (speech && source) {
      // A verbal act is its speaker's own statement, whoever else the sentence quotes.
      attribution = { speaker: source, verb: t0.lemma, start: trigger.start, end: trigger.end };
    }
    let certainty = mod.certainty;
    let polarity = mod.polarity;
    if (attribution && !speech) {
      if (certainty === 'asserted' && BELIEF_VERBS.has(attribution.verb)) certainty = 'believed';
      if (attribution.verb === 'deny') polarity = 'negative';
    }
    // "will visit", "agreed to release": an intended act is coded as intent (03) or threat (13);
    // "declined to resign", "will not accept": a refused act as a rejection (12).
    let cameo = p.cameo;
    let rule = `${p.id} (${p.row})`;
    let family = p.family;
    const stance = speech || presupposed ? null : longestPrefix(data.intent, cameo);
    if (stance) {
      const gov = governorOf(view, m.first, first);
      const refused =
        (gov !== null && data.refusalGovernors.has(gov)) ||
        (certainty === 'planned' && polarity === 'negative');
      const intended = (gov !== null && data.intentGovernors.has(gov)) || certainty === 'planned';
      const recode = refused ? stance.refusal : intended ? stance.intent : null;
      if (recode) {
        cameo = recode;
        rule = `${p.id} (${p.row}; ${stance.row})`;
        family = `${p.family}-${refused ? 'refused' : 'intended'}`;
        if (refused) polarity = 'positive';
        if (!refused && certainty === 'asserted') certainty = 'planned';
      }
    }
    const code = lookupCode(data.codes, cameo)!;
    const ti = findTime(view, m);
    const pi = findPlace(view, m, targetMention);
    const qi = findQuantity(view, m);
    const sent = sentences[m.sentence]!;
    return {
      rule,
      cameo,
      plover: code.plover,
      description: code.description,
      family,
      sentence: m.sentence,
      first: m.first,
      last: m.last,
      trigger,
      source,
      target,
      time: ti >= 0 ? view.times[ti]!.id : null,
      place: pi >= 0 ? view.places[pi]!.id : null,
      quantity: qi >= 0 ? view.quantities[qi]!.id : null,
      attribution,
      certainty,
      polarity,
      evidence: span(text, sent.start, sent.end),
      alsoEvidence: [],
      speech,
      verbTrigger: !m.nounUse,
    };
  };

  // 1. Triggers.
  const matches: TriggerMatch[] = [];
  for (let s = 0; s < sentences.length; s++) {
    if (view.sentenceTokens[s]![0] < 0) continue;
    const hasTarget = (m: TriggerMatch): boolean => findTarget(view, m, actorOf(findSource(view, m))) >= 0;
    matches.push(...findTriggers(view, data, s, hasTarget));
  }

  /**
   * The source of a trigger; an unresolved subject pronoun in reported speech is the reporter
   * ("Syria says it will not accept ...": it = Syria).
   */
  // The parse, where the syntax stage ran: the subject (or a passive's agent) of a verb trigger when
  // the token patterns found no source ("The FBI and other federal agencies are investigating").
  const tree = doc.layers.syntax ? new DependencyTree(doc.layers.tokens, doc.layers.syntax) : null;
  const parsedSource = (m: TriggerMatch): string | null => {
    if (!tree || m.nounUse) return null;
    const v = m.first;
    const args = m.passive || tree.isPassive(v) ? tree.agentOf(v) : tree.subjectsOf(v);
    for (const a of args) {
      if (view.mentionAt[a]! >= 0) return actorOf(view.mentionAt[a]!);
      // "Chinese government operatives": the actor named inside the subject's phrase.
      const [lo, hi] = tree.subtreeRange(a);
      for (let j = lo; j <= hi && j <= a; j++)
        if (view.mentionAt[j]! >= 0) return actorOf(view.mentionAt[j]!);
    }
    return null;
  };
  const sourceOf = (m: TriggerMatch): string | null => {
    const sm = findSource(view, m);
    if (sm >= 0) return actorOf(sm);
    const parsed = parsedSource(m);
    if (parsed) return parsed;
    const { first, last } = m.subject;
    if (first !== last || m.nounUse || m.passive) return null;
    const t = view.tokens[first]!;
    if (t.pos !== 'PRON' || !SUBJECT_PRONOUNS.has(t.normal)) return null;
    const cue = cuesOf(m.sentence)
      .filter((c) => c.token < first)
      .pop();
    return cue ? cue.speaker : null;
  };

  // 2. Material events, in text order; anaphoric nouns join the latest earlier event of their family.
  const built: Built[] = [];
  for (const m of matches) {
    if (m.pattern.flags.has('speech')) continue;
    let source = sourceOf(m);
    let tm = findTarget(view, m, source);
    let target = actorOf(tm);
    if (m.nounUse && source === null) {
      if (m.definite) {
        const prior = built.findLast((b) => b.draft.family === m.pattern.family && b.draft.source !== null);
        if (prior) {
          const draft = makeDraft(m, prior.draft.source, target ?? prior.draft.target, tm);
          built.push({ match: m, draft });
        }
        continue;
      }
      // "with a summit of BRICS countries": the clause's subject holds the summit. Only for meetings
      // and cooperation: whoever speaks of "an invasion" is not its author.
      const [first, last] = view.sentenceTokens[m.sentence]!;
      if (SYMMETRIC_ROOTS.has(m.pattern.cameo.slice(0, 2)) && m.pattern.cameo.slice(0, 2) !== '19') {
        source = subjectOfClause(view, m.first, first, last);
      } else {
        // "Russia launched an attack", "rebels carried out strikes": the support verb's subject acts.
        let v = m.modifier[0] - 1;
        if (v >= first && PARTICLES_OUT.has(view.tokens[v]!.normal)) v--;
        if (v >= first && view.tokens[v]!.pos === 'VERB' && data.supportVerbs.has(view.tokens[v]!.lemma)) {
          const subj = subjectOf(view, v, first, last);
          source = subj.heads[0] ?? null;
        }
      }
      if (target === source) {
        tm = -1;
        target = null;
      }
    }
    if (target === null && m.subject.heads.length > 1 && SYMMETRIC_ROOTS.has(m.pattern.cameo.slice(0, 2))) {
      target = m.subject.heads[1]!;
    }
    target ??= fallbackTarget(view, m, source, actorOfCountry);
    // Domestic acts (a concession, a protest, a coercive measure) by a person or body with no other
    // target are coded, as in CAMEO, toward its own country.
    if (target === null && source !== null && DOMESTIC_ROOTS.has(m.pattern.cameo.slice(0, 2))) {
      const own = countryOf.get(source);
      if (own && own !== source) target = own;
    }
    // Background participles without an agent ("the civilians imprisoned for ...") are not reported acts.
    if (source === null && isPresupposed(view, m)) continue;
    // "received weapons from X": X gives, the subject receives.
    if (m.pattern.flags.has('reverse')) [source, target] = [target, source];
    built.push({ match: m, draft: makeDraft(m, source, target, tm) });
  }

  // 3a. Verbal acts; with no actor in their object, they aim at the actor of an event they name.
  for (const m of matches) {
    if (!m.pattern.flags.has('speech')) continue;
    const source = sourceOf(m);
    const tm = findTarget(view, m, source);
    let target = actorOf(tm);
    if (target === null) {
      const named = built.find(
        (b) =>
          b.match.sentence === m.sentence &&
          b.match.first > m.last &&
          m.object.some(([a, z]) => b.match.first >= a && b.match.first <= z) &&
          b.draft.source !== null &&
          b.draft.source !== source,
      );
      if (named) target = named.draft.source;
    }
    target ??= fallbackTarget(view, m, source, actorOfCountry);
    let draft = makeDraft(m, source, target, tm);
    if (m.pattern.flags.has('claim')) draft = refineClaim(view, data, m, draft, built);
    built.push({ match: m, draft });
  }

  // 3b. Evaluative words in reported speech: "told reporters that the deployment represents an escalation".
  const claimed = new Set<number>();
  for (const b of built)
    if (b.draft.speech) for (const [a, z] of b.match.object) for (let j = a; j <= z; j++) claimed.add(j);
  for (let s = 0; s < sentences.length; s++) {
    const [first, last] = view.sentenceTokens[s]!;
    if (first < 0) continue;
    for (let i = first; i <= last; i++) {
      const t = view.tokens[i]!;
      const ev = data.evaluations.get(t.normal) ?? data.evaluations.get(t.lemma);
      if (!ev || claimed.has(i)) continue;
      const who = speakerOf(view, i, cuesOf(s));
      if (!who?.speaker) continue;
      const aimed = built.findLast(
        (b) =>
          b.match.sentence === s &&
          b.match.first < i &&
          !b.draft.speech &&
          b.draft.source !== null &&
          b.draft.source !== who.speaker,
      );
      if (!aimed) continue;
      const sent = sentences[s]!;
      const mod = modality(doc, { start: sent.start, end: sent.end, focus: { start: t.start, end: t.end } });
      const code = lookupCode(data.codes, ev.cameo)!;
      built.push({
        match: { ...aimed.match, first: i, last: i, sentence: s },
        draft: {
          rule: `evaluation:${ev.word} (${ev.row})`,
          cameo: ev.cameo,
          plover: code.plover,
          description: code.description,
          family: `evaluation-${ev.cameo}`,
          sentence: s,
          first: i,
          last: i,
          trigger: span(text, t.start, t.end),
          source: who.speaker,
          target: aimed.draft.source,
          time: null,
          place: null,
          quantity: null,
          attribution: who,
          certainty: mod.certainty,
          polarity: mod.polarity,
          evidence: span(text, sent.start, sent.end),
          alsoEvidence: [],
          speech: true,
          verbTrigger: false,
        },
      });
    }
  }

  // 4. "X sought help from A, which has supplied Y": A's supply goes to X.
  const drafts = built.map((b) => b.draft);
  for (let k = 0; k < drafts.length; k++) {
    const d = drafts[k]!;
    const root = d.cameo.slice(0, 2);
    if (d.target !== null || (root !== '06' && root !== '07')) continue;
    const frame = drafts.find(
      (x) =>
        x.sentence === d.sentence &&
        (x.cameo.startsWith('02') || x.cameo.startsWith('10')) &&
        x.source !== null &&
        x.source !== d.source,
    );
    if (frame) drafts[k] = { ...d, target: frame.source };
  }

  // "agreed to lift sanctions", "declined to resign": the governed act, recoded as intent or refusal,
  // says what the governing verb would; the governor's own event is dropped.
  const governors = new Set<string>();
  for (const b of built) {
    if (!b.draft.rule.includes('intent-codes.tsv')) continue;
    const [first] = view.sentenceTokens[b.match.sentence]!;
    const g = governorIndex(view, b.match.first, first);
    if (g >= 0) governors.add(`${b.match.sentence}:${g}`);
  }
  for (let k = drafts.length - 1; k >= 0; k--) {
    if (governors.has(`${drafts[k]!.sentence}:${drafts[k]!.first}`)) drafts.splice(k, 1);
  }

  // 5. Keep events with an actor; a bare statement (010) gives way to a more telling act of the same
  // speaker in its sentence ("issued a declaration demanding ..."); merge repeats; number them.
  const telling = new Set(drafts.filter((d) => d.cameo !== '010').map((d) => `${d.sentence}:${d.source}`));
  const withActors = drafts
    .filter((d) => d.source !== null || d.target !== null || d.verbTrigger)
    .filter((d) => d.cameo !== '010' || !telling.has(`${d.sentence}:${d.source}`))
    .filter((d) => d.source === null || d.source !== d.target)
    .sort((a, b) => a.trigger.start - b.trigger.start);
  const qValue = new Map(view.quantities.map((q) => [q.id, q.value]));
  const merged = mergeDrafts(withActors, (id) => qValue.get(id) ?? null);
  return merged.map((d, n) => {
    const src = d.source ? (actorName.get(d.source) ?? d.source) : 'someone';
    const tgt = d.target ? ` → ${actorName.get(d.target) ?? d.target}` : '';
    return {
      id: `e${n + 1}`,
      by,
      rule: d.rule,
      cameo: d.cameo,
      plover: d.plover,
      label: `${src}${tgt}: ${d.description} (“${d.trigger.text}”)`,
      source: d.source,
      target: d.target,
      time: d.time,
      place: d.place,
      quantity: d.quantity,
      attribution: d.attribution,
      certainty: d.certainty,
      polarity: d.polarity,
      evidence: d.evidence,
      alsoEvidence: d.alsoEvidence,
      trigger: d.trigger,
    };
  });
}

/** The subject of the clause around token i: the nearest named subject of a verb before it. */
function subjectOfClause(view: DocView, i: number, first: number, last: number): string | null {
  const cues = findClauseSubjects(view, first, Math.min(last, i));
  return cues.length ? cues[cues.length - 1]! : null;
}

function findClauseSubjects(view: DocView, first: number, upto: number): string[] {
  const out: string[] = [];
  for (let j = first; j <= upto; j++) {
    const t = view.tokens[j]!;
    if (t.pos !== 'VERB') continue;
    let k = j - 1;
    while (k >= first && (view.tokens[k]!.pos === 'AUX' || view.tokens[k]!.pos === 'ADV')) k--;
    const mi = view.mentionAt[k] ?? -1;
    if (k >= first && mi >= 0) out.push(view.mentions[mi]!.actor);
  }
  return out;
}

/** "claimed that Western instructors were deployed": an allegation about others (112); about the
 *  speaker's own side, a plain statement (010). */
function refineClaim(
  view: DocView,
  data: EventsData,
  m: TriggerMatch,
  draft: Draft,
  built: readonly Built[],
): Draft {
  const [, last] = view.sentenceTokens[m.sentence]!;
  let aboutOthers = false;
  for (let j = m.last + 1; j <= last && !aboutOthers; j++) {
    const mi = view.mentionAt[j]!;
    if (mi >= 0 && view.mentions[mi]!.actor !== draft.source) aboutOthers = true;
  }
  if (!aboutOthers) {
    aboutOthers = built.some(
      (b) => b.match.sentence === m.sentence && b.match.first > m.last && b.draft.source !== draft.source,
    );
  }
  if (aboutOthers) return draft;
  const code = lookupCode(data.codes, '010')!;
  return {
    ...draft,
    cameo: '010',
    plover: code.plover,
    description: code.description,
    family: `${draft.family}-statement`,
  };
}

/** A modality function over the quotes stage's cue lists, loaded once. */
function defaultModality(): ModalityFn {
  const quotes = loadQuotesData();
  return (doc, s) => assessModality(doc, s, quotes);
}

export function createEventsStage(
  data: EventsData = loadEventsData(),
  modality: ModalityFn = defaultModality(),
): Stage<EventsInput, 'events'> {
  const by = stageTag({ name: NAME, version: VERSION });
  return {
    name: NAME,
    version: VERSION,
    requires: ['sentences', 'tokens', 'actors', 'times', 'places', 'quantities', 'quotes', 'attributions'],
    provides: ['events'],
    run(doc) {
      return { events: runEvents(doc, data, modality, by) };
    },
  };
}
