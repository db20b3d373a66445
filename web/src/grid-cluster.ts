/**
 * Grid clustering of map points in screen pixels: points falling in the same cell (at the current
 * zoom) form one cluster placed at their event-weighted centre. A hand-written ~30 lines because
 * no leaflet cluster plugin is installed and the project adds no dependency for this; a fixed grid
 * is also deterministic, which keeps the screenshots stable. Pure; depends on nothing.
 */

export interface GridPoint<T> {
  x: number;
  y: number;
  weight: number;
  item: T;
}

export interface GridCluster<T> {
  x: number;
  y: number;
  weight: number;
  items: T[];
}

export function gridCluster<T>(points: readonly GridPoint<T>[], cellSize: number): GridCluster<T>[] {
  const cells = new Map<string, { sx: number; sy: number; weight: number; items: T[] }>();
  for (const p of points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const key = `${Math.floor(p.x / cellSize)}:${Math.floor(p.y / cellSize)}`;
    const w = Math.max(1, p.weight);
    const cell = cells.get(key) ?? { sx: 0, sy: 0, weight: 0, items: [] };
    cell.sx += p.x * w;
    cell.sy += p.y * w;
    cell.weight += w;
    cell.items.push(p.item);
    cells.set(key, cell);
  }
  return [...cells.values()]
    .map((c) => ({ x: c.sx / c.weight, y: c.sy / c.weight, weight: c.weight, items: c.items }))
    .sort((a, b) => b.weight - a.weight || a.x - b.x || a.y - b.y);
}
