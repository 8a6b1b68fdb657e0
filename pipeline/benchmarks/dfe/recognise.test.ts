/*
 * Recognition by header columns: every bundled file is recognised as its
 * kind whatever its name, a BOM or reordered/extra columns do not matter, and
 * a file we do not know gives null and a message listing what was expected.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../csv.ts';
import { DFE_KINDS, expectedColumns, recogniseDfeHeader, unrecognisedMessage } from './recognise.ts';
import { readRealFile, realFileNames } from './real-files.ts';

const EXPECTED_KIND: Record<string, string> = {
  'New_Statistical_Neighbour_Groupings_April_2021.csv': 'sn_groupings_2021',
  'b1_children_in_need_2013_to_2025.csv': 'b1_cin',
  'c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv': 'c1_referrals',
  'c4_children_in_need_section_47s_and_icpcs_2013_to_2025.csv': 'c4_s47_icpc',
  'cla_number_and_rate_per_10k_children.csv': 'cla_rates',
  'd3_cpps_subsequent_plan_2013_to_2025.csv': 'd3_repeat_plans',
  'd5_cpps_at31march_by_duration_2013_to_2025.csv': 'd5_plans_by_duration',
  'ons_mid-year_population_estimates_2012_to_2024.csv': 'ons_population',
  'sn_model_2025_wide.csv': 'sn_model_2025',
};

describe('recogniseDfeHeader on the real files', () => {
  it('has all nine files', () => {
    expect(realFileNames()).toEqual(Object.keys(EXPECTED_KIND).sort());
  });
  for (const [file, kind] of Object.entries(EXPECTED_KIND)) {
    it(`${file} -> ${kind}`, () => {
      const { header } = parseCsv(readRealFile(file), file);
      expect(recogniseDfeHeader(header)).toBe(kind);
    });
  }
});

describe('recogniseDfeHeader', () => {
  const c4 = [...expectedColumns('c4_s47_icpc')];

  it('ignores the name and the column order, and allows extra columns', () => {
    expect(recogniseDfeHeader(['new_column', ...[...c4].reverse()])).toBe('c4_s47_icpc');
  });

  it('strips a BOM left on the first header cell', () => {
    expect(recogniseDfeHeader([`\uFEFF${c4[0]}`, ...c4.slice(1)])).toBe('c4_s47_icpc');
  });

  it('gives null for unknown columns', () => {
    expect(recogniseDfeHeader(['la_code', 'year', 'value'])).toBeNull();
    expect(recogniseDfeHeader([])).toBeNull();
  });

  it('gives null when one needed column is missing', () => {
    expect(recogniseDfeHeader(c4.filter((c) => c !== 'ICPC'))).toBeNull();
  });

  it('gives null for a header that fits two kinds at once rather than guess', () => {
    expect(recogniseDfeHeader([...c4, ...expectedColumns('d3_repeat_plans')])).toBeNull();
  });

  it('tells the two SN layouts apart', () => {
    expect(recogniseDfeHeader(['LA num', 'LA Name', 'LA number', 'GOInd', 'GOReg', ...Array.from({ length: 10 }, (_, i) => [`SN${i + 1}`, 'SNP']).flat(), ''])).toBe('sn_groupings_2021');
    expect(recogniseDfeHeader(['old_la_code', 'la_name', 'region_ind', 'region_name', ...Array.from({ length: 10 }, (_, i) => [`SN_${i + 1}`, `SN_${i + 1}P`]).flat()])).toBe('sn_model_2025');
  });

  it('explains what it expected', () => {
    const msg = unrecognisedMessage('odd.csv', ['la_code', 'year']);
    expect(msg).toMatch(/^file odd\.csv has columns \[la_code, year\]; expected one of: /);
    for (const k of DFE_KINDS) expect(msg).toContain(k);
  });
});
