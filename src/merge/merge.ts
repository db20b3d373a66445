/**
 * The cross-article merge: groups stored events that denote the same happening into story events,
 * counts their documents, outlets and sources, and lists contradictions (one source asserts what
 * another denies or leaves unconfirmed; quantities that cannot both be true). A pure function over
 * stored rows, run as a pass after ingest (see docs/STORE.md for why not at write time). Imports
 * store row types and the merge rules only.
 *
 * Two events are the same happening when:
 *  - their CAMEO codes share the root (first two digits);
 *  - their actors match by key (the state or organisation an actor belongs to: Putin ~ Russia),
 *    in either order for symmetric roots (consult, cooperate);
 *  - the event's dates overlap the story's first mention's dates, widened by `windowDays`;
 *  - their places do not name different countries.
 * Each mention is compared with the story's first mention (its anchor), never with the last one
 * joined, so daily reports of a recurring action do not chain into one months-long story.
 */

import { createHash } from 'node:crypto';
import { addDays } from '../core/dates.js';
import type { ContradictionRow, MergeEvent, StoryMentionRow, StoryRow } from '../store/schema.js';
import type { MergeOutput } from '../store/store.js';
import type { MergeRules } from './rules.js';

export const MERGE_VERSION = 'merge@1';

interface Cluster {
  readonly id: string;
  readonly anchor: MergeEvent;
  readonly members: MergeEvent[];
  readonly reasons: string[];
  /** The anchor's dates widened by the window (ISO strings compare as dates). */
  readonly lo: string;
  readonly hi: string;
}

function blockKey(e: MergeEvent, rules: MergeRules): string {
  const s = e.source_key ?? '-';
  const t = e.target_key ?? '-';
  const pair = rules.symmetricRoots.includes(e.root) && t < s ? `${t}|${s}` : `${s}|${t}`;
  return `${e.root}|${pair}`;
}

/**
 * May this event be merged with events of other documents at all? Without a known actor ("someone
 * attacked something") or, for generic roots (statements), without both, an event says too little
 * to be recognised in another article.
 */
function mergeable(e: MergeEvent, rules: MergeRules): boolean {
  if (e.date_from === null) return false;
  if (rules.bothActorsRoots.includes(e.root)) return e.source_key !== null && e.target_key !== null;
  return e.source_key !== null || e.target_key !== null;
}

function placesCompatible(a: MergeEvent, b: MergeEvent): boolean {
  return a.place_country === null || b.place_country === null || a.place_country === b.place_country;
}

/** Days in an inclusive ISO interval. */
function spanDays(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

/**
 * A precise date (a day, a few days, a week) can meet another within the window; a vague one
 * ("in 2013", "last June") only meets the very same interval, or every event of a year would join.
 */
function precise(e: MergeEvent, rules: MergeRules): boolean {
  return spanDays(e.date_from!, e.date_to ?? e.date_from!) <= rules.maxPreciseDays;
}

function datesMeet(c: Cluster, e: MergeEvent, rules: MergeRules): boolean {
  const a = c.anchor;
  if (!precise(a, rules) || !precise(e, rules)) return a.date_from === e.date_from && a.date_to === e.date_to;
  return e.date_from! <= c.hi && (e.date_to ?? e.date_from!) >= c.lo;
}

function storyId(anchor: MergeEvent): string {
  return `ev${createHash('sha256').update(`${anchor.doc_id}/${anchor.id}`).digest('hex').slice(0, 12)}`;
}

function reasonFor(anchor: MergeEvent, e: MergeEvent, rules: MergeRules): string {
  if (anchor === e) return JSON.stringify({ anchor: true });
  const swapped = e.source_key !== anchor.source_key;
  return JSON.stringify({
    anchor: `${anchor.doc_id}#${anchor.id}`,
    code: `root ${e.root}: ${e.cameo} ~ ${anchor.cameo}`,
    actors: `${e.source_key ?? '—'} → ${e.target_key ?? '—'} ~ ${anchor.source_key ?? '—'} → ${anchor.target_key ?? '—'}${swapped ? ' (symmetric root, order ignored)' : ''}`,
    dates:
      e.doc_id === anchor.doc_id
        ? 'same document'
        : `${e.date_from}..${e.date_to} meets ${anchor.date_from}..${anchor.date_to} ±${rules.windowDays}d`,
    place:
      e.place_country && anchor.place_country
        ? `${e.place_name} (${e.place_country}) ~ ${anchor.place_name} (${anchor.place_country})`
        : 'no conflicting place',
  });
}

/** Who a mention comes from: its attributed speaker, else the outlet (or the document) itself. */
export function originOf(e: MergeEvent): string {
  if (e.attribution_key) return `speaker:${e.attribution_key}`;
  return `outlet:${e.outlet ?? e.doc_id}`;
}

function originLabel(e: MergeEvent): string {
  const who = e.attribution_name ?? e.attribution_key;
  return who ? `${who} via ${e.outlet ?? 'unknown outlet'}` : (e.outlet ?? 'unknown outlet');
}

/** The range a stated quantity allows, from its qualifier and whether it is approximate. */
function quantityRange(e: MergeEvent, rules: MergeRules): [number, number] | null {
  const v = e.quantity_value;
  if (v === null) return null;
  const kind = e.quantity_qualifier ? rules.qualifiers[e.quantity_qualifier.toLowerCase()] : undefined;
  const tol = rules.quantityTolerance;
  if (kind === 'max') return [0, v];
  if (kind === 'min') return [v, Number.POSITIVE_INFINITY];
  if (kind === 'about' || e.quantity_approximate === 1) return [v * (1 - tol), v * (1 + tol)];
  return [v, v];
}

function contradictionsOf(c: Cluster, rules: MergeRules): ContradictionRow[] {
  const out: ContradictionRow[] = [];
  const seen = new Set<string>();
  const add = (kind: string, detail: string, a: MergeEvent, b: MergeEvent) => {
    const key = `${kind}|${originOf(a)}|${originOf(b)}`;
    if (seen.has(key) || out.length >= rules.maxContradictionsPerStory) return;
    seen.add(key);
    out.push({
      story_id: c.id,
      n: out.length + 1,
      kind,
      detail,
      a_doc: a.doc_id,
      a_event: a.id,
      b_doc: b.doc_id,
      b_event: b.id,
    });
  };
  const m = c.members;
  for (const a of m) {
    for (const b of m) {
      if (a === b || originOf(a) === originOf(b)) continue;
      if (a.polarity === 'positive' && b.polarity !== 'positive') {
        add(
          'polarity',
          `${originLabel(a)} asserts it; ${originLabel(b)} ${b.polarity === 'negative' ? 'denies it' : 'leaves it unconfirmed'}`,
          a,
          b,
        );
      }
      if (a.quantity_value !== null && b.quantity_value !== null && a.quantity_unit === b.quantity_unit) {
        const ra = quantityRange(a, rules);
        const rb = quantityRange(b, rules);
        // Ordered pairs: report each conflicting pair once, the smaller doc/event first.
        if (ra && rb && (ra[1] < rb[0] || rb[1] < ra[0]) && `${a.doc_id}${a.id}` < `${b.doc_id}${b.id}`) {
          add(
            'quantity',
            `"${a.quantity_text}" (${originLabel(a)}) vs "${b.quantity_text}" (${originLabel(b)})`,
            a,
            b,
          );
        }
      }
    }
  }
  return out;
}

function mostCommon<T>(values: readonly T[]): T {
  const counts = new Map<T, number>();
  let best = values[0] as T;
  let bestN = 0;
  for (const v of values) {
    const n = (counts.get(v) ?? 0) + 1;
    counts.set(v, n);
    if (n > bestN) {
      best = v;
      bestN = n;
    }
  }
  return best;
}

function toStory(c: Cluster, contradicted: boolean): StoryRow {
  const a = c.anchor;
  const m = c.members;
  const outlets = [...new Set(m.map((e) => e.outlet).filter((o): o is string => o !== null))].sort();
  const published = m
    .map((e) => e.published)
    .filter((p): p is string => p !== null)
    .sort();
  const withPlace = m.find((e) => e.place_name !== null);
  const froms = m
    .map((e) => e.date_from)
    .filter((d): d is string => d !== null)
    .sort();
  const tos = m
    .map((e) => e.date_to ?? e.date_from)
    .filter((d): d is string => d !== null)
    .sort();
  return {
    id: c.id,
    cameo: mostCommon(m.map((e) => e.cameo)),
    root: a.root,
    plover: mostCommon(m.map((e) => e.plover)),
    label: a.label,
    source_key: a.source_key,
    source_name: a.source_name,
    source_code: a.source_code,
    source_country: a.source_country,
    target_key: a.target_key,
    target_name: a.target_name,
    target_code: a.target_code,
    target_country: a.target_country,
    // The story's dates: those of its anchor (stated dates preferred), not the union of every mention.
    date_from: a.date_from ?? froms[0] ?? null,
    date_to: a.date_to ?? tos[tos.length - 1] ?? null,
    span_days: a.date_from ? spanDays(a.date_from, a.date_to ?? a.date_from) : null,
    place_name: withPlace?.place_name ?? null,
    place_country: withPlace?.place_country ?? null,
    place_lat: withPlace?.place_lat ?? null,
    place_lon: withPlace?.place_lon ?? null,
    first_seen: published[0] ?? null,
    last_seen: published[published.length - 1] ?? null,
    n_mentions: m.length,
    n_documents: new Set(m.map((e) => e.doc_id)).size,
    n_outlets: outlets.length,
    n_sources: new Set(m.map(originOf)).size,
    outlets: JSON.stringify(outlets),
    contradicted: contradicted ? 1 : 0,
    merged_by: MERGE_VERSION,
  };
}

/**
 * Merges events into stories. `events` may come in any order: they are sorted by date, then
 * publication, document and event id, so the result does not depend on ingest order.
 */
export function mergeEvents(events: readonly MergeEvent[], rules: MergeRules): MergeOutput {
  const sorted = [...events].sort(
    (x, y) =>
      cmp(x.date_from, y.date_from) ||
      cmp(x.published, y.published) ||
      cmp(x.doc_id, y.doc_id) ||
      cmp(x.id, y.id),
  );
  const open = new Map<string, Cluster[]>();
  const clusters: Cluster[] = [];
  for (const e of sorted) {
    // Unmergeable events still join a story of their own document with the same key (the article
    // repeating itself); otherwise they stand alone.
    const key = blockKey(e, rules);
    const candidates = open.get(key) ?? [];
    const ok = mergeable(e, rules);
    let joined: Cluster | undefined;
    for (let i = candidates.length - 1; i >= 0; i--) {
      const c = candidates[i]!;
      const sameDoc = c.anchor.doc_id === e.doc_id;
      if (!ok && !sameDoc) continue;
      if (!sameDoc && !mergeable(c.anchor, rules)) continue;
      if (!placesCompatible(c.anchor, e)) continue;
      if (!sameDoc && !datesMeet(c, e, rules)) continue;
      joined = c;
      break;
    }
    if (joined) {
      joined.members.push(e);
      joined.reasons.push(reasonFor(joined.anchor, e, rules));
      continue;
    }
    const c: Cluster = {
      id: storyId(e),
      anchor: e,
      members: [e],
      reasons: [reasonFor(e, e, rules)],
      lo: e.date_from ? addDays(e.date_from, -rules.windowDays) : '',
      hi: e.date_from ? addDays(e.date_to ?? e.date_from, rules.windowDays) : '',
    };
    clusters.push(c);
    // Events come sorted by date: a cluster whose widened end is before this event's start can
    // take no later event except from its own document, which has been read by now or not at all.
    open.set(key, [
      ...candidates.filter((x) => !e.date_from || x.hi >= e.date_from || x.anchor.doc_id === e.doc_id),
      c,
    ]);
  }
  const stories: StoryRow[] = [];
  const mentions: StoryMentionRow[] = [];
  const contradictions: ContradictionRow[] = [];
  for (const c of clusters) {
    const found = contradictionsOf(c, rules);
    stories.push(toStory(c, found.length > 0));
    contradictions.push(...found);
    c.members.forEach((e, i) => {
      mentions.push({ story_id: c.id, doc_id: e.doc_id, event_id: e.id, reason: c.reasons[i]! });
    });
  }
  return { stories, mentions, contradictions };
}

function cmp(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return a < b ? -1 : 1;
}
