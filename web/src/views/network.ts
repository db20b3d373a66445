/**
 * Actor network panel (cytoscape): actors sized by events, edges weighted by events between them,
 * coloured AND dashed by cooperation vs conflict (legend in words). Clicking a node, or pressing
 * Enter on the same actor in the list beside it, sets the actor filter for every view. The layout
 * is cytoscape's `cose` started from seeded positions with `randomize: false`: cose only draws random
 * numbers to randomize or to separate nodes at the same spot, so it is deterministic and the
 * screenshots are stable.
 * Depends on ../api, ../app, ../dom, ../labels.
 */
import cytoscape from 'cytoscape';
import { api, type Network } from '../api.js';
import { latestOnly, setQuery } from '../app.js';
import { clear, h } from '../dom.js';
import { filtersOf, type Route } from '../filters.js';
import { plural, QUADS } from '../labels.js';

// Cytoscape's renderer injects a one-rule <style> into <head> unless an element with this id already
// exists; the server's CSP (style-src 'self') blocks injected styles, so we claim the id with an
// empty <meta> and ship the rule in styles.css instead.
const CY_STYLESHEET_ID = '__________cytoscape_stylesheet';
if (!document.getElementById(CY_STYLESHEET_ID)) {
  const marker = document.createElement('meta');
  marker.id = CY_STYLESHEET_ID;
  document.head.append(marker);
}

function nodeLabel(n: { name: string | null; code: string | null; id: string }): string {
  return n.name ?? n.code ?? n.id;
}

function legend(): HTMLElement {
  return h(
    'ul',
    { class: 'legend', 'aria-label': 'Edge legend' },
    Object.entries(QUADS).map(([k, q]) =>
      h(
        'li',
        null,
        h('span', { class: `swatch quad-${k}`, 'aria-hidden': 'true' }),
        `${q.line} line: ${q.label}`,
      ),
    ),
  );
}

export function networkPanel(route: Route) {
  const graphEl = h('div', { class: 'graph', role: 'img', 'aria-label': 'Actor network' });
  const list = h('ul', { class: 'actor-list', 'aria-label': 'Actors in the network' });
  const relations = h('tbody');
  const status = h('p', { class: 'muted', role: 'status' });
  const el = h(
    'section',
    { class: 'panel network', 'aria-labelledby': 'net-title' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'net-title' }, 'Actor network')),
    h('p', { class: 'hint' }, 'Click an actor (or choose it in the list) to filter every view by it.'),
    h(
      'div',
      { class: 'network-body' },
      graphEl,
      h('div', { class: 'side-list' }, h('h3', null, 'Actors'), list),
    ),
    legend(),
    h(
      'details',
      null,
      h('summary', null, 'Relations as a table'),
      h(
        'table',
        { class: 'relations' },
        h(
          'thead',
          null,
          h(
            'tr',
            null,
            h('th', null, 'Source'),
            h('th', null, 'Target'),
            h('th', null, 'Events'),
            h('th', null, 'Cooperation'),
            h('th', null, 'Conflict'),
            h('th', null, 'Mostly'),
          ),
        ),
        relations,
      ),
    ),
    status,
  );
  let cy: cytoscape.Core | null = null;
  // Cytoscape does not follow its container's size: refit when the panel is resized.
  const resizes = new ResizeObserver(() => {
    cy?.resize();
    cy?.fit(undefined, 16);
  });
  const latest = latestOnly(status);
  let selected: string | undefined;

  function pick(id: string): void {
    setQuery({ actor: selected === id ? undefined : id });
  }

  function draw(net: Network): void {
    cy?.destroy();
    clear(list);
    clear(relations);
    const names = new Map(net.nodes.map((n) => [n.id, nodeLabel(n)]));
    const max = Math.max(1, ...net.nodes.map((n) => n.events));
    const maxEdge = Math.max(1, ...net.edges.map((e) => e.events));
    status.textContent = net.nodes.length
      ? `${plural(net.nodes.length, 'actor')}, ${plural(net.edges.length, 'relation')}`
      : 'No actors match these filters.';
    graphEl.setAttribute(
      'aria-label',
      `Actor network: ${status.textContent}. The list beside it has the same actors.`,
    );
    cy = cytoscape({
      container: graphEl,
      elements: [
        ...net.nodes.map((n, i) => ({
          // Seeded start: a spiral in the API's order (most events first), no two nodes at one spot.
          position: { x: Math.cos(i * 2.4) * (40 + 14 * i), y: Math.sin(i * 2.4) * (40 + 14 * i) },
          data: {
            id: n.id,
            label: nodeLabel(n),
            events: n.events,
            size: 18 + 42 * Math.sqrt(n.events / max),
          },
          classes: n.id === selected ? 'selected' : '',
        })),
        ...net.edges
          .filter((e) => names.has(e.source) && names.has(e.target))
          .map((e, i) => ({
            data: { id: `e${i}`, source: e.source, target: e.target, width: 1.5 + 6 * (e.events / maxEdge) },
            classes: `quad-${e.quad}`,
          })),
      ],
      style: [
        {
          selector: 'node',
          style: {
            width: 'data(size)',
            height: 'data(size)',
            label: 'data(label)',
            'font-size': 12,
            'min-zoomed-font-size': 0,
            color: '#1f2933',
            'text-valign': 'bottom',
            'text-margin-y': 3,
            'background-color': '#546e7a',
            'text-background-color': '#ffffff',
            'text-background-opacity': 0.85,
            'text-background-padding': '1px',
          },
        },
        {
          selector: 'node.selected',
          style: { 'background-color': '#6a1b9a', 'border-width': 3, 'border-color': '#1f2933' },
        },
        {
          selector: 'edge',
          style: {
            width: 'data(width)',
            'curve-style': 'bezier',
            opacity: 0.85,
            'target-arrow-shape': 'triangle',
            'arrow-scale': 0.8,
          },
        },
        ...Object.entries(QUADS).map(([k, q]) => ({
          selector: `edge.quad-${k}`,
          style: { 'line-color': q.colour, 'target-arrow-color': q.colour, 'line-style': q.line },
        })),
      ] as cytoscape.StylesheetJson,
      layout: {
        name: 'cose',
        randomize: false,
        animate: false,
        padding: 16,
        nodeRepulsion: () => 12000,
        idealEdgeLength: () => 36,
        numIter: 1000,
        nodeDimensionsIncludeLabels: true,
      } as cytoscape.LayoutOptions,
      minZoom: 0.3,
      maxZoom: 3,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      autoungrabify: false,
    });
    cy.on('tap', 'node', (evt) => pick(String(evt.target.id())));
    resizes.observe(graphEl);

    for (const n of [...net.nodes].sort(
      (a, b) => b.events - a.events || nodeLabel(a).localeCompare(nodeLabel(b)),
    )) {
      const b = h(
        'button',
        {
          type: 'button',
          class: 'actor-pick',
          'aria-pressed': n.id === selected ? 'true' : 'false',
          'data-actor': n.id,
        },
        `${nodeLabel(n)}${n.code && n.code !== nodeLabel(n) ? ` (${n.code})` : ''} · ${n.events}`,
      );
      b.addEventListener('click', () => pick(n.id));
      list.append(h('li', null, b));
    }
    for (const e of net.edges) {
      relations.append(
        h(
          'tr',
          null,
          h('td', null, names.get(e.source) ?? e.source),
          h('td', null, names.get(e.target) ?? e.target),
          h('td', { class: 'num' }, e.events),
          h('td', { class: 'num' }, e.cooperation),
          h('td', { class: 'num' }, e.conflict),
          h('td', null, QUADS[e.quad]?.label ?? e.quad),
        ),
      );
    }
  }

  function update(r: Route): void {
    const f = filtersOf(r.query);
    selected = f.actor;
    // With an actor filter the API keeps the events involving that actor: its ego network.
    latest.load(api.network(f, { limit_nodes: 60 }), draw);
  }

  update(route);
  return {
    el,
    update,
    dispose: () => {
      latest.cancel(); // a fetch still in flight must not draw after disposal
      resizes.disconnect();
      cy?.destroy();
    },
  };
}
