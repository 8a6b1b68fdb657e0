/*
 * Recognises a DfE / ONS / statistical-neighbour file by its header columns.
 * Users rename downloads ("c4 (1).csv"), and DfE renames files between
 * releases, so the name is never trusted; the columns a kind needs are.
 * Pure: takes the header, does no I/O.
 */
import type { MeasureKind } from '../../../metrics/dfe.ts';

/** The files of published measures (metrics/dfe.ts, which the indicators' formulas name) and the SN models. */
export type DfeKind = MeasureKind | 'sn_model_2025' | 'sn_groupings_2021';

/** The geography columns every explore-education-statistics file here carries. */
export const EES_DIMENSIONS = ['time_period', 'geographic_level', 'old_la_code', 'new_la_code', 'la_name', 'region_name'] as const;

const SN_2025 = ['old_la_code', 'la_name', ...tenNeighbours('SN_')];
const SN_2021 = ['LA num', 'LA Name', ...tenNeighbours('SN')];

// Each kind's distinguishing measures are listed after the shared dimensions; a
// kind matches when all of its columns are present (extra columns are allowed,
// since DfE adds columns between releases).
const EXPECTED: Record<DfeKind, readonly string[]> = {
  c1_referrals: [...EES_DIMENSIONS, 'referral_count', 'rereferral_percent'],
  b1_cin: [...EES_DIMENSIONS, 'At31_episodes'],
  c4_s47_icpc: [...EES_DIMENSIONS, 'Section47', 'ICPC', 'Duration_0-10_days', 'Duration_11-15_days'],
  d3_repeat_plans: [...EES_DIMENSIONS, 'CPP_start', 'CPP_subsequent_percent'],
  d5_plans_by_duration: [...EES_DIMENSIONS, 'CPP_At31', '2_years_or_more_percent'],
  cla_rates: [...EES_DIMENSIONS, 'population_type', 'children_count', 'population_estimate'],
  ons_population: [...EES_DIMENSIONS, 'age_group', 'population_estimate'],
  sn_model_2025: SN_2025,
  sn_groupings_2021: SN_2021,
};

export const DFE_KINDS = Object.keys(EXPECTED) as DfeKind[];

/** The columns a kind needs (for messages and for tests). */
export function expectedColumns(kind: DfeKind): readonly string[] {
  return EXPECTED[kind];
}

/**
 * The kind whose columns are all present, or null. Header cells are compared
 * after trimming and dropping a BOM, because a BOM left on the first column
 * would otherwise make `time_period` unrecognisable.
 */
export function recogniseDfeHeader(header: readonly string[]): DfeKind | null {
  const have = new Set(header.map(normaliseHeaderCell));
  const matches = DFE_KINDS.filter((k) => EXPECTED[k].every((c) => have.has(c)));
  // A header carrying the columns of two kinds at once is not a file we know;
  // guessing would load one table's numbers as another's.
  if (matches.length === 1) return matches[0]!;
  return null;
}

/** "file X has columns [...]; expected one of ..." */
export function unrecognisedMessage(file: string, header: readonly string[]): string {
  return `file ${file} ${unrecognisedReason(header)}`;
}

/** The same without the file, for an error that carries the file itself. */
export function unrecognisedReason(header: readonly string[]): string {
  const kinds = DFE_KINDS.map((k) => `${k} [${EXPECTED[k].join(', ')}]`).join('; ');
  return `has columns [${header.map(normaliseHeaderCell).join(', ')}]; expected one of: ${kinds}`;
}

export function normaliseHeaderCell(cell: string): string {
  return cell.replace(/^\uFEFF/, '').trim();
}

function tenNeighbours(prefix: string): string[] {
  return Array.from({ length: 10 }, (_, i) => `${prefix}${i + 1}`);
}
