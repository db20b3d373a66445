/**
 * The offline basemap: country outlines from world-atlas countries-110m (Natural Earth) turned
 * into GeoJSON with topojson-client. Leaflet draws polygons in plain longitude, so rings that
 * cross the antimeridian (Russia, Fiji) would streak across the whole map: their longitudes are
 * unwrapped to run continuously past ±180. Antarctica is left out (no Mercator view shows it
 * usefully and its ring runs along the map's edge). Depends on world-atlas and topojson-client.
 */
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json' with { type: 'json' };

const ANTARCTICA = '010';

/** Shift longitudes by multiples of 360 so no step between neighbours is longer than 180 degrees. */
export function unwrapRing(ring: readonly Position[]): Position[] {
  const out: Position[] = [];
  let shift = 0;
  let prev: number | null = null;
  for (const [lon = 0, lat = 0] of ring) {
    if (prev !== null) {
      const d = lon + shift - prev;
      if (d > 180) shift -= 360;
      else if (d < -180) shift += 360;
    }
    prev = lon + shift;
    out.push([prev, lat]);
  }
  return out;
}

function unwrapGeometry(g: Geometry): Geometry {
  if (g.type === 'Polygon') return { ...g, coordinates: g.coordinates.map(unwrapRing) };
  if (g.type === 'MultiPolygon') return { ...g, coordinates: g.coordinates.map((p) => p.map(unwrapRing)) };
  return g;
}

export function basemap(): FeatureCollection {
  const topo = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
  const all = feature(topo, topo.objects.countries) as FeatureCollection<Geometry>;
  return {
    type: 'FeatureCollection',
    features: all.features
      .filter((f) => String(f.id) !== ANTARCTICA)
      .map((f): Feature => ({ ...f, geometry: unwrapGeometry(f.geometry) })),
  };
}
