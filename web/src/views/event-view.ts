/**
 * Event view (`#/events/{id}`): the merged event and "who says what": every mention side by side
 * with its outlet, speaker and verb, certainty, polarity in words (asserted / denied /
 * unconfirmed), quantity (marked when sources differ), the evidence sentence and a link to the
 * article with that evidence highlighted; then the contradictions between mentions.
 * Depends on ../api, ../app, ../dom, ../labels.
 */
import { api, type EventDetail, type Mention } from '../api.js';
import { errorBox, hrefTo, loading, type View } from '../app.js';
import { clear, externalLink, h } from '../dom.js';
import type { Route } from '../filters.js';
import { actorKey, actorName, dateRange, plural, polarityWord, speakerName } from '../labels.js';

function quantityText(m: Mention): string {
  const q = m.quantity;
  if (!q) return '—';
  return q.text ?? `${q.qualifier ? `${q.qualifier} ` : ''}${q.value}${q.unit ? ` ${q.unit}` : ''}`;
}

function actorLink(a: EventDetail['source']): HTMLElement {
  const key = actorKey(a);
  return key ? h('a', { href: hrefTo(['actors', key]) }, actorName(a)) : h('span', null, actorName(a));
}

function mentionCard(m: Mention, differing: boolean, index: number): HTMLElement {
  const pol = polarityWord(m.polarity);
  return h(
    'article',
    { class: `mention polarity-${pol}`, 'data-mention': m.event, 'aria-labelledby': `m-${index}` },
    h('h3', { id: `m-${index}` }, m.outlet ?? 'unknown outlet'),
    m.title ? h('p', { class: 'doc-title' }, externalLink(m.url, m.title)) : null,
    h(
      'dl',
      { class: 'facts' },
      h('dt', null, 'Says'),
      h(
        'dd',
        null,
        m.attribution
          ? `${speakerName(m.attribution.speaker)} (${m.attribution.verb})`
          : 'the outlet itself (no attribution)',
      ),
      h('dt', null, 'Polarity'),
      h('dd', null, h('span', { class: `badge pol-${pol}` }, pol)),
      h('dt', null, 'Certainty'),
      h('dd', null, m.certainty ?? '—'),
      h('dt', null, 'Quantity'),
      h(
        'dd',
        differing ? { class: 'differs' } : null,
        quantityText(m),
        differing ? h('strong', null, ' (differs between sources)') : null,
      ),
      h('dt', null, 'Time'),
      h('dd', null, m.time ? `${m.time.text} (${dateRange(m.time)})` : '—'),
      h('dt', null, 'Published'),
      h('dd', null, m.published?.slice(0, 10) ?? '—'),
    ),
    h('blockquote', { class: 'evidence' }, m.evidence.text),
    h(
      'p',
      { class: 'links' },
      h(
        'a',
        { href: hrefTo(['documents', m.document], { hl: m.event }), class: 'to-article' },
        'Open the article at this evidence',
      ),
      h('span', { class: 'muted' }, ` · rule ${m.rule ?? '—'} · ${m.by ?? ''}`),
    ),
  );
}

function render(e: EventDetail): HTMLElement[] {
  const values = new Set(e.mentions.filter((m) => m.quantity).map((m) => m.quantity!.value));
  const differing = values.size > 1;
  // Event ids are per document: a mention is known by document and event together.
  const byEvent = new Map(e.mentions.map((m) => [`${m.document}#${m.event}`, m]));
  const outletOf = (x: { document: string; event: string }) =>
    byEvent.get(`${x.document}#${x.event}`)?.outlet ?? 'a source';
  const stance = new Map<string, number>();
  for (const m of e.mentions)
    stance.set(polarityWord(m.polarity), (stance.get(polarityWord(m.polarity)) ?? 0) + 1);
  return [
    h('h1', null, e.label ?? e.cameo),
    h(
      'p',
      { class: 'lede' },
      actorLink(e.source),
      ' → ',
      actorLink(e.target),
      ` · ${dateRange(e.time)}`,
      e.place ? ` · ${e.place.name}${e.place.country ? ` (${e.place.country})` : ''}` : '',
    ),
    h(
      'p',
      { class: 'muted' },
      `CAMEO ${e.cameo}${e.plover ? ` · PLOVER ${e.plover}` : ''} · ${plural(e.counts.mentions, 'mention')} in ${plural(e.counts.documents, 'document')} from ${plural(e.counts.outlets, 'outlet')} · ${plural(e.counts.sources, 'source')}`,
      e.contradicted ? h('span', { class: 'badge contradicted' }, ' ⚠ contradicted') : null,
    ),
    h(
      'section',
      { class: 'who-says-what', 'aria-labelledby': 'wsw-title' },
      h('h2', { id: 'wsw-title' }, 'Who says what'),
      h('p', { class: 'muted' }, [...stance].map(([k, n]) => `${n} ${k}`).join(' · ')),
      h(
        'div',
        { class: 'mentions' },
        e.mentions.map((m, i) => mentionCard(m, differing && !!m.quantity, i)),
      ),
    ),
    h(
      'section',
      { class: 'contradictions', 'aria-labelledby': 'con-title' },
      h('h2', { id: 'con-title' }, 'Contradictions'),
      e.contradictions.length
        ? h(
            'ul',
            null,
            e.contradictions.map((c) =>
              h(
                'li',
                null,
                h('strong', null, c.kind),
                `: ${outletOf(c.a)} vs ${outletOf(c.b)}`,
                c.detail ? ` — ${c.detail}` : '',
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'None found between these sources.'),
    ),
  ];
}

export function eventView(id: string, _route: Route): View {
  const el = h(
    'div',
    { class: 'event-view' },
    h('p', null, h('a', { href: hrefTo([]) }, '← Overview')),
    loading('the event'),
  );
  api
    .event(id)
    .then((e) => {
      clear(el);
      el.append(h('p', null, h('a', { href: hrefTo([]) }, '← Overview')), ...render(e));
      const heading = el.querySelector('h1');
      if (heading) {
        heading.tabIndex = -1;
        heading.focus();
      }
    })
    .catch((err) => {
      clear(el);
      el.append(
        h('p', null, h('a', { href: hrefTo([]) }, '← Overview')),
        h('h1', null, 'Event'),
        errorBox(err),
      );
    });
  return { el, dispose: () => {} };
}
