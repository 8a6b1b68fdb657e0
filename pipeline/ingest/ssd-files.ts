/*
 * The Standard Safeguarding Dataset files safeguard reads (extract.md section 1),
 * as data: which SSD column feeds which column of the internal model, which
 * columns a file cannot do without, and what identifies a record. Adding a
 * column is one line here plus one in schema.sql.
 */
import type { ColumnSpec } from './types.ts';

export interface SsdFileSpec {
  file: string;
  table: string;
  columns: ColumnSpec[];
  /** target columns that identify one record (duplicate check); none = no check */
  key: string[];
  /** at least one of these source columns must be in the header */
  oneOfColumns?: string[];
  /** [start, end] target date pairs: end before start is a bad row */
  dateOrder?: [string, string][];
  /**
   * [source, other]: `source` may be empty only when `other` has a value
   * (extract.md v2: a review with a due date and no review date is a review
   * not yet held: loaded, never quarantined; views.ts keeps it out of the
   * reviews held). A row with neither is a bad row.
   */
  emptyIfGiven?: [string, string][];
}

const id = (source: string, target: string, required = true): ColumnSpec => ({ source, target, kind: 'id', required, valueRequired: required });
const date = (source: string, target: string, required = false): ColumnSpec => ({ source, target, kind: 'date', required, valueRequired: required });
const flag = (source: string, target: string): ColumnSpec => ({ source, target, kind: 'flag' });
const text = (source: string, target: string): ColumnSpec => ({ source, target, kind: 'text' });
const optionalId = (source: string, target: string): ColumnSpec => ({ source, target, kind: 'id' });

export const SSD_FILES: SsdFileSpec[] = [
  {
    file: 'ssd_person.csv',
    table: 'person',
    key: ['person_id'],
    columns: [
      id('pers_person_id', 'person_id'),
      // required column; an empty date of birth (an unborn child) is allowed
      { source: 'pers_dob', target: 'dob', kind: 'date', required: true },
      text('pers_sex', 'sex'),
      text('pers_ethnicity', 'ethnicity'),
      date('pers_death_date', 'death_date'),
      text('pers_upn', 'upn'),
      date('pers_expected_dob', 'expected_dob'),
    ],
  },
  {
    file: 'ssd_cin_episodes.csv',
    table: 'referral',
    key: ['referral_id'],
    columns: [
      id('cine_referral_id', 'referral_id'),
      id('cine_person_id', 'person_id'),
      date('cine_referral_date', 'referral_date', true),
      date('cine_close_date', 'close_date'),
      flag('cine_referral_nfa', 'nfa'),
      text('cine_cin_primary_need_code', 'primary_need_code'),
      text('cine_referral_source_code', 'referral_source_code'),
    ],
    dateOrder: [['referral_date', 'close_date']],
  },
  {
    file: 'ssd_s47_enquiry.csv',
    table: 's47_enquiry',
    key: ['s47_id'],
    columns: [
      id('s47e_s47_enquiry_id', 's47_id'),
      id('s47e_person_id', 'person_id'),
      date('s47e_s47_start_date', 'start_date', true),
      optionalId('s47e_referral_id', 'referral_id'),
      date('s47e_s47_end_date', 'end_date'),
      flag('s47e_s47_nfa', 'nfa'),
    ],
    dateOrder: [['start_date', 'end_date']],
  },
  {
    file: 'ssd_initial_cp_conference.csv',
    table: 'icpc',
    key: ['icpc_id'],
    columns: [
      id('icpc_icpc_id', 'icpc_id'),
      id('icpc_person_id', 'person_id'),
      date('icpc_icpc_date', 'icpc_date', true),
      optionalId('icpc_s47_enquiry_id', 's47_id'),
      optionalId('icpc_cp_plan_id', 'cp_plan_id'),
      flag('icpc_icpc_transfer_in', 'transfer_in'),
      flag('icpc_icpc_outcome_cp_flag', 'outcome_cp'),
      optionalId('icpc_referral_id', 'referral_id'),
    ],
  },
  {
    file: 'ssd_cp_plans.csv',
    table: 'cp_plan',
    key: ['cp_plan_id'],
    columns: [
      id('cppl_cp_plan_id', 'cp_plan_id'),
      id('cppl_person_id', 'person_id'),
      date('cppl_cp_plan_start_date', 'start_date', true),
      date('cppl_cp_plan_end_date', 'end_date'),
      optionalId('cppl_icpc_id', 'icpc_id'),
      optionalId('cppl_referral_id', 'referral_id'),
      text('cppl_cp_plan_initial_category', 'initial_category'),
      text('cppl_cp_plan_latest_category', 'latest_category'),
    ],
    dateOrder: [['start_date', 'end_date']],
  },
  {
    file: 'ssd_cp_reviews.csv',
    table: 'cp_review',
    key: ['cp_review_id'],
    columns: [
      id('cppr_cp_review_id', 'cp_review_id'),
      id('cppr_cp_plan_id', 'cp_plan_id'),
      // required column; empty in a review not yet held (a due date and no review date)
      { source: 'cppr_cp_review_date', target: 'review_date', kind: 'date', required: true },
      optionalId('cppr_person_id', 'person_id'),
      date('cppr_cp_review_due', 'review_due'),
    ],
    emptyIfGiven: [['cppr_cp_review_date', 'cppr_cp_review_due']],
  },
  {
    file: 'ssd_cla_episodes.csv',
    table: 'cla_episode',
    key: ['cla_episode_id'],
    columns: [
      id('clae_cla_episode_id', 'cla_episode_id'),
      id('clae_person_id', 'person_id'),
      date('clae_cla_episode_start_date', 'start_date', true),
      optionalId('clae_cla_id', 'cla_id'),
      date('clae_cla_episode_ceased_date', 'end_date'),
      text('clae_cla_episode_start_reason', 'start_reason'),
      text('clae_cla_episode_ceased_reason', 'ceased_reason'),
      { source: 'clae_cla_legal_status', target: 'legal_status', kind: 'legal_status' },
      text('clae_cla_placement_type', 'placement_type'),
      date('clae_entered_care_date', 'entered_care_date'),
    ],
    dateOrder: [['start_date', 'end_date']],
  },
  {
    file: 'ssd_legal_status.csv',
    table: 'legal_status',
    key: [],
    columns: [
      id('lega_person_id', 'person_id'),
      { source: 'lega_legal_status', target: 'legal_status', kind: 'legal_status', required: true, valueRequired: true },
      date('lega_legal_status_start_date', 'start_date', true),
      date('lega_legal_status_end_date', 'end_date'),
    ],
    dateOrder: [['start_date', 'end_date']],
  },
  {
    file: 'ssd_cla_reviews.csv',
    table: 'cla_review',
    key: ['cla_review_id'],
    oneOfColumns: ['clar_cla_id', 'clar_cla_person_id'],
    columns: [
      id('clar_cla_review_id', 'cla_review_id'),
      // required column; empty in a review not yet held (a due date and no review date)
      { source: 'clar_cla_review_date', target: 'review_date', kind: 'date', required: true },
      optionalId('clar_cla_id', 'cla_id'),
      optionalId('clar_cla_person_id', 'person_id'),
      date('clar_cla_review_due_date', 'review_due'),
      flag('clar_cla_review_cancelled', 'cancelled'),
      text('clar_cla_review_participation', 'participation'),
      flag('clar_iro_consulted', 'iro_consulted'),
      flag('clar_sw_attended', 'sw_attended'),
      flag('clar_care_plan_current', 'care_plan_current'),
    ],
    emptyIfGiven: [['clar_cla_review_date', 'clar_cla_review_due_date']],
  },
  {
    file: 'population.csv',
    table: 'population',
    key: ['year', 'la_code'],
    columns: [
      { source: 'year', target: 'year', kind: 'count', required: true, valueRequired: true },
      { source: 'population', target: 'population', kind: 'count', required: true, valueRequired: true },
      text('la_code', 'la_code'),
    ],
  },
];
