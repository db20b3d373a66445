/**
 * The view contract and navigation helpers shared by every view: a view is an element plus
 * update/dispose; navigation only ever changes location.hash, so back/forward and links work.
 * Depends on ./filters and ./dom.
 */
import { h } from './dom.js';
import { type Filters, filtersOf, formatHash, parseHash, type Route, withQuery } from './filters.js';

export interface View {
  readonly el: HTMLElement;
  /** Called when the hash changes but stays on the same kind of view (e.g. new filters). */
  update?(route: Route): void;
  dispose(): void;
}

export function currentRoute(): Route {
  return parseHash(location.hash);
}

export function currentFilters(): Filters {
  return filtersOf(currentRoute().query);
}

/** Change some query keys, staying on the current view. */
export function setQuery(changes: Record<string, string | undefined>): void {
  const r = currentRoute();
  location.hash = formatHash(r.path, withQuery(r.query, changes));
}

/** A hash link to a view, carrying the current filters along (so going back keeps them). */
export function hrefTo(path: string[], extra: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  const f = currentFilters();
  for (const [k, v] of Object.entries(f)) if (v) q.set(k, v);
  return formatHash(path, withQuery(q, extra));
}

export function errorBox(err: unknown): HTMLElement {
  const msg = err instanceof Error ? err.message : String(err);
  return h('p', { class: 'error', role: 'alert' }, `Could not load: ${msg}`);
}

export function loading(what: string): HTMLElement {
  return h('p', { class: 'muted', role: 'status' }, `Loading ${what}…`);
}
