/**
 * Article view (`#/documents/{id}?hl=<event>`): the stored plain text with actors, times, places,
 * quantities, quotes (and attribution cues) and event evidence highlighted, each layer toggleable.
 * Highlights are built by splitting the text at annotation offsets into text nodes inside nested
 * <mark> elements (../span-tree); nothing is ever parsed as HTML. Hovering or focusing a highlight
 * shows what was extracted there and why. Depends on ../api, ../app, ../dom, ../span-tree.
 */
import { api, type DocumentView } from '../api.js';
import { errorBox, hrefTo, loading, type View } from '../app.js';
import { clear, externalLink, h } from '../dom.js';
import type { Route } from '../filters.js';
import { polarityWord } from '../labels.js';
import { buildSpanTree, type SpanIn, type SpanNode } from '../span-tree.js';

const LAYERS = [
  { key: 'events', label: 'Event evidence' },
  { key: 'actors', label: 'Actors' },
  { key: 'times', label: 'Times' },
  { key: 'places', label: 'Places' },
  { key: 'quantities', label: 'Quantities' },
  { key: 'quotes', label: 'Quotes and attributions' },
] as const;

type Layer = (typeof LAYERS)[number]['key'];

interface Ann {
  layer: Layer;
  key: string;
  title: string;
  facts: [string, string][];
  /** The merged event (story) an event annotation belongs to: linked from the details. */
  story?: string | null;
}

function show(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('speaker' in o || 'verb' in o) return `${show(o.speaker)}${o.verb ? ` (${show(o.verb)})` : ''}`;
    if ('name' in o || 'code' in o)
      return `${show(o.name ?? o.code)}${o.code && o.name ? ` (${show(o.code)})` : ''}`;
    return JSON.stringify(v);
  }
  return String(v);
}

function annotations(doc: DocumentView): SpanIn<Ann>[] {
  const L = doc.layers;
  const out: SpanIn<Ann>[] = [];
  // Events name their actors by this document's actor ids.
  const actorNames = new Map(
    (L.actors ?? []).map((a) => [a.id, a.code ? `${a.name ?? a.code} (${a.code})` : (a.name ?? a.id)]),
  );
  const who = (v: unknown) => (typeof v === 'string' ? (actorNames.get(v) ?? v) : show(v));
  const attribution = (v: unknown) => {
    if (!v || typeof v !== 'object') return show(v);
    const o = v as { speaker?: unknown; verb?: unknown };
    return `${o.speaker ? who(o.speaker) : 'unnamed source'}${o.verb ? ` (${show(o.verb)})` : ''}`;
  };
  const add = (start: number, end: number, a: Ann) => out.push({ start, end, data: a });
  for (const e of L.events ?? []) {
    add(e.evidence.start, e.evidence.end, {
      layer: 'events',
      key: `event:${e.id}`,
      story: e.story,
      title: `Event ${e.cameo}${e.label ? ` ${e.label}` : ''}`,
      facts: [
        ['code', `CAMEO ${e.cameo}${e.plover ? ` · PLOVER ${e.plover}` : ''}`],
        ['source → target', `${who(e.source)} → ${who(e.target)}`],
        ['attribution', attribution(e.attribution)],
        ['certainty', show(e.certainty)],
        ['polarity', polarityWord(e.polarity)],
        ['rule', show(e.rule)],
        ['found by', show(e.by)],
      ],
    });
    if (e.trigger) {
      add(e.trigger.start, e.trigger.end, {
        layer: 'events',
        key: `trigger:${e.id}`,
        title: `Trigger of event ${e.cameo}`,
        facts: [['rule', show(e.rule)]],
      });
    }
  }
  for (const a of L.actors ?? []) {
    a.mentions.forEach((m, i) => {
      add(m.start, m.end, {
        layer: 'actors',
        key: `actor:${a.id}:${i}`,
        title: `Actor ${a.name ?? a.code ?? a.id}`,
        facts: [
          ['code', show(a.code)],
          ['kind', show(a.kind)],
          ['country', show(a.country)],
          ['rule', show(m.rule)],
        ],
      });
    });
  }
  for (const t of L.times ?? []) {
    add(t.start, t.end, {
      layer: 'times',
      key: `time:${t.id}`,
      title: `Time “${t.text}”`,
      facts: [
        ['value', show(t.value)],
        ['from', show(t.from)],
        ['to', show(t.to)],
        ['rule', show(t.rule)],
      ],
    });
  }
  for (const p of L.places ?? []) {
    add(p.start, p.end, {
      layer: 'places',
      key: `place:${p.id}`,
      title: `Place ${p.name ?? p.text}`,
      facts: [
        ['country', show(p.country)],
        ['lat, lon', p.lat !== null && p.lon !== null ? `${p.lat}, ${p.lon}` : '—'],
        ['rule', show(p.rule)],
      ],
    });
  }
  for (const q of L.quantities ?? []) {
    add(q.start, q.end, {
      layer: 'quantities',
      key: `quantity:${q.id}`,
      title: `Quantity “${q.text}”`,
      facts: [
        ['value', show(q.value)],
        ['unit', show(q.unit)],
        ['rule', show(q.rule)],
      ],
    });
  }
  for (const q of L.quotes ?? []) {
    add(q.start, q.end, {
      layer: 'quotes',
      key: `quote:${q.id}`,
      title: 'Quote',
      facts: [
        ['speaker', who(q.speaker)],
        ['rule', show(q.rule)],
      ],
    });
  }
  for (const a of L.attributions ?? []) {
    if (!a.cue) continue;
    add(a.cue.start, a.cue.end, {
      layer: 'quotes',
      key: `attribution:${a.id}`,
      title: `Attribution “${a.cue.text}”`,
      facts: [
        ['speaker', who(a.speaker)],
        ['verb', show(a.verb)],
        ['rule', show(a.rule)],
      ],
    });
  }
  return out;
}

/** Text nodes and nested <mark>s for a span tree; annotations are kept in a side table by key. */
function renderTree(text: string, node: SpanNode<Ann>, into: Node, table: Map<string, Ann>): void {
  let pos = node.start;
  for (const child of node.children) {
    if (child.start > pos) into.appendChild(document.createTextNode(text.slice(pos, child.start)));
    const a = child.data!;
    table.set(a.key, a);
    const mark = h('mark', {
      class: `hl layer-${a.layer}${a.key.startsWith('trigger:') ? ' trigger' : ''}${child.fragment ? ' fragment' : ''}`,
      'data-ann': a.key,
      tabindex: '0',
    });
    renderTree(text, child, mark, table);
    into.appendChild(mark);
    pos = child.end;
  }
  if (node.end > pos) into.appendChild(document.createTextNode(text.slice(pos, node.end)));
}

function render(doc: DocumentView, hl: string | null): HTMLElement[] {
  const table = new Map<string, Ann>();
  const body = h('div', { class: 'article-text', id: 'article-text' });
  renderTree(doc.text, buildSpanTree(doc.text.length, annotations(doc)), body, table);

  const details = h(
    'aside',
    { class: 'ann-details', 'aria-live': 'polite', 'aria-labelledby': 'ann-title' },
    h('h2', { id: 'ann-title' }, 'What was extracted'),
    h(
      'p',
      { class: 'muted' },
      'Hover over or focus (Tab) a highlight to see what was extracted there and why.',
    ),
  );
  const showDetails = (target: EventTarget | null) => {
    if (!(target instanceof Element)) return;
    const chain: Ann[] = [];
    for (
      let n: Element | null = target.closest('mark.hl');
      n && body.contains(n);
      n = n.parentElement?.closest('mark.hl') ?? null
    ) {
      const a = table.get(n.getAttribute('data-ann') ?? '');
      if (a) chain.push(a);
    }
    if (!chain.length) return;
    clear(details);
    details.append(h('h2', { id: 'ann-title' }, 'What was extracted'));
    for (const a of chain) {
      details.append(
        h(
          'section',
          { class: `ann layer-${a.layer}` },
          h('h3', null, a.title),
          a.story
            ? h('p', null, h('a', { href: hrefTo(['events', a.story]) }, 'Who says what about this event'))
            : null,
          h(
            'dl',
            { class: 'facts' },
            a.facts.flatMap(([k, v]) => [h('dt', null, k), h('dd', null, v)]),
          ),
        ),
      );
    }
  };
  body.addEventListener('mouseover', (e) => showDetails(e.target));
  body.addEventListener('focusin', (e) => showDetails(e.target));

  const toggles = h('fieldset', { class: 'layers' }, h('legend', null, 'Highlight'));
  for (const l of LAYERS) {
    const box = h('input', { type: 'checkbox', id: `layer-${l.key}`, checked: true });
    box.addEventListener('change', () => {
      body.classList.toggle(`off-${l.key}`, !box.checked);
      for (const m of body.querySelectorAll(`mark.layer-${l.key}`))
        m.setAttribute('tabindex', box.checked ? '0' : '-1');
    });
    toggles.append(
      h(
        'label',
        { for: box.id, class: `toggle layer-${l.key}` },
        box,
        h('span', { class: 'sample' }, l.label),
      ),
    );
  }

  if (hl) {
    const marks = [...body.querySelectorAll(`mark[data-ann="event:${CSS.escape(hl)}"]`)];
    for (const m of marks) m.classList.add('target');
    const first = marks[0];
    if (first instanceof HTMLElement) {
      // After layout: bring the evidence into view and show its details.
      requestAnimationFrame(() => {
        first.scrollIntoView({ block: 'center' });
        first.focus({ preventScroll: true });
      });
    }
  }

  return [
    h('p', null, h('a', { href: hrefTo([]) }, '← Overview')),
    h('h1', null, doc.title ?? 'Untitled article'),
    h(
      'p',
      { class: 'lede' },
      [doc.outlet ?? 'unknown outlet', doc.published ? ` · ${doc.published.slice(0, 10)}` : '', ' · '],
      doc.url ? externalLink(doc.url, 'original') : h('span', null, 'no URL'),
    ),
    toggles,
    h('div', { class: 'article-body' }, body, details),
  ];
}

export function articleView(id: string, route: Route): View {
  const el = h('div', { class: 'article-view' }, loading('the article'));
  api
    .document(id)
    .then((doc) => {
      clear(el);
      el.append(...render(doc, route.query.get('hl')));
    })
    .catch((err) => {
      clear(el);
      el.append(
        h('p', null, h('a', { href: hrefTo([]) }, '← Overview')),
        h('h1', null, 'Article'),
        errorBox(err),
      );
    });
  return { el, dispose: () => {} };
}
