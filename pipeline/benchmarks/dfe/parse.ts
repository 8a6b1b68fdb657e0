/*
 * Turns a recognised DfE, ONS or statistical-neighbour file into plain rows:
 * published measures as long rows (one per geography, year and measure) and
 * SN models as ten ordered neighbour codes per LA. Nothing is dropped
 * silently: a row we cannot use is returned in `skipped` with its line, and
 * rows left out by design (other CLA population types, other age groups) are
 * counted in `skippedCounts`. Pure: text in, rows out.
 */
import { parseCsv, type CsvFile } from '../../csv.ts';
import { InputRejected } from '../../errors.ts';
import { EES_DIMENSIONS, normaliseHeaderCell, recogniseDfeHeader, unrecognisedReason, type DfeKind } from './recognise.ts';
import type { MeasureKind } from '../../../metrics/dfe.ts';
import { INDICATORS } from '../../../metrics/index.ts';

export type GeoLevel = 'National' | 'Regional' | 'Local authority';
export type SnModel = '2025' | '2021';

export interface DfeMeasureRow {
  kind: MeasureKind;
  /** DfE: financial year ending 31 March; ONS: the mid-year */
  time_period: number;
  level: GeoLevel;
  old_la_code: string;
  new_la_code: string;
  la_name: string;
  region_name: string;
  /** the column name as published, e.g. `ICPC`, `Duration_0-10_days` */
  measure: string;
  /** null for a blank cell or a suppression code */
  value: number | null;
  /** the cell as published, kept so arithmetic can be exact and suppression visible */
  raw: string;
}

export interface SnModelRow {
  model: SnModel;
  old_la_code: string;
  /** ten old LA codes, closest first */
  neighbours: string[];
}

export interface Skipped {
  line: number;
  reason: string;
}

export interface SkippedCount {
  reason: string;
  count: number;
}

export interface ParsedDfeFile {
  kind: DfeKind;
  measures: DfeMeasureRow[];
  snRows: SnModelRow[];
  skipped: Skipped[];
  skippedCounts: SkippedCount[];
}

export const SUPPRESSION_CODES: readonly string[] = ['c', 'x', 'k', 'low', 'u', 'z', ':'];
export const CLA_POPULATION_TYPE = 'Children looked after on 31 March each year';
export const ONS_AGE_GROUP = 'Children aged 0 to 17 years';

const LEVELS: readonly string[] = ['National', 'Regional', 'Local authority'];
const TIME_IDENTIFIERS: readonly string[] = ['Reporting year', 'Financial year'];
// Descriptive columns: everything else in an EES file is a published measure.
const NOT_MEASURES = new Set<string>([
  ...EES_DIMENSIONS, 'time_identifier', 'country_code', 'country_name', 'region_code', 'category', 'population_type', 'age_group',
]);
// Only the measures some comparator reads are kept (the indicators' `dfe` formulas say which):
// the files publish many more columns, and every run builds its dataset anew.
// The CLA file's rate_per_10000 is rounded to a whole number; we recompute it.
const MEASURES_KEPT: Partial<Record<MeasureKind, readonly string[]>> = measuresUsed();

function measuresUsed(): Partial<Record<MeasureKind, string[]>> {
  const out: Partial<Record<MeasureKind, string[]>> = { ons_population: ['population_estimate'] };
  for (const { dfe: f } of INDICATORS) {
    if (!f) continue;
    const names =
      f.type === 'rate' ? [f.count] : f.type === 'published_pct' ? [f.measure] : f.type === 'pct' ? [...f.numerator, f.denominator] : [f.count, f.population];
    out[f.kind] = [...new Set([...(out[f.kind] ?? []), ...names])];
  }
  return out;
}
const NUMBER = /^-?\d+(\.\d+)?$/;
const LA_CODE = /^\d{3}$/;

/** Recognises and parses CSV text; rejects a file whose columns we do not know. */
export function parseDfeText(text: string, file: string): ParsedDfeFile {
  const csv = parseCsv(text, file);
  const kind = recogniseDfeHeader(csv.header);
  if (kind === null) throw new InputRejected({ file }, unrecognisedReason(csv.header));
  return parseDfeFile(kind, csv);
}

export function parseDfeFile(kind: DfeKind, csv: CsvFile): ParsedDfeFile {
  if (kind === 'sn_model_2025' || kind === 'sn_groupings_2021') return parseSnModel(kind, csv);
  return parseMeasures(kind, csv);
}

/** Parses a cell: a number, or null for a blank or a suppression code; undefined if it is neither. */
export function parseCell(raw: string): number | null | undefined {
  const t = raw.trim();
  if (t === '' || SUPPRESSION_CODES.includes(t.toLowerCase())) return null;
  return NUMBER.test(t) ? Number(t) : undefined;
}

/** `2017` -> 2017; the EES financial-year form `201617` -> 2017. */
export function parseTimePeriod(raw: string): number | null {
  const t = raw.trim();
  if (/^\d{4}$/.test(t)) return Number(t);
  const fy = /^(\d{4})(\d{2})$/.exec(t);
  if (fy && (Number(fy[1]) + 1) % 100 === Number(fy[2])) return Number(fy[1]) + 1;
  return null;
}

function parseMeasures(kind: MeasureKind, csv: CsvFile): ParsedDfeFile {
  const header = csv.header.map(normaliseHeaderCell);
  const col = (name: string): number => header.indexOf(name);
  const measureCols = header
    .map((name, i) => ({ name, i }))
    .filter(({ name }) => name !== '' && (MEASURES_KEPT[kind]?.includes(name) ?? !NOT_MEASURES.has(name)));
  const out: ParsedDfeFile = { kind, measures: [], snRows: [], skipped: [], skippedCounts: [] };
  const leftOut = new Map<string, number>();
  const leaveOut = (reason: string): void => void leftOut.set(reason, (leftOut.get(reason) ?? 0) + 1);

  for (const { line, fields } of csv.records) {
    const get = (name: string): string => (fields[col(name)] ?? '').trim();
    if (fields.length !== header.length) {
      out.skipped.push({ line, reason: `has ${fields.length} fields; the header has ${header.length}` });
      continue;
    }
    if (col('time_identifier') >= 0 && !TIME_IDENTIFIERS.includes(get('time_identifier'))) {
      leaveOut(`rows with time_identifier other than ${TIME_IDENTIFIERS.join(' / ')} left out`);
      continue;
    }
    if (kind === 'cla_rates' && get('population_type') !== CLA_POPULATION_TYPE) {
      leaveOut(`rows with population_type other than "${CLA_POPULATION_TYPE}" left out`);
      continue;
    }
    if (kind === 'ons_population' && get('age_group') !== ONS_AGE_GROUP) {
      leaveOut(`rows with age_group other than "${ONS_AGE_GROUP}" left out`);
      continue;
    }
    const level = get('geographic_level');
    if (!LEVELS.includes(level)) {
      leaveOut(`rows at geographic_level "${level}" left out (only National, Regional and Local authority are used)`);
      continue;
    }
    const year = parseTimePeriod(get('time_period'));
    if (year === null) {
      out.skipped.push({ line, reason: `time_period "${get('time_period')}" is not a year` });
      continue;
    }
    const oldCode = get('old_la_code');
    if (level === 'Local authority' && !LA_CODE.test(oldCode)) {
      out.skipped.push({ line, reason: `a Local authority row without a three-digit old_la_code ("${oldCode}")` });
      continue;
    }
    if (level === 'Regional' && get('region_name') === '') {
      out.skipped.push({ line, reason: 'a Regional row without a region_name' });
      continue;
    }
    for (const { name, i } of measureCols) {
      const raw = (fields[i] ?? '').trim();
      const value = parseCell(raw);
      if (value === undefined) {
        out.skipped.push({ line, reason: `column ${name}: "${raw}" is neither a number nor a suppression code (${SUPPRESSION_CODES.join(' ')})` });
        continue;
      }
      out.measures.push({
        kind,
        time_period: year,
        level: level as GeoLevel,
        old_la_code: level === 'Local authority' ? oldCode : '',
        new_la_code: level === 'Local authority' ? get('new_la_code') : '',
        la_name: level === 'Local authority' ? get('la_name') : '',
        region_name: level === 'National' ? '' : get('region_name'),
        measure: name,
        value,
        raw,
      });
    }
  }
  out.skippedCounts = [...leftOut].map(([reason, count]) => ({ reason, count }));
  return out;
}

function parseSnModel(kind: 'sn_model_2025' | 'sn_groupings_2021', csv: CsvFile): ParsedDfeFile {
  const model: SnModel = kind === 'sn_model_2025' ? '2025' : '2021';
  const header = csv.header.map(normaliseHeaderCell);
  const codeCol = header.indexOf(model === '2025' ? 'old_la_code' : 'LA num');
  const nameCol = header.indexOf(model === '2025' ? 'la_name' : 'LA Name');
  const snCols = Array.from({ length: 10 }, (_, i) => header.indexOf(model === '2025' ? `SN_${i + 1}` : `SN${i + 1}`));
  const out: ParsedDfeFile = { kind, measures: [], snRows: [], skipped: [], skippedCounts: [] };
  const seen = new Set<string>();

  for (const { line, fields } of csv.records) {
    const cells = fields.map((f) => f.trim());
    if (cells.every((c) => c === '')) {
      out.skipped.push({ line, reason: 'blank row' });
      continue;
    }
    const code = cells[codeCol] ?? '';
    const name = cells[nameCol] ?? '';
    // The 2021 file ends with an "Old SNs:" section: the groupings of LAs since
    // reorganised (Northamptonshire 928; pre-2019 Dorset, Poole, Bournemouth).
    // They are kept: they are the right neighbours for the years those LAs existed.
    if (code === '' && cells.some((c) => /old sns/i.test(c))) {
      out.skipped.push({ line, reason: `section heading "${name}" (the groupings after it, of LAs since reorganised, are kept)` });
      continue;
    }
    if (!LA_CODE.test(code)) {
      out.skipped.push({ line, reason: `LA code "${code}" is not a three-digit old LA code` });
      continue;
    }
    const neighbours = snCols.map((i) => cells[i] ?? '');
    const bad = neighbours.filter((n) => !LA_CODE.test(n));
    if (bad.length > 0) {
      out.skipped.push({ line, reason: `${code} ${name}: neighbours must be ten three-digit LA codes; found ${JSON.stringify(neighbours)}` });
      continue;
    }
    if (new Set(neighbours).size !== 10 || neighbours.includes(code)) {
      out.skipped.push({ line, reason: `${code} ${name}: neighbour list repeats a code or includes the LA itself` });
      continue;
    }
    if (seen.has(code)) {
      out.skipped.push({ line, reason: `${code} ${name}: a second row for the same LA (the first is used)` });
      continue;
    }
    seen.add(code);
    out.snRows.push({ model, old_la_code: code, neighbours });
  }
  return out;
}
