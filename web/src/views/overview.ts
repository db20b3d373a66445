/**
 * The overview (`#/`): timeline, actor network, map and events table, all driven by the filters
 * in the hash and updated in place when they change. Depends on the panel modules.
 */
import type { View } from '../app.js';
import { h } from '../dom.js';
import { filtersOf, type Route } from '../filters.js';
import { eventsPanel } from './events-table.js';
import { mapPanel } from './map.js';
import { networkPanel } from './network.js';
import { timelinePanel } from './timeline.js';

export function overview(route: Route): View {
  // Each panel with the query keys it depends on beyond the filters: a change elsewhere (e.g. the
  // table's sort) does not refetch the timeline, network and map.
  const panels = [
    { ...timelinePanel(route), keys: ['by', 'bucket'] },
    { ...networkPanel(route), keys: [] as string[] },
    { ...mapPanel(route), keys: [] as string[] },
    { ...eventsPanel(route), keys: ['sort', 'order'] },
  ];
  const stateOf = (r: Route, keys: string[]) =>
    JSON.stringify([filtersOf(r.query), keys.map((k) => r.query.get(k))]);
  const last = panels.map((p) => stateOf(route, p.keys));
  const el = h(
    'div',
    { class: 'overview' },
    h('h1', { class: 'visually-hidden' }, 'Overview'),
    panels.map((p) => p.el),
  );
  return {
    el,
    update: (r) => {
      panels.forEach((p, i) => {
        const state = stateOf(r, p.keys);
        if (state === last[i]) return;
        last[i] = state;
        p.update(r);
      });
    },
    dispose: () => {
      for (const p of panels) p.dispose();
    },
  };
}
