/*
 * The views every indicator reads: one snapshot's rows under the names
 * analysts use (`referral`, `s47_enquiry`, `icpc`, `cp_plan`, `cp_review`,
 * `cla_episode`, `period_of_care`, `cla_review`, `person`). Rules that hold for
 * every indicator are applied here once, so no indicator can forget them:
 * - transfer-in conferences are not ICPCs;
 * - short-break episodes (legal status V3/V4) are not care episodes; an
 *   episode without a legal status takes the child's legal status (ssd_legal_status)
 *   in force on its start date;
 * - a period of care is the episodes sharing clae_cla_id, or where that is absent
 *   an unbroken run of a child's episodes (each starting on or before the
 *   previous one ceased); it starts on clae_entered_care_date where given
 *   (extract.md v2: the SSD keeps only recent episodes), else its earliest
 *   episode's start; its start is unknown (start_known false, start_date
 *   NULL) when its earliest episode's start reason (903 RNE,
 *   clae_cla_episode_start_reason) is given and is not S and no entered-care
 *   date is given: the period began before the data (extract.md v2), and that
 *   episode's start is only `first_episode_start`; the review walks
 *   (metrics/sql.ts reviewCases) then start from the review table's coverage;
 * - `coverage`: each table's coverage start (store.coverage), for the review walks;
 * - cancelled LAC reviews are not reviews; a review without clar_cla_id belongs
 *   to the child's period of care whose dates contain it;
 * - a review with no review date (a due date only) is a review not yet held
 *   (extract.md v2): it is in neither review view;
 * - indicators.md v2: a date after the snapshot's extract date has not
 *   happened yet: a record that starts (or is held) after it is left out, and
 *   an end date after it is no end (open at the extract date). Such dates are
 *   loaded, not quarantined: the extract date may be given after the event.
 * `set_aside` lists what these rules leave out, with the reason (setAside).
 * Those three are worked out once per run (temp tables, not views): several
 * indicators read them, and a view would redo the derivation in each.
 */
import type { Database } from './db.ts';
import { literal } from './db.ts';

export async function createSnapshotViews(db: Database, snapshotId: string): Promise<void> {
  const s = literal(snapshotId);
  const at = await db.one<{ d: string }>(`SELECT CAST(extracted_at AS VARCHAR) AS d FROM store.snapshot WHERE snapshot_id = ${s}`);
  // no snapshot row (a test's hand-made store): nothing is after it
  const x = at ? `DATE ${literal(at.d)}` : `DATE '9999-12-31'`;
  const open = (col: string) => `CASE WHEN ${col} > ${x} THEN NULL ELSE ${col} END AS ${col}`;
  // a database stored before coverage was (indicators.md v2) has no store.coverage: every case is walked from its start
  const coverage = (await db.storeTables()).has('coverage')
    ? `SELECT target_table, covers_from FROM store.coverage WHERE snapshot_id = ${s}`
    : 'SELECT NULL::VARCHAR AS target_table, NULL::DATE AS covers_from WHERE FALSE';
  const keep = kept(x);
  const plain = (table: string, where = 'TRUE', ends?: string) =>
    `CREATE OR REPLACE TEMP VIEW ${table} AS SELECT * EXCLUDE (snapshot_id)${ends ? ` REPLACE (${open(ends)})` : ''} FROM store.${table} WHERE snapshot_id = ${s} AND ${where};`;
  await db.run(`
    ${plain('person')}
    ${plain('referral', keep.referral, 'close_date')}
    ${plain('s47_enquiry', keep.s47_enquiry, 'end_date')}
    ${plain('icpc', keep.icpc)}
    ${plain('cp_plan', keep.cp_plan, 'end_date')}
    ${plain('cp_review', keep.cp_review)}
    CREATE OR REPLACE TEMP TABLE cla_episode_with_status AS
    SELECT *, upper(coalesce(legal_status, '')) IN ('V3', 'V4') AS short_break FROM (
      SELECT x.* EXCLUDE (snapshot_id, legal_status) REPLACE (${open('end_date')}),
             coalesce(x.legal_status, (
               SELECT arg_max(l.legal_status, l.start_date) FROM store.legal_status l
               WHERE l.snapshot_id = x.snapshot_id AND l.person_id = x.person_id
                 AND l.start_date <= x.start_date AND (l.end_date IS NULL OR l.end_date >= x.start_date))) AS legal_status
      FROM store.cla_episode x WHERE x.snapshot_id = ${s} AND ${keep.cla_episode});
    CREATE OR REPLACE TEMP TABLE cla_episode AS
    WITH counted AS (
      SELECT * EXCLUDE (short_break) FROM cla_episode_with_status WHERE NOT short_break
    ), runs AS (
      SELECT *,
             CASE WHEN start_date <= max(coalesce(end_date, DATE '9999-12-31')) OVER (
                    PARTITION BY person_id ORDER BY start_date, cla_episode_id
                    ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) THEN 0 ELSE 1 END AS new_run
      FROM counted
    )
    SELECT * EXCLUDE (new_run),
           coalesce(cla_id, person_id || ' (period ' || sum(new_run) OVER (
             PARTITION BY person_id ORDER BY start_date, cla_episode_id ROWS UNBOUNDED PRECEDING) || ')') AS period_of_care_id
    FROM runs;
    CREATE OR REPLACE TEMP TABLE period_of_care AS
    WITH p AS (
      SELECT period_of_care_id, min(person_id) AS person_id, min(start_date) AS first_episode_start,
             min(entered_care_date) AS entered_care,
             CASE WHEN bool_or(end_date IS NULL) THEN NULL ELSE max(end_date) END AS end_date,
             min(entered_care_date) IS NOT NULL
               OR coalesce(nullif(upper(trim(first(start_reason ORDER BY start_date, cla_episode_id))), ''), 'S') = 'S' AS start_known
      FROM cla_episode GROUP BY period_of_care_id
    )
    SELECT period_of_care_id, person_id, CASE WHEN start_known THEN coalesce(entered_care, first_episode_start) END AS start_date,
           end_date, first_episode_start, start_known FROM p;
    CREATE OR REPLACE TEMP TABLE coverage AS ${coverage};
    CREATE OR REPLACE TEMP TABLE cla_review AS
    SELECT r.* EXCLUDE (snapshot_id),
           coalesce(
             (SELECT min(c.period_of_care_id) FROM period_of_care c WHERE c.period_of_care_id = r.cla_id),
             (SELECT min(c.period_of_care_id) FROM period_of_care c
              WHERE c.person_id = r.person_id AND coalesce(c.start_date, DATE '0001-01-01') <= r.review_date AND (c.end_date IS NULL OR c.end_date >= r.review_date))
           ) AS period_of_care_id
    FROM store.cla_review r
    WHERE r.snapshot_id = ${s} AND ${keep.cla_review};
    ${setAside(s, x, keep)}
  `);
}

/**
 * Which rows of each table the views keep, given the extract date `x` (a SQL
 * date): the rules above, written once for the views and for `set_aside`,
 * which lists the rows they do not keep. A condition that is NULL (a review
 * with no review date) keeps nothing, so `set_aside` takes `NOT coalesce(.., false)`:
 * every row is in exactly one of the two. Columns are unqualified.
 */
function kept(x: string) {
  return {
    referral: `referral_date <= ${x}`,
    s47_enquiry: `start_date <= ${x}`,
    icpc: `NOT coalesce(transfer_in, false) AND icpc_date <= ${x}`,
    cp_plan: `start_date <= ${x}`,
    cp_review: `review_date <= ${x}`,
    // short breaks are set aside after the legal status is known (cla_episode_with_status)
    cla_episode: `start_date <= ${x}`,
    cla_review: `NOT coalesce(cancelled, false) AND review_date <= ${x}`,
  };
}

/**
 * `set_aside`: the snapshot's records the rules above leave out of every
 * figure (the rows `kept` does not keep, and short breaks), one row each with
 * the reason (`safeguard records --part excluded`): source_table, record_id,
 * person_id, starts, ends (NULL for a dated event, which `starts`), reason. A
 * record with more than one reason is listed once, under the first.
 */
function setAside(s: string, x: string, keep: ReturnType<typeof kept>): string {
  const left = (table: keyof typeof keep) => `snapshot_id = ${s} AND NOT coalesce((${keep[table]}), false)`;
  const afterWhy = (what: string) => `'${what} after the extract date: not yet happened'`;
  return `
    CREATE OR REPLACE TEMP VIEW set_aside AS
    SELECT 'referral' AS source_table, referral_id AS record_id, person_id, referral_date AS starts, CAST(NULL AS DATE) AS ends, ${afterWhy('dated')} AS reason
      FROM store.referral WHERE ${left('referral')}
    UNION ALL SELECT 's47_enquiry', s47_id, person_id, start_date, NULL, ${afterWhy('started')}
      FROM store.s47_enquiry WHERE ${left('s47_enquiry')}
    UNION ALL SELECT 'icpc', icpc_id, person_id, icpc_date, NULL,
        CASE WHEN coalesce(transfer_in, false) THEN 'a transfer-in conference: not an initial conference (DfE)' ELSE ${afterWhy('held')} END
      FROM store.icpc WHERE ${left('icpc')}
    UNION ALL SELECT 'cp_plan', cp_plan_id, person_id, start_date, end_date, ${afterWhy('started')}
      FROM store.cp_plan WHERE ${left('cp_plan')}
    UNION ALL SELECT 'cp_review', cp_review_id, person_id, coalesce(review_date, review_due), NULL,
        CASE WHEN review_date IS NULL THEN 'no review date (a due date only): not yet held' ELSE ${afterWhy('held')} END
      FROM store.cp_review WHERE ${left('cp_review')}
    UNION ALL SELECT 'cla_episode', cla_episode_id, person_id, start_date, end_date,
        'a short break (legal status ' || legal_status || '): not a care episode'
      FROM cla_episode_with_status WHERE short_break
    UNION ALL SELECT 'cla_episode', cla_episode_id, person_id, start_date, end_date, ${afterWhy('started')}
      FROM store.cla_episode WHERE ${left('cla_episode')}
    UNION ALL SELECT 'cla_review', cla_review_id, person_id, coalesce(review_date, review_due), NULL,
        CASE WHEN coalesce(cancelled, false) THEN 'a cancelled review: not a review'
             WHEN review_date IS NULL THEN 'no review date (a due date only): not yet held'
             ELSE ${afterWhy('held')} END
      FROM store.cla_review WHERE ${left('cla_review')};`;
}
