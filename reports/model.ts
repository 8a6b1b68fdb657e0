/*
 * The one place that turns a ReportInput into what every renderer prints:
 * periods in order, indicators grouped by area in registry order, each figure
 * with its suppression mark, the direction of travel (as the indicators
 * service set it on each result), the RAG ratings, and the LA's own figure as
 * DfE published it with the reconciliation against it (issue 17), where each
 * comparator came from in words (reports/sources.ts: DfE file and year, the
 * board's own report, a plain file, carried forward), the notes grouped by
 * text, and the board's commentary on the indicator (`--commentary`), and
 * the figures restated since the last snapshot (`input.restatement`, made by
 * app/restatements.ts), each beside its figure and all in one list.
 * Renderers only lay this out, so Markdown, CSV, Excel and HTML cannot
 * disagree about a number. Pure: no I/O, no clock.
 */
import type { Area, Benchmark, IndicatorResult, Polarity, Published, Rank, Unit } from '../metrics/types.ts';
import { directionLabel, movement, ragRating, type Direction, type Movement, type Rag } from './direction.ts';
import { AREA_NAMES, AREA_ORDER, dayLabel, formatCount, formatValue, MISSING_MARK, periodKind, RESTATED_MARK, signedValue, SUPPRESSED_MARK, type PeriodKind } from './format.ts';
import { applySuppression, isSuppressedDocument, suppressedFields } from './suppress.ts';
import { analyseTrend, type TrendAnalysis } from './trend.ts';
import { comparatorName, describeSource, dfeYearLabel, groupNotes, plainNote, type SourceWords } from './sources.ts';
import type { FigureMove, FigureNow, IndicatorDefinition, MonthlyPoint, ReportInput, Restatement } from './types.ts';

export interface PeriodInfo {
  label: string;
  start: string;
  end: string;
  kind: PeriodKind;
  /** the extract date, for a part-year period (it ends after the extract was taken) */
  partialTo: string | null;
  /** as every report heads it: `2016/17`, or `2017/18 (to 10 Apr 2017)` for a part-year */
  heading: string;
}

export interface Figure {
  value: number | null;
  /** withheld by `--suppress`: print `c`, never the value */
  suppressed: boolean;
}

/** A figure's counts and value in one snapshot, each with its suppression mark. */
export interface FigureSet {
  numerator: Figure;
  denominator: Figure;
  value: Figure;
}

/** A figure that moved since the last snapshot (app/restatements.ts has the rules), after suppression. */
export interface RestatedFigure {
  /** the figure in the earlier snapshot */
  from: FigureSet;
  /** the figure now (the report's own) */
  to: FigureSet;
  /** to minus from in the figure's unit; no value where either is missing; withheld where either value is */
  difference: Figure;
  /** for a cell beside the figure: `was 81.4 (+2.1)`, `had no value`, `was 81.4, now no value`, `counts were 57 / 70 (value unchanged)`, `was c` */
  words: string;
  /** for a "Move" column: `+2.1`, `0.0`, `now a value`, `now no value`, `c` */
  moveText: string;
}

export interface BenchmarkFigure extends Figure {
  source: string | null;
  /** the source in words (null when there is no comparator) */
  words: SourceWords | null;
  n?: number;
  of?: number;
}

export interface PeriodFigures {
  period: PeriodInfo;
  result: IndicatorResult | null;
  numerator: Figure;
  denominator: Figure;
  value: Figure;
  sn: BenchmarkFigure;
  region: BenchmarkFigure;
  england: BenchmarkFigure;
  /** the LA's own figure as DfE published it (public already, so never suppressed) */
  published: Figure;
  /** computed against published, in words: `Agrees (+0.2)`, `Differs (+4.4)`; `c` where the value is withheld */
  reconciliationText: string;
  /** where this period's comparators come from, for a table cell: `DfE 2013/14`, `Board's report, 2015/16 carried forward`; `x` for none */
  sourceText: string;
  rank: Rank | null;
  rankSuppressed: boolean;
  /** against the previous period of the same kind in the report */
  direction: Direction;
  movement: Movement | null;
  directionText: string;
  /** how the figure moved since the last snapshot; null when it did not (or there is no earlier snapshot) */
  restated: RestatedFigure | null;
}

export interface IndicatorModel extends IndicatorDefinition {
  figures: PeriodFigures[];
  /** the latest financial year (or latest period when there is none) */
  latest: PeriodFigures | null;
  ragEngland: Rag | null;
  ragSn: Rag | null;
  /** where the comparators come from, in sentences, once per indicator (years with the same source grouped) */
  sources: string[];
  /** notes from the metrics layer and the benchmarks in plain words, each once, prefixed with the years it applies to */
  notes: string[];
  /** the board's "what this tells us" (`--commentary FILE`), or null */
  commentary: string | null;
  /** calendar-month series, oldest first (suppressed when the report is) */
  monthly: MonthlyPoint[];
  /** its SPC (phases, rules, icons), worked out here once for every renderer; null without monthly points */
  trend: TrendAnalysis | null;
}

/** The list at the end of a report: every figure that moved since the last snapshot. */
export interface RestatementModel {
  fromId: string;
  fromDate: string;
  toId: string;
  toDate: string;
  /** which two extracts, in a sentence */
  heading: string;
  /** how many moved, in a sentence: `6 figures moved since then, each marked † beside it with what it was.` */
  summary: string;
  rows: { id: string; title: string; period: string; figure: RestatedFigure }[];
  /** what was not compared and why (part-year periods, another LA) */
  notes: string[];
}

/** What a restatement is, in one sentence, wherever the list is printed. */
export const RESTATEMENT_WORDS =
  'A restatement is a figure for a past period that has changed since the last snapshot because the records behind it changed: late recording, corrected dates, deleted or merged records. ' +
  'The safeguard changes command lists the records that moved each figure (child-level, OFFICIAL-SENSITIVE: never in this report).';

export interface AreaModel {
  area: Area;
  name: string;
  indicators: IndicatorModel[];
}

export interface ReportModel {
  laName: string;
  /** `Wigan (359)` */
  laLabel: string;
  regionName: string;
  snapshotId: string;
  extractedAt: string;
  /** where the figures come from, as every report says it: `Extract <id> taken on <date>`, or DfE's published figures */
  provenance: string;
  /** DfE's published figures only (`report --published`): no counts, no extract */
  publishedOnly: boolean;
  generatedAt: string;
  suppressed: boolean;
  periods: PeriodInfo[];
  latestPeriod: PeriodInfo | null;
  areas: AreaModel[];
  indicators: IndicatorModel[];
  /** every definition, registry order, including indicators with no results */
  definitions: IndicatorDefinition[];
  /** the figures restated since the last snapshot; null when there is no earlier snapshot */
  restatement: RestatementModel | null;
}

export function buildReportModel(raw: ReportInput): ReportModel {
  const input = applySuppression(raw);
  const { doc } = input;
  const periods = collectPeriods(doc.results, doc.snapshot.extracted_at);
  const fy = periods.filter((p) => p.kind === 'financial_year');
  // the summary's year: the latest complete one (a part-year is not a year), else the latest there is
  const latestPeriod = fy.filter((p) => p.partialTo === null).at(-1) ?? fy.at(-1) ?? periods.at(-1) ?? null;

  // registry order first, then anything the registry does not know (so nothing computed is dropped)
  const defs = new Map<string, IndicatorDefinition>(input.definitions.map((d) => [d.id, d]));
  for (const r of doc.results) {
    if (!defs.has(r.indicator)) {
      defs.set(r.indicator, { id: r.indicator, title: r.title, area: r.area, polarity: r.polarity, unit: r.unit, definition: '', dfeSource: null });
    }
  }
  const byKey = new Map<string, IndicatorResult>(doc.results.map((r) => [`${r.indicator}\u0000${r.period}`, r]));
  const monthlyById = new Map(input.monthly.map((s) => [s.indicator, [...s.points].sort((a, b) => cmp(a.period_end, b.period_end))]));

  const restated = new Map((input.restatement?.moves ?? []).map((m) => [`${m.indicator}\u0000${m.period}`, restatedFigure(m)]));
  const regionName = doc.la?.region ?? 'Region';
  const allPeriods = periods.map((p) => p.label);
  const indicators: IndicatorModel[] = [];
  for (const def of defs.values()) {
    if (!doc.results.some((r) => r.indicator === def.id) && !monthlyById.has(def.id)) continue;
    const monthly = monthlyById.get(def.id) ?? [];
    const figures: PeriodFigures[] = [];
    for (const period of periods) {
      const r = byKey.get(`${def.id}\u0000${period.label}`) ?? null;
      const marks = suppressedFields(doc, def.id, period.label);
      const value = r?.value ?? null;
      // the indicators service's direction, read, never worked out again (suppression has already made it not rated where a value is withheld)
      const direction: Direction = r?.direction?.value ?? 'not_rated';
      const move = r?.direction ? movement(r.direction.previous_value, value) : null;
      figures.push({
        period,
        result: r,
        numerator: { value: r?.numerator ?? null, suppressed: marks.has('numerator') },
        denominator: { value: r?.denominator ?? null, suppressed: marks.has('denominator') },
        value: { value, suppressed: marks.has('value') },
        sn: benchmarkFigure(r?.benchmarks.sn, period.label),
        region: benchmarkFigure(r?.benchmarks.region, period.label),
        england: benchmarkFigure(r?.benchmarks.england, period.label),
        sourceText: MISSING_MARK,
        published: { value: r?.published?.value ?? null, suppressed: false },
        reconciliationText: reconciliationText(r?.published, marks.has('value')),
        rank: r?.rank ?? null,
        rankSuppressed: marks.has('rank'),
        direction,
        movement: move,
        directionText: directionLabel(direction, move),
        restated: restated.get(`${def.id}\u0000${period.label}`) ?? null,
      });
      const last = figures.at(-1)!;
      last.sourceText = periodSourceText(last, regionName);
    }
    const latest = latestPeriod ? figures.find((f) => f.period === latestPeriod) ?? null : null;
    indicators.push({
      id: def.id,
      title: def.title,
      area: def.area,
      polarity: def.polarity,
      unit: def.unit,
      definition: def.definition,
      dfeSource: def.dfeSource,
      figures,
      latest,
      ragEngland: latest ? ragRating(latest.value.value, latest.england.value, def.polarity) : null,
      ragSn: latest ? ragRating(latest.value.value, latest.sn.value, def.polarity) : null,
      sources: sourceLines(figures, regionName, allPeriods),
      notes: collectNotes(figures, regionName, allPeriods),
      commentary: input.commentary?.[def.id] ?? null,
      monthly,
      trend: monthly.length > 0 ? analyseTrend(monthly, def, input.trends) : null,
    });
  }

  const areas: AreaModel[] = AREA_ORDER.map((area) => ({ area, name: AREA_NAMES[area], indicators: indicators.filter((i) => i.area === area) }))
    .filter((a) => a.indicators.length > 0);
  const la = doc.la;
  return {
    laName: la?.name ?? 'This local authority',
    laLabel: la ? `${la.name} (${la.code})` : 'This local authority',
    regionName: la?.region ?? 'Region',
    snapshotId: doc.snapshot.id,
    extractedAt: doc.snapshot.extracted_at,
    provenance: doc.source === 'dfe_published' ? "Figures as DfE published them (no extract)" : `Extract ${doc.snapshot.id} taken on ${doc.snapshot.extracted_at}`,
    publishedOnly: doc.source === 'dfe_published',
    generatedAt: input.generatedAt,
    suppressed: isSuppressedDocument(doc),
    periods,
    latestPeriod,
    areas,
    // the flat list in the order the report prints it
    indicators: areas.flatMap((a) => a.indicators),
    definitions: [...defs.values()],
    restatement: input.restatement ? restatementModel(input.restatement, restated, defs, periods) : null,
  };
}

function figureSet(f: FigureNow): FigureSet {
  return {
    numerator: { value: f.numerator, suppressed: f.suppressed?.numerator ?? false },
    denominator: { value: f.denominator, suppressed: f.suppressed?.denominator ?? false },
    value: { value: f.value, suppressed: f.suppressed?.value ?? false },
  };
}

/**
 * One move, as every report prints it. A value that became, or stopped being,
 * "no value" is said in words; a move withheld by suppression prints only what
 * the figure was (or `c`), never a difference that would give a withheld
 * value back.
 */
function restatedFigure(m: FigureMove): RestatedFigure {
  const from = figureSet(m.from);
  const to = figureSet(m.to);
  const difference: Figure = { value: m.difference, suppressed: from.value.suppressed || to.value.suppressed };
  const none = (f: Figure) => f.value === null && !f.suppressed;
  const was = `was ${figureCell(from.value, 'value').text}`;
  const counts = `${figureCell(from.numerator, 'count').text} / ${figureCell(from.denominator, 'count').text}`;
  let words: string;
  let moveText: string;
  if (none(from.value)) {
    words = none(to.value) ? `counts were ${counts}` : 'had no value';
    moveText = none(to.value) ? MISSING_MARK : 'now a value';
  } else if (none(to.value)) {
    words = `${was}, now no value`;
    moveText = 'now no value';
  } else if (difference.suppressed) {
    words = was;
    moveText = SUPPRESSED_MARK;
  } else if (difference.value === null) {
    // both values and no difference given: say what it was, and never guess the move
    words = was;
    moveText = MISSING_MARK;
  } else if (difference.value === 0) {
    words = `counts were ${counts} (value unchanged)`;
    moveText = formatValue(0);
  } else {
    words = `${was} (${signedValue(difference.value)})`;
    moveText = signedValue(difference.value);
  }
  return { from, to, difference, words, moveText };
}

function restatementModel(r: Restatement, restated: Map<string, RestatedFigure>, defs: Map<string, IndicatorDefinition>, periods: PeriodInfo[]): RestatementModel {
  return {
    fromId: r.from.id,
    fromDate: r.from.extracted_at,
    toId: r.to.id,
    toDate: r.to.extracted_at,
    heading: `Extract ${r.to.id} taken on ${r.to.extracted_at}, against extract ${r.from.id} taken on ${r.from.extracted_at}, the snapshot loaded before it.`,
    summary: r.moves.length === 0
      ? 'No figure compared has moved since then.'
      : `${r.moves.length} figure${r.moves.length === 1 ? '' : 's'} moved since then, each marked ${RESTATED_MARK} beside it with what it was.`,
    rows: r.moves.map((m) => ({
      id: m.indicator,
      title: defs.get(m.indicator)?.title ?? m.indicator,
      period: periods.find((p) => p.label === m.period)?.heading ?? m.period,
      figure: restated.get(`${m.indicator}\u0000${m.period}`)!,
    })),
    notes: r.notes,
  };
}

function collectPeriods(results: IndicatorResult[], extractedAt: string): PeriodInfo[] {
  const seen = new Map<string, PeriodInfo>();
  for (const r of results) {
    if (!seen.has(r.period)) seen.set(r.period, { label: r.period, start: r.period_start, end: r.period_end, kind: periodKind(r.period), partialTo: null, heading: r.period });
    const p = seen.get(r.period)!;
    if (r.partial && p.partialTo === null) {
      p.partialTo = extractedAt;
      p.heading = `${r.period} (to ${dayLabel(extractedAt)})`;
    }
  }
  return [...seen.values()].sort((a, b) => cmp(a.start, b.start) || cmp(a.end, b.end) || cmp(a.label, b.label));
}

function benchmarkFigure(b: Benchmark | undefined, period: string): BenchmarkFigure {
  if (!b) return { value: null, suppressed: false, source: null, words: null };
  const out: BenchmarkFigure = { value: b.value, suppressed: false, source: b.source, words: describeSource(b.source, period) };
  if (b.n !== undefined) out.n = b.n;
  if (b.of !== undefined) out.of = b.of;
  return out;
}

// A difference from a public figure gives the withheld one back, so it is withheld with it.
function reconciliationText(p: Published | undefined, valueSuppressed: boolean): string {
  if (!p || p.reconciliation === 'not_compared' || p.difference === null) return MISSING_MARK;
  if (valueSuppressed) return SUPPRESSED_MARK;
  return `${p.reconciliation === 'differs' ? 'Differs' : 'Agrees'} (${signedValue(p.difference)})`;
}


const COMPARATORS = ['sn', 'region', 'england'] as const;

/** One period's comparators by source: `DfE 2013/14`, or `SN: Board's report; North West, England: DfE 2013/14` where they differ. */
function periodSourceText(f: PeriodFigures, regionName: string): string {
  return bySource(f, regionName, (w) => w.short, true) ?? MISSING_MARK;
}

/** Groups a period's comparators by a text of their source; null when it has none. */
function bySource(f: PeriodFigures, regionName: string, text: (w: SourceWords) => string, short: boolean): string | null {
  const groups = new Map<string, string[]>();
  for (const key of COMPARATORS) {
    const w = f[key].words;
    if (!w) continue;
    const name = short && key === 'sn' ? 'SN' : comparatorName(key, regionName);
    groups.set(text(w), [...(groups.get(text(w)) ?? []), name]);
  }
  if (groups.size === 0) return null;
  if (groups.size === 1) return [...groups.keys()][0]!;
  return [...groups].map(([t, names]) => `${names.join(', ')}: ${t}`).join('; ');
}

/** Where the comparators come from, in sentences: years with the same source in one line. */
function sourceLines(figures: PeriodFigures[], regionName: string, all: string[]): string[] {
  const entries = figures.flatMap((f) => {
    const text = bySource(f, regionName, (w) => w.long, false);
    return text ? [{ period: f.period.label, text }] : [];
  });
  return groupNotes(entries, all).map((line) => `Comparators, ${line.charAt(0).toLowerCase()}${line.slice(1)}`);
}

function collectNotes(figures: PeriodFigures[], regionName: string, all: string[]): string[] {
  const entries: { period: string; text: string }[] = [];
  const add = (period: string, text: string) => entries.push({ period, text });
  for (const f of figures) {
    const r = f.result;
    if (!r) continue;
    const p = f.period.label;
    for (const note of r.notes) add(p, plainNote(note));
    const pub = r.published;
    if (pub?.reconciliation === 'differs' && !f.value.suppressed) {
      // one line for every year it applies to: the "Against published" row gives each difference
      add(p, `this figure differs from the one DfE published for this LA by more than ${formatValue(pub.tolerance)} (see "Against published"): check the extract against the return.`);
    }
    const sn = r.benchmarks.sn;
    if (sn && sn.n !== undefined && sn.of !== undefined && sn.n < sn.of) add(p, `statistical neighbours: ${sn.n} of ${sn.of} had a value.`);
    for (const key of COMPARATORS) {
      const note = r.benchmarks[key]?.note;
      if (note) for (const part of splitNote(plainNote(note))) add(p, `${comparatorName(key, regionName)}: ${part}`);
    }
    if (r.rank?.provisional && !f.rankSuppressed) {
      add(p, r.rank.year
        ? `rank provisional: DfE has published no figures for this year in the data held, so the LA is ranked among ${dfeYearLabel(r.rank.year)}'s published values, not its own year's.`
        : 'rank provisional: against the latest year DfE has published, not its own year.');
    }
  }
  return groupNotes(entries, all);
}

/** A benchmarks note may join several findings with `; `: each groups on its own. */
function splitNote(note: string): string[] {
  return note.split(/; (?=no figure for|the neighbours are)/);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/* ---- the subgroup table: one indicator, periods across ---- */

export type CellFormat = 'count' | 'value' | 'text';

export interface TableCell {
  /** as printed: `1,457`, `85.7`, `c`, `x`, `31 of 152`, `Better ↑` */
  text: string;
  /** the number behind it, for spreadsheets; null for text and for c/x */
  number: number | null;
  format: CellFormat;
  /** a figure restated since the last snapshot: its text ends with the mark, and a spreadsheet shows it beside the number */
  restated?: boolean;
}

export type MeasureKey = 'numerator' | 'denominator' | 'value' | 'restated' | 'published' | 'reconciliation' | 'sn' | 'region' | 'england' | 'source' | 'rank' | 'quartile' | 'direction';

export interface TableRow {
  measure: MeasureKey;
  label: string;
  cells: TableCell[];
}

export function figureCell(f: Figure, format: 'count' | 'value'): TableCell {
  if (f.suppressed) return { text: SUPPRESSED_MARK, number: null, format };
  if (f.value === null) return { text: MISSING_MARK, number: null, format };
  return { text: format === 'count' ? formatCount(f.value) : formatValue(f.value), number: f.value, format };
}

/** The LA's figure for a period, with the restated mark where it moved since the last snapshot: `83.5 †`. */
export function valueCell(f: PeriodFigures): TableCell {
  const cell = figureCell(f.value, 'value');
  return f.restated ? { ...cell, text: `${cell.text} ${RESTATED_MARK}`, restated: true } : cell;
}

/** What the restated mark beside a figure says: `† was 81.4 (+2.1)`; empty where the figure did not move. */
export function restatedText(f: PeriodFigures): string {
  return f.restated ? `${RESTATED_MARK} ${f.restated.words}` : '';
}

export function rankText(f: PeriodFigures): string {
  if (f.rankSuppressed) return SUPPRESSED_MARK;
  if (!f.rank) return MISSING_MARK;
  return `${f.rank.position} of ${f.rank.of}${f.rank.provisional ? ` (provisional${f.rank.year ? `, against ${dfeYearLabel(f.rank.year)}` : ''})` : ''}`;
}

export function quartileText(f: PeriodFigures): string {
  if (f.rankSuppressed) return SUPPRESSED_MARK;
  return f.rank ? f.rank.quartile : MISSING_MARK;
}

export function numeratorLabel(ind: IndicatorModel): string {
  return ind.unit === 'per_10k' ? 'Number (numerator)' : 'Numerator';
}

export function denominatorLabel(ind: IndicatorModel): string {
  return ind.unit === 'per_10k' ? 'Population aged 0 to 17' : 'Denominator';
}

/**
 * The board's layout: counts, the LA's value, SN, region, England, then rank, quartile and direction.
 * An indicator DfE publishes also has the LA's own published figure and the reconciliation, under its value.
 */
export function indicatorTable(model: ReportModel, ind: IndicatorModel): TableRow[] {
  const text = (t: string): TableCell => ({ text: t, number: null, format: 'text' });
  const f = ind.figures;
  return [
    { measure: 'numerator', label: numeratorLabel(ind), cells: f.map((x) => figureCell(x.numerator, 'count')) },
    { measure: 'denominator', label: denominatorLabel(ind), cells: f.map((x) => figureCell(x.denominator, 'count')) },
    { measure: 'value', label: model.laName, cells: f.map(valueCell) },
    ...(f.some((x) => x.restated) ? [{ measure: 'restated' as const, label: RESTATED_LABEL, cells: f.map((x) => text(restatedText(x))) }] : []),
    ...(f.some((x) => x.result?.published)
      ? [
          { measure: 'published' as const, label: 'Published by DfE', cells: f.map((x) => figureCell(x.published, 'value')) },
          { measure: 'reconciliation' as const, label: 'Against published', cells: f.map((x) => text(x.reconciliationText)) },
        ]
      : []),
    { measure: 'sn', label: 'Statistical neighbours', cells: f.map((x) => figureCell(x.sn, 'value')) },
    { measure: 'region', label: model.regionName, cells: f.map((x) => figureCell(x.region, 'value')) },
    { measure: 'england', label: 'England', cells: f.map((x) => figureCell(x.england, 'value')) },
    { measure: 'source', label: 'Comparators from', cells: f.map((x) => text(x.sourceText)) },
    // no polarity: a rank orders, it does not judge (indicators.md v2)
    { measure: 'rank', label: ind.polarity === 'none' ? 'Rank (1 = lowest)' : 'Rank (1 = best)', cells: f.map((x) => text(rankText(x))) },
    { measure: 'quartile', label: ind.polarity === 'none' ? 'Quartile (A = lowest quarter)' : 'Quartile (A = best)', cells: f.map((x) => text(quartileText(x))) },
    { measure: 'direction', label: 'Direction of travel', cells: f.map((x) => text(x.directionText)) },
  ];
}

/** The row under a figure that moved, and the heading of the list at the end. */
export const RESTATED_LABEL = 'Restated since the last snapshot';

/** Lines of the key printed under tables. */
export function keyLines(model: ReportModel): string[] {
  return [
    `${SUPPRESSED_MARK} = withheld to protect children's privacy (a count of 1 to 5, or a figure that would reveal one).`,
    `${MISSING_MARK} = not available.`,
    'Rank: among all English local authorities with a published value (ties share a rank), complete financial years only. 1 is best and quartile A the best quarter; where an indicator has no polarity, 1 is the lowest value and A the lowest quarter, neither better nor worse.',
    'Direction of travel: against the same period a year earlier. Better, Worse or Same by polarity; Up, Down or Same where the indicator has no polarity; "Not rated" when either value is missing or part-year. Arrows show the movement.',
    "Published by DfE: the LA's own figure in DfE's published statistics, formed as the comparators are; \"Against published\" is this figure minus it, \"Differs\" beyond the tolerance (--reconcile-tolerance).",
    'A period headed "to" a date is part-year: computed up to the date the extract was taken; its comparators are full-year figures.',
    'RAG: Better (G) or Worse (R) by more than 5% of the comparator\'s value; Similar (A) within 5% either side.',
    ...(model.restatement && model.restatement.rows.length > 0
      ? [`${RESTATED_MARK} = restated since the last snapshot (extract ${model.restatement.fromId}, taken on ${model.restatement.fromDate}): the figure has moved since; "was" gives the figure then and the move. "${RESTATED_LABEL}" lists them.`]
      : []),
  ]
    .filter((line) => model.suppressed || !line.startsWith(`${SUPPRESSED_MARK} =`))
    .filter((line) => model.periods.some((p) => p.partialTo !== null) || !line.startsWith('A period headed "to"'))
    .filter((line) => model.indicators.some((i) => i.figures.some((f) => f.result?.published)) || !line.startsWith('Published by DfE'));
}
