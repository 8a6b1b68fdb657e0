/*
 * Every registered renderer, in a loop (a new one is covered by adding it to
 * RENDERERS): deterministic, never mutates its input, and copes with the
 * awkward inputs a real run produces.
 */
import { describe, expect, it } from 'vitest';
import { wiganReportInput, wiganRestatement } from '../test-support/report-input.ts';
import { RENDERERS } from './index.ts';
import type { ReportInput } from './types.ts';

const asText = async (out: string | Uint8Array | Promise<Uint8Array>) => {
  const v = await out;
  return typeof v === 'string' ? v : Buffer.from(v).toString('base64');
};

const awkward: Record<string, () => ReportInput> = {
  'no results and no monthly series': () => wiganReportInput({ doc: { ...wiganReportInput().doc, results: [] }, monthly: [] }),
  'one period, no LA details, no benchmarks or ranks': () => {
    const input = wiganReportInput({ monthly: [] });
    input.doc.la = null;
    input.doc.results = input.doc.results.filter((r) => r.period === '2016/17').map((r) => ({ ...r, benchmarks: {}, rank: null }));
    return input;
  },
  'an indicator the registry does not know, and a definition with no results': () => {
    const input = wiganReportInput();
    const first = input.doc.results[0]!;
    input.doc.results.push({ ...first, indicator: 'new_local_pct', title: 'A new local measure (%)', unit: 'percent', polarity: 'high' });
    input.definitions = input.definitions.filter((d) => d.id !== 'cla_per_10k');
    return input;
  },
  'suppression on and monthly points without their counts (all withheld)': () => {
    const input = wiganReportInput({ suppress: true });
    input.monthly = input.monthly.map((m) => ({ ...m, points: m.points.map((p) => ({ period: p.period, period_end: p.period_end, value: p.value })) }));
    return input;
  },
  'restatements, suppression on, one of an indicator and period the report does not have': () => {
    const restatement = wiganRestatement();
    restatement.moves.push({ indicator: 'gone_pct', period: '2012/13', from: { numerator: 3, denominator: 9, value: 33.3 }, to: { numerator: 4, denominator: 9, value: 44.4 }, difference: 11.1 });
    return wiganReportInput({ suppress: true, restatement });
  },
  'an earlier snapshot, and nothing moved': () => wiganReportInput({ restatement: { ...wiganRestatement(), moves: [], notes: [] } }),
  'monthly series with gaps and suppression on': () => {
    const input = wiganReportInput({ suppress: true });
    for (const s of input.monthly) s.points = s.points.filter((_, i) => i % 5 !== 0).map((p, i) => (i % 7 === 0 ? { ...p, value: null } : p));
    return input;
  },
};

for (const [name, render] of Object.entries(RENDERERS)) {
  describe(`renderer ${name}`, () => {
    it('is deterministic and leaves its input untouched', async () => {
      const input = wiganReportInput();
      const before = JSON.stringify(input);
      const a = await asText(render(input));
      expect(JSON.stringify(input)).toBe(before);
      const b = await asText(render(wiganReportInput()));
      expect(a).toBe(b);
    });

    for (const [case_, make] of Object.entries(awkward)) {
      it(`copes with ${case_}`, async () => {
        const out = await render(make());
        expect(typeof out === 'string' ? out.length : out.byteLength).toBeGreaterThan(100);
      });
    }

    it('changes with a restatement, and leaves it untouched', async () => {
      const input = wiganReportInput({ restatement: wiganRestatement(), suppress: true });
      const before = JSON.stringify(input);
      expect(await asText(render(input))).not.toBe(await asText(render(wiganReportInput({ suppress: true }))));
      expect(JSON.stringify(input)).toBe(before);
    });

    it('differs between the plain and the published version', async () => {
      expect(await asText(render(wiganReportInput({ suppress: true })))).not.toBe(await asText(render(wiganReportInput())));
    });
  });
}
