/**
 * Events table panel: the filters of `sitrep events` as a form (submitting writes them into the
 * hash), the matching events sortable by date or number of sources, with source counts and a
 * contradiction mark in words, and "Load more" following the API cursor.
 * Depends on ../api, ../app, ../dom, ../filters, ../labels.
 */
import { api, type EventItem } from '../api.js';
import { errorBox, hrefTo, setQuery } from '../app.js';
import { clear, h } from '../dom.js';
import { FILTER_KEYS, type FilterKey, filtersOf, type Route } from '../filters.js';
import { actorName, dateRange } from '../labels.js';

const FIELDS: { key: FilterKey; label: string; type: string; placeholder?: string }[] = [
  { key: 'actor', label: 'Actor', type: 'text', placeholder: 'code, country or name' },
  { key: 'cameo', label: 'CAMEO prefix', type: 'text', placeholder: 'e.g. 19' },
  { key: 'plover', label: 'PLOVER', type: 'text', placeholder: 'e.g. ASSAULT' },
  { key: 'from', label: 'From', type: 'date' },
  { key: 'to', label: 'To', type: 'date' },
  { key: 'place', label: 'Place', type: 'text' },
  { key: 'outlet', label: 'Outlet', type: 'text' },
  { key: 'min_sources', label: 'Min sources', type: 'number' },
];

/** Rows per request; "Load more" fetches the next page with the API cursor. */
const PAGE = 20;

export function eventsPanel(route: Route) {
  const inputs = new Map<FilterKey, HTMLInputElement | HTMLSelectElement>();
  const form = h('form', { class: 'filters', 'aria-label': 'Event filters' });
  for (const f of FIELDS) {
    const input = h('input', {
      id: `f-${f.key}`,
      name: f.key,
      type: f.type,
      placeholder: f.placeholder,
      min: f.type === 'number' ? '1' : undefined,
    });
    inputs.set(f.key, input);
    form.append(h('div', { class: 'field' }, h('label', { for: input.id }, f.label), input));
  }
  const contradicted = h(
    'select',
    { id: 'f-contradicted', name: 'contradicted' },
    h('option', { value: '' }, 'any'),
    h('option', { value: 'true' }, 'contradicted only'),
    h('option', { value: 'false' }, 'not contradicted'),
  );
  inputs.set('contradicted', contradicted);
  form.append(
    h('div', { class: 'field' }, h('label', { for: contradicted.id }, 'Contradicted'), contradicted),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, 'Apply filters')),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const changes: Record<string, string | undefined> = {};
    for (const k of FILTER_KEYS) changes[k] = inputs.get(k)?.value.trim() || undefined;
    setQuery(changes);
  });

  const tbody = h('tbody');
  const dateSort = h('button', { type: 'button', class: 'sort' }, 'Date');
  const srcSort = h('button', { type: 'button', class: 'sort' }, 'Sources');
  const dateTh = h('th', { scope: 'col' }, dateSort);
  const srcTh = h('th', { scope: 'col', class: 'num' }, srcSort);
  const more = h('button', { type: 'button', class: 'more' }, 'Load more');
  const status = h('p', { class: 'muted', role: 'status' });
  const el = h(
    'section',
    { class: 'panel events', 'aria-labelledby': 'ev-title' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'ev-title' }, 'Events')),
    form,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'events-table' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            dateTh,
            h('th', { scope: 'col' }, 'Event'),
            h('th', { scope: 'col' }, 'Who → whom'),
            h('th', { scope: 'col' }, 'Place'),
            srcTh,
            h('th', { scope: 'col' }, 'Outlets'),
            h('th', { scope: 'col' }, 'Contradicted'),
          ),
        ),
        tbody,
      ),
    ),
    status,
    more,
  );

  let sort = 'date';
  let order = 'desc';
  let cursor: string | null = null;
  let seq = 0;
  let shown = 0;

  function toggleSort(key: string): void {
    const nextOrder = sort === key && order === 'desc' ? 'asc' : 'desc';
    setQuery({ sort: key === 'date' ? undefined : key, order: nextOrder === 'desc' ? undefined : nextOrder });
  }
  dateSort.addEventListener('click', () => toggleSort('date'));
  srcSort.addEventListener('click', () => toggleSort('sources'));

  function row(e: EventItem): HTMLTableRowElement {
    return h(
      'tr',
      null,
      h('td', { class: 'nowrap' }, dateRange(e.time)),
      h(
        'td',
        null,
        h('a', { href: hrefTo(['events', e.id]) }, e.label ?? e.cameo),
        h('span', { class: 'code' }, ` ${e.cameo}${e.plover ? ` · ${e.plover}` : ''}`),
      ),
      h('td', null, `${actorName(e.source)} → ${actorName(e.target)}`),
      h('td', null, e.place?.name ?? '—'),
      h('td', { class: 'num' }, e.counts.sources),
      h('td', null, e.outlets.join(', ') || '—'),
      h(
        'td',
        null,
        e.contradicted
          ? h('span', { class: 'badge contradicted' }, '⚠ contradicted')
          : h('span', { class: 'muted' }, 'no'),
      ),
    );
  }

  function load(r: Route, append: boolean): void {
    const mine = ++seq;
    const f = filtersOf(r.query);
    more.disabled = true;
    api
      .events(f, { sort, order, cursor: append && cursor ? cursor : undefined, limit: PAGE })
      .then((page) => {
        if (mine !== seq) return;
        if (!append) {
          clear(tbody);
          shown = 0;
        }
        for (const e of page.items) tbody.append(row(e));
        shown += page.items.length;
        cursor = page.next;
        more.hidden = !cursor;
        more.disabled = false;
        const total = page.total !== undefined ? ` of ${page.total}` : '';
        status.textContent = shown ? `Showing ${shown}${total} events` : 'No events match these filters.';
      })
      .catch((err) => {
        if (mine !== seq) return;
        clear(status);
        status.append(errorBox(err));
      });
  }
  more.addEventListener('click', () => load(lastRoute, true));

  let lastRoute = route;
  function update(r: Route): void {
    lastRoute = r;
    const f = filtersOf(r.query);
    for (const k of FILTER_KEYS) {
      const input = inputs.get(k);
      if (input) input.value = f[k] ?? '';
    }
    sort = r.query.get('sort') === 'sources' ? 'sources' : 'date';
    order = r.query.get('order') === 'asc' ? 'asc' : 'desc';
    const dir = order === 'asc' ? 'ascending' : 'descending';
    dateTh.setAttribute('aria-sort', sort === 'date' ? dir : 'none');
    srcTh.setAttribute('aria-sort', sort === 'sources' ? dir : 'none');
    dateSort.textContent = `Date${sort === 'date' ? (order === 'asc' ? ' ▲' : ' ▼') : ''}`;
    srcSort.textContent = `Sources${sort === 'sources' ? (order === 'asc' ? ' ▲' : ' ▼') : ''}`;
    cursor = null;
    load(r, false);
  }

  update(route);
  return {
    el,
    update,
    dispose: () => {
      seq++;
    },
  };
}
