/**
 * Actor view (`#/actors/{id}`): who the actor is, its main partners (cooperation vs conflict in
 * numbers), its events by CAMEO root and its recent events, with a button to filter the overview
 * by it. Depends on ../api, ../app, ../dom, ../labels.
 */
import { type ActorDetail, api } from '../api.js';
import { errorBox, hrefTo, loading, type View } from '../app.js';
import { clear, h } from '../dom.js';
import type { Route } from '../filters.js';
import { actorName, dateRange } from '../labels.js';

function render(d: ActorDetail, id: string): HTMLElement[] {
  const a = d.actor;
  return [
    h('h1', null, a.name ?? a.code ?? id),
    h(
      'p',
      { class: 'lede' },
      [a.code ? `code ${a.code}` : null, a.kind, a.country ? `country ${a.country}` : null]
        .filter(Boolean)
        .join(' · '),
    ),
    h('p', { class: 'muted' }, `${a.events} events · ${a.mentions} mentions in ${a.documents} documents`),
    h(
      'p',
      null,
      h('a', { href: hrefTo([], { actor: id }), class: 'button' }, 'Filter the overview by this actor'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'partners' },
      h('h2', { id: 'partners' }, 'Main partners'),
      h(
        'table',
        null,
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', null, 'Actor'),
            h('th', { class: 'num' }, 'Events'),
            h('th', { class: 'num' }, 'Cooperation'),
            h('th', { class: 'num' }, 'Conflict'),
          ),
        ),
        h(
          'tbody',
          null,
          d.top_partners.map((p) =>
            h(
              'tr',
              null,
              h('td', null, h('a', { href: hrefTo(['actors', p.id]) }, p.name ?? p.code ?? p.id)),
              h('td', { class: 'num' }, p.events),
              h('td', { class: 'num' }, p.cooperation),
              h('td', { class: 'num' }, p.conflict),
            ),
          ),
        ),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'roots' },
      h('h2', { id: 'roots' }, 'Events by CAMEO root'),
      h(
        'ul',
        null,
        d.by_root.map((r) => h('li', null, `${r.root}: ${r.events}`)),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'recent' },
      h('h2', { id: 'recent' }, 'Recent events'),
      h(
        'ul',
        null,
        d.recent_events.map((e) =>
          h(
            'li',
            null,
            h(
              'a',
              { href: hrefTo(['events', e.id]) },
              `${dateRange(e.time)} · ${e.label ?? e.cameo}: ${actorName(e.source)} → ${actorName(e.target)}`,
            ),
          ),
        ),
      ),
    ),
  ];
}

export function actorView(id: string, _route: Route): View {
  const el = h('div', { class: 'actor-view' }, loading('the actor'));
  api
    .actor(id)
    .then((d) => {
      clear(el);
      el.append(h('p', null, h('a', { href: hrefTo([]) }, '← Overview')), ...render(d, id));
    })
    .catch((err) => {
      clear(el);
      el.append(
        h('p', null, h('a', { href: hrefTo([]) }, '← Overview')),
        h('h1', null, 'Actor'),
        errorBox(err),
      );
    });
  return { el, dispose: () => {} };
}
