/*
 * The SN model for a year (indicators.md v2): the 2021 groupings up to
 * 2023/24, with a note before 2020/21; the 2025 model from 2024/25; the other
 * model, with a note, for an LA the year's model does not list; a forced model
 * for every year with no fallback. On small datasets, then on every LA of the
 * bundled files.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset } from './dataset.ts';
import { comparators } from './comparators.ts';
import { existedIn } from './las.ts';
import { loadRealDataset } from './real-files.ts';
import { modelInForce, parseSnModelChoice, snModelFor } from './sn-model.ts';

const ten = (from: number) => Array.from({ length: 10 }, (_, i) => String(from + i));
const ds = buildDataset([], [
  { model: '2021', old_la_code: '100', neighbours: ten(101) },
  { model: '2025', old_la_code: '100', neighbours: ten(201) },
  { model: '2021', old_la_code: '300', neighbours: ten(101) },
  { model: '2025', old_la_code: '400', neighbours: ten(201) },
]);

describe('snModelFor', () => {
  it('takes the 2021 model up to 2023/24 and the 2025 model from 2024/25', () => {
    expect(modelInForce(2024)).toBe('2021');
    expect(modelInForce(2025)).toBe('2025');
    expect(snModelFor(ds, '100', 2021)).toEqual({ model: '2021' });
    expect(snModelFor(ds, '100', 2024)).toEqual({ model: '2021' });
    expect(snModelFor(ds, '100', 2025)).toEqual({ model: '2025' });
    expect(snModelFor(ds, '100', 2026)).toEqual({ model: '2025' });
  });

  it('says so before 2020/21, where the 2021 model is the oldest bundled', () => {
    expect(snModelFor(ds, '100', 2020)).toEqual({ model: '2021', note: "SN model 2021 is the oldest model bundled: DfE's groupings in force in 2019/20 were older" });
  });

  it('takes the other model, with a note, for an LA the year model does not list', () => {
    expect(snModelFor(ds, '300', 2025)).toEqual({ model: '2021', note: '300 is not in SN model 2025, the model for 2024/25, so SN model 2021 is used' });
    expect(snModelFor(ds, '400', 2017)).toEqual({ model: '2025', note: '400 is not in SN model 2021, the model for 2016/17, so SN model 2025 is used' });
    // in neither: the year's model, and the comparator says the LA is not in it
    expect(snModelFor(ds, '500', 2022)).toEqual({ model: '2021' });
  });

  it('forces one model for every year, with no fallback', () => {
    expect(snModelFor(ds, '100', 2017, '2025')).toEqual({ model: '2025' });
    expect(snModelFor(ds, '300', 2025, '2025')).toEqual({ model: '2025' });
    expect(snModelFor(ds, '100', 2025, '2021')).toEqual({ model: '2021' });
  });

  it('reads --sn-model: absent is by year; 2021 and 2025 force; anything else is refused', () => {
    expect(parseSnModelChoice(undefined)).toBe('by_year');
    expect(parseSnModelChoice('2021')).toBe('2021');
    expect(parseSnModelChoice('2025')).toBe('2025');
    expect(parseSnModelChoice('2019')).toBeNull();
    expect(parseSnModelChoice('by_year')).toBeNull();
  });
});

describe('on the bundled files: every LA, every year it existed, has a model that lists it', () => {
  const { dataset: real } = loadRealDataset();
  it('no LA is left without neighbours by the default model', () => {
    const years = [...(real.years.get('c4_s47_icpc') ?? [])];
    let checked = 0;
    const fallbacks: string[] = [];
    for (const old of real.las.keys()) {
      for (const year of years) {
        if (!existedIn(real, old, year)) continue;
        const sn = comparators(real, { indicator: 'icpc_per_10k', year, laOldCode: old }).sn;
        expect(sn.of, `${old} ${year}: ${sn.note}`).toBe(10);
        const fallback = /so SN model (2021|2025) is used/.exec(sn.note ?? '');
        if (fallback) fallbacks.push(`${old} ${year}`);
        expect(sn.source, `${old} ${year}`).toContain(`SN model ${fallback ? fallback[1] : modelInForce(year)} `);
        checked++;
      }
    }
    // 152 or 153 LAs a year over 13 years
    expect(checked).toBeGreaterThan(1900);
    // formed in April 2023 and published for 2023/24, a year the 2021 groupings (April 2021) could not list them
    expect(fallbacks.sort()).toEqual(['942 2024', '943 2024']);
  });
});
