/*
 * Statistical disclosure control for published versions (`--suppress`).
 * A pure transform: it takes the results and returns new results in which
 * every figure that could identify a small group of children is withheld
 * (set to null and marked, so renderers print `c`), and nothing else changes.
 * Benchmarks are other areas' published figures and are left alone.
 *
 * THE RULE, for each indicator x period (counts are "small" when 1 to 5;
 * zero is not small: "no child" identifies nobody):
 *
 *  1. Primary. A small numerator is suppressed. For percentages, a small
 *     denominator is suppressed too. (For rates the denominator is the ONS
 *     population, which is public and never small.)
 *  2. Complement. For a percentage whose numerator is a subset of its
 *     denominator (children on time out of children due, say), the
 *     complementary count d - n is a count of children as well ("3 reviews
 *     were late"). When it is small the numerator is suppressed, because n and
 *     d together would print it. `s47_to_icpc_pct` is exempt: its numerator
 *     (ICPCs held) is not drawn from its denominator (s47 enquiries started),
 *     so d - n counts nothing; the same ICPC count is also printed as the
 *     numerator of `icpc_per_10k`, so suppressing it here would be pointless.
 *  3. Secondary. Whenever the numerator or denominator is suppressed, the value
 *     is suppressed (value x denominator gives the numerator back; for rates,
 *     value x population / 10,000 does), and so are the rank and quartile
 *     (the rank places the value between two published LA values). With the
 *     value withheld, a shown denominator discloses nothing about a
 *     suppressed numerator or its complement, so the denominator is withheld
 *     only when it is small itself ("the denominator if needed").
 *  4. Consistency across indicators. The same count appears in several
 *     indicators (ICPCs held is the numerator of `icpc_per_10k` and the
 *     denominator of `icpc_within_15wd_pct`); because rules 1 and 2 depend only
 *     on the count itself, a small count is suppressed wherever it appears.
 *  5. Direction of travel is derived from the values, so it is "not rated"
 *     when the value or the previous period's value is suppressed, and when
 *     the previous period is not in the document (its counts cannot be
 *     checked: fail closed); SPC points are gaps.
 *
 * Monthly (calendar-month) points follow the same rule on the counts they
 * carry. A point that comes without its counts cannot be checked and is
 * withheld (fail closed): give `numerator` and `denominator` to publish it.
 * A withheld month is a gap in the SPC chart (its reason: "withheld"), so no
 * phase mean or limit is worked from it.
 *
 * Not handled: differencing between a financial year and the sum of its
 * twelve months (a withheld month can be recovered from the year's count
 * less the eleven shown). The monthly counts of an indicator are small far
 * more often than its yearly ones, so most months of a small count are
 * withheld anyway; a publisher who needs more should publish the yearly
 * tables only.
 *
 * Restatements (the figures that moved since the last snapshot,
 * `input.restatement`) follow the same rule at both ends: the earlier
 * figure's counts are checked on their own, as the figure was when it was
 * first reported, and so are the figure's counts now (the same result as the
 * document's marks: the rule depends only on the counts). The move (the
 * difference of the values) is withheld whenever either value is, since the
 * value shown and the move would give the other back; a restatement of an
 * indicator whose unit is unknown is withheld whole (fail closed). Not
 * handled: the difference between an earlier count and the count now (3
 * more plans recorded late) is not itself checked. Both counts are shown
 * when neither is small, as two board papers a month apart would show them;
 * withholding every small revision would hide nearly every restatement,
 * which is what the board asks to see.
 *
 * Marks record only which fields were withheld, never why: "the complement is
 * between 1 and 5" would itself narrow the numerator down.
 */
import type { IndicatorResult, IndicatorsDocument, Unit } from '../metrics/types.ts';
import type { FigureMove, FigureNow, MonthlyPoint, MonthlySeries, ReportInput, Restatement } from './types.ts';

export const SMALL_COUNT_MIN = 1;
export const SMALL_COUNT_MAX = 5;

/** Percentages whose numerator is not a subset of the denominator: no complement rule. */
export const COMPLEMENT_EXEMPT: ReadonlySet<string> = new Set(['s47_to_icpc_pct']);

export type SuppressibleField = 'numerator' | 'denominator' | 'value' | 'rank';

export interface SuppressionMark {
  indicator: string;
  period: string;
  fields: SuppressibleField[];
}

export interface SuppressedDocument extends IndicatorsDocument {
  suppression: { rule: string; cells: SuppressionMark[] };
}

export const SUPPRESSION_RULE =
  'Counts of 1 to 5, and counts that would reveal one by subtraction, are shown as c; ' +
  'so are the percentages, rates, ranks and quartiles that would let them be worked back.';

export function isSmallCount(n: number | null | undefined): boolean {
  return n != null && n >= SMALL_COUNT_MIN && n <= SMALL_COUNT_MAX;
}

/** Which of a figure's fields the rule withholds. Exposed for tests and for anyone checking a figure by hand. */
export function fieldsToSuppress(
  indicator: string,
  unit: Unit,
  numerator: number | null | undefined,
  denominator: number | null | undefined,
  exempt: ReadonlySet<string> = COMPLEMENT_EXEMPT,
): Set<SuppressibleField> {
  const out = new Set<SuppressibleField>();
  if (isSmallCount(numerator)) out.add('numerator');
  if (unit === 'percent') {
    if (isSmallCount(denominator)) out.add('denominator');
    if (!exempt.has(indicator) && numerator != null && denominator != null && numerator <= denominator) {
      if (isSmallCount(denominator - numerator)) out.add('numerator');
    }
  }
  if (out.size > 0) {
    out.add('value');
    out.add('rank');
  }
  return out;
}

export function isSuppressedDocument(doc: IndicatorsDocument): doc is SuppressedDocument {
  return 'suppression' in doc && typeof (doc as { suppression?: unknown }).suppression === 'object';
}

/** The publish-safe copy of a document. Idempotent; the input is not modified. */
export function suppress(doc: IndicatorsDocument, exempt: ReadonlySet<string> = COMPLEMENT_EXEMPT): SuppressedDocument {
  if (isSuppressedDocument(doc)) return doc;
  const cells: SuppressionMark[] = [];
  const results = doc.results.map((r): IndicatorResult => {
    const fields = fieldsToSuppress(r.indicator, r.unit, r.numerator, r.denominator, exempt);
    if (r.rank === null) fields.delete('rank'); // nothing to withhold: do not print a `c` where there was never a rank
    if (fields.size === 0) return r;
    cells.push({ indicator: r.indicator, period: r.period, fields: [...fields] });
    return {
      ...r,
      numerator: fields.has('numerator') ? null : r.numerator,
      denominator: fields.has('denominator') ? null : r.denominator,
      value: null,
      rank: null,
    };
  });
  // rule 5: a direction whose either end is withheld, or cannot be checked, is not rated
  const published = new Map(results.map((r) => [`${r.indicator}\u0000${r.period}`, r]));
  const checked = results.map((r): IndicatorResult => {
    const d = r.direction;
    if (!d || d.value === 'not_rated' && d.previous_value === null) return r;
    const prev = d.previous_period === null ? undefined : published.get(`${r.indicator}\u0000${d.previous_period}`);
    if (r.value !== null && prev !== undefined && prev.value !== null) return r;
    return { ...r, direction: { previous_period: d.previous_period, previous_value: null, value: 'not_rated' } };
  });
  return { ...doc, results: checked, suppression: { rule: SUPPRESSION_RULE, cells } };
}

/** Which fields of one figure were suppressed (empty when none, or when the document was not suppressed). */
export function suppressedFields(doc: IndicatorsDocument, indicator: string, period: string): ReadonlySet<SuppressibleField> {
  if (!isSuppressedDocument(doc)) return new Set();
  const mark = doc.suppression.cells.find((c) => c.indicator === indicator && c.period === period);
  return new Set(mark?.fields ?? []);
}

/** Monthly points under the same rule; a point without its counts is withheld. */
export function suppressMonthly(series: MonthlySeries[], units: ReadonlyMap<string, Unit>, exempt: ReadonlySet<string> = COMPLEMENT_EXEMPT): MonthlySeries[] {
  return series.map((s) => {
    const unit = units.get(s.indicator);
    return {
      indicator: s.indicator,
      points: s.points.map((p): MonthlyPoint => {
        if (p.suppressed || p.value === null) return p;
        const checkable = unit !== undefined && p.numerator != null && (unit === 'per_10k' || p.denominator != null);
        const fields = checkable ? fieldsToSuppress(s.indicator, unit, p.numerator, p.denominator, exempt) : new Set<SuppressibleField>(['numerator', 'value']);
        if (!fields.has('value')) return p;
        const out: MonthlyPoint = {
          period: p.period,
          ...(p.period_start !== undefined ? { period_start: p.period_start } : {}),
          period_end: p.period_end,
          value: null,
          gap_reason: 'withheld',
          suppressed: { numerator: fields.has('numerator'), denominator: fields.has('denominator'), value: true },
        };
        if (p.numerator !== undefined) out.numerator = fields.has('numerator') ? null : p.numerator;
        if (p.denominator !== undefined) out.denominator = fields.has('denominator') ? null : p.denominator;
        return out;
      }),
    };
  });
}

/** One end of a restated figure under the rule; already-marked figures are left as they are. */
function suppressFigure(indicator: string, unit: Unit | undefined, f: FigureNow, exempt: ReadonlySet<string>): FigureNow {
  if (f.suppressed) return f;
  const fields = unit === undefined ? new Set<SuppressibleField>(['numerator', 'denominator', 'value']) : fieldsToSuppress(indicator, unit, f.numerator, f.denominator, exempt);
  if (!fields.has('value')) return f;
  return {
    numerator: fields.has('numerator') ? null : f.numerator,
    denominator: fields.has('denominator') ? null : f.denominator,
    value: null,
    suppressed: { numerator: fields.has('numerator'), denominator: fields.has('denominator'), value: true },
  };
}

/** A restatement under the rule (see the header): both ends checked on their own counts; the move withheld with either value. */
export function suppressRestatement(r: Restatement, units: ReadonlyMap<string, Unit>, exempt: ReadonlySet<string> = COMPLEMENT_EXEMPT): Restatement {
  return {
    ...r,
    moves: r.moves.map((m): FigureMove => {
      const unit = units.get(m.indicator);
      const from = suppressFigure(m.indicator, unit, m.from, exempt);
      const to = suppressFigure(m.indicator, unit, m.to, exempt);
      return { ...m, from, to, difference: from.suppressed?.value || to.suppressed?.value ? null : m.difference };
    }),
  };
}

/**
 * What every renderer calls first: the input itself when `suppress` is not set,
 * else a copy with the document, the monthly series and the restatements suppressed.
 */
export function applySuppression(input: ReportInput): ReportInput {
  if (!input.suppress) return input;
  const units = new Map<string, Unit>(input.definitions.map((d) => [d.id, d.unit]));
  for (const r of input.doc.results) if (!units.has(r.indicator)) units.set(r.indicator, r.unit);
  return {
    ...input,
    doc: suppress(input.doc),
    monthly: suppressMonthly(input.monthly, units),
    ...(input.restatement ? { restatement: suppressRestatement(input.restatement, units) } : {}),
  };
}
