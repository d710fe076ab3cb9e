/**
 * Draws a lab's charts with uPlot (a small canvas plotting library), loaded by
 * ./client.ts only once a lab has a result: never on page load. Each chart shows the
 * student's medians (solid) and the reference machine's (dashed lines, or dots beside
 * bars), and under it a table of the same figures with the spread of the rounds, for
 * readers who do not see the canvas.
 */
import uPlot from 'uplot';
// Inlined into this chunk and added on first use, so that no page loads it before a lab runs.
import uPlotCss from 'uplot/dist/uPlot.min.css?inline';
import type { LabChart, LabResult } from '../../../engine/labs/result.ts';
import { legendLabel, legendValue } from './legend.ts';

const COLORS = ['#2f6fdf', '#d9480f', '#2b8a3e', '#9c36b5', '#c2255c', '#1098ad'];

function fmt(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '–';
  const a = Math.abs(v);
  if (a >= 1e6) return v.toExponential(2);
  if (a >= 100) return Math.round(v).toLocaleString('en-US');
  if (a >= 10) return v.toFixed(1);
  if (a >= 0.01) return v.toFixed(2);
  return v.toPrecision(2);
}

const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumSignificantDigits: 3 });

/** Axis ticks: 10M, 250K, 1.5, 0.02. */
function tick(v: number): string {
  if (!Number.isFinite(v)) return '';
  return Math.abs(v) >= 1000 ? compact.format(v) : fmt(v);
}

function cssVar(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** The x positions of a chart: category axes by index, others by value. */
function xValues(chart: LabChart, reference: LabChart | undefined): number[] {
  const all = [...chart.series, ...(reference?.series ?? [])].flatMap((s) => s.points.map((p) => p.x));
  return [...new Set(all)].sort((a, b) => a - b);
}

function tickLabel(chart: LabChart, x: number): string {
  return chart.x.ticks?.find((t) => t.value === x)?.label ?? fmt(x);
}

function table(chart: LabChart, reference: LabChart | undefined, xs: number[]): HTMLElement {
  const details = document.createElement('details');
  details.className = 'lab-table';
  const summary = document.createElement('summary');
  summary.textContent = 'The figures as a table';
  details.append(summary);
  const t = document.createElement('table');
  const caption = document.createElement('caption');
  caption.textContent = `${chart.title} (${chart.y.unit}; median of the rounds, ± half the interquartile range)`;
  t.append(caption);
  const head = t.createTHead().insertRow();
  const th = (text: string) => {
    const cell = document.createElement('th');
    cell.scope = 'col';
    cell.textContent = text;
    head.append(cell);
  };
  th(chart.x.label);
  for (const s of chart.series) th(legendLabel('you', s.label));
  for (const s of reference?.series ?? []) th(legendLabel('reference', s.label));
  const body = t.createTBody();
  for (const x of xs) {
    const row = body.insertRow();
    const rh = document.createElement('th');
    rh.scope = 'row';
    rh.textContent = tickLabel(chart, x);
    row.append(rh);
    for (const s of chart.series) {
      const p = s.points.find((q) => q.x === x);
      row.insertCell().textContent = p ? `${fmt(p.median)} ±${Math.round(p.spread * 50)}%` : '–';
    }
    for (const s of reference?.series ?? []) row.insertCell().textContent = fmt(s.points.find((q) => q.x === x)?.median);
  }
  details.append(t);
  return details;
}

/** Draws every chart of `result` into `into` (replacing what was there). */
export function renderCharts(into: HTMLElement, result: LabResult, reference: LabResult | null): void {
  if (!document.querySelector('style[data-uplot]')) {
    const style = document.createElement('style');
    style.dataset.uplot = '';
    style.textContent = uPlotCss;
    document.head.append(style);
  }
  for (const old of into.querySelectorAll<HTMLElement & { _plot?: uPlot }>('[data-lab-plot]')) old._plot?.destroy();
  into.replaceChildren();
  const fg = cssVar('--fg', '#1b1f24');
  const grid = cssVar('--border', '#d0d7de');
  for (const chart of result.charts) {
    const ref = reference?.charts.find((c) => c.id === chart.id);
    const xs = xValues(chart, ref);
    const category = chart.x.scale === 'category';
    const xData = category ? xs.map((_, i) => i) : xs;
    const column = (points: { x: number; median: number }[]) => xs.map((x) => points.find((p) => p.x === x)?.median ?? null);
    const data: uPlot.AlignedData = [xData, ...chart.series.map((s) => column(s.points)), ...(ref?.series ?? []).map((s) => column(s.points))];

    const figure = document.createElement('figure');
    figure.className = 'lab-chart';
    const caption = document.createElement('figcaption');
    caption.textContent = chart.title;
    const plotBox = document.createElement('div') as HTMLDivElement & { _plot?: uPlot };
    plotBox.dataset.labPlot = chart.id;
    plotBox.setAttribute('role', 'img');
    plotBox.setAttribute('aria-label', `${chart.title}: a plot of your figures${ref ? ' and the reference machine’s' : ''}; the table below has the numbers.`);
    figure.append(caption, plotBox, table(chart, ref, xs));
    into.append(figure);

    const bars = chart.kind === 'bars';
    const xLabels = xs.map((x) => tickLabel(chart, x));
    const series: uPlot.Series[] = [
      { label: chart.x.label, value: (_u, v) => (v === null ? '–' : category ? (tickLabel(chart, xs[v] ?? NaN)) : tickLabel(chart, v)) },
      ...chart.series.map((s, i): uPlot.Series => ({
        label: legendLabel('you', s.label),
        stroke: COLORS[i % COLORS.length],
        width: 2,
        ...(bars ? { fill: `${COLORS[i % COLORS.length]}bb`, paths: uPlot.paths.bars!({ size: [0.5, 90] }), points: { show: false } } : { points: { show: true, size: 6 } }),
        value: (_u, v, si, idx) => legendValue(v, idx, data[si] as (number | null)[], xLabels, chart.y.unit, fmt),
      })),
      ...(ref?.series ?? []).map((s, i): uPlot.Series => ({
        label: legendLabel('reference', s.label),
        stroke: COLORS[i % COLORS.length],
        width: 1.5,
        dash: [6, 4],
        ...(bars ? { paths: () => null, points: { show: true, size: 12, width: 2, fill: 'transparent' } } : { points: { show: true, size: 5 } }),
        value: (_u, v, si, idx) => legendValue(v, idx, data[si] as (number | null)[], xLabels, chart.y.unit, fmt),
      })),
    ];
    const logX = chart.x.scale === 'log';
    const allY = data.slice(1).flatMap((col) => (col as (number | null)[]).filter((v): v is number => v !== null && v > 0));
    const logY = chart.y.scale === 'log' && allY.length > 0;
    const width = Math.max(280, Math.min(760, into.clientWidth || 640));
    const opts: uPlot.Options = {
      width,
      height: 300,
      scales: {
        x: category
          ? { time: false, range: [-0.5, xs.length - 0.5] }
          : { time: false, distr: logX ? 3 : 1, log: logX && xs.every((x) => Number.isInteger(Math.log2(x))) ? 2 : 10 },
        y: logY ? { distr: 3, log: 10 } : { range: (_u, _min, max) => [0, max > 0 ? max * 1.1 : 1] },
      },
      axes: [
        {
          label: chart.x.label,
          stroke: fg,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
          splits: () => xData,
          values: (_u, splits) => splits.map((v) => tickLabel(chart, category ? (xs[v] ?? NaN) : v)),
        },
        {
          label: `${chart.y.label} (${chart.y.unit})`,
          stroke: fg,
          grid: { stroke: grid, width: 1 },
          ticks: { stroke: grid },
          size: 60,
          values: (_u, splits) => splits.map((v) => tick(v)),
        },
      ],
      series,
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
    };
    plotBox._plot = new uPlot(opts, data, plotBox);
  }
}
