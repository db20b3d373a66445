/**
 * Entry point: the page shell (header, active filter chips, the view area) and the hash router.
 * `#/` overview, `#/events/{id}`, `#/documents/{id}?hl=`, `#/actors/{id}`. A change of filters on
 * the same view updates it in place; a change of view disposes the old one.
 */
import './styles.css';
import { currentRoute, errorBox, loading, setQuery, type View } from './app.js';
import { clear, h } from './dom.js';
import { FILTER_KEYS, filtersOf, type Route } from './filters.js';
import { actorView } from './views/actor-view.js';
import { articleView } from './views/article-view.js';
import { eventView } from './views/event-view.js';

const main = document.getElementById('view');
const chips = document.getElementById('active-filters');
if (!main || !chips) throw new Error('index.html is missing #view or #active-filters');

let current: { kind: string; view: View } | null = null;

function kindOf(r: Route): string {
  const [first, second] = r.path;
  if (first === 'events' && second) return `event:${second}`;
  if (first === 'documents' && second) return `document:${second}`;
  if (first === 'actors' && second) return `actor:${second}`;
  return 'overview';
}

/**
 * The overview's charting libraries (echarts, cytoscape, leaflet: most of the bundle) load as a
 * separate chunk, so a link straight to an event or an article does not wait for them.
 */
function lazyOverview(r: Route): View {
  const el = h('div', null, loading('the overview'));
  let inner: View | null = null;
  let disposed = false;
  let latest = r;
  import('./views/overview.js')
    .then(({ overview }) => {
      if (disposed) return;
      inner = overview(latest);
      clear(el);
      el.append(inner.el);
    })
    .catch((err) => {
      clear(el);
      el.append(errorBox(err));
    });
  return {
    el,
    update: (next) => {
      latest = next;
      inner?.update?.(next);
    },
    dispose: () => {
      disposed = true;
      inner?.dispose();
    },
  };
}

function makeView(r: Route): View {
  const [first, second] = r.path;
  if (first === 'events' && second) return eventView(second, r);
  if (first === 'documents' && second) return articleView(second, r);
  if (first === 'actors' && second) return actorView(second, r);
  return lazyOverview(r);
}

const LABELS: Record<string, string> = {
  actor: 'actor',
  cameo: 'CAMEO',
  plover: 'PLOVER',
  from: 'from',
  to: 'to',
  place: 'place',
  outlet: 'outlet',
  min_sources: 'min sources',
  contradicted: 'contradicted',
};

function renderChips(r: Route): void {
  if (!chips) return;
  clear(chips);
  const f = filtersOf(r.query);
  const keys = FILTER_KEYS.filter((k) => f[k]);
  if (keys.length === 0) {
    chips.append(h('span', { class: 'muted' }, 'No filters: showing everything'));
    return;
  }
  for (const k of keys) {
    const b = h(
      'button',
      { type: 'button', class: 'chip', 'aria-label': `Remove filter ${LABELS[k]} ${f[k]}` },
      `${LABELS[k]}: ${f[k]} ✕`,
    );
    b.addEventListener('click', () => setQuery({ [k]: undefined }));
    chips.append(b);
  }
  const all = h('button', { type: 'button', class: 'chip clear' }, 'Clear all filters');
  all.addEventListener('click', () => setQuery(Object.fromEntries(FILTER_KEYS.map((k) => [k, undefined]))));
  chips.append(all);
}

function route(): void {
  const r = currentRoute();
  renderChips(r);
  const kind = kindOf(r);
  if (current && current.kind === kind && current.view.update) {
    current.view.update(r);
    return;
  }
  current?.view.dispose();
  if (!main) return;
  clear(main);
  const view = makeView(r);
  current = { kind, view };
  main.append(view.el);
  document.body.dataset.view = kind.split(':')[0];
  // Move focus to the new view's heading for keyboard and screen-reader users.
  const heading = view.el.querySelector('h1, h2');
  if (heading instanceof HTMLElement && kind !== 'overview') {
    heading.tabIndex = -1;
    heading.focus({ preventScroll: false });
  }
}

window.addEventListener('hashchange', route);
route();

document.getElementById('skip')?.addEventListener('click', () => main.focus());
