/*
 * The trends HTML without a browser: self-contained, escaped, deterministic,
 * a table beside every chart, and a palette that passes WCAG 2.2 AA. The
 * browser test (html.browser.test.ts) loads it in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { wiganReportInput } from '../test-support/report-input.ts';
import { renderHtml } from './html.ts';
import { PALETTE } from './svg.ts';

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, b2] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b2!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe('renderHtml', () => {
  const html = renderHtml(wiganReportInput());

  it('is deterministic', () => {
    expect(renderHtml(wiganReportInput())).toBe(html);
  });

  it('loads nothing from outside: no script, link, image, font, import or external URL', () => {
    expect(html).not.toMatch(/<script|<link|<img|<iframe|<object|<embed|@import|url\(|@font-face|\ssrc=/i);
    const urls = html.match(/https?:\/\/[^\s"'<>)]+/g) ?? [];
    expect(new Set(urls)).toEqual(new Set(['http://www.w3.org/2000/svg'])); // the SVG namespace is a name, not a request
    for (const href of html.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="#[a-z0-9_-]+"$/);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
  });

  it('puts a data table beside every chart, and gives every chart a title and description', () => {
    const figures = html.match(/<figure class="chart-figure"[\s\S]*?<\/figure>/g) ?? [];
    expect(figures.length).toBe(19 * 2);
    expect((html.match(/<svg class="chart"/g) ?? []).length).toBe(figures.length);
    // any other svg is a decorative key icon, hidden from assistive technology
    expect((html.match(/<svg(?! class="chart")[^>]*>/g) ?? []).every((tag) => tag.includes('aria-hidden="true"'))).toBe(true);
    for (const f of figures) {
      expect(f).toMatch(/<svg class="chart" id="([^"]+)" role="img" aria-labelledby="\1-title \1-desc"/);
      expect(f).toMatch(/<title id="[^"]+-title">[^<]+<\/title><desc id="[^"]+-desc">[^<]+<\/desc>/);
      expect(f).toMatch(/<table><caption id="[^"]+">[^<]+<\/caption>/);
    }
  });

  it('calls out the latest SPC point in words', () => {
    const article = html.slice(html.indexOf('id="ind-icpc_within_15wd_pct"'), html.indexOf('id="ind-cpp_per_10k"'));
    expect(article).toContain('Special cause — concerning low');
    expect(article).toContain('<strong>2016/17: Wigan 85.7</strong>; statistical neighbours 80.9; North West 74.4; England 76.7.');
  });

  it('escapes every text from the input', () => {
    const input = wiganReportInput();
    const evil = '<script>alert(1)</script>" onmouseover="x';
    for (const r of input.doc.results) if (r.indicator === 'cla_per_10k') {
      r.title = evil;
      r.notes = [evil];
      if (r.benchmarks.england) r.benchmarks.england.note = evil;
    }
    for (const d of input.definitions) if (d.id === 'cla_per_10k') d.title = evil;
    input.doc.la = { code: '359', ons_code: 'E08000010', name: `Wigan ${evil}`, region: `North West ${evil}` };
    const out = renderHtml(input);
    expect(out).not.toContain('<script>');
    expect(out).not.toContain('" onmouseover="');
    expect(out).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&quot; onmouseover=&quot;x');
  });

  it('shows c for withheld figures and gaps in the charts when suppressed', () => {
    const out = renderHtml(wiganReportInput({ suppress: true }));
    expect(out).toContain('Published version: small numbers are withheld and shown as c.');
    const article = out.slice(out.indexOf('id="ind-cpp_2y_plus_pct"'), out.indexOf('id="ind-cpp_reviews_in_time_pct"'));
    expect(article).toContain('<tr><th scope="row">2015/16</th><td>c</td>');
    expect(article).toContain('not assessed (withheld)');
  });
});

describe('colours (WCAG 2.2 AA)', () => {
  it('every palette colour reaches 4.5:1 on white, so it passes as text as well as a line or marker', () => {
    for (const [name, colour] of Object.entries(PALETTE)) {
      if (name === 'grid') continue; // gridlines are decoration
      expect(contrast(colour, '#ffffff'), name).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('the variation symbols stay readable on the call-out background', () => {
    for (const c of [PALETTE.improvement, PALETTE.concern, PALETTE.neither, PALETTE.common, PALETTE.text]) {
      expect(contrast(c, '#f3f2f1'), c).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("the workbook's RAG text reaches 4.5:1 on its fill", () => {
    expect(contrast('#006100', '#c6efce')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#9c5700', '#ffeb9c')).toBeGreaterThanOrEqual(4.5);
    expect(contrast('#9c0006', '#ffc7ce')).toBeGreaterThanOrEqual(4.5);
  });
});
