/**
 * Timeline panel: events per day or week stacked by CAMEO root or PLOVER type (echarts, tree-shaken
 * imports, canvas renderer, rich-text tooltips so no HTML is built from data). Brushing a range
 * across the bars sets the from/to filters. Depends on ../api, ../app, ../dom.
 */
import { BarChart } from 'echarts/charts';
import {
  BrushComponent,
  GridComponent,
  LegendComponent,
  ToolboxComponent,
  TooltipComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { api, type Timeline } from '../api.js';
import { latestOnly, setQuery } from '../app.js';
import { h } from '../dom.js';
import { filtersOf, type Route } from '../filters.js';

echarts.use([
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  BrushComponent,
  ToolboxComponent,
  CanvasRenderer,
]);

// 20 CAMEO roots / ~16 PLOVER types: a long categorical palette with enough contrast on white.
const PALETTE = [
  '#1565c0',
  '#c62828',
  '#2e7d32',
  '#ef6c00',
  '#6a1b9a',
  '#00838f',
  '#ad1457',
  '#5d4037',
  '#455a64',
  '#9e9d24',
  '#283593',
  '#d84315',
  '#00695c',
  '#8e24aa',
  '#1e88e5',
  '#7cb342',
  '#f9a825',
  '#6d4c41',
  '#546e7a',
  '#e53935',
];

function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The API leaves empty buckets out; a time axis should not, unless the span is huge. */
function fillBuckets(sorted: string[], bucket: 'day' | 'week'): string[] {
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return sorted;
  const step = bucket === 'week' ? 7 : 1;
  const out: string[] = [];
  for (let d = first; d <= last && out.length <= 1000; d = addDays(d, step)) out.push(d);
  return out.length > 1000 ? sorted : out;
}

export function timelinePanel(route: Route) {
  const chartEl = h('div', { class: 'chart', role: 'img', 'aria-label': 'Events over time' });
  const status = h('p', { class: 'muted', role: 'status' });
  const byRoot = h('option', { value: 'root' }, 'CAMEO root');
  const byPlover = h('option', { value: 'plover' }, 'PLOVER type');
  const bySelect = h('select', { id: 'tl-by' }, byRoot, byPlover);
  const bucketSelect = h(
    'select',
    { id: 'tl-bucket' },
    h('option', { value: 'day' }, 'day'),
    h('option', { value: 'week' }, 'week'),
  );
  const clearRange = h('button', { type: 'button' }, 'Clear dates');
  const el = h(
    'section',
    { class: 'panel timeline', 'aria-labelledby': 'tl-title' },
    h(
      'div',
      { class: 'panel-head' },
      h('h2', { id: 'tl-title' }, 'Timeline'),
      h('label', { for: 'tl-by' }, 'Stack by '),
      bySelect,
      h('label', { for: 'tl-bucket' }, 'per '),
      bucketSelect,
      clearRange,
    ),
    h('p', { class: 'hint' }, 'Drag across the bars to filter every view to those dates.'),
    chartEl,
    status,
  );
  // Created on first data (the panel is in the document by then, so echarts can measure it).
  let chart: echarts.ECharts | null = null;
  let dates: string[] = [];
  let bucket = 'day';
  const latest = latestOnly(status);

  bySelect.addEventListener('change', () =>
    setQuery({ by: bySelect.value === 'root' ? undefined : bySelect.value }),
  );
  bucketSelect.addEventListener('change', () =>
    setQuery({ bucket: bucketSelect.value === 'day' ? undefined : bucketSelect.value }),
  );
  clearRange.addEventListener('click', () => setQuery({ from: undefined, to: undefined }));

  function onBrushEnd(params: unknown): void {
    const area = (params as { areas?: { coordRange?: [number, number] }[] }).areas?.[0];
    if (!area?.coordRange) return;
    const [a, b] = area.coordRange;
    const from = dates[Math.max(0, Math.min(a, b))];
    const last = dates[Math.min(dates.length - 1, Math.max(a, b))];
    if (!from || !last) return;
    setQuery({ from, to: bucket === 'week' ? addDays(last, 6) : last });
  }

  function draw(t: Timeline): void {
    bucket = t.bucket;
    dates = fillBuckets([...new Set(t.series.flatMap((s) => s.points.map((p) => p.date)))].sort(), t.bucket);
    const total = t.series.reduce((n, s) => n + s.points.reduce((m, p) => m + p.events, 0), 0);
    status.textContent = dates.length
      ? `${total} events from ${dates[0]} to ${dates[dates.length - 1]}, per ${t.bucket}`
      : 'No dated events match these filters.';
    chartEl.setAttribute('aria-label', `Events per ${t.bucket}, stacked by ${t.by}: ${status.textContent}`);
    if (!chart) {
      chart = echarts.init(chartEl, null, { renderer: 'canvas' });
      chart.on('brushEnd', onBrushEnd);
    }
    chart.setOption(
      {
        color: PALETTE,
        animation: false,
        // Rich-text tooltips are drawn on the canvas: no HTML from data, no inline style attributes.
        tooltip: { trigger: 'axis', renderMode: 'richText', axisPointer: { type: 'shadow' } },
        legend: { type: 'scroll', top: 0, textStyle: { color: '#1f2933' } },
        grid: { left: 40, right: 16, top: 36, bottom: 28 },
        toolbox: { show: false },
        brush: {
          xAxisIndex: 0,
          brushType: 'lineX',
          brushMode: 'single',
          transformable: false,
          throttleType: 'debounce',
        },
        xAxis: { type: 'category', data: dates, axisLabel: { color: '#1f2933' } },
        yAxis: { type: 'value', minInterval: 1, axisLabel: { color: '#1f2933' } },
        series: t.series.map((s) => {
          const byDate = new Map(s.points.map((p) => [p.date, p.events]));
          return {
            type: 'bar',
            stack: 'events',
            name: s.label || s.key,
            data: dates.map((d) => byDate.get(d) ?? 0),
            barMaxWidth: 28,
          };
        }),
      },
      { notMerge: true },
    );
    // Brushing on by default (no toolbox click needed).
    chart.dispatchAction({
      type: 'takeGlobalCursor',
      key: 'brush',
      brushOption: { brushType: 'lineX', brushMode: 'single' },
    });
  }

  function update(r: Route): void {
    const by = r.query.get('by') === 'plover' ? 'plover' : 'root';
    const b = r.query.get('bucket') === 'week' ? 'week' : 'day';
    bySelect.value = by;
    bucketSelect.value = b;
    latest.load(api.timeline(filtersOf(r.query), { by, bucket: b }), draw);
  }

  // echarts measures its container once: follow the panel's size.
  const resizes = new ResizeObserver(() => chart?.resize());
  resizes.observe(chartEl);
  update(route);
  return {
    el,
    update,
    dispose: () => {
      latest.cancel(); // a fetch still in flight must not draw after disposal
      resizes.disconnect();
      chart?.dispose();
    },
  };
}
