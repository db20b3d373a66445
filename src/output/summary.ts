/**
 * The readable summary of one extracted document, for a person scanning a terminal.
 */
import type { LayerName, SitrepDocument } from '../core/types.js';

export function formatSummary(doc: SitrepDocument<LayerName>, input: string): string {
  const L = doc.layers;
  const lines: string[] = [];
  const title = doc.meta.title ? ` — ${doc.meta.title}` : '';
  lines.push(`${input}${title}`);
  lines.push(`published ${doc.meta.published ?? 'unknown'} · ${doc.id.slice(0, 19)}…`);
  const byId = new Map(L.actors.map((a) => [a.id, a]));
  if (L.events.length) {
    lines.push('', `Events (${L.events.length})`);
    for (const e of L.events) {
      const t = L.times.find((x) => x.id === e.time);
      const q = L.quantities.find((x) => x.id === e.quantity);
      const src = byId.get(e.source ?? '');
      const tgt = byId.get(e.target ?? '');
      const who = `${src?.code ?? src?.name ?? '—'} → ${tgt?.code ?? tgt?.name ?? '—'}`;
      const speaker = e.attribution ? byId.get(e.attribution.speaker ?? '') : undefined;
      const per = e.attribution ? `per ${speaker?.name ?? 'unnamed source'}` : 'in the article’s voice';
      // An event without its own time happened on or before the day the article reports it.
      const when = t?.from ?? (doc.meta.published ? `≤${doc.meta.published}` : '····-··-··');
      const parts = [when, who, `${e.cameo} ${e.plover}`];
      if (q) parts.push(q.text);
      parts.push(`${per} (${e.certainty}${e.polarity === 'positive' ? '' : `, ${e.polarity}`})`);
      lines.push(`  ${parts.join(' · ')}`);
    }
  }
  lines.push('', `Actors (${L.actors.length})`);
  for (const a of L.actors) {
    const code = a.code ?? a.cameo ?? a.country ?? '';
    const roles = a.roles.length ? ` — ${a.roles.join('; ')}` : '';
    lines.push(`  ${a.name} [${a.kind}${code ? ` ${code}` : ''}]${roles} ×${a.mentions.length}`);
  }
  lines.push('', `Times (${L.times.length})`);
  for (const t of L.times) {
    const range =
      t.from && t.to ? (t.from === t.to ? t.from : `${t.from} .. ${t.to}`) : t.future ? 'future' : '';
    lines.push(`  "${t.text}" → ${t.value}${range ? ` (${range})` : ''}`);
  }
  lines.push('', `Places (${L.places.length})`);
  for (const p of L.places) {
    const at = p.lat !== null && p.lon !== null ? ` ${p.lat.toFixed(2)}, ${p.lon.toFixed(2)}` : '';
    lines.push(`  "${p.text}" → ${p.name}, ${p.country ?? '?'}${at}`);
  }
  lines.push('', `Quantities (${L.quantities.length})`);
  for (const q of L.quantities) {
    lines.push(`  "${q.text}" → ${q.approximate ? '~' : ''}${q.value}${q.unit ? ` ${q.unit}` : ''}`);
  }
  if (L.quotes.length) {
    lines.push('', `Quotes (${L.quotes.length})`);
    for (const q of L.quotes) {
      const who = byId.get(q.speaker ?? '')?.name ?? 'unknown speaker';
      const text = q.text.length > 90 ? `${q.text.slice(0, 87)}…` : q.text;
      lines.push(`  ${who}: ${text}`);
    }
  }
  return lines.join('\n');
}
