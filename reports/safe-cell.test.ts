/* The formula-injection guard, alone and through the CSV and workbook renderers. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { renderCsv } from './csv.ts';
import { wiganReportInput } from '../test-support/report-input.ts';
import { csvField, csvRecord, neutraliseText } from './safe-cell.ts';
import { renderWorkbook } from './workbook.ts';

const HOSTILE = ['=HYPERLINK("http://evil.example","click")', '+cmd|/c calc', '-2+3', '@SUM(A1:A9)', '\tTAB', '\rCR'];

describe('neutraliseText', () => {
  it.each(HOSTILE)('prefixes %j', (text) => {
    expect(neutraliseText(text)).toBe(`'${text}`);
  });

  it.each(['Referrals per 10,000 children', "'already quoted", ' =space first', 'c', ''])('leaves %j alone', (text) => {
    expect(neutraliseText(text)).toBe(text);
  });
});

describe('csvField', () => {
  it('keeps numbers as numbers, negative ones included', () => {
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(-3)).toBe('-3');
    expect(csvField({ oneDecimal: -0.5 })).toBe('-0.5');
    expect(csvField({ oneDecimal: 69 })).toBe('69.0');
    expect(csvField(null)).toBe('');
  });

  it('neutralises and then quotes text', () => {
    expect(csvField('-1.5')).toBe("'-1.5"); // text that looks like a number is still text
    expect(csvField('=1+1,2')).toBe(`"'=1+1,2"`);
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('\rCR')).toBe(`"'\rCR"`);
    expect(csvRecord(['a', 1, null, '@x'])).toBe("a,1,,'@x");
  });

  it('refuses non-finite numbers', () => {
    expect(() => csvField(Number.NaN)).toThrow();
  });
});

/** The fixture with hostile text wherever the input carries text, and a negative comparator. */
function hostileInput() {
  const input = wiganReportInput();
  input.definitions[0]!.title = HOSTILE[0]!;
  input.definitions[0]!.definition = HOSTILE[3]!;
  for (const r of input.doc.results) {
    if (r.indicator === 'referrals_per_10k') {
      r.title = HOSTILE[0]!;
      r.notes = [HOSTILE[1]!];
      r.benchmarks.england = { value: -1.5, source: HOSTILE[2]! };
    }
  }
  input.doc.la = { code: '359', ons_code: 'E08000010', name: '@Wigan', region: '-North West' };
  return input;
}

describe('renderers neutralise hostile text', () => {
  it('CSV: every text cell starting with a trigger is prefixed; numbers stay numbers', () => {
    const csv = renderCsv(hostileInput());
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\n');
    const referral = lines.filter((l) => l.includes('referrals_per_10k'));
    expect(referral.length).toBeGreaterThan(0);
    for (const line of referral) {
      expect(line).toContain(`"'=HYPERLINK(""http://evil.example"",""click"")"`);
      expect(line).toContain(",'@Wigan,");
    }
    const england = referral.find((l) => l.includes(',2016/17,') && l.includes(',england,'))!;
    expect(england).toContain(',-1.5,per_10k,');
    // the source leads with its label in words, so a hostile source no longer starts the cell (and would be prefixed if it did)
    expect(england.endsWith(',Local file: -2+3,')).toBe(true); // then restated_from, empty
    // no field anywhere begins with a trigger character unless prefixed
    for (const line of lines) {
      for (const field of line.match(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g) ?? []) {
        const text = field.replace(/^,/, '').replace(/^"|"$/g, '');
        if (/^-?\d+(\.\d+)?$/.test(text)) continue; // a number
        expect(text, line).not.toMatch(/^[=+\-@\t\r]/);
      }
    }
  });

  it('workbook: text cells are prefixed, numbers are numbers, nothing is a formula', async () => {
    const bytes = await renderWorkbook(hostileInput());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    let texts = 0;
    let negative = false;
    wb.eachSheet((ws) => {
      ws.eachRow((row) => {
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (typeof cell.value === 'string') {
            texts++;
            expect(cell.value, `${ws.name}!${cell.address}`).not.toMatch(/^[=+\-@\t\r]/);
          }
          if (cell.value === -1.5) negative = true;
        });
      });
    });
    expect(texts).toBeGreaterThan(100);
    expect(negative).toBe(true);
    const summary = wb.getWorksheet('Summary')!;
    expect(summary.getCell('A3').value).toBe(`'${HOSTILE[0]}`);
    expect(summary.getCell('D2').value).toBe("'@Wigan 2016/17");
    expect(summary.getCell('H2').value).toBe("'-North West");
  });
});
