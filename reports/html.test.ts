/*
 * The trends HTML without a browser: self-contained, escaped, deterministic,
 * a table beside every chart, and a palette that passes WCAG 2.2 AA. The
 * browser test (html.browser.test.ts) loads it in Chromium.
 */
import { describe, expect, it } from 'vitest';
import { wiganReportInput } from '../test-support/report-input.ts';
import { renderHtml } from './html.ts';
import { PALETTE } from './svg.ts';
import type { TrendSettings } from './types.ts';

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
    const figures = html.match(/<figure class="chart-figure( years)?"[\s\S]*?<\/figure>/g) ?? [];
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
    expect(article).toContain('<tr data-period="2015/16"><th scope="row">2015/16</th><td data-m="value">c</td>');
    expect(article).toContain('not assessed (withheld)');
  });
});

describe('trends: at a glance, phases, markers and icons', () => {
  const settings: TrendSettings = {
    rebase: [],
    annotations: [
      { date: '2014-04-01', label: 'Reviews relaunched <b>', rebase: true },
      { date: '2015-10-15', label: 'Front door moves', rebase: false },
    ],
    targets: { cla_review_iro_consulted_pct: 60 },
  };
  const out = renderHtml(wiganReportInput({ trends: settings }));
  const article = (id: string, next: string) => out.slice(out.indexOf(`id="ind-${id}"`), out.indexOf(`id="ind-${next}"`));

  it('opens with one table of every indicator, each row linking to its section', () => {
    const main = out.slice(out.indexOf('<main>'));
    expect(main.startsWith('<main><section aria-labelledby="glance"><h2 id="glance">At a glance</h2>')).toBe(true);
    const glance = main.slice(0, main.indexOf('</section>'));
    const links = [...glance.matchAll(/<a href="#(ind-[a-z0-9_]+)">/g)].map((m) => m[1]);
    expect(links).toEqual(wiganReportInput().definitions.map((d) => `ind-${d.id}`));
    for (const id of links) expect(out).toContain(`<h3 id="${id}">`);
    // the IRO row: latest month and value, phase 2's mean and limits, both icons, and the 2016/17 figures
    const row = glance.slice(glance.indexOf('href="#ind-cla_review_iro_consulted_pct"'));
    expect(row.slice(0, row.indexOf('</tr>'))).toMatch(/Mar 2017<\/td><td>[\d.]+<\/td><td>[\d.]+<\/td><td>[\d.]+ to [\d.]+<\/td><td class="text"><svg class="icon" aria-hidden="true"[^]*<span>Consistently failing the target \(target 60%\)<\/span><\/td><td>55\.8<\/td>/);
  });

  it('draws each phase, and each annotation as a labelled marker (escaped), with the rebase at its phase start', () => {
    const iro = article('cla_review_iro_consulted_pct', 'cla_review_sw_attended_pct');
    expect(iro).toMatch(/Phase 1, Apr 2013 to Mar 2014: mean [\d.]+; process limits [\d.]+ to [\d.]+\. Phase 2, Apr 2014 to Mar 2017: mean/);
    expect(iro).toContain('>Reviews relaunched &lt;b&gt;</text>');
    expect(iro).toContain('<li>Apr 2014: Reviews relaunched &lt;b&gt; (limits recalculated from Apr 2014)</li>');
    expect(iro).toContain('<li>Oct 2015: Front door moves</li>');
    expect(iro).not.toContain('<b>');
    // the table holds what the chart draws: month, value, phase, mean, limits, variation
    expect(iro).toMatch(/<tr class="older"><th scope="row">Apr 2014<\/th><td>[\d.]+<\/td><td>2<\/td><td>[\d.]+<\/td><td>[\d.]+ to [\d.]+<\/td>/);
    expect(iro).toMatch(/<tr class="older"><th scope="row">Mar 2014<\/th><td>[\d.]+<\/td><td>1<\/td>/);
  });

  it('gives a gap its reason in the table, and judges nothing there', () => {
    const rereferrals = article('rereferrals_12m_pct', 'cin_per_10k');
    expect(rereferrals).toContain('<tr class="older"><th scope="row">Apr 2013</th><td>x</td><td>1</td>');
    expect(rereferrals).toContain('no value: the look-back reaches before the extract starts</td></tr>');
  });

  it('charts the last 120 months, while phases and the table count from the start of the series', () => {
    const input = wiganReportInput({ trends: settings });
    const s = input.monthly.find((m) => m.indicator === 'referrals_per_10k')!;
    // 130 months from 2006-06 to 2017-03, alternating 40 and 50
    s.points = Array.from({ length: 130 }, (_, i) => {
      const k = 2006 * 12 + 5 + i;
      const period = `${Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
      return { period, period_end: `${period}-28`, value: i % 2 === 0 ? 40 : 50, numerator: 1, denominator: 1 };
    });
    const html = renderHtml(input);
    const a = html.slice(html.indexOf('id="ind-referrals_per_10k"'), html.indexOf('id="ind-rereferrals_12m_pct"'));
    expect(a).toContain('XmR statistical process control chart of 120 calendar months, Apr 2007 to Mar 2017.');
    expect(a).toContain('Phase 1, Jun 2006 to Mar 2014: mean 45.0');
    expect(a).toContain('<tr class="older"><th scope="row">Jun 2006</th>');
    // printed, the table keeps the latest 12 months (the rest are marked older and hidden by the print stylesheet)
    expect((a.match(/<tr><th scope="row">/g) ?? []).length).toBe(12);
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
