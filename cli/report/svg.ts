/**
 * The report page's two small plots as inline SVG (no script, no network): a bar per
 * exercise (its pass rate) and a heat map of students x exercises. Each is an image with a
 * title and a description for screen readers; the tables beside them carry the numbers.
 */
import type { CellStatus, ClassAnalysis } from './analyse.ts';

export const escapeHtml = (text: string): string =>
  text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&#39;' })[c] as string);

/** Status colours, each with at least 3:1 contrast against white (WCAG's rule for graphics), except "not graded". */
export const STATUS_COLOUR: Record<CellStatus, string> = {
  pass: '#1a7f37',
  fail: '#cf222e',
  error: '#8250df',
  timeout: '#9a6700',
  missing: '#6e7781',
  none: '#ffffff',
};

export const STATUS_LABEL: Record<CellStatus, string> = {
  pass: 'passed',
  fail: 'failed',
  error: 'error',
  timeout: 'timed out',
  missing: 'not handed in',
  none: 'not graded',
};

export function passRateBars(analysis: ClassAnalysis, id = 'bars'): string {
  const rowH = 26;
  const labelW = Math.min(260, 12 + 7.5 * Math.max(8, ...analysis.exercises.map((e) => e.exercise.length)));
  const barW = 360;
  const height = rowH * analysis.exercises.length + 30;
  const width = labelW + barW + 60;
  const bars = analysis.exercises.map((e, i) => {
    const y = 8 + i * rowH;
    const w = Math.round(e.passRate * barW);
    return [
      `<g class="bar"><title>${escapeHtml(`${e.exercise}: ${Math.round(e.passRate * 100)}% passed (${e.pass} of ${e.graded})`)}</title>`,
      `<text x="${labelW - 8}" y="${y + 15}" text-anchor="end">${escapeHtml(e.exercise)}</text>`,
      `<rect x="${labelW}" y="${y}" width="${barW}" height="${rowH - 8}" fill="#eaeef2"/>`,
      `<rect x="${labelW}" y="${y}" width="${w}" height="${rowH - 8}" fill="${STATUS_COLOUR.pass}"/>`,
      `<text x="${labelW + barW + 6}" y="${y + 15}">${Math.round(e.passRate * 100)}%</text></g>`,
    ].join('');
  });
  const axisY = 8 + analysis.exercises.length * rowH;
  const ticks = [0, 0.5, 1].map((t) => `<text x="${labelW + t * barW}" y="${axisY + 14}" text-anchor="middle" class="tick">${t * 100}%</text>`);
  const desc = analysis.exercises.map((e) => `${e.exercise} ${Math.round(e.passRate * 100)}%`).join(', ');
  return `<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="plot" data-plot="pass-rate"><title id="${id}-title">Pass rate per exercise</title><desc id="${id}-desc">${escapeHtml(desc)}</desc>${bars.join('')}${ticks.join('')}</svg>`;
}

export function heatMap(analysis: ClassAnalysis, id = 'heat'): string {
  const cell = analysis.grid.length > 200 ? 6 : analysis.grid.length > 60 ? 12 : 20;
  const gap = cell > 8 ? 2 : 0;
  const showNames = analysis.grid.length <= 200;
  const labelW = showNames ? Math.min(200, 12 + 7 * Math.max(4, ...analysis.students.map((s) => s.length))) : 10;
  // Column names are written at 60 degrees: a name of n characters (about 7 px each) rises
  // n x 7 x sin 60 and leans right n x 7 x cos 60 from its column.
  const nameLength = 7 * Math.max(4, ...analysis.exercises.map((e) => e.exercise.length));
  const headH = 14 + Math.ceil(nameLength * 0.87);
  const width = labelW + analysis.exercises.length * (cell + gap) + Math.ceil(nameLength * 0.5) + 10;
  const height = headH + analysis.grid.length * (cell + gap) + 10;
  const heads = analysis.exercises.map((e, c) => {
    const x = labelW + c * (cell + gap) + cell / 2 + 4;
    return `<text transform="translate(${x} ${headH - 6}) rotate(-60)" class="head">${escapeHtml(e.exercise)}</text>`;
  });
  const rows = analysis.grid.map((row, r) => {
    const y = headH + r * (cell + gap);
    const name = showNames ? `<text x="${labelW - 6}" y="${y + cell / 2 + 4}" text-anchor="end" class="name">${escapeHtml(row.student)}</text>` : '';
    const cells = row.cells.map(
      (c, i) =>
        `<rect x="${labelW + i * (cell + gap)}" y="${y}" width="${cell}" height="${cell}" fill="${STATUS_COLOUR[c.status]}" stroke="#8c959f" stroke-width="${c.status === 'none' ? 1 : 0}" data-status="${c.status}"><title>${escapeHtml(`${row.student} / ${c.exercise}: ${STATUS_LABEL[c.status]}, ${c.score} points`)}</title></rect>`,
    );
    return name + cells.join('');
  });
  const counts = Object.keys(STATUS_COLOUR).map((s) => `${analysis.grid.reduce((n, row) => n + row.cells.filter((c) => c.status === s).length, 0)} ${STATUS_LABEL[s as CellStatus]}`);
  return `<svg role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" class="plot" data-plot="heat-map"><title id="${id}-title">Students by exercises: each cell one student's verdict on one exercise</title><desc id="${id}-desc">${escapeHtml(`${analysis.grid.length} students by ${analysis.exercises.length} exercises: ${counts.join(', ')}.`)}</desc>${heads.join('')}${rows.join('')}</svg>`;
}

export function legend(): string {
  return `<ul class="legend">${(Object.keys(STATUS_COLOUR) as CellStatus[])
    .map((s) => `<li><span class="swatch" style="background:${STATUS_COLOUR[s]}"></span>${STATUS_LABEL[s]}</li>`)
    .join('')}</ul>`;
}
