/*
 * Inline SVG charts for the scrutineers' HTML report: a financial-year line
 * chart (the LA against its comparators), an XmR (SPC) chart with its phases
 * and labelled markers, and MDC's variation and assurance icons. Pure string
 * builders with no script and no external reference. Every chart is
 * `role="img"` with a <title> and <desc>; the HTML puts a data table beside
 * it. Colour is never the only signal: each series has its own marker shape
 * and dash pattern and a legend in words, and each SPC variation type its own
 * shape. The palette passes WCAG 2.2 AA contrast for text (4.5:1) against
 * white, which more than covers the 3:1 needed by lines and markers.
 */
import { tenthsToString } from './format.ts';
import type { AssuranceIcon, SpcResult, Variation, VariationIcon } from './spc.ts';

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
  neither: '#6b2c91',
  common: '#505a5f',
} as const;

export const VARIATION_STYLE: Record<Variation | 'common', { colour: string; shape: MarkerShape; words: string; symbol: string }> = {
  improvement: { colour: PALETTE.improvement, shape: 'square', words: 'Special cause: improvement', symbol: '■' },
  concern: { colour: PALETTE.concern, shape: 'diamond', words: 'Special cause: concern', symbol: '◆' },
  neither: { colour: PALETTE.neither, shape: 'triangle', words: 'Special cause: neither improvement nor concern', symbol: '▲' },
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
  /** the axis titles: the unit up the side, what the categories are along the bottom */
  yTitle?: string;
  xTitle?: string;
}

/** Axis titles: the y title turned up the left edge, the x title centred under the tick labels. */
function axisTitles(frame: Frame, yTitle: string | undefined, xTitle: string | undefined): string {
  const parts: string[] = [];
  const midY = frame.top + (frame.height - frame.top - frame.bottom) / 2;
  if (yTitle) parts.push(`<text x="14" y="${n(midY)}" transform="rotate(-90 14 ${n(midY)})" text-anchor="middle" class="tick axis-title">${escapeXml(yTitle)}</text>`);
  if (xTitle) parts.push(`<text x="${n(frame.left + (frame.width - frame.left - frame.right) / 2)}" y="${frame.height - 2}" text-anchor="middle" class="tick axis-title">${escapeXml(xTitle)}</text>`);
  return parts.join('');
}

/**
 * The y scale of a chart: the values with a little room below and above, so
 * no series sits on the floor or the ceiling of the plot where it is hard to
 * see (never below zero for values that cannot be negative).
 */
function paddedScale(values: number[]): Scale {
  if (values.length === 0) return niceScale(Infinity, -Infinity);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = (hi - lo) * 0.08 || Math.max(1, Math.abs(hi) * 0.1);
  return niceScale(lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad);
}

/** Financial-year line chart: categories across, one line per series, gaps where a value is missing. */
export function lineChart(spec: LineChartSpec): string {
  const frame: Frame = { width: 560, height: 300 + (spec.xTitle ? 14 : 0), left: 52 + (spec.yTitle ? 16 : 0), right: 20, top: 0, bottom: 34 + (spec.xTitle ? 14 : 0) };
  // a legend only for the series that have a figure to draw
  const drawn = spec.series.filter((s) => s.values.some((v) => v !== null));
  const lg = legend(drawn.map((s) => ({ label: s.name, colour: s.colour, shape: s.shape, ...(s.dash ? { dash: s.dash } : {}) })), 8, 14, frame.width - 16);
  frame.top = lg.height + 18;
  const values = spec.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  const scale = paddedScale(values);
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const count = spec.categories.length;
  const x = (i: number) => frame.left + (count <= 1 ? plotW / 2 : 24 + (i * (plotW - 48)) / (count - 1));
  const y = (v: number) => frame.top + plotH - ((v - scale.min) / (scale.max - scale.min)) * plotH;

  const parts: string[] = [svgOpen(spec.id, frame, spec.title, spec.desc), '<g aria-hidden="true">', lg.svg, yAxis(frame, scale, y), axisTitles(frame, spec.yTitle, spec.xTitle)];
  spec.categories.forEach((c, i) => {
    parts.push(`<text x="${n(x(i))}" y="${frame.height - frame.bottom + 22}" text-anchor="middle" class="tick">${escapeXml(c)}</text>`);
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

export interface SpcMarker {
  /** index of the point (among those shown) whose month the marker starts: drawn at the start of that month */
  index: number;
  label: string;
  /** a rebase: drawn solid, a plain annotation dotted */
  rebase: boolean;
}

export interface SpcChartSpec {
  id: string;
  title: string;
  desc: string;
  /** tick labels, one per point shown */
  labels: string[];
  result: SpcResult;
  /** the index in `result.points` of the first point shown (the chart shows the last 120 months) */
  from: number;
  markers: SpcMarker[];
  /** the axis titles: the unit up the side, the months along the bottom */
  yTitle?: string;
  xTitle?: string;
}

/** Longest marker label drawn in the chart; the full text is in the list under it. */
const MARKER_LABEL_MAX = 34;

/**
 * XmR chart: the series; each phase's mean and process limits drawn across
 * that phase only (a step where the process was rebased); each point shaped
 * and coloured by its variation; annotations as labelled vertical markers.
 */
export function spcChart(spec: SpcChartSpec): string {
  const r = spec.result;
  const shown = r.points.slice(spec.from);
  const phases = r.phases.filter((ph) => ph.last >= spec.from);
  const frame: Frame = { width: 640, height: 320 + (spec.xTitle ? 14 : 0), left: 52 + (spec.yTitle ? 16 : 0), right: 96, top: 0, bottom: 34 + (spec.xTitle ? 14 : 0) };
  const present = new Set(shown.map((p) => (p.value === null ? null : p.variation ?? 'common')).filter((v): v is Variation | 'common' => v !== null));
  const items: LegendItem[] = (['common', 'improvement', 'concern', 'neither'] as const)
    .filter((v) => v === 'common' || present.has(v))
    .map((v) => ({ label: VARIATION_STYLE[v].words, colour: VARIATION_STYLE[v].colour, shape: VARIATION_STYLE[v].shape, line: false }));
  items.push({ label: 'Mean', colour: PALETTE.spcCentre }, { label: 'Process limits', colour: PALETTE.spcCentre, dash: '6 4' });
  if (spec.markers.length > 0) items.push({ label: 'Marker (solid: limits recalculated)', colour: PALETTE.muted, dash: '2 3' });
  const lg = legend(items, 8, 14, frame.width - 16);
  const markerRows = Math.min(3, spec.markers.length);
  frame.top = lg.height + 18 + markerRows * 14;
  frame.height += markerRows * 14;

  const values = shown.map((p) => p.value).filter((v): v is number => v !== null);
  const bounds = [...values, ...phases.flatMap((ph) => [ph.upper, ph.lower, ph.mean]).filter((v): v is number => v !== null)];
  const scale = niceScale(Math.min(...bounds, Infinity), Math.max(...bounds, -Infinity));
  const plotW = frame.width - frame.left - frame.right;
  const plotH = frame.height - frame.top - frame.bottom;
  const count = shown.length;
  const step = count <= 1 ? 0 : (plotW - 16) / (count - 1);
  const x = (i: number) => frame.left + 8 + i * step;
  const y = (v: number) => frame.top + plotH - ((v - scale.min) / (scale.max - scale.min)) * plotH;

  const parts: string[] = [svgOpen(spec.id, frame, spec.title, spec.desc), '<g aria-hidden="true">', lg.svg, yAxis(frame, scale, y), axisTitles(frame, spec.yTitle, spec.xTitle)];
  // x axis: a tick every 6 points back from the latest, a label every 12 (so the latest is always labelled)
  spec.labels.forEach((label, i) => {
    const back = count - 1 - i;
    if (back % 6 !== 0) return;
    // every year up to five years of months, every other year beyond (labels would collide)
    const labelled = back % (spec.labels.length > 60 ? 24 : 12) === 0;
    parts.push(`<line x1="${n(x(i))}" x2="${n(x(i))}" y1="${frame.height - frame.bottom}" y2="${frame.height - frame.bottom + (labelled ? 6 : 3)}" stroke="${PALETTE.muted}"/>`);
    if (labelled) parts.push(`<text x="${n(x(i))}" y="${frame.height - frame.bottom + 22}" text-anchor="middle" class="tick">${escapeXml(label)}</text>`);
  });
  // each phase's centre line and limits, across that phase's points (half a step either side)
  for (const ph of phases) {
    const a = Math.max(ph.first, spec.from) - spec.from;
    const b = ph.last - spec.from;
    const x1 = Math.max(frame.left, x(a) - step / 2);
    const x2 = Math.min(frame.width - frame.right, x(b) + step / 2);
    for (const [v, dash] of [[ph.upper, '6 4'], [ph.mean, null], [ph.lower, '6 4']] as const) {
      if (v === null) continue;
      parts.push(`<line x1="${n(x1)}" x2="${n(x2)}" y1="${n(y(v))}" y2="${n(y(v))}" stroke="${PALETTE.spcCentre}" stroke-width="1.5"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`);
    }
  }
  // the latest phase's lines labelled at the right in words
  const last = phases.at(-1);
  if (last) {
    let lastLabelY = -Infinity;
    const lines = [
      { v: last.upper, text: last.display.upper, name: 'Upper' },
      { v: last.mean, text: last.display.mean, name: 'Mean' },
      { v: last.lower, text: last.display.lower, name: 'Lower' },
    ];
    for (const l of lines) {
      if (l.v === null || l.text === null) continue;
      const ly = Math.max(y(l.v) + 4, lastLabelY + 14); // top to bottom, keep labels apart
      lastLabelY = ly;
      parts.push(`<text x="${frame.width - frame.right + 6}" y="${n(ly)}" class="tick">${l.name} ${escapeXml(l.text)}</text>`);
    }
  }
  // markers: a vertical line at the month, its label at the top (three rows, so neighbours do not collide)
  spec.markers.forEach((m, k) => {
    // at the start of the month (half a step before its point): where a rebased phase's lines begin
    const xx = Math.max(frame.left, x(m.index) - step / 2);
    const row = k % 3;
    parts.push(`<line x1="${n(xx)}" x2="${n(xx)}" y1="${n(frame.top - (markerRows - row) * 14 + 4)}" y2="${frame.height - frame.bottom}" stroke="${PALETTE.muted}" stroke-width="1.5"${m.rebase ? '' : ' stroke-dasharray="2 3"'}/>`);
    const text = m.label.length > MARKER_LABEL_MAX ? `${m.label.slice(0, MARKER_LABEL_MAX - 1)}…` : m.label;
    const anchor = xx > frame.left + plotW / 2 ? 'end' : 'start';
    // a white halo under the letters, so another marker's line does not run through them
    parts.push(`<text x="${n(xx + (anchor === 'end' ? -4 : 4))}" y="${n(frame.top - (markerRows - row) * 14 + 12)}" text-anchor="${anchor}" class="tick" paint-order="stroke" stroke="#ffffff" stroke-width="4" stroke-linejoin="round">${escapeXml(text)}</text>`);
  });
  // the series, broken at gaps
  let d = '';
  let pen = false;
  shown.forEach((p, i) => {
    if (p.value === null) {
      pen = false;
      return;
    }
    d += `${pen ? 'L' : 'M'}${n(x(i))} ${n(y(p.value))}`;
    pen = true;
  });
  if (d) parts.push(`<path d="${d}" fill="none" stroke="${PALETTE.spcLine}" stroke-width="1.5" stroke-linejoin="round"/>`);
  shown.forEach((p, i) => {
    if (p.value === null) return;
    const style = VARIATION_STYLE[p.variation ?? 'common'];
    parts.push(marker(style.shape, x(i), y(p.value), p.variation ? 10 : 7, style.colour, ' stroke="#ffffff" stroke-width="0.8"'));
  });
  parts.push('</g></svg>');
  return parts.join('');
}

/**
 * MDC's icons as small inline SVGs: the shape of the variation (as in the
 * chart) drawn as an outline, with a letter inside in the same colour, so an
 * icon reads in greyscale by its shape and letter and the text beside it
 * says it in words (the icon itself is hidden from assistive technology).
 * Outline and letter, not a filled badge: the letter stays at 4.5:1 on the
 * white page. Letters: H high, L low, C common cause, P pass, F fail, and
 * MDC's own "?" for hit and miss; a dash where there is too little to judge.
 */
export const VARIATION_ICON: Record<VariationIcon, { words: string; letter: string; style: Variation | 'common' }> = {
  common: { words: 'Common cause variation', letter: 'C', style: 'common' },
  improving_high: { words: 'Special cause: improving, high', letter: 'H', style: 'improvement' },
  improving_low: { words: 'Special cause: improving, low', letter: 'L', style: 'improvement' },
  concerning_high: { words: 'Special cause: concerning, high', letter: 'H', style: 'concern' },
  concerning_low: { words: 'Special cause: concerning, low', letter: 'L', style: 'concern' },
  higher: { words: 'Special cause: higher (neither improving nor concerning)', letter: 'H', style: 'neither' },
  lower: { words: 'Special cause: lower (neither improving nor concerning)', letter: 'L', style: 'neither' },
  insufficient: { words: 'Too few points to judge', letter: '–', style: 'common' },
};

export const ASSURANCE_ICON: Record<AssuranceIcon, { words: string; letter: string; colour: string; shape: MarkerShape }> = {
  pass: { words: 'Consistently passing the target', letter: 'P', colour: PALETTE.improvement, shape: 'square' },
  fail: { words: 'Consistently failing the target', letter: 'F', colour: PALETTE.concern, shape: 'diamond' },
  hit_and_miss: { words: 'Hit and miss: the target is inside the limits', letter: '?', colour: PALETTE.common, shape: 'circle' },
};

function iconSvg(shape: MarkerShape, colour: string, letter: string, dashed: boolean): string {
  const stroke = ` fill="#ffffff" stroke="${colour}" stroke-width="2.2"${dashed ? ' stroke-dasharray="3 2"' : ''}`;
  const outline =
    shape === 'circle' ? `<circle cx="14" cy="14" r="12"${stroke}/>`
    : shape === 'square' ? `<rect x="3" y="3" width="22" height="22"${stroke}/>`
    : shape === 'diamond' ? `<path d="M14 1L27 14L14 27L1 14Z"${stroke}/>`
    : `<path d="M14 2L27 25H1Z"${stroke}/>`;
  const ty = shape === 'triangle' ? 22 : 19;
  return (
    `<svg class="icon" aria-hidden="true" focusable="false" width="28" height="28" viewBox="0 0 28 28" xmlns="http://www.w3.org/2000/svg">${outline}` +
    `<text x="14" y="${ty}" text-anchor="middle" font-size="${shape === 'triangle' ? 11 : 14}" font-weight="700" fill="${colour}">${escapeXml(letter)}</text></svg>`
  );
}

export function variationIconSvg(icon: VariationIcon): string {
  const v = VARIATION_ICON[icon];
  const style = VARIATION_STYLE[v.style];
  return iconSvg(style.shape, style.colour, v.letter, icon === 'insufficient');
}

export function assuranceIconSvg(icon: AssuranceIcon): string {
  const a = ASSURANCE_ICON[icon];
  return iconSvg(a.shape, a.colour, a.letter, false);
}
