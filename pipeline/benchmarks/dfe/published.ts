/*
 * An LA's own published figure (issue 17): the value DfE published for the LA
 * in a year, formed from the same files, with the same rounding and the same
 * population rules as its comparators (formulas.ts), and how a figure computed
 * from the LA's extract reconciles with it. The analyst's yearly check, done
 * for every figure: a gap means an extract that misses records, a definition
 * applied differently, or a return that was wrong. Pure.
 *
 * No published value is never a zero and never a predecessor's figure: a year
 * DfE has not published, a suppressed cell or a year the LA did not exist
 * gives `value: null` and the reason in words, and nothing is reconciled.
 */
import type { Published } from '../../../metrics/types.ts';
import { compareFractions, parseDecimal, tenthsToNumber, type Fraction } from '../../decimal.ts';
import { laGeo, type DfeDataset } from './dataset.ts';
import { FILE_LABEL, describeSource, dfeFormula, geoValue } from './formulas.ts';
import { absenceReason, existedIn, fyLabel, resolveLa } from './las.ts';

/** The default `--reconcile-tolerance`: half a unit (half a percentage point, or 0.5 per 10,000). */
export const DEFAULT_RECONCILE_TOLERANCE = '0.5';

export interface PublishedValue {
  value: number | null;
  source: string;
  note?: string;
}

/** The LA's own published value of an indicator in DfE year `year` (2017 = 2016/17), or null with the reason. */
export function publishedValue(ds: DfeDataset, indicator: string, year: number, laCode: string): PublishedValue | null {
  const f = dfeFormula(indicator);
  if (f === null) return null;
  const source = describeSource(ds, f, year);
  const years = [...(ds.years.get(f.kind) ?? [])];
  if (!years.includes(year)) {
    const latest = years.length === 0 ? 'none loaded' : `the latest is ${fyLabel(Math.max(...years))}`;
    return { value: null, source, note: `DfE has published no ${FILE_LABEL[f.kind]} figures for ${fyLabel(year)} (${latest})` };
  }
  const old = resolveLa(ds, laCode);
  if (old === null) return { value: null, source, note: `LA "${laCode}" is not in the DfE files` };
  if (!existedIn(ds, old, year)) return { value: null, source, note: absenceReason(ds, old, year) };
  const v = geoValue(ds, f, year, laGeo(old));
  return v.tenths === null ? { value: null, source, note: `not published: ${v.why}` } : { value: tenthsToNumber(v.tenths), source };
}

/** `--reconcile-tolerance`: a non-negative decimal, in the indicator's unit; null if it is not one. */
export function parseTolerance(raw: string): Fraction | null {
  const t = raw.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  return parseDecimal(t);
}

/**
 * The computed value set against the published one: the difference (computed
 * minus published, exact on one-decimal values) and whether it is within the
 * tolerance. `notCompared` says why there is nothing to reconcile (a part-year
 * period is set against no full-year figure).
 */
export function reconcile(computed: number | null, published: PublishedValue, tolerance: { text: string; value: Fraction }, notCompared?: string): Published {
  const base: Published = { value: published.value, source: published.source, difference: null, tolerance: Number(tolerance.text), reconciliation: 'not_compared' };
  if (published.note) base.note = published.note;
  if (notCompared) return { ...base, note: [published.note, notCompared].filter(Boolean).join('; ') };
  if (published.value === null) return base;
  if (computed === null) return { ...base, note: 'no computed value to set against it' };
  const c = tenthsOf(computed);
  const p = tenthsOf(published.value);
  if (c === null || p === null) return { ...base, note: 'not a one-decimal value' };
  const diff = c - p;
  const abs = diff < 0n ? -diff : diff;
  const beyond = compareFractions({ n: abs, d: 10n }, tolerance.value) > 0;
  return { ...base, difference: tenthsToNumber(diff), reconciliation: beyond ? 'differs' : 'agrees' };
}

function tenthsOf(v: number): bigint | null {
  const x = parseDecimal(String(v));
  if (x === null || (x.n * 10n) % x.d !== 0n) return null;
  return (x.n * 10n) / x.d;
}
