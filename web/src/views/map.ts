/**
 * Map panel (leaflet): an offline basemap of country outlines (../basemap, drawn as a GeoJSON
 * layer — no tiles, nothing fetched), places with events as
 * circles clustered on a screen grid per zoom, and a list of the same clusters as buttons for the
 * keyboard. Choosing a cluster lists its events with links to the event view.
 * Depends on ../api, ../app, ../basemap, ../dom, ../grid-cluster.
 */
import type { Feature } from 'geojson';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { api, type PlaceProps, type Places } from '../api.js';
import { hrefTo, latestOnly } from '../app.js';
import { basemap } from '../basemap.js';
import { append, clear, h } from '../dom.js';
import { filtersOf, type Route } from '../filters.js';
import { type GridCluster, gridCluster } from '../grid-cluster.js';
import { actorName, dateRange, plural } from '../labels.js';

interface Place extends PlaceProps {
  lat: number;
  lon: number;
}

const land = basemap();

function clusterName(c: GridCluster<Place>): string {
  const names = c.items.map((p) => p.name);
  return names.length <= 2
    ? names.join(', ')
    : `${names.slice(0, 2).join(', ')} and ${names.length - 2} more`;
}

export function mapPanel(route: Route) {
  const mapEl = h('div', { class: 'map', role: 'img', 'aria-label': 'Map of event places' });
  const list = h('ul', { class: 'cluster-list', 'aria-label': 'Places on the map' });
  const detail = h('div', { class: 'cluster-detail', 'aria-live': 'polite' });
  const status = h('p', { class: 'muted', role: 'status' });
  const el = h(
    'section',
    { class: 'panel map-panel', 'aria-labelledby': 'map-title' },
    h('div', { class: 'panel-head' }, h('h2', { id: 'map-title' }, 'Map')),
    h(
      'p',
      { class: 'hint' },
      'Circles group nearby places (bigger: more events). Choose one for its events.',
    ),
    h('div', { class: 'map-body' }, mapEl, h('div', { class: 'side-list' }, h('h3', null, 'Places'), list)),
    detail,
    h('p', { class: 'attribution muted' }, 'Basemap: Natural Earth 1:110m via world-atlas (offline).'),
    status,
  );
  let map: L.Map | null = null;
  let layer: L.LayerGroup | null = null;
  let places: Place[] = [];
  const resizes = new ResizeObserver(() => map?.invalidateSize());
  const latest = latestOnly(status);

  async function showCluster(c: GridCluster<Place>): Promise<void> {
    clear(detail);
    const ids = [...new Set(c.items.flatMap((p) => p.event_ids))].slice(0, 30);
    const heading = h('h3', { tabindex: '-1' }, `${clusterName(c)}: ${plural(c.weight, 'event')}`);
    const ul = h('ul', { class: 'cluster-events' });
    append(detail, [
      heading,
      ul,
      ids.length < c.weight && h('p', { class: 'muted' }, `Showing the first ${ids.length}.`),
    ]);
    heading.focus();
    const results = await Promise.allSettled(ids.map((id) => api.event(id)));
    for (const r of results) {
      if (r.status !== 'fulfilled') continue;
      const e = r.value;
      ul.append(
        h(
          'li',
          null,
          h(
            'a',
            { href: hrefTo(['events', e.id]) },
            `${dateRange(e.time)} · ${e.label ?? e.cameo}: ${actorName(e.source)} → ${actorName(e.target)}`,
          ),
        ),
      );
    }
    if (!ul.firstChild) ul.append(h('li', { class: 'muted' }, 'No events could be loaded.'));
  }

  function redraw(): void {
    if (!map || !layer) return;
    layer.clearLayers();
    clear(list);
    const zoom = map.getZoom();
    const clusters = gridCluster(
      places.map((p) => {
        const pt = map!.project([p.lat, p.lon], zoom);
        return { x: pt.x, y: pt.y, weight: p.events, item: p };
      }),
      56,
    );
    for (const c of clusters) {
      const ll = map.unproject([c.x, c.y], zoom);
      const radius = 6 + 4 * Math.sqrt(c.weight);
      const circle = L.circleMarker(ll, {
        radius,
        color: '#0d47a1',
        weight: 2,
        fillColor: '#1e88e5',
        fillOpacity: 0.55,
      });
      // Tooltip content as a text node: leaflet would parse a string as HTML.
      const tip = document.createElement('span');
      tip.textContent = `${clusterName(c)}: ${plural(c.weight, 'event')}`;
      circle.bindTooltip(tip);
      circle.on('click', () => void showCluster(c));
      layer.addLayer(circle);
      const b = h('button', { type: 'button', class: 'cluster-pick' }, `${clusterName(c)} · ${c.weight}`);
      b.addEventListener('click', () => void showCluster(c));
      list.append(h('li', null, b));
    }
  }

  function ensureMap(): void {
    if (map) return;
    map = L.map(mapEl, {
      attributionControl: false,
      worldCopyJump: false,
      minZoom: 1,
      maxZoom: 8,
      zoomSnap: 1,
      keyboard: true,
      // No animations: nothing runs after the view is gone, and screenshots do not catch a frame mid-way.
      zoomAnimation: false,
      fadeAnimation: false,
      markerZoomAnimation: false,
    });
    L.geoJSON(land, {
      interactive: false,
      style: () => ({ color: '#90a4ae', weight: 0.6, fillColor: '#eceff1', fillOpacity: 1 }),
    }).addTo(map);
    layer = L.layerGroup().addTo(map);
    map.on('zoomend', redraw);
    // Leaflet measures its container once: tell it when the panel is resized.
    resizes.observe(mapEl);
    map.setView([30, 20], 1);
  }

  function draw(fc: Places): void {
    ensureMap();
    places = fc.features
      .filter((f: Feature | Places['features'][number]) => f.geometry?.type === 'Point')
      .map((f) => ({ ...f.properties, lon: f.geometry.coordinates[0], lat: f.geometry.coordinates[1] }))
      .filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));
    const total = places.reduce((n, p) => n + p.events, 0);
    status.textContent = places.length
      ? `${plural(places.length, 'place')}, ${plural(total, 'event')}`
      : 'No events with places match these filters.';
    mapEl.setAttribute('aria-label', `Map: ${status.textContent}. The list beside it has the same places.`);
    map!.invalidateSize();
    if (places.length) {
      const bounds = L.latLngBounds(places.map((p) => [p.lat, p.lon] as [number, number]));
      map!.fitBounds(bounds.pad(0.5), { maxZoom: 5, animate: false });
    }
    redraw();
  }

  function update(r: Route): void {
    clear(detail);
    latest.load(api.places(filtersOf(r.query)), draw);
  }

  update(route);
  return {
    el,
    update,
    dispose: () => {
      latest.cancel(); // a fetch still in flight must not draw on the removed map
      resizes.disconnect();
      map?.remove();
      map = null;
    },
  };
}
