/*
 * The DfE validation rules that decide whether a figure can be trusted, run on
 * the stacked returns at ingest. Not the whole DfE rule set (the D2I
 * validators, data-to-insight/csc-validator-be-cin and -be-903, have hundreds):
 * only the rules whose failure moves one of our indicators. Each gives a
 * warning with the DfE rule number where DfE has one. A warning never removes
 * a record: an ICPC dated before its s47 stays in the ICPC count (it is simply
 * not "within 15 working days"). What extract.md calls a bad row (a missing or
 * impossible date, an end before its start) is quarantined by the adapters
 * instead, and their reasons carry the rule number (CIN 8600, SSDA903 356
 * and 147). Where the D2I validator and the DfE rule text agree, we follow
 * them: 501 needs the previous episode's end date, and a previous episode
 * still open is 142, reported on that open episode; 502 compares last year's
 * final episode, when open, with this year's first episode of the child,
 * whichever episodes reappear; 8600 also covers a referral after the census
 * ReferenceDate (cin-census-xml.ts warns, the referral is loaded).
 *
 * Messages never hold an identifier: they are counted and printed, and the
 * file and line say where to look.
 */
import type { ExtractWarning, ParsedReturn, ReturnRecord } from './types.ts';

export interface RuleInfo {
  collection: 'CIN census' | 'SSDA903';
  title: string;
}

/** The rules implemented here, by DfE number (as the D2I validators number them). */
export const DFE_RULES: Record<string, RuleInfo> = {
  '8615': { collection: 'CIN census', title: 'section 47 start date missing or after the initial child protection conference' },
  '2884': { collection: 'CIN census', title: 'initial child protection conference recorded at both the section 47 and the CIN details level' },
  '8840': { collection: 'CIN census', title: 'child protection plan starts and ends on the same day' },
  '8940': { collection: 'CIN census', title: 'child protection plans with overlapping dates' },
  '8841': { collection: 'CIN census', title: 'child protection plan review on or before the plan start date' },
  '8600': { collection: 'CIN census', title: 'referral date missing (quarantined) or after the census reference date' },
  '356': { collection: 'SSDA903', title: 'episode ceased before it started (quarantined)' },
  '147': { collection: 'SSDA903', title: 'a date that does not exist (episode or review quarantined; a date of birth left out)' },
  '142': { collection: 'SSDA903', title: 'a new episode has started, but the previous episode has not ended' },
  '501': { collection: 'SSDA903', title: 'a new episode starts before the end of the previous episode' },
  '502': { collection: 'SSDA903', title: "last year's open episode is not this year's first episode" },
};

type Get = (table: string) => ReturnRecord[];

/** Rules over the stacked records (what will be loaded). */
export function ruleWarnings(get: Get): ExtractWarning[] {
  const out: ExtractWarning[] = [];
  const warn = (rule: string | null, rec: ReturnRecord, message: string) => out.push({ rule, file: rec.file, line: rec.line, message });

  // CIN 8615: the ICPC stays in every ICPC count; it cannot be within 15 working days of an enquiry that starts after it
  const s47Start = new Map(get('s47_enquiry').map((s) => [s.values.s47_id, s.values.start_date]));
  for (const i of get('icpc')) {
    const start = i.values.s47_id ? s47Start.get(i.values.s47_id) : undefined;
    if (start && i.values.icpc_date && start > i.values.icpc_date) {
      warn('8615', i, 'the section 47 enquiry starts after its initial child protection conference: the ICPC is counted, but not as held within 15 working days');
    }
  }

  const plansByChild = group(get('cp_plan'));
  for (const plans of plansByChild.values()) {
    for (const p of plans) {
      if (p.values.end_date && p.values.end_date === p.values.start_date) {
        warn('8840', p, 'a child protection plan starts and ends on the same day: it is counted as a plan that lasted 3 months or less');
      }
    }
    // CIN 8940: a plan starting within another plan of the child (open plans run on)
    const sorted = [...plans].sort((a, b) => cmp(a.values.start_date, b.values.start_date) || cmp(a.key, b.key));
    for (let j = 1; j < sorted.length; j++) {
      const p = sorted[j]!;
      const start = p.values.start_date!;
      const overlapped = sorted.slice(0, j).some((q) => q.values.start_date! <= start && (q.values.end_date === null || q.values.end_date === undefined || start <= q.values.end_date));
      if (overlapped) {
        warn('8940', p, 'a child protection plan starts while another plan of the child is open: plans at period end are counted once per child, but repeat-plan and duration figures may be wrong');
      }
    }
  }

  const planStart = new Map(get('cp_plan').map((p) => [p.values.cp_plan_id, p.values.start_date]));
  for (const r of get('cp_review')) {
    const start = planStart.get(r.values.cp_plan_id ?? null);
    if (start && r.values.review_date && r.values.review_date <= start) {
      warn('8841', r, 'a child protection review is dated on or before its plan started: it answers no review due date');
    }
  }

  // SSDA903 501 needs the previous episode's end date (a new episode before it); a previous episode
  // with no end date is 142, reported on that open episode (it is the one to correct)
  const episodesByChild = group(get('cla_episode'));
  for (const eps of episodesByChild.values()) {
    const sorted = [...eps].sort((a, b) => cmp(a.values.start_date, b.values.start_date) || cmp(a.key, b.key));
    for (let j = 1; j < sorted.length; j++) {
      const prev = sorted[j - 1]!;
      const e = sorted[j]!;
      const prevEnd = prev.values.end_date ?? null;
      if (prevEnd === null) {
        warn('142', prev, 'an episode has no ceased date (DEC) but is not the child\'s latest episode: a new episode has started after it; periods of care and the children looked after at period end may be wrong');
      } else if (e.values.start_date! < prevEnd) {
        warn('501', e, 'an episode starts before the previous episode of the child ceased: periods of care may be wrong');
      }
    }
  }

  // SSDA903 reviews belong to the period of care containing them (as views.ts assigns them); one in none counts nowhere
  // (a period whose earliest episode's RNE is not S began before the data: its start is unknown, as in views.ts)
  const periods = new Map<string, { child: string; start: string; end: string | null; reason: string }>();
  for (const e of get('cla_episode')) {
    if (/^V[34]$/i.test((e.values.legal_status ?? '').trim())) continue; // short breaks are not care
    const id = e.values.cla_id!;
    const p = periods.get(id);
    const end = e.values.end_date ?? null;
    const reason = (e.values.start_reason ?? 'S').trim().toUpperCase() || 'S';
    if (!p) periods.set(id, { child: e.child, start: e.values.start_date!, end, reason });
    else {
      if (e.values.start_date! < p.start) {
        p.start = e.values.start_date!;
        p.reason = reason;
      }
      p.end = p.end === null || end === null ? null : end > p.end ? end : p.end;
    }
  }
  for (const p of periods.values()) if (p.reason !== 'S') p.start = '0001-01-01';
  const periodsByChild = new Map<string, { start: string; end: string | null }[]>();
  for (const p of periods.values()) {
    const list = periodsByChild.get(p.child);
    if (list) list.push(p);
    else periodsByChild.set(p.child, [p]);
  }
  for (const r of get('cla_review')) {
    const d = r.values.review_date!;
    const inCare = (periodsByChild.get(r.child) ?? []).some((p) => p.start <= d && (p.end === null || p.end >= d));
    if (!inCare) warn(null, r, 'a looked-after review is dated outside every period of care of the child: it counts for no period of care');
  }
  return out;
}

/**
 * Rules between consecutive returns of one format (a return and the next one,
 * of the same or the following collection year): SSDA903 502, and a record
 * still open at the end of one return that the next return leaves out. Stacking
 * keeps such a record open, so it goes on counting as open.
 *
 * 502 (DfE: "Last year's record ended with an open episode. The date on which
 * that episode started does not match the start date of the first episode on
 * this year's record"): per child in both returns, last year's final episode
 * (latest DECOM), when it has no DEC, against this year's earliest DECOM;
 * reported on this year's first episode. Whether last year's episodes
 * reappear this year does not matter (two open episodes last year, the first
 * ending early this year, is flagged).
 */
export function crossReturnWarnings(ordered: ParsedReturn[]): ExtractWarning[] {
  const out: ExtractWarning[] = [];
  for (const format of ['ssda903', 'cin-census'] as const) {
    const list = ordered.filter((r) => r.format === format && r.year !== null);
    for (let j = 1; j < list.length; j++) {
      const a = list[j - 1]!;
      const b = list[j]!;
      if (b.year! - a.year! > 1) continue;
      const tables = format === 'ssda903' ? ['cla_episode'] : ['referral', 'cp_plan'];
      for (const table of tables) {
        const open = a.records.filter((r) => r.table === table && !r.values[END[table]!]);
        if (open.length === 0) continue;
        const inB = b.records.filter((r) => r.table === table);
        const keysB = new Set(inB.map((r) => r.key));
        const firstStart = new Map<string, string>();
        for (const r of inB) {
          const s = r.values[START[table]!]!;
          const f = firstStart.get(r.child);
          if (f === undefined || s < f) firstStart.set(r.child, s);
        }
        if (table === 'cla_episode') {
          const finalInA = new Map<string, ReturnRecord>();
          for (const r of a.records) {
            if (r.table !== table) continue;
            const f = finalInA.get(r.child);
            if (f === undefined || cmp(r.values.start_date, f.values.start_date) > 0) finalInA.set(r.child, r);
          }
          for (const [child, last] of finalInA) {
            const first = firstStart.get(child);
            if (last.values.end_date || first === undefined || first === last.values.start_date) continue;
            const e = inB.find((x) => x.child === child && x.values.start_date === first)!;
            out.push({ rule: '502', file: e.file, line: e.line, message: "the previous return ended with an open episode, and this return's first episode of the child starts on another date: check both returns' episodes" });
          }
        }
        for (const r of open) {
          if (keysB.has(r.key)) continue;
          if (table === 'cla_episode' && firstStart.has(r.child)) continue; // the child is in this return: 502 above says what is wrong

          out.push({
            rule: null,
            file: r.file,
            line: r.line,
            message: `${WHAT[table]} open at the end of this return is missing from the next return (${b.label}): it is read as still open`,
          });
        }
      }
    }
  }
  return out;
}

const END: Record<string, string> = { cla_episode: 'end_date', referral: 'close_date', cp_plan: 'end_date' };
const START: Record<string, string> = { cla_episode: 'start_date', referral: 'referral_date', cp_plan: 'start_date' };
const WHAT: Record<string, string> = { cla_episode: 'an episode of care', referral: 'a referral', cp_plan: 'a child protection plan' };

/** Lines for the run's summary: warnings counted by rule, never an identifier. */
export function warningSummary(warnings: { rule: string | null; message: string }[]): string[] {
  if (warnings.length === 0) return [];
  const counts = new Map<string, { label: string; n: number }>();
  for (const w of warnings) {
    const info = w.rule ? DFE_RULES[w.rule] : undefined;
    const key = w.rule ?? `\u0000${w.message}`;
    const label = w.rule ? `${info?.collection ?? 'DfE'} rule ${w.rule}: ${info?.title ?? w.message}` : `(no DfE rule) ${w.message}`;
    const c = counts.get(key);
    if (c) c.n++;
    else counts.set(key, { label, n: 1 });
  }
  const lines = [`Warnings (records loaded, but check them before trusting the figures they feed): ${warnings.length}`];
  for (const c of [...counts.values()].sort((a, b) => b.n - a.n || (a.label < b.label ? -1 : 1))) lines.push(`  ${String(c.n).padStart(6)}  ${c.label}`);
  return lines;
}

function group(records: ReturnRecord[]): Map<string, ReturnRecord[]> {
  const m = new Map<string, ReturnRecord[]>();
  for (const r of records) {
    const list = m.get(r.child);
    if (list) list.push(r);
    else m.set(r.child, [r]);
  }
  return m;
}

function cmp(a: string | null | undefined, b: string | null | undefined): number {
  const x = a ?? '';
  const y = b ?? '';
  return x < y ? -1 : x > y ? 1 : 0;
}
