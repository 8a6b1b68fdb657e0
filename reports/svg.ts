/*
 * Inline SVG charts for the scrutineers' HTML report: a financial-year line
 * chart (the LA against its comparators) and an XmR (SPC) chart. Pure string
 * builders with no script and no external reference. Every chart is
 * `role="img"` with a <title> and <desc>; the HTML puts a data table beside
 * it. Colour is never the only signal: each series has its own marker shape
 * and dash pattern and a legend in words, and each SPC variation type its own
 * shape. The palette passes WCAG 2.2 AA contrast for text (4.5:1) against
 * white, which more than covers the 3:1 needed by lines and markers.
 */
import { tenthsToString } from './format.ts';
import type { SpcResult, Variation } from './spc.ts';

export type MarkerShape = 'circle' | 'square' | 'triangle' | 'diamond';

/** Text and chart colours; contrast against white is tested. */
export const PALETTE = {
  text: '#0b0c0c',
  muted: '#505a5f',
  grid: '#b1b4b6', // gridlines are decoration, not information: no contrast requirement
  la: '#12436d',
  sn: '#801650',
  region: '#a04b00',
  england: '#3d3d3d',
  spcLine: '#6f777b',
  spcCentre: '#3d3d3d',
  improvement: '#005eb8',
  concern: '#a63c00',
  neutral: '#6b2c91',
  common: '#505a5f',
} as const;

export const VARIATION_STYLE: Record<Variation | 'common', { colour: string; shape: MarkerShape; words: string; symbol: string }> = {
  improvement: { colour: PALETTE.improvement, shape: 'square', words: 'Special cause: improvement', symbol: '■' },
  concern: { colour: PALETTE.concern, shape: 'diamond', words: 'Special cause: concern', symbol: '◆' },
  neutral: { colour: PALETTE.neutral, shape: 'triangle', words: 'Special cause: neither improvement nor concern', symbol: '▲' },
  common: { colour: PALETTE.common, shape: 'circle', words: 'Common cause', symbol: '●' },
};

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** A coordinate, to a tenth of a pixel. */
function n(x: number): string {
  return String(Math.round(x * 10) / 10);
}

export function marker(shape: MarkerShape, x: number, y: number, size: number, colour: string, extra = ''): string {
  const s = size;
  switch (shape) {
    case 'circle':
      return `<circle cx="${n(x)}" cy="${n(y)}" r="${n(s * 0.55)}" fill="${colour}"${extra}/>`;
    case 'square':
      return `<rect x="${n(x - s * 0.48)}" y="${n(y - s * 0.48)}" width="${n(s * 0.96)}" height="${n(s * 0.96)}" fill="${colour}"${extra}/>`;
    case 'triangle':
      return `<path d="M${n(x)} ${n(y - s * 0.65)}L${n(x + s * 0.6)} ${n(y + s * 0.45)}L${n(x - s * 0.6)} ${n(y + s * 0.45)}Z" fill="${colour}"${extra}/>`;
    case 'diamond':
      return `<path d="M${n(x)} ${n(y - s * 0.7)}L${n(x + s * 0.7)} ${n(y)}L${n(x)} ${n(y + s * 0.7)}L${n(x - s * 0.7)} ${n(y)}Z" fill="${colour}"${extra}/>`;
  }
}

export interface Scale {
  min: number;
  max: number;
  ticks: number[];
  /** decimals needed to print a tick */
  decimals: 0 | 1;
}

/** A "nice" axis covering [lo, hi] with about `target` ticks (steps of 1, 2 or 5 x 10^k, at least 0.1). */
export function niceScale(lo: number, hi: number, target = 5): Scale {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, max: 1, ticks: [0, 1], decimals: 0 };
  if (hi - lo < 1e-9) {
    const pad = Math.max(1, Math.abs(hi) * 0.1);
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / target;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = Math.max(0.1, ([1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag));
  // work in tenths so ticks are exact multiples
  const stepT = Math.max(1, Math.round(step * 10));
  const minT = Math.floor((lo * 10) / stepT) * stepT;
  const maxT = Math.ceil((hi * 10) / stepT) * stepT;
  const ticks: number[] = [];
  for (let t = minT; t <= maxT; t += stepT) ticks.push(t / 10);
  return { min: minT / 10, max: maxT / 10, ticks, decimals: stepT % 10 === 0 ? 0 : 1 };
}

export function tickLabel(v: number, decimals: 0 | 1): string {
  const tenths = Math.round(v * 10);
  return decimals === 0 ? String(tenths / 10) : tenthsToString(tenths);
}

/** Rough text width for layout (no font metrics offline): 0.58em per character. */
function textWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.58;
}

interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function svgOpen(id: string, frame: Frame, title: string, desc: string): string {
  return (
    `<svg class="chart" id="${id}" role="img" aria-labelledby="${id}-title ${id}-desc" viewBox="0 0 ${frame.width} ${frame.height}" xmlns="http://www.w3.org/2000/svg" focusable="false">` +
    `<title id="${id}-title">${escapeXml(title)}</title><desc id="${id}-desc">${escapeXml(desc)}</desc>`
  );
}

function yAxis(frame: Frame, scale: Scale, y: (v: number) => number): string {
  const parts: string[] = [];
  for (const t of scale.ticks) {
    const yy = y(t);
    parts.push(`<line x1="${frame.left}" x2="${frame.width - frame.right}" y1="${n(yy)}" y2="${n(yy)}" stroke="${PALETTE.grid}" stroke-width="0.6"/>`);
    parts.push(`<text x="${frame.left - 6}" y="${n(yy + 4)}" text-anchor="end" class="tick">${tickLabel(t, scale.decimals)}</text>`);
  }
  return parts.join('');
}

export interface LegendItem {
  label: string;
  colour: string;
  shape?: MarkerShape;
  dash?: string;
  line?: boolean;
}

/** Legend rows laid out left to right, wrapping; returns the markup and the height used. */
function legend(items: LegendItem[], x0: number, y0: number, maxWidth: number): { svg: string; height: number } {
  const parts: string[] = [];
  let x = x0;
  let y = y0;
  for (const item of items) {
    const w = 30 + textWidth(item.label, 12) + 16;
    if (x + w > x0 + maxWidth && x > x0) {
      x = x0;
      y += 18;
    }
    if (item.line !== false) {
      parts.push(`<line x1="${n(x)}" x2="${n(x + 24)}" y1="${n(y)}" y2="${n(y)}" stroke="${item.colour}" stroke-width="2"${item.dash ? ` stroke-dasharray="${item.dash}"` : ''}/>`);
    }
    if (item.shape) parts.push(marker(item.shape, x + 12, y, 8, item.colour));
    parts.push(`<text x="${n(x + 30)}" y="${n(y + 4)}" class="legend">${escapeXml(item.label)}</text>`);
    x += w;
  }
  return { svg: parts.join(''), height: y - y0 + 18 };
}

/** A small decorative key icon (line sample and marker) for HTML text; hidden from assistive technology. */
export function keyIcon(item: LegendItem): string {
  const line = item.line === false ? '' : `<line x1="1" x2="31" y1="7" y2="7" stroke="${item.colour}" stroke-width="2.5"${item.dash ? ` stroke-dasharray="${item.dash}"` : ''}/>`;
  const mark = item.shape ? marker(item.shape, 16, 7, 9, item.colour) : '';
  return `<svg class="key-icon" aria-hidden="true" focusable="false" width="32" height="14" viewBox="0 0 32 14" xmlns="http://www.w3.org/2000/svg">${line}${mark}</svg>`;
}

export interface LineSeries {
  name: string;
  values: (number | null)[];
  colour: string;
  shape: MarkerShape;
  dash?: string;
  width: number;
}

export interface LineChartSpec {
  id: string;
  title: string;
  desc: string;
  categories: string[];
  series: LineSeries[];
}

/** Financial-year line chart: categories across, one line per series, gaps where a value is missing. */
export function lineChart(spec: LineChartSpec): string {
  const frame: Frame = { width: 560, height: 300, left: 52, right: 20, top: 0, bottom: 34 };
  const lg = legend(spec.series.map((s) => ({ label: s.name, colour: s.colour, shape: s.shape, ...(s.dash ? { dash: s.dash } : {}) })), 8, 14, frame.width - 16);
  frame.top = lg.height + 18;
  const values = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const scale = niceScale(Math.min(...values, Infinity), Math.max(...values, -Infinity));
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const count = spec.categories.length;
  const x = (i: number) => frame.left + (count <= 1 ? plotW / 2 : 24 + (i * (plotW - 48)) / (count - 1));
  const y = (v: number) => frame.top + plotH - ((v - scale.min) / (scale.max - scale.min)) * plotH;

  const parts: string[] = [svgOpen(spec.id, frame, spec.title, spec.desc), '<g aria-hidden="true">', lg.svg, yAxis(frame, scale, y)];
  spec.categories.forEach((c, i) => {
    parts.push(`<text x="${n(x(i))}" y="${frame.height - 12}" text-anchor="middle" class="tick">${escapeXml(c)}</text>`);
  });
  // the first series (the LA) is drawn last, on top of its comparators
  for (const s of [...spec.series].reverse()) {
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v === null) {
        pen = false;
        return;
      }
      d += `${pen ? 'L' : 'M'}${n(x(i))} ${n(y(v))}`;
      pen = true;
    });
    if (d) parts.push(`<path d="${d}" fill="none" stroke="${s.colour}" stroke-width="${s.width}"${s.dash ? ` stroke-dasharray="${s.dash}"` : ''} stroke-linejoin="round"/>`);
    s.values.forEach((v, i) => {
      if (v !== null) parts.push(marker(s.shape, x(i), y(v), 9, s.colour, ' stroke="#ffffff" stroke-width="1"'));
    });
  }
  parts.push('</g></svg>');
  return parts.join('');
}

export interface SpcChartSpec {
  id: string;
  title: string;
  desc: string;
  /** tick labels, one per point */
  labels: string[];
  result: SpcResult;
}

/** XmR chart: the series, its mean and process limits, each point shaped and coloured by its variation. */
export function spcChart(spec: SpcChartSpec): string {
  const r = spec.result;
  const frame: Frame = { width: 640, height: 320, left: 52, right: 96, top: 0, bottom: 34 };
  const present = new Set(r.points.map((p) => (p.value === null ? null : p.variation ?? 'common')).filter((v): v is Variation | 'common' => v !== null));
  const items: LegendItem[] = (['common', 'improvement', 'concern', 'neutral'] as const)
    .filter((v) => v === 'common' || present.has(v))
    .map((v) => ({ label: VARIATION_STYLE[v].words, colour: VARIATION_STYLE[v].colour, shape: VARIATION_STYLE[v].shape, line: false }));
  items.push({ label: 'Mean', colour: PALETTE.spcCentre }, { label: 'Process limits', colour: PALETTE.spcCentre, dash: '6 4' });
  const lg = legend(items, 8, 14, frame.width - 16);
  frame.top = lg.height + 18;

  const values = r.points.map((p) => p.value).filter((v): v is number => v !== null);
  const bounds = [...values, ...[r.upper, r.lower, r.mean].filter((v): v is number => v !== null)];
  const scale = niceScale(Math.min(...bounds, Infinity), Math.max(...bounds, -Infinity));
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const count = r.points.length;
  const x = (i: number) => frame.left + 8 + (count <= 1 ? 0 : (i * (plotW - 16)) / (count - 1));
  const y = (v: number) => frame.top + plotH - ((v - scale.min) / (scale.max - scale.min)) * plotH;

  const parts: string[] = [svgOpen(spec.id, frame, spec.title, spec.desc), '<g aria-hidden="true">', lg.svg, yAxis(frame, scale, y)];
  // x axis: a tick every 6 points back from the latest, a label every 12 (so the latest is always labelled)
  spec.labels.forEach((label, i) => {
    const back = count - 1 - i;
    if (back % 6 !== 0) return;
    // every year up to five years of months, every other year beyond (labels would collide)
    const labelled = back % (spec.labels.length > 60 ? 24 : 12) === 0;
    parts.push(`<line x1="${n(x(i))}" x2="${n(x(i))}" y1="${frame.height - frame.bottom}" y2="${frame.height - frame.bottom + (labelled ? 6 : 3)}" stroke="${PALETTE.muted}"/>`);
    if (labelled) parts.push(`<text x="${n(x(i))}" y="${frame.height - 12}" text-anchor="middle" class="tick">${escapeXml(label)}</text>`);
  });
  // centre line and limits, labelled at the right in words
  const lines: { v: number | null; text: string | null; dash?: string }[] = [
    { v: r.upper, text: r.display.upper, dash: '6 4' },
    { v: r.mean, text: r.display.mean },
    { v: r.lower, text: r.display.lower, dash: '6 4' },
  ];
  const names = ['Upper', 'Mean', 'Lower'];
  let lastLabelY = -Infinity;
  lines.forEach((l, k) => {
    if (l.v === null || l.text === null) return;
    const yy = y(l.v);
    parts.push(`<line x1="${frame.left}" x2="${frame.width - frame.right}" y1="${n(yy)}" y2="${n(yy)}" stroke="${PALETTE.spcCentre}" stroke-width="1.5"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}/>`);
    const ly = Math.max(yy + 4, lastLabelY + 14); // top to bottom, keep labels apart
    lastLabelY = ly;
    parts.push(`<text x="${frame.width - frame.right + 6}" y="${n(ly)}" class="tick">${names[k]} ${escapeXml(l.text)}</text>`);
  });
  // the series, broken at gaps
  let d = '';
  let pen = false;
  r.points.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${n(x(i))} ${n(y(p.value))}`;
    pen = true;
  });
  if (d) parts.push(`<path d="${d}" fill="none" stroke="${PALETTE.spcLine}" stroke-width="1.5" stroke-linejoin="round"/>`);
  r.points.forEach((p, i) => {
    if (p.value === null) return;
    const style = VARIATION_STYLE[p.variation ?? 'common'];
    parts.push(marker(style.shape, x(i), y(p.value), p.variation ? 10 : 7, style.colour, ' stroke="#ffffff" stroke-width="0.8"'));
  });
  parts.push('</g></svg>');
  return parts.join('');
}

