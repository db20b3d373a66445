/**
 * Who reports an event: the innermost attribution (from the quotes stage) whose content holds the
 * trigger, or, where that layer has none, a reporting verb of the same sentence with a named subject
 * ("..., the Pentagon said", "according to X"). Also the speaker of a quoted or reported evaluative
 * word. Depends on core types, the document view and the syntax helpers.
 */
import type { DocView } from './doc-view.js';
import { subjectOf } from './syntax.js';

export interface ReportedBy {
  readonly speaker: string | null;
  readonly verb: string;
  readonly start: number;
  readonly end: number;
}

/** Reporting verbs for the fallback when the attribution layer says nothing about a sentence. */
const REPORTING = new Set([
  'say',
  'tell',
  'add',
  'note',
  'claim',
  'confirm',
  'announce',
  'report',
  'state',
  'insist',
  'stress',
  'write',
  'declare',
  'warn',
  'call',
  'describe',
  'allege',
  'assert',
  'argue',
  'acknowledge',
]);

export interface ReportCue {
  readonly token: number;
  readonly speaker: string;
  readonly verb: string;
  /** Token range of the speaker's phrase, which is not reported content. */
  readonly speakerFirst: number;
  readonly speakerLast: number;
}

/** Reporting verbs with a named speaker in sentence `s` (the fallback cues). */
export function reportCues(view: DocView, s: number): ReportCue[] {
  const [first, last] = view.sentenceTokens[s]!;
  const out: ReportCue[] = [];
  for (let i = first; i <= last; i++) {
    const t = view.tokens[i]!;
    if (t.normal === 'according' && view.tokens[i + 1]?.normal === 'to') {
      for (let k = i + 2; k <= Math.min(last, i + 6); k++) {
        const mi = view.mentionAt[k]!;
        if (mi >= 0) {
          out.push({
            token: i,
            speaker: view.mentions[mi]!.actor,
            verb: 'according to',
            speakerFirst: k,
            speakerLast: view.mentions[mi]!.last,
          });
          break;
        }
      }
      continue;
    }
    if (!REPORTING.has(t.lemma) || (t.pos !== 'VERB' && t.pos !== 'NOUN')) continue;
    const subj = subjectOf(view, i, first, last);
    if (subj.headMentions.length && subj.via !== 'sentence') {
      out.push({
        token: i,
        speaker: subj.heads[0]!,
        verb: t.lemma,
        speakerFirst: subj.first,
        speakerLast: subj.last,
      });
      continue;
    }
    // Inverted: "..., said Ms. Singh".
    const mi = view.mentionAt[i + 1] ?? -1;
    if (i + 1 <= last && mi >= 0) {
      const m = view.mentions[mi]!;
      out.push({ token: i, speaker: m.actor, verb: t.lemma, speakerFirst: m.first, speakerLast: m.last });
    }
  }
  return out;
}

/**
 * The attribution of a statement at [start, end) (usually a trigger), excluding cues
 * at `selfToken` (the event's own verb). Attribution-layer entries win; the nearest fallback cue next.
 */
export function reportedBy(
  view: DocView,
  start: number,
  end: number,
  selfToken: number,
  cues: readonly ReportCue[],
): ReportedBy | null {
  let best: ReportedBy | null = null;
  let bestLen = Number.POSITIVE_INFINITY;
  for (const a of view.attributions) {
    if (a.content.start > start || a.content.end < end) continue;
    if (a.cue.start < end && start < a.cue.end) continue;
    const len = a.content.end - a.content.start;
    if (len < bestLen) {
      bestLen = len;
      best = { speaker: a.speaker, verb: a.verb, start: a.cue.start, end: a.cue.end };
    }
  }
  if (best) return best;
  let pick: ReportCue | null = null;
  for (const c of cues) {
    if (c.token === selfToken) continue;
    const t = view.tokens[c.token]!;
    if (t.start < end && start < t.end) continue;
    // The event must not be inside the speaker's own phrase.
    const first = view.tokens[c.speakerFirst];
    const last = view.tokens[c.speakerLast];
    if (first && last && start >= first.start && end <= last.end) continue;
    if (!pick || Math.abs(c.token - selfToken) < Math.abs(pick.token - selfToken)) pick = c;
  }
  if (!pick) return null;
  const t = view.tokens[pick.token]!;
  return { speaker: pick.speaker, verb: pick.verb, start: t.start, end: t.end };
}

/** The speaker of a word: the quote holding it, else its attribution, else a fallback cue. */
export function speakerOf(view: DocView, token: number, cues: readonly ReportCue[]): ReportedBy | null {
  const t = view.tokens[token]!;
  for (const q of view.quotes) {
    if (q.speaker && q.start <= t.start && t.end <= q.end) {
      return { speaker: q.speaker, verb: 'say', start: q.start, end: q.end };
    }
  }
  return reportedBy(view, t.start, t.end, token, cues);
}
