/**
 * The view contract and navigation helpers shared by every view: a view is an element plus
 * update/dispose; navigation only ever changes location.hash, so back/forward and links work.
 * Depends on ./filters and ./dom.
 */
import { clear, h } from './dom.js';
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

/**
 * Draws only the answer to a view's latest request: an older answer arriving late (the filters
 * changed meanwhile, or the view was closed) is dropped, and a failure is shown in `status`.
 */
export function latestOnly(status: HTMLElement) {
  let seq = 0;
  return {
    load<T>(request: Promise<T>, draw: (value: T) => void): void {
      const mine = ++seq;
      request
        .then((value) => {
          if (mine === seq) draw(value);
        })
        .catch((err: unknown) => {
          if (mine !== seq) return;
          clear(status);
          status.append(errorBox(err));
        });
    },
    /** Drops every answer still in flight (the view is being removed). */
    cancel(): void {
      seq++;
    },
  };
}

export function loading(what: string): HTMLElement {
  return h('p', { class: 'muted', role: 'status' }, `Loading ${what}…`);
}
