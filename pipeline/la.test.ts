import { describe, expect, it } from 'vitest';
import { bundledDfeDataset, bundledPopulationDataset } from './benchmarks/dfe-store.ts';
import { bundledPopulation, resolveLa } from './la.ts';

describe('ingest --la reads the bundled ONS file alone', () => {
  it('names, places and counts every LA exactly as the whole bundled set does', () => {
    const all = bundledDfeDataset();
    const ons = bundledPopulationDataset();
    const codes = new Set<string>();
    for (const [old, years] of all.las) {
      codes.add(old);
      for (const y of years.values()) codes.add(y.new_la_code);
    }
    expect(codes.size).toBeGreaterThan(300);
    let compared = 0;
    for (const code of codes) {
      let full: unknown;
      try {
        full = resolveLa(code, all);
      } catch {
        continue; // an LA the whole set cannot describe is not one ingest can be given
      }
      expect(resolveLa(code, ons), code).toEqual(full);
      expect(bundledPopulation(code, ons), code).toEqual(bundledPopulation(code, all));
      compared++;
    }
    expect(compared).toBeGreaterThan(150);
    expect(resolveLa('359', ons)).toMatchObject({ code: '359', name: 'Wigan' });
  });
});
