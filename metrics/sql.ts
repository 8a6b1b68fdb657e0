/*
 * SQL fragments several indicators share, so each rule of indicators.md is
 * written once: "in period", "open at period end", the repeat-plan history and
 * the review-timeliness walk. Every fragment returns one row per period
 * (`period_id`, `n`) by LEFT JOINing from the `period` table, so all periods of
 * an indicator are computed in one statement.
 */

/**
 * Records whose `dateColumn` falls in the period. `where` narrows the records
 * counted at all; `filter` (over alias `x`) picks the ones a numerator counts.
 * The records are counted day by day first, then the days summed over each
 * period's days (`period_day`): the same count as joining every record to
 * every period it falls in, without the range join (a few thousand days, not
 * millions of records, meet the 130 periods).
 */
export function countInPeriod(from: string, dateColumn: string, opts: { where?: string; filter?: string } = {}): string {
  const filter = opts.filter ? ` FILTER (WHERE ${opts.filter})` : '';
  return `
    WITH daily AS (
      SELECT x.${dateColumn} AS day, count(x.${dateColumn})${filter} AS n
      FROM (SELECT * FROM ${from} WHERE ${opts.where ?? 'TRUE'}) x
      WHERE x.${dateColumn} IS NOT NULL
      GROUP BY x.${dateColumn})
    SELECT p.period_id, CAST(coalesce(sum(d.n), 0) AS BIGINT) AS n
    FROM period p
    LEFT JOIN period_day pd ON pd.period_id = p.period_id
    LEFT JOIN daily d ON d.day = pd.day
    GROUP BY p.period_id`;
}

/**
 * Records open at period end (openAtEnd's rule), counted without joining each
 * record to each period: a record adds one from its start day and takes it
 * away from its end day, so the count open at a period end is the sum of those
 * changes up to that day. A record ending before it starts adds and takes away
 * on its start day: never open, as openAtEnd says. `from` is a table, view or
 * parenthesised query.
 */
export function countOpenAtEnd(from: string, startColumn: string, endColumn: string): string {
  return `
    WITH x AS (SELECT ${startColumn} AS s, ${endColumn} AS t FROM ${from} WHERE ${startColumn} IS NOT NULL),
    changes AS (
      SELECT s AS day, count(*) AS delta FROM x GROUP BY s
      UNION ALL
      SELECT greatest(s, t) AS day, -count(*) AS delta FROM x WHERE t IS NOT NULL GROUP BY greatest(s, t))
    SELECT p.period_id, CAST(coalesce(sum(c.delta), 0) AS BIGINT) AS n
    FROM period p LEFT JOIN changes c ON c.day <= p.period_end
    GROUP BY p.period_id`;
}

/**
 * Distinct children with a record open at period end (openAtEnd's rule). Each
 * child's records are first merged into spells of unbroken cover (a record
 * starting on or before the latest end so far continues the spell); a child's
 * spells do not overlap, so the children open at a day are the spells open at
 * it, counted as countOpenAtEnd counts records.
 */
export function countChildrenOpenAtEnd(from: string, startColumn = 'start_date', endColumn = 'end_date'): string {
  const never = "DATE '9999-12-31'";
  const spells = `(
    WITH x AS (
      SELECT person_id, ${startColumn} AS s, coalesce(${endColumn}, ${never}) AS t FROM ${from}
      WHERE ${startColumn} IS NOT NULL AND coalesce(${endColumn}, ${never}) > ${startColumn}),
    reach AS (
      SELECT person_id, s, t, max(t) OVER (PARTITION BY person_id ORDER BY s, t ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS covered_to
      FROM x),
    numbered AS (
      SELECT person_id, s, t,
             sum(CASE WHEN covered_to IS NULL OR s > covered_to THEN 1 ELSE 0 END) OVER (PARTITION BY person_id ORDER BY s, t ROWS UNBOUNDED PRECEDING) AS spell
      FROM reach)
    SELECT min(s) AS start_date, nullif(max(t), ${never}) AS end_date FROM numbered GROUP BY person_id, spell) spells`;
  return countOpenAtEnd(spells, 'start_date', 'end_date');
}

/** Open at period end: started on or before it, and not ended on or before it (a plan ending 31 March is not open at 31 March). */
export function openAtEnd(alias: string, startColumn = 'start_date', endColumn = 'end_date'): string {
  return `${alias}.${startColumn} <= p.period_end AND (${alias}.${endColumn} IS NULL OR ${alias}.${endColumn} > p.period_end)`;
}

/**
 * Each CP plan with the child's previous plan: the plan(s) with the latest
 * start strictly before this one's. Of several sharing that start, the latest
 * end counts, and one with no end counts as ending at this plan's start.
 */
export const PLAN_WITH_PREVIOUS = `
  WITH starts AS (
    SELECT person_id, start_date, max(end_date) AS max_end, bool_or(end_date IS NULL) AS any_open
    FROM cp_plan GROUP BY person_id, start_date
  ), chained AS (
    SELECT person_id, start_date,
           lag(start_date) OVER w AS prev_start, lag(max_end) OVER w AS prev_max_end, lag(any_open) OVER w AS prev_any_open
    FROM starts WINDOW w AS (PARTITION BY person_id ORDER BY start_date)
  )
  SELECT c.cp_plan_id, c.person_id, c.start_date, c.previous_plans, h.prev_start,
         CASE WHEN h.prev_start IS NULL THEN NULL
              WHEN h.prev_any_open AND (h.prev_max_end IS NULL OR h.prev_max_end < c.start_date) THEN c.start_date
              ELSE h.prev_max_end END AS prev_end
  FROM cp_plan c JOIN chained h ON h.person_id = c.person_id AND h.start_date = c.start_date`;

/**
 * The cases a review walk judges (periods of care, CP plans), one row each:
 * case_id, person_id, start_date, `walk_from` (reviews before it answer no
 * due date), `due_first` and `second_months` (how long after the first review
 * the second is due).
 *
 * A case's own first due date is `dueFirst` (an expression over the case
 * alias `c`), `secondMonths` after the first review comes the second. But
 * reviews are known only from the review table's coverage start (`coverage`,
 * views.ts; indicators.md v2, "Reviews before the data"): for a case that
 * began before it, or whose start is not known (`startKnown`, over `c`, is
 * false), the first review due within coverage is due on the earliest of its
 * recorded due date (the review_due of its first review within coverage),
 * the due date a known start gives, each if within coverage, and coverage
 * start + 6 months; each later one 6 months after the one before (the
 * earlier reviews may not be in the data). No due date before coverage is
 * judged. A snapshot stored without coverage walks every case from its start.
 */
export function reviewCases(opts: {
  cases: string;
  reviews: string;
  reviewTable: string;
  caseId: string;
  reviewId: string;
  dueFirst: string;
  secondMonths: number;
  startKnown?: string;
}): string {
  const { cases, reviews, reviewTable, caseId, reviewId, dueFirst, secondMonths } = opts;
  return `(
    WITH rc AS (SELECT max(covers_from) AS rc FROM coverage WHERE target_table = '${reviewTable}'),
    base AS (
      SELECT c.${caseId} AS case_id, c.person_id, c.start_date, ${dueFirst} AS known_due,
             coalesce(${opts.startKnown ?? 'TRUE'}, TRUE) AS start_known, rc.rc
      FROM ${cases} c CROSS JOIN rc),
    flagged AS (SELECT *, rc IS NOT NULL AND (NOT start_known OR start_date < rc) AS before_data FROM base),
    recorded AS (
      SELECT b.case_id, first(r.review_due ORDER BY r.review_date, r.${reviewId}) AS due
      FROM flagged b JOIN ${reviews} r ON r.${caseId} = b.case_id AND r.review_date >= b.rc
      WHERE b.before_data GROUP BY b.case_id)
    SELECT b.case_id, b.person_id, b.start_date,
           CASE WHEN b.before_data THEN b.rc ELSE b.start_date END AS walk_from,
           CASE WHEN b.before_data
                THEN least(CASE WHEN d.due >= b.rc THEN d.due END,
                           CASE WHEN b.start_known AND b.known_due >= b.rc THEN b.known_due END,
                           add_months(b.rc, 6))
                ELSE b.known_due END AS due_first,
           CASE WHEN b.before_data THEN 6 ELSE ${secondMonths} END AS second_months
    FROM flagged b LEFT JOIN recorded d ON d.case_id = b.case_id)`;
}

/**
 * The review walk of indicators.md ("Review timescales"), as rows: one slot
 * per review held plus the next one not yet held. `cases` is reviewCases'
 * query: the first due date is its due_first; later due dates run from the
 * review actually held before: second_months after the first review, 6 months
 * after each later one. Reviews dated before the case's walk_from answer no
 * due date. Columns: case_id, person_id, slot, due, held.
 */
export function reviewSlots(opts: { cases: string; reviews: string; caseId: string; reviewId: string }): string {
  const { cases, reviews, caseId, reviewId } = opts;
  return `
    WITH cases AS (SELECT * FROM ${cases} k),
    held AS (
      SELECT r.${caseId} AS case_id, r.review_date,
             row_number() OVER w AS slot, lag(r.review_date) OVER w AS previous_review
      FROM ${reviews} r JOIN cases k ON k.case_id = r.${caseId} AND r.review_date >= k.walk_from
      WINDOW w AS (PARTITION BY r.${caseId} ORDER BY r.review_date, r.${reviewId})
    ), last_held AS (
      SELECT case_id, count(*) AS n, max(review_date) AS last_review FROM held GROUP BY case_id
    )
    SELECT k.case_id, k.person_id, h.slot,
           CASE WHEN h.slot = 1 THEN k.due_first
                WHEN h.slot = 2 THEN add_months(h.previous_review, k.second_months)
                ELSE add_months(h.previous_review, 6) END AS due,
           h.review_date AS held
    FROM cases k JOIN held h ON h.case_id = k.case_id
    UNION ALL
    SELECT k.case_id, k.person_id, coalesce(l.n, 0) + 1 AS slot,
           CASE WHEN l.n IS NULL THEN k.due_first
                WHEN l.n = 1 THEN add_months(l.last_review, k.second_months)
                ELSE add_months(l.last_review, 6) END AS due,
           NULL AS held
    FROM cases k LEFT JOIN last_held l ON l.case_id = k.case_id`;
}

/** The review slots not held by their due date (held later, or not yet): only these can make a case late. */
const OVERDUE = 'SELECT case_id, due, held FROM slots WHERE held IS NULL OR held > due';

/** A review slot `s` that makes its case late in period `p`: due by period end, not held by its due date (the overdue slots), and still outstanding at period start. */
const LATE_IN_PERIOD = 's.due <= p.period_end AND (s.held IS NULL OR s.held >= p.period_start)';

/**
 * Children on time for reviews, per period: `eligible` lists (period_id,
 * person_id, case_id) for the cases whose first review was due by period end.
 * A case is late when a review fell due by period end, was not held by its due
 * date, and was still outstanding at period start. A child is on time when none
 * of their eligible cases is late. `measure` picks the count returned, or
 * `both` returns the two as `numerator` and `denominator` from one walk.
 */
export function reviewTimeliness(slotsSql: string, eligibleSql: string, measure: 'on_time' | 'eligible' | 'both'): string {
  return `
    WITH slots AS (${slotsSql}),
    -- only a review not held by its due date can make a case late: the rest are left out before the join
    overdue AS (${OVERDUE}),
    eligible AS (${eligibleSql}),
    case_status AS (
      SELECT e.period_id, e.person_id, e.case_id,
             coalesce(bool_or(${LATE_IN_PERIOD}), false) AS late
      FROM eligible e JOIN period p ON p.period_id = e.period_id
      LEFT JOIN overdue s ON s.case_id = e.case_id
      GROUP BY e.period_id, e.person_id, e.case_id
    ), child_status AS (
      SELECT period_id, person_id, bool_or(late) AS late FROM case_status GROUP BY period_id, person_id
    )
    SELECT p.period_id, ${
      measure === 'both'
        ? 'count(c.person_id) FILTER (WHERE NOT c.late) AS numerator, count(c.person_id) AS denominator'
        : `count(c.person_id) ${measure === 'on_time' ? 'FILTER (WHERE NOT c.late)' : ''} AS n`
    }
    FROM period p LEFT JOIN child_status c ON c.period_id = p.period_id
    GROUP BY p.period_id`;
}

/** Reviews held in the period (the view already leaves out cancelled ones), optionally only those with a flag set. */
export function reviewsHeldInPeriod(flag?: string): string {
  return countInPeriod('cla_review', 'review_date', flag ? { filter: `x.${flag}` } : {});
}

/*
 * The records behind the figures (metrics/types.ts RecordList): the same
 * sources, dates and filters as the counts above, as rows. They join each
 * record to the periods it falls in by range, which is right for the one or
 * few periods a list is asked for (the counts avoid it for 130 periods).
 */

/** The leading columns of every record list, in order; the indicator's detail columns follow. */
export const RECORD_COLUMNS = ['period_id', 'source_table', 'record_id', 'person_id', 'in_numerator', 'in_denominator', 'reason'] as const;

export interface ListOptions {
  /** the internal table the record is a row of (`icpc`, `cp_plan`) */
  table: string;
  /** its ID column in `from` */
  id: string;
  /** narrows the records listed at all, as countInPeriod's `where` */
  where?: string;
  /** over alias `x`: in the numerator (countInPeriod's `filter`; `TRUE` for a rate's records, `FALSE` for records of the denominator only) */
  numerator: string;
  /** in the denominator (false for a rate: its denominator is the population) */
  denominator: boolean;
  /** over `x`: why a record of the denominator is not in the numerator */
  reason?: string;
  /** over `x` (and `p`, the period): the detail columns, `expr AS name, ...` */
  details?: string;
}

function recordSelect(o: ListOptions): string {
  const num = `coalesce(${o.numerator}, false)`;
  return `p.period_id, '${o.table}' AS source_table, CAST(x.${o.id} AS VARCHAR) AS record_id, x.person_id,
          ${num} AS in_numerator, ${o.denominator} AS in_denominator,
          CAST(${o.reason ? `CASE WHEN NOT ${num} THEN ${o.reason} END` : 'NULL'} AS VARCHAR) AS reason${o.details ? `,\n          ${o.details}` : ''}`;
}

/** The records countInPeriod counts: dated (`dateColumn`) in the period. */
export function listInPeriod(from: string, dateColumn: string, o: ListOptions): string {
  return `
    SELECT ${recordSelect(o)}
    FROM period p JOIN (SELECT * FROM ${from} WHERE ${o.where ?? 'TRUE'}) x
      ON x.${dateColumn} BETWEEN p.period_start AND p.period_end`;
}

/** The records countOpenAtEnd counts: open at period end (openAtEnd's rule). */
export function listOpenAtEnd(from: string, startColumn: string, endColumn: string, o: ListOptions): string {
  return `
    SELECT ${recordSelect(o)}
    FROM period p JOIN (SELECT * FROM ${from} WHERE ${o.where ?? 'TRUE'}) x ON ${openAtEnd('x', startColumn, endColumn)}`;
}

/**
 * The children countChildrenOpenAtEnd counts, one row each: the child's
 * records open at period end, the earliest-starting of them named as the
 * record (`record_id`), with how many were open.
 */
export function listChildrenOpenAtEnd(from: string, table: string, id: string, startColumn = 'start_date', endColumn = 'end_date'): string {
  return `
    SELECT p.period_id, '${table}' AS source_table, CAST(arg_min(x.${id}, (x.${startColumn}, x.${id})) AS VARCHAR) AS record_id, x.person_id,
           true AS in_numerator, false AS in_denominator, CAST(NULL AS VARCHAR) AS reason,
           min(x.${startColumn}) AS start_date, count(*) AS open_records
    FROM period p JOIN ${from} x ON ${openAtEnd('x', startColumn, endColumn)}
    GROUP BY p.period_id, x.person_id`;
}

/**
 * The review walk's children as rows (reviewTimeliness' rule): every child
 * with an eligible case, on time unless a case of theirs is late in the
 * period; the record named is the case with the earliest late review (or the
 * child's first eligible case), with that review's due date, the date it was
 * held (empty: not held by period end) and the days late, how many of the
 * child's cases were judged, and the case's last review held by period end
 * and the next review due at period end (the first not held by then).
 */
export function listReviewTimeliness(slotsSql: string, eligibleSql: string, table: string): string {
  return `
    WITH slots AS (${slotsSql}),
    overdue AS (${OVERDUE}),
    eligible AS (${eligibleSql}),
    case_late AS (
      SELECT e.period_id, e.person_id, e.case_id, s.due, s.held
      FROM eligible e JOIN period p ON p.period_id = e.period_id
      LEFT JOIN overdue s ON s.case_id = e.case_id AND ${LATE_IN_PERIOD}
    ), child AS (
      SELECT period_id, person_id,
             count(due) > 0 AS late,
             arg_min(case_id, (due IS NULL, due, case_id)) AS case_id,
             min(due) AS late_due,
             -- arg_min_null: the earliest late review's date held, NULL when it was not held (arg_min would skip it for another's)
             arg_min_null(held, (due IS NULL, due, case_id)) AS late_held,
             count(DISTINCT case_id) AS cases
      FROM case_late GROUP BY period_id, person_id)
    SELECT c.period_id, '${table}' AS source_table, CAST(c.case_id AS VARCHAR) AS record_id, c.person_id,
           NOT c.late AS in_numerator, true AS in_denominator,
           CASE WHEN c.late THEN CASE WHEN c.late_held IS NULL OR c.late_held > p.period_end
                                      THEN 'a review due ' || strftime(c.late_due, '%Y-%m-%d') || ' was not held by period end'
                                      ELSE 'a review due ' || strftime(c.late_due, '%Y-%m-%d') || ' was held ' || CAST(c.late_held - c.late_due AS VARCHAR) || ' day(s) late' END END AS reason,
           c.late_due AS review_due, CASE WHEN c.late_held <= p.period_end THEN c.late_held END AS review_held,
           CASE WHEN c.late THEN least(coalesce(c.late_held, p.period_end), p.period_end) - c.late_due END AS days_late,
           c.cases AS cases_judged,
           (SELECT max(s.held) FROM slots s WHERE s.case_id = c.case_id AND s.held <= p.period_end) AS last_review_held,
           (SELECT min(s.due) FROM slots s WHERE s.case_id = c.case_id AND (s.held IS NULL OR s.held > p.period_end)) AS next_review_due
    FROM child c JOIN period p ON p.period_id = c.period_id`;
}

/** The reviews reviewsHeldInPeriod counts, `flag` deciding the numerator (unrecorded counts as not); `no` says what a false flag means. */
export function listReviewsHeldInPeriod(flag: string, no: string): string {
  return listInPeriod('cla_review', 'review_date', {
    table: 'cla_review',
    id: 'cla_review_id',
    numerator: `x.${flag}`,
    denominator: true,
    reason: `CASE WHEN x.${flag} IS NULL THEN '${flag} not recorded: counts as not' ELSE '${no}' END`,
    details: `x.review_date, x.${flag}`,
  });
}
