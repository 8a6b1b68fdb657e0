/*
 * The scrutineers' trends report: one self-contained HTML file (inline CSS and
 * SVG; no script, no external font, image or link; a Content-Security-Policy
 * that forbids loading anything) that opens offline from an email attachment.
 *
 * First, "At a glance": one table of every indicator (latest month and value,
 * phase mean and limits, MDC variation and assurance icons, the latest
 * financial year against SN, region and England, a link to its section).
 * Then for each indicator: the financial-year series of the LA against
 * statistical neighbours, region and England, and the calendar-month series
 * as an XmR (SPC) chart in the Making Data Count style (trends.md): phases
 * with their own limits, annotations as labelled markers, the latest point's
 * variation in words and icons. The SPC itself is worked out once, in the
 * report model (reports/trend.ts); this file only lays it out. A data table
 * sits beside every chart, holding every figure the chart draws; every SVG is
 * role="img" with <title> and <desc>; headings are in order; colour is backed
 * by marker shapes, dash patterns and words. Every text from the input is
 * escaped. Pure: a ReportInput in, a string out.
 *
 * A figure restated since the last snapshot is marked † wherever it is shown,
 * and its year table gains a column saying what it was (`† was 81.4
 * (+2.1)`); the page's header says how many moved, since which extract.
 *
 * Each year table also gives the rank, quartile, direction and where the
 * comparators come from, as every other output does; the board's commentary
 * (`--commentary`) sits under the headline. A bar of links stays at the top of
 * the screen and every indicator ends with "Back to top". Charts have axis
 * titles and a legend only for the series drawn; below 34rem a chart keeps its
 * width and scrolls inside its box, so its text stays readable on a phone.
 * Printed (A4), each indicator starts a page with its charts beside their
 * tables, the monthly table trimmed to the latest 12 months (the CSV has every
 * month), and no navigation: under 25 pages for the demo.
 */
import { isoDate, MISSING_MARK, monthLabel, POLARITY_WORDS, RESTATED_MARK, SUPPRESSED_MARK, UNIT_WORDS } from './format.ts';
import { buildReportModel, figureCell, keyLines, quartileText, rankText, RESTATED_LABEL, RESTATEMENT_WORDS, restatedText, valueCell, type IndicatorModel, type ReportModel } from './model.ts';
import { SPC_RULE_WORDS, type SpcPhase, type SpcPoint, type SpcRule, type Variation } from './spc.ts';
import { ASSURANCE_ICON, assuranceIconSvg, escapeXml as esc, keyIcon, lineChart, PALETTE, spcChart, VARIATION_ICON, variationIconSvg, VARIATION_STYLE, type LineSeries, type SpcMarker } from './svg.ts';
import type { TrendAnalysis } from './trend.ts';
import type { MonthlyPoint, ReportInput } from './types.ts';

/** The chart shows at most the last ten years of months (trends.md); its table and the phases keep the whole series. */
export const SPC_CHART_MONTHS = 120;
/** Months a printed monthly table keeps: the latest year (the full series is in the CSV). */
export const PRINT_MONTHS = 12;

const RULE_SHORT: Record<SpcRule, string> = {
  outside_limits: 'outside limits',
  two_of_three: '2 of 3 near a limit',
  run: 'run of 7',
  trend: 'trend of 7',
};

const CSS = `
:root { color: ${PALETTE.text}; background: #ffffff; font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; line-height: 1.45; }
body { margin: 0; }
.page { max-width: 78rem; margin: 0 auto; padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.9rem; margin: 0.5rem 0; }
h2 { font-size: 1.5rem; margin: 2.5rem 0 0.75rem; padding-bottom: 0.25rem; border-bottom: 2px solid ${PALETTE.text}; }
h3 { font-size: 1.25rem; margin: 2.25rem 0 0.25rem; }
h4 { font-size: 1.05rem; margin: 1.25rem 0 0.5rem; }
p, li { max-width: 60rem; }
.meta { color: ${PALETTE.muted}; margin: 0 0 0.5rem; }
.notice { border-left: 6px solid ${PALETTE.text}; background: #f3f2f1; padding: 0.5rem 0.75rem; }
code { font-size: 0.9em; }
a { color: #1d4ed8; }
a:focus, .table-scroll:focus { outline: 3px solid #ffdd00; outline-offset: 0; box-shadow: 0 0 0 5px ${PALETTE.text}; }
nav ol { columns: 2 22rem; padding-left: 1.25rem; }
nav ol ol { columns: auto; }
.chart-figure { display: grid; grid-template-columns: minmax(0, 3fr) minmax(16rem, 2fr); gap: 1.25rem; align-items: start; margin: 0.5rem 0 1.5rem; }
@media (max-width: 56rem) { .chart-figure { grid-template-columns: minmax(0, 1fr); } }
svg.chart { display: block; width: 100%; height: auto; }
svg .tick, svg .legend { font-size: 12px; fill: ${PALETTE.text}; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 0 0 0.25rem; }
th, td { padding: 0.2rem 0.5rem; border-bottom: 1px solid ${PALETTE.grid}; text-align: right; vertical-align: top; }
th[scope="row"], td.text, th.text { text-align: left; }
thead th { border-bottom: 2px solid ${PALETTE.text}; vertical-align: bottom; background: #ffffff; }
.table-scroll { max-height: 21rem; overflow-y: auto; border: 1px solid ${PALETTE.grid}; }
.table-scroll thead th { position: sticky; top: 0; }
.callout { border-left: 6px solid ${PALETTE.common}; background: #f3f2f1; padding: 0.5rem 0.75rem; margin: 0.5rem 0; }
.callout.v-improvement { border-left-color: ${PALETTE.improvement}; }
.callout.v-concern { border-left-color: ${PALETTE.concern}; }
.callout.v-neither { border-left-color: ${PALETTE.neither}; }
.sym { font-size: 1.05em; }
.sym.v-improvement { color: ${PALETTE.improvement}; }
.sym.v-concern { color: ${PALETTE.concern}; }
.sym.v-neither { color: ${PALETTE.neither}; }
.sym.v-common { color: ${PALETTE.common}; }
.key-icon, .icon { vertical-align: middle; }
.icon { margin-right: 0.25rem; }
.table-scroll.glance { max-height: none; overflow-x: auto; }
/* the year table has rank, quartile, direction and source beside the figures: it sits under its chart, scrolling sideways on a phone */
.chart-figure.years { grid-template-columns: minmax(0, 1fr); }
.chart-figure.years .chart-box { max-width: 48rem; }
.table-scroll.years { max-height: none; overflow-x: auto; }
.glance td { white-space: nowrap; }
.glance tbody th { min-width: 10rem; }
.glance td.text { white-space: normal; min-width: 9rem; }
.icons { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; margin: 0.25rem 0 0.5rem; }
.markers { font-size: 0.9rem; }
@media (max-width: 30rem) { .page { padding: 0.75rem; } table { font-size: 0.8rem; } th, td { padding: 0.2rem 0.25rem; } }
/* navigation on every screen: a bar that stays at the top, and a way back from every indicator */
.topbar { position: sticky; top: 0; z-index: 2; background: #ffffff; border-bottom: 1px solid ${PALETTE.grid}; padding: 0.35rem 1.5rem; font-size: 0.9rem; }
.topbar ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; }
h2, h3, header { scroll-margin-top: 4rem; }
.back { margin: 0.5rem 0 0; font-size: 0.9rem; }
.commentary { border-left: 6px solid #1d4ed8; background: #eef2ff; padding: 0.5rem 0.75rem; }
.print-only { display: none; }
/* chart text stays readable on a phone: below 34rem the chart keeps its width and its box scrolls, rather than shrinking the text */
.chart-box { overflow-x: auto; }
@media (max-width: 40rem) { svg.chart { min-width: 34rem; } .topbar { padding: 0.35rem 0.75rem; } .topbar ul { flex-wrap: nowrap; overflow-x: auto; white-space: nowrap; } }
/* print (A4): one indicator a page, its two charts beside their tables, the monthly table trimmed to the last 12 months (every month is in the CSV); no navigation */
@media print {
  @page { size: A4; margin: 10mm 10mm 12mm; }
  :root { font-size: 8.5pt; line-height: 1.25; }
  .page { max-width: none; padding: 0; }
  .topbar, .back, nav, .table-scroll:focus { display: none; }
  .print-only { display: block; }
  h1 { font-size: 1.6rem; }
  h2 { margin: 0.5rem 0; }
  h3 { margin: 0 0 0.2rem; font-size: 1.3rem; }
  h4 { margin: 0.4rem 0 0.2rem; }
  p, li { max-width: none; }
  article { break-before: page; }
  section#how-section, section[aria-labelledby="how"] { break-before: page; }
  .chart-figure, .chart-figure.years { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0.75rem; margin: 0.25rem 0 0.5rem; break-inside: avoid; }
  .chart-figure.years { grid-template-columns: minmax(0, 2fr) minmax(0, 3fr); }
  .chart-figure.years .chart-box { max-width: none; }
  .table-scroll.years table { table-layout: fixed; font-size: 0.72rem; }
  .table-scroll.years th, .table-scroll.years td { overflow-wrap: anywhere; }
  svg.chart { min-width: 0; }
  .chart-box { overflow: visible; }
  .table-scroll, .table-scroll.years, .table-scroll.glance { max-height: none; overflow: visible; border: 0; }
  table { font-size: 0.8rem; }
  th, td { padding: 0.05rem 0.25rem; }
  tr.older { display: none; }
  .icon { width: 18px; height: 18px; }
  .glance table { font-size: 0.72rem; }
  ul.meta { columns: 2; column-gap: 1.5rem; padding-left: 1rem; }
  ul.meta li { font-size: 0.8rem; break-inside: avoid; }
  /* an area's heading starts the page of its first indicator, never alone */
  section[aria-labelledby^="area-"] { break-before: page; }
  section[aria-labelledby^="area-"] > h2 + article { break-before: avoid; }
  .glance td, .glance td.text { white-space: normal; min-width: 0; }
  .glance tbody th { min-width: 0; }
  .icons { gap: 0.25rem 1rem; margin: 0.1rem 0; }
  .callout { padding: 0.25rem 0.5rem; margin: 0.25rem 0; }
  ul.meta, p.meta { font-size: 0.85rem; margin: 0.1rem 0; }
}
`;

/** The series styles of the financial-year charts; the same words appear in "How to read". */
function seriesStyles(model: ReportModel) {
  return [
    { key: 'value', name: model.laName, colour: PALETTE.la, shape: 'circle', width: 3, words: 'solid line, circles' },
    { key: 'sn', name: 'Statistical neighbours', colour: PALETTE.sn, shape: 'square', dash: '7 4', width: 2, words: 'dashed line, squares' },
    { key: 'region', name: model.regionName, colour: PALETTE.region, shape: 'triangle', dash: '2 3', width: 2.5, words: 'dotted line, triangles' },
    { key: 'england', name: 'England', colour: PALETTE.england, shape: 'diamond', dash: '12 4 3 4', width: 2, words: 'dash-dot line, diamonds' },
  ] as const;
}

function anchor(prefix: string, id: string): string {
  return `${prefix}-${id.toLowerCase().replace(/[^a-z0-9_-]+/g, '-')}`;
}

function sym(v: Variation | 'common'): string {
  return `<span class="sym v-${v}" aria-hidden="true">${VARIATION_STYLE[v].symbol}</span>`;
}

function headline(model: ReportModel, ind: IndicatorModel): string {
  const f = ind.latest;
  if (!f) return '';
  const v = (x: Parameters<typeof figureCell>[0]) => figureCell(x, 'value').text;
  const comparators = [
    { name: 'statistical neighbours', f: f.sn },
    { name: model.regionName, f: f.region },
    { name: 'England', f: f.england },
  ].filter((c) => c.f.value !== null);
  const parts = [`<strong>${esc(f.period.heading)}: ${esc(model.laName)} ${esc(valueCell(f).text)}</strong>`, ...comparators.map((c) => `${esc(c.name)} ${v(c.f)}`)];
  const rank = f.rank || f.rankSuppressed ? ` Rank ${esc(rankText(f))}, quartile ${esc(quartileText(f))}.` : '';
  const restated = f.restated ? ` ${RESTATED_MARK} ${esc(RESTATED_LABEL)}: ${esc(f.restated.words)}.` : '';
  return `<p>${parts.join('; ')}.${rank} Direction of travel: ${esc(f.directionText)}.${restated}</p>`;
}

function yearChart(model: ReportModel, ind: IndicatorModel): string {
  const styles = seriesStyles(model);
  const figures = ind.figures;
  const series: LineSeries[] = styles.map((s) => ({
    name: s.name,
    values: figures.map((f) => (f[s.key].suppressed ? null : f[s.key].value)),
    colour: s.colour,
    shape: s.shape,
    width: s.width,
    ...('dash' in s ? { dash: s.dash } : {}),
  }));
  if (series.every((s) => s.values.every((v) => v === null))) return '<p>No financial-year figures to chart.</p>';
  const id = anchor('fy', ind.id);
  const first = figures[0]?.period.heading ?? '';
  const last = figures[figures.length - 1]?.period.heading ?? '';
  const describe = (s: LineSeries) => {
    const known = s.values.map((v, i) => ({ v, p: figures[i]!.period.heading })).filter((x) => x.v !== null);
    if (known.length === 0) return `${s.name}: no figures.`;
    const a = known[0]!;
    const b = known[known.length - 1]!;
    return known.length === 1 ? `${s.name}: ${figureCell({ value: a.v, suppressed: false }, 'value').text} in ${a.p}.` : `${s.name}: ${figureCell({ value: a.v, suppressed: false }, 'value').text} in ${a.p} to ${figureCell({ value: b.v, suppressed: false }, 'value').text} in ${b.p}.`;
  };
  const desc = `Line chart, ${first} to ${last}, ${UNIT_WORDS[ind.unit]}. ${series.map(describe).join(' ')} The table beside the chart gives every figure.`;
  const svg = lineChart({ id, title: `${ind.title}: ${model.laName} against comparators, financial years`, desc, categories: figures.map((f) => f.period.heading), series, yTitle: axisUnit(ind.unit), xTitle: 'Financial year' });
  // rank, quartile, direction and source beside the figures, as in every other output (data-m names the measure for the consistency test)
  const rankHead = ind.polarity === 'none' ? 'Rank (1 = lowest)' : 'Rank (1 = best)';
  // a column for the restatements only where a figure of this indicator moved since the last snapshot
  const restated = figures.some((f) => f.restated);
  const head = `<tr><th scope="col" class="text">Year</th>${styles.map((s) => `<th scope="col">${esc(s.name)}</th>`).join('')}<th scope="col">${rankHead}</th><th scope="col">Quartile</th><th scope="col" class="text">Direction of travel</th><th scope="col" class="text">Comparators from</th>${restated ? `<th scope="col" class="text">${esc(RESTATED_LABEL)}</th>` : ''}</tr>`;
  const rows = figures
    .map((f) =>
      `<tr data-period="${esc(f.period.label)}"><th scope="row">${esc(f.period.heading)}</th>${styles.map((s) => `<td data-m="${s.key}">${esc(s.key === 'value' ? valueCell(f).text : figureCell(f[s.key], 'value').text)}</td>`).join('')}` +
      `<td data-m="rank">${esc(rankText(f))}</td><td data-m="quartile">${esc(quartileText(f))}</td><td class="text" data-m="direction">${esc(f.directionText)}</td><td class="text" data-m="source">${esc(f.sourceText)}</td>` +
      `${restated ? `<td class="text" data-m="restated">${esc(restatedText(f))}</td>` : ''}</tr>`)
    .join('');
  return (
    `<figure class="chart-figure years" aria-labelledby="${id}-cap"><div class="chart-box">${svg}</div>` +
    `<div class="table-box table-scroll years" tabindex="0" role="region" aria-labelledby="${id}-cap"><table><caption id="${id}-cap">${esc(ind.title)}, financial years</caption><thead>${head}</thead><tbody>${rows}</tbody></table></div></figure>`
  );
}

function pointVariationText(p: SpcPoint<MonthlyPoint>): string {
  if (p.input.suppressed?.value) return 'not assessed (withheld)';
  if (p.value === null) return `no value${p.input.gap_reason ? `: ${p.input.gap_reason.replace(/^no (value|data): /, '')}` : ''}`;
  if (!p.variation || !p.side) return 'Common cause';
  const kind = { improvement: 'Improvement', concern: 'Concern', neither: 'Neither improvement nor concern' }[p.variation];
  return `${kind}, ${p.side}: ${p.rules.map((r) => RULE_SHORT[r]).join('; ')}`;
}

function valueText(p: SpcPoint<MonthlyPoint> | undefined): string {
  if (!p) return MISSING_MARK;
  if (p.input.suppressed?.value) return SUPPRESSED_MARK;
  return p.value === null ? MISSING_MARK : figureCell({ value: p.value, suppressed: false }, 'value').text;
}

function limitsText(ph: SpcPhase | undefined): string {
  if (!ph) return MISSING_MARK;
  return ph.display.upper !== null ? `${ph.display.lower} to ${ph.display.upper}` : 'none (too few points)';
}

function phaseWords(ph: SpcPhase, points: readonly SpcPoint<MonthlyPoint>[]): string {
  const span = `${monthLabel(points[ph.first]!.period)} to ${monthLabel(points[ph.last]!.period)}`;
  const limits = ph.display.upper !== null ? `process limits ${ph.display.lower} to ${ph.display.upper}` : `no process limits (${ph.n} point${ph.n === 1 ? '' : 's'} with a value; 12 are needed)`;
  return `Phase ${ph.number}, ${span}: mean ${ph.display.mean ?? MISSING_MARK}; ${limits}.`;
}

/** The variation and assurance icons with their words, for a call-out or a table cell. */
function iconsHtml(trend: TrendAnalysis, unit: string, polarity: string): { variation: string; assurance: string } {
  const v = trend.variationIcon;
  const variation = v ? `${variationIconSvg(v)}<span>${esc(VARIATION_ICON[v].words)}</span>` : '<span>No value to judge</span>';
  const a = trend.assuranceIcon;
  const targetText = trend.target === null ? '' : ` (target ${esc(String(trend.target))}${unit === 'percent' ? '%' : ''})`;
  const assurance = a
    ? `${assuranceIconSvg(a)}<span>${esc(ASSURANCE_ICON[a].words)}${targetText}</span>`
    : trend.target === null ? '<span>No target set</span>'
    : `<span>No assurance${targetText}: ${polarity === 'none' ? 'neither higher nor lower is better' : 'no process limits to compare it with'}</span>`;
  return { variation, assurance };
}

function spcSection(ind: IndicatorModel): string {
  const trend = ind.trend;
  const heading = '<h4>Monthly: statistical process control</h4>';
  if (!trend) return '';
  const result = trend.result;
  const points = result.points;
  if (result.n === 0) {
    const why = points.some((p) => p.input.suppressed?.value)
      ? 'Every monthly value is withheld in this published version (a small count, or counts not supplied to check).'
      : 'No monthly values to chart.';
    return `${heading}<p>${esc(why)}</p>`;
  }
  const id = anchor('spc', ind.id);
  const latest = result.latest!;
  const latestPoint = points[latest.index]!;
  const lastPoint = points[points.length - 1]!;
  const vClass = latest.variation ?? 'common';
  const flagged = points.filter((p) => p.variation !== null).length;
  const phaseText = result.phases.map((ph) => phaseWords(ph, points)).join(' ');
  const summary = `${phaseText} ${flagged} of ${result.n} months show special cause variation.`;
  const rulesText = latest.rules.length > 0 ? ` (${latest.rules.map((r) => SPC_RULE_WORDS[r]).join('; ')})` : '';
  const trailing = lastPoint !== latestPoint ? ` ${monthLabel(lastPoint.period)} has no value (${pointVariationText(lastPoint)}).` : '';
  const callout =
    `<p class="callout v-${vClass}">${sym(vClass)} <strong>Latest, ${esc(monthLabel(latest.period))}: ${esc(valueText(latestPoint))}. ${esc(latest.words)}</strong>${esc(rulesText)}.${esc(trailing)} ${esc(summary)}</p>`;
  const icons = iconsHtml(trend, ind.unit, ind.polarity);
  const iconRow = `<p class="icons"><span>${icons.variation}</span><span>${icons.assurance}</span></p>`;
  const warnings = result.warnings.map((w) => `<p class="meta">${esc(w)}</p>`).join('');

  const from = Math.max(0, points.length - SPC_CHART_MONTHS);
  const shown = points.slice(from);
  const index = new Map(shown.map((p, i) => [p.period, i]));
  // a rebase is drawn where its phase starts (the next month, for one dated after the 1st); any other marker at its month
  const markers: SpcMarker[] = trend.markers.flatMap((m) => {
    const i = index.get(m.phaseFrom ?? m.month);
    return i === undefined ? [] : [{ index: i, label: m.label, rebase: m.rebase }];
  });
  const markerList = trend.markers.length > 0
    ? `<ul class="markers">${trend.markers.map((m) => `<li>${esc(monthLabel(m.month))}: ${esc(m.label)}${m.phaseFrom ? ` (limits recalculated from ${esc(monthLabel(m.phaseFrom))})` : ''}${index.has(m.phaseFrom ?? m.month) ? '' : ' (outside the months charted)'}</li>`).join('')}</ul>`
    : '';
  const first = shown[0]!;
  const desc =
    `XmR statistical process control chart of ${shown.length} calendar months, ${monthLabel(first.period)} to ${monthLabel(lastPoint.period)}. ` +
    `${summary} Latest, ${monthLabel(latest.period)}: ${valueText(latestPoint)}, ${latest.words.toLowerCase()}.` +
    (markers.length > 0 ? ` Markers: ${trend.markers.filter((m) => index.has(m.phaseFrom ?? m.month)).map((m) => `${monthLabel(m.month)}, ${m.label}`).join('; ')}.` : '') +
    ' The table beside the chart gives every point.';
  const svg = spcChart({ id, title: `${ind.title}: by calendar month, SPC chart`, desc, labels: shown.map((p) => monthLabel(p.period)), result, from, markers, yTitle: `${axisUnit(ind.unit)}, in the month`, xTitle: 'Calendar month' });
  // print shows the latest 12 months (the CSV and the screen have every one)
  const rows = [...points]
    .reverse()
    .map((p, back) => {
      const ph = result.phases[p.phase - 1];
      const v = p.variation ?? 'common';
      const mark = p.value === null ? '' : `${sym(v)} `;
      return `<tr${back >= PRINT_MONTHS ? ' class="older"' : ''}><th scope="row">${esc(monthLabel(p.period))}</th><td>${esc(valueText(p))}</td><td>${p.phase}</td><td>${esc(ph?.display.mean ?? MISSING_MARK)}</td><td>${esc(limitsText(ph))}</td><td class="text">${mark}${esc(pointVariationText(p))}</td></tr>`;
    })
    .join('');
  const table =
    `<div class="table-scroll" tabindex="0" role="region" aria-labelledby="${id}-cap"><table><caption id="${id}-cap">${esc(ind.title)}, by calendar month (latest first)</caption>` +
    `<thead><tr><th scope="col" class="text">Month</th><th scope="col">Value</th><th scope="col">Phase</th><th scope="col">Mean</th><th scope="col">Limits</th><th scope="col" class="text">Variation</th></tr></thead><tbody>${rows}</tbody></table></div>`;
  const printNote = points.length > PRINT_MONTHS ? `<p class="meta print-only">The table shows the latest ${PRINT_MONTHS} of ${points.length} months; every month is in indicators.csv and on screen.</p>` : '';
  return `${heading}${callout}${iconRow}${warnings}<figure class="chart-figure" aria-labelledby="${id}-cap"><div class="chart-box">${svg}${markerList}</div><div class="table-box">${table}${printNote}</div></figure>`;
}

/** The first thing on the page: one row per indicator, linking to its section. */
function atAGlance(model: ReportModel): string {
  const fy = model.latestPeriod;
  const v = (f: Parameters<typeof figureCell>[0]) => esc(figureCell(f, 'value').text);
  const rows = model.indicators
    .map((ind) => {
      const trend = ind.trend;
      const latest = trend?.result.latest ?? null;
      const point = latest ? trend!.result.points[latest.index] : undefined;
      const phase = latest ? trend!.result.phases[latest.phase - 1] : undefined;
      const icons = trend ? iconsHtml(trend, ind.unit, ind.polarity) : { variation: '<span>No monthly series</span>', assurance: '<span>No target set</span>' };
      const f = ind.latest;
      const year = f ? `<td>${esc(valueCell(f).text)}</td><td>${v(f.sn)}</td><td>${v(f.region)}</td><td>${v(f.england)}</td>` : '<td>x</td><td>x</td><td>x</td><td>x</td>';
      return (
        `<tr><th scope="row" class="text"><a href="#${anchor('ind', ind.id)}">${esc(ind.title)}</a></th>` +
        `<td class="text">${latest ? esc(monthLabel(latest.period)) : MISSING_MARK}</td><td>${esc(valueText(point))}</td>` +
        `<td>${esc(phase?.display.mean ?? MISSING_MARK)}</td><td>${esc(limitsText(phase))}</td>` +
        `<td class="text">${icons.variation}</td><td class="text">${icons.assurance}</td>${year}</tr>`
      );
    })
    .join('');
  const yearHead = fy ? esc(fy.heading) : 'Latest year';
  return (
    `<section aria-labelledby="glance"><h2 id="glance">At a glance</h2>` +
    `<p>The latest month with a value for each indicator, judged against its own process (the mean and limits of its current phase), and the latest financial year against its comparators. Each indicator's name links to its charts.</p>` +
    `<div class="table-scroll glance" tabindex="0" role="region" aria-labelledby="glance-cap"><table><caption id="glance-cap">Every indicator at a glance</caption>` +
    `<thead><tr><th scope="col" class="text">Indicator</th><th scope="col" class="text">Latest month</th><th scope="col">Value</th><th scope="col">Mean</th><th scope="col">Limits</th>` +
    `<th scope="col" class="text">Variation</th><th scope="col" class="text">Assurance</th><th scope="col">${yearHead}</th><th scope="col">Statistical neighbours</th><th scope="col">${esc(model.regionName)}</th><th scope="col">England</th></tr></thead>` +
    `<tbody>${rows}</tbody></table></div></section>`
  );
}

function indicatorArticle(model: ReportModel, ind: IndicatorModel): string {
  const hid = anchor('ind', ind.id);
  const notes = ind.notes.length > 0 ? `<ul class="meta">${ind.notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ul>` : '';
  const sources = ind.sources.map((n) => `<p class="meta source">${esc(n)}.</p>`).join('');
  const commentary = ind.commentary ? `<p class="commentary"><strong>What this tells us:</strong> ${esc(ind.commentary)}</p>` : '';
  return (
    `<article aria-labelledby="${hid}"><h3 id="${hid}">${esc(ind.title)}</h3>` +
    `<p class="meta">${esc(capitalise(POLARITY_WORDS[ind.polarity]))} · ${esc(UNIT_WORDS[ind.unit])} · <code>${esc(ind.id)}</code></p>` +
    headline(model, ind) +
    commentary +
    `<h4>Financial years</h4>${yearChart(model, ind)}` +
    sources +
    spcSection(ind) +
    notes +
    `<p class="back"><a href="#top">Back to top</a></p>` +
    `</article>`
  );
}

function howToRead(model: ReportModel): string {
  const styles = seriesStyles(model);
  const series = styles
    .map((s) => `<li>${keyIcon({ label: s.name, colour: s.colour, shape: s.shape, ...('dash' in s ? { dash: s.dash } : {}) })} ${esc(s.name)}: ${s.words}.</li>`)
    .join('');
  const variations = (['improvement', 'concern', 'neither', 'common'] as const)
    .map((v) => `<li>${sym(v)} ${esc(VARIATION_STYLE[v].words)} (${VARIATION_STYLE[v].shape}).</li>`)
    .join('');
  return (
    `<section aria-labelledby="how"><h2 id="how">How to read this report</h2>` +
    `<p>The table at the top gives every indicator at a glance. Below it, each indicator has two charts, each with its data table beside it.</p>` +
    `<h3>Financial years</h3><p>${esc(model.laName)} against its statistical neighbours (the average for the authorities most similar to it, in the Department for Education's statistical neighbour model), ${esc(model.regionName)} and England.</p><ul>${series}</ul>` +
    `<h3>By calendar month (SPC)</h3>` +
    `<p>Each point is the figure for one calendar month, by the indicator's own definition (a rate per 10,000 is that month's, not annualised). The chart is an XmR statistical process control chart, as in NHS England's <em>Making Data Count</em>: the mean, and process limits at the mean plus or minus 2.66 times the average moving range, both from the first 20 months of a phase. A phase with fewer than 12 months has a mean but no limits, and nothing in it is judged. Where the process is known to have changed (a rebase, a solid marker), a new phase starts and its mean and limits come from its own months. A point is <em>special cause variation</em> when, within its phase:</p>` +
    `<ul><li>it is outside the process limits;</li><li>it is one of 7 or more points in a row above, or below, the mean;</li><li>it is one of 7 or more points each higher, or each lower, than the one before;</li><li>it is one of 2 out of 3 points in a row more than two-thirds of the way from the mean to a limit, on the same side.</li></ul>` +
    `<p>Special cause points are marked by whether they are good or bad for the indicator's polarity:</p><ul>${variations}</ul>` +
    `<p>The icons summarise the latest month with a value: its variation (${VARIATION_ICON_KEY}) and, where a target is set, whether the process can be relied on to meet it (${ASSURANCE_ICON_KEY}). A month with no value is a gap, never a zero. Treat a signal as a prompt for questions, not a verdict.</p>` +
    `<h3>Symbols</h3><ul>${keyLines(model).filter((l) => !l.startsWith('RAG')).map((l) => `<li>${esc(l)}</li>`).join('')}</ul></section>`
  );
}

const VARIATION_ICON_KEY = 'C common cause; H or L special cause, high or low, in the colour and shape of improvement, concern or neither; a dash where there are too few months';
const ASSURANCE_ICON_KEY = 'P consistently passing, F consistently failing, ? hit and miss';

/** The bar that stays at the top of the screen: back to the top, the table, the contents, each area. */
function topbar(model: ReportModel): string {
  const links = [['top', 'Top'], ['glance', 'At a glance'], ['contents', 'Contents'], ['how', 'How to read'], ...model.areas.map((a) => [anchor('area', a.area), a.name] as const)];
  return `<nav class="topbar" aria-label="Sections"><ul>${links.map(([id, label]) => `<li><a href="#${id}">${esc(label)}</a></li>`).join('')}</ul></nav>`;
}

function contents(model: ReportModel): string {
  const areas = model.areas
    .map((a) => `<li><a href="#${anchor('area', a.area)}">${esc(a.name)}</a><ol>${a.indicators.map((i) => `<li><a href="#${anchor('ind', i.id)}">${esc(i.title)}</a></li>`).join('')}</ol></li>`)
    .join('');
  return `<nav aria-labelledby="contents"><h2 id="contents">Contents</h2><ol><li><a href="#glance">At a glance</a></li><li><a href="#how">How to read this report</a></li>${areas}</ol></nav>`;
}

export function renderHtml(input: ReportInput): string {
  const model = buildReportModel(input);
  const title = `Safeguarding trends for scrutiny: ${model.laLabel}`;
  const span = model.periods.length > 0 ? `${model.periods[0]!.label} to ${model.periods[model.periods.length - 1]!.label}` : '';
  const status = model.suppressed
    ? 'Published version: small numbers are withheld and shown as c.'
    : 'Unsuppressed: contains small numbers; for the partnership only, not for publication.';
  const body =
    `<header id="top"><h1>${esc(title)}</h1>` +
    `<p class="meta">Financial years ${esc(span)} and monthly trends. ${esc(model.provenance)}; generated ${esc(isoDate(model.generatedAt))}.</p>` +
    `<p class="notice">${esc(status)}</p>${restatedNotice(model)}</header>` +
    `<main>${atAGlance(model)}${contents(model)}${howToRead(model)}` +
    model.areas
      .map((a) => `<section aria-labelledby="${anchor('area', a.area)}"><h2 id="${anchor('area', a.area)}">${esc(a.name)}</h2>${a.indicators.map((i) => indicatorArticle(model, i)).join('')}</section>`)
      .join('') +
    `</main>`;
  return (
    `<!DOCTYPE html>\n<html lang="en-GB">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    `<title>${esc(title)}</title>\n<style>${CSS}</style>\n</head>\n<body>\n${topbar(model)}<div class="page">${body}</div>\n</body>\n</html>\n`
  );
}

/** Under the title, when there is an earlier snapshot: which two extracts, how many figures moved, marked how, what a restatement is, and what was not compared. */
function restatedNotice(model: ReportModel): string {
  const r = model.restatement;
  if (!r) return '';
  const notes = r.notes.map((n) => ` Note: ${esc(n)}.`).join('');
  // the monthly series is worked out afresh from each extract, and is not compared: say so, so a moved month is not read as unmarked
  const monthly = ' Only the financial-year figures are compared; the monthly charts and tables show this extract as it stands, late recording included, unmarked.';
  return `<p class="meta restated"><strong>${esc(RESTATED_LABEL)}.</strong> ${esc(r.heading)} ${esc(r.summary)} ${esc(RESTATEMENT_WORDS)}${esc(monthly)}${notes}</p>`;
}

/** A chart's y-axis title: its unit, short enough to run up the side. */
function axisUnit(unit: IndicatorModel['unit']): string {
  return unit === 'percent' ? 'Per cent' : 'Per 10,000 children';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

