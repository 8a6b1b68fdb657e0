/*
 * The trend charts' settings from the command line (trends.md): `--rebase
 * YYYY-MM` (repeatable), `--annotations FILE` (CSV `date,label[,rebase]`) and
 * `--targets FILE` (CSV `indicator,target`). The files are the user's input:
 * anything we cannot read rejects the file (exit 3) naming the file, line and
 * column and saying why; a malformed `--rebase` is bad usage (exit 2); a file
 * that cannot be opened is exit 1 naming the path and the cause (cli.md).
 *
 * Both files start with their header row (it is how a misplaced or wrong file
 * is caught: a targets file given as annotations is rejected at line 1, not
 * read as dates). Blank lines are skipped; a label with a comma must be quoted,
 * as in any CSV. Targets are in the indicator's own unit (a percentage 0 to
 * 100; a rate per 10,000 of one month, as the monthly series has it) and at
 * most four decimals.
 */
import { parseCsv } from '../pipeline/csv.ts';
import { InputRejected, UsageError } from '../pipeline/errors.ts';
import { readUserText } from './user-file.ts';
import { INDICATORS } from '../metrics/index.ts';
import type { Annotation, TrendSettings } from '../reports/types.ts';

export interface TrendSettingsOptions {
  rebase?: string[];
  annotations?: string;
  targets?: string;
}

export function loadTrendSettings(opts: TrendSettingsOptions): TrendSettings {
  const rebase = (opts.rebase ?? []).map((m) => {
    const t = m.trim();
    const ok = /^(\d{4})-(\d{2})$/.exec(t);
    if (!ok || Number(ok[2]) < 1 || Number(ok[2]) > 12) throw new UsageError(`--rebase ${m}: give the month the new process starts as YYYY-MM (2024-06)`);
    return t;
  });
  return {
    rebase: [...new Set(rebase)].sort(),
    annotations: opts.annotations ? parseAnnotations(readUserText(opts.annotations), opts.annotations) : [],
    targets: opts.targets ? parseTargets(readUserText(opts.targets), opts.targets) : {},
  };
}

function checkHeader(header: string[], headerLine: number, file: string, wanted: string[], optional: string[]): void {
  const got = header.map((h) => h.trim().toLowerCase());
  const ok = got.length >= wanted.length && got.length <= wanted.length + optional.length && [...wanted, ...optional].slice(0, got.length).every((h, i) => got[i] === h);
  if (!ok) {
    const shown = header.join(',').slice(0, 200);
    const want = optional.length > 0 ? `${wanted.join(',')}[,${optional.join(',')}]` : wanted.join(',');
    throw new InputRejected({ file, line: headerLine }, `the first row must be the header ${want}; it is '${shown}'`);
  }
}

export function parseAnnotations(text: string, file: string): Annotation[] {
  const csv = parseCsv(text, file);
  checkHeader(csv.header, csv.headerLine, file, ['date', 'label'], ['rebase']);
  return csv.records.map((r) => {
    if (r.fields.length > csv.header.length) {
      throw new InputRejected({ file, line: r.line }, `has ${r.fields.length} fields where the header has ${csv.header.length}: quote a label that contains a comma ("...")`);
    }
    const [date = '', label = '', rebase = ''] = r.fields.map((f) => f.trim());
    if (!isRealDate(date)) throw new InputRejected({ file, line: r.line, column: 'date' }, `'${date.slice(0, 40)}' is not a date: use YYYY-MM-DD (2024-06-01)`);
    if (label === '') throw new InputRejected({ file, line: r.line, column: 'label' }, 'is empty: say what happened');
    if (label.length > 200) throw new InputRejected({ file, line: r.line, column: 'label' }, `is ${label.length} characters long: keep a marker's label to 200`);
    const flag = rebase.toUpperCase();
    if (flag !== '' && flag !== 'Y' && flag !== 'N') throw new InputRejected({ file, line: r.line, column: 'rebase' }, `'${rebase.slice(0, 40)}' is not Y or N (Y: the limits are recalculated from here)`);
    return { date, label, rebase: flag === 'Y' };
  });
}

export function parseTargets(text: string, file: string): Record<string, number> {
  const csv = parseCsv(text, file);
  checkHeader(csv.header, csv.headerLine, file, ['indicator', 'target'], []);
  const units = new Map(INDICATORS.map((i) => [i.id, i.unit]));
  const polarities = new Map(INDICATORS.map((i) => [i.id, i.polarity]));
  const out: Record<string, number> = {};
  for (const r of csv.records) {
    if (r.fields.length !== 2) throw new InputRejected({ file, line: r.line }, `has ${r.fields.length} fields where the header has 2 (indicator,target)`);
    const [id = '', raw = ''] = r.fields.map((f) => f.trim());
    const unit = units.get(id);
    if (!unit) throw new InputRejected({ file, line: r.line, column: 'indicator' }, `'${id.slice(0, 60)}' is not an indicator: use an id such as icpc_within_15wd_pct (safeguard indicators lists them)`);
    if (polarities.get(id) === 'none') {
      throw new InputRejected({ file, line: r.line, column: 'indicator' }, `${id} has no polarity (neither higher nor lower is better), so no target can be passed or failed`);
    }
    if (!/^\d+(\.\d{1,4})?$/.test(raw)) throw new InputRejected({ file, line: r.line, column: 'target' }, `'${raw.slice(0, 40)}' is not a number of at most four decimals (no % sign, no minus)`);
    const target = Number(raw);
    if (unit === 'percent' && target > 100) throw new InputRejected({ file, line: r.line, column: 'target' }, `${raw} is more than 100: ${id} is a percentage`);
    if (id in out) throw new InputRejected({ file, line: r.line, column: 'indicator' }, `${id} has a target already, on an earlier line`);
    out[id] = target;
  }
  return out;
}

function isRealDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}
