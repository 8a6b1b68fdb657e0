import { describe, expect, it } from 'vitest';
import { InputRejected } from '../errors.ts';
import { looksLikeXml, readXml } from './xml.ts';
import type { XmlLimits } from './xml.ts';

const enc = (s: string) => new TextEncoder().encode(s);

/** The events of a document as strings, text pieces joined per element. */
function events(xml: string | Uint8Array, limits: Partial<XmlLimits> = {}): string[] {
  const out: string[] = [];
  let text = '';
  const flush = () => {
    if (text.trim() !== '') out.push(`"${text}"`);
    text = '';
  };
  readXml(typeof xml === 'string' ? enc(xml) : xml, 'f.xml', {
    open(name, line) {
      flush();
      out.push(`<${name}@${line}`);
    },
    close(name) {
      flush();
      out.push(`/${name}`);
    },
    text(t) {
      text += t;
    },
  }, limits);
  return out;
}

function rejection(xml: string | Uint8Array): string {
  try {
    events(xml);
  } catch (e) {
    if (e instanceof InputRejected) return e.message;
    throw e;
  }
  throw new Error('not rejected');
}

describe('readXml', () => {
  it('gives open, close and text events with line numbers, decoding only predefined entities and character references', () => {
    const doc = '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- a comment -->\n<a:Message xmlns:a="urn:x">\n  <B at="1 &amp; 2">x &lt;&gt;&amp;&quot;&apos; &#65;&#x42;</B>\n  <C/>\n  <D><![CDATA[<not a tag> & raw]]></D>\n</a:Message>\n';
    expect(events(doc)).toEqual(['<Message@3', '<B@4', '"x <>&"\' AB"', '/B', '<C@5', '/C', '<D@6', '"<not a tag> & raw"', '/D', '/Message']);
  });

  it('gives the same events whatever the chunk size (tokens and UTF-8 characters straddling chunks)', () => {
    const body = Array.from({ length: 40 }, (_, i) => `<Item n="${i}">Zoë &amp; 汉字 ${'x'.repeat(i)}<!-- c${i} --></Item>`).join('\n');
    const doc = `<?xml version="1.0"?>\n<Root>\n${body}\n</Root>`;
    const whole = events(doc);
    for (const chunk of [1, 2, 3, 5, 7, 64]) expect(events(doc, { chunk })).toEqual(whole);
  });

  it('can be stopped by the handler', () => {
    const seen: string[] = [];
    readXml(enc('<Root><A/><B/></Root'), 'f.xml', { open: (n) => (seen.push(n), n === 'A'), close: () => {}, text: () => {} });
    expect(seen).toEqual(['Root', 'A']); // stopped before the broken end tag
  });

  it.each([
    ['a billion-laughs DOCTYPE', '<?xml version="1.0"?>\n<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>\n<lolz>&lol2;</lolz>', /line 2: declares entities in a DOCTYPE/],
    ['an external entity', '<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>', /declares entities in a DOCTYPE/],
    ['an external DTD', '<!DOCTYPE foo SYSTEM "http://example.invalid/x.dtd"><foo/>', /refers to an external DTD/],
    ['any DOCTYPE', '<!DOCTYPE foo><foo/>', /has a DOCTYPE/],
    ['an entity declared outside a DOCTYPE', '<foo><!ENTITY x "y"></foo>', /<!ENTITY> declaration/],
    ['an undeclared entity', '<foo>&xxe;</foo>', /line 1, column 10: uses an entity other than the five XML predefines/],
    ['an HTML entity', '<foo>&nbsp;</foo>', /uses an entity other than the five XML predefines/],
    ['an entity named like an Object property', '<foo>&constructor;</foo>', /uses an entity other than the five XML predefines/],
    ['an entity in an attribute', '<foo a="&xxe;"/>', /uses an entity other than the five XML predefines/],
    ['a bare ampersand', '<foo>a & b</foo>', /bare '&'/],
    ['a character reference XML forbids', '<foo>&#0;</foo>', /not a character XML allows/],
    ['mismatched tags', '<a>\n<b></a>', /line 2, column 7: has <\/a> where <\/b> was expected/],
    ['an end tag with no element open', '<a/></b>', /line 1, column 8: has an end tag with no element open/],
    ['a DOCTYPE after comments', '<?xml version="1.0"?>\n<!-- one -->\n<!-- two -->\n<!DOCTYPE foo>\n<foo/>', /line 4: has a DOCTYPE/],
    ['a DOCTYPE after the document element', '<foo/>\n<!DOCTYPE foo>', /line 2, column 9: has a DOCTYPE/],
    ['a DOCTYPE over several lines (at its first line)', '<?xml version="1.0"?>\n<!DOCTYPE foo [\n  <!ENTITY a "b">\n  <!ENTITY c "d">\n]>\n<foo>&a;</foo>', /line 2: declares entities in a DOCTYPE/],
    ['text before the document', 'lead<a/>', /text before the first XML element/],
    ['a bare ampersand with no semicolon after it (at its line)', '<a>\n<b>x</b>\n<c>Smith & Jones</c>\n<d>y</d>\n</a>\n', /line 3: has a bare '&'/],
    ['a bare ampersand before a semicolon (at its line)', '<a>\n<c>Smith & \nJones; Brown</c>\n</a>', /line 2: has a bare '&'/],
    ['an XML declaration after blank lines and a comment', '\n\n<!-- c -->\n<?xml version="1.0"?><a/>', /line 4, column \d+: has an XML declaration that is not at the very start/],
    ['a second XML declaration', '<?xml version="1.0"?><?xml version="1.0"?><a/>', /XML declaration that is not at the very start/],
    ['a duplicate attribute', '<a b="1" b="2"/>', /the same attribute twice/],
    ['a comment with -- in it', '<a><!-- x -- y --></a>', /malformed comment/],
    ['a file cut off inside a tag', '<a><b', /line 1: ends before <\/a>/],
    ['a file cut off inside a comment', '<a/>\n<!-- c', /line 2, column \d+: ends inside a tag, comment or other markup/],
    ['a cut-off file', '<a><b>text', /ends before <\/b>/],
    ['text after the document', '<a/>trailing', /text after the end of the document/],
    ['two document elements', '<a/><b/>', /second document element/],
    ['a declared encoding other than UTF-8', '<?xml version="1.0" encoding="ISO-8859-1"?><a/>', /declares the encoding ISO-8859-1/],
    ['an empty file', '', /holds no XML element/],
    ['a malformed attribute', '<a b=c/>', /malformed attribute/],
  ])('rejects %s', (_name, doc, message) => {
    expect(rejection(doc)).toMatch(message);
  });

  it('rejects bytes that are not UTF-8, UTF-16 and NUL bytes', () => {
    expect(rejection(Uint8Array.from([0x3c, 0x61, 0x3e, 0xe9, 0x3c, 0x2f, 0x61, 0x3e]))).toMatch(/not valid UTF-8/);
    expect(rejection(Uint8Array.from([0xff, 0xfe, 0x3c, 0x00]))).toMatch(/UTF-16/);
    expect(rejection(Uint8Array.from([0x3c, 0x61, 0x3e, 0x00, 0x3c, 0x2f, 0x61, 0x3e]))).toMatch(/NUL byte/);
  });

  it('names the line of a byte that is not UTF-8, wherever the chunks fall', () => {
    const head = enc('<a>\n' + '<b>ok</b>\n'.repeat(500));
    const doc = new Uint8Array([...head, ...enc('<b>caf'), 0xe9, ...enc('</b>\n</a>\n')]);
    for (const chunk of [7, 64, 1024 * 1024]) {
      expect(() => events(doc, { chunk })).toThrow(/f\.xml, line 502: is not valid UTF-8/);
    }
    // a character cut off by the end of the file
    expect(() => events(new Uint8Array([...enc('<a>\n\n</a>'), 0xc3]))).toThrow(/line 3: is not valid UTF-8/);
  });

  it('hands on no close for an end tag that does not match, and reports the fault at its line', () => {
    const closed: string[] = [];
    const read = () => readXml(enc('<a>\n<b>\n<c></c>\n</a>'), 'f.xml', { open: () => {}, close: (n) => void closed.push(n), text: () => {} });
    expect(read).toThrow(/line 4, column 4: has <\/a> where <\/b> was expected/);
    expect(closed).toEqual(['c']);
  });

  it('gives text and CDATA the line they start on', () => {
    const lines: string[] = [];
    readXml(enc('<a>\n  <b>one\ntwo</b>\n  <c><![CDATA[x\ny]]></c>\n</a>'), 'f.xml', { open: () => {}, close: () => {}, text: (t, line) => void (t.trim() && lines.push(`${t}@${line}`)) });
    expect(lines).toEqual(['one\ntwo@2', 'x\ny@4']);
  });

  it('counts CR LF and CR line ends, and blank lines before the XML declaration', () => {
    expect(events('<a>\r\n<b/>\r\n<c/></a>')).toEqual(['<a@1', '<b@2', '/b', '<c@3', '/c', '/a']);
    expect(events('<a>\r<b/>\r<c/></a>')).toEqual(['<a@1', '<b@2', '/b', '<c@3', '/c', '/a']);
    // saxes refuses anything before an XML declaration; exports that start with a blank line are still read
    expect(events('\uFEFF\r\n\n  <?xml version="1.0"?>\n<a>\n<b/></a>')).toEqual(['<a@4', '<b@5', '/b', '/a']);
    expect(rejection('\n\n<?xml version="1.0" encoding="windows-1252"?>\n<a/>')).toMatch(/line 3: declares the encoding windows-1252/);
    expect(rejection('\n  <a>\n</b>')).toMatch(/line 3, column 4: has <\/b> where <\/a> was expected/);
    expect(rejection('  <a></b>')).toMatch(/line 1, column 9: has <\/b> where <\/a> was expected/);
  });

  it('reads prefixed elements by their local name, declared or not', () => {
    expect(events('<cin:Message><cin:Header>h</cin:Header></cin:Message>')).toEqual(['<Message@1', '<Header@1', '"h"', '/Header', '/Message']);
  });

  it('refuses an item longer than maxToken, finished or not, at the line it starts on', () => {
    const long = 'x'.repeat(5000);
    expect(() => events(`<a>\n<b>${long}</b></a>`, { maxToken: 1000, chunk: 64 })).toThrow(/line 2: has a single item .* over 1000 characters/);
    expect(() => events(`<a>\n<b/>\n<!-- ${long}`, { maxToken: 1000, chunk: 64 })).toThrow(/line 3: has a single item .* over 1000 characters/);
    expect(() => events(`<a>\n<b>${long}</b></a>`, { maxToken: 1000 })).toThrow(/line 2: has a single item .* over 1000 characters/);
    // a bare '&' makes saxes read on to the next ';' as an entity name
    expect(() => events(`<a>\n<b>Smith & Jones</b>\n${'<c>x</c>\n'.repeat(500)}</a>`, { maxToken: 1000, chunk: 64 })).toThrow(/line 2: .*bare '&'/);
    expect(events(`<a><b>${long}</b></a>`, { maxToken: 5010, chunk: 64 })).toEqual(['<a@1', '<b@1', `"${long}"`, '/b', '/a']);
  });

  it('refuses nesting deeper than a given limit', () => {
    expect(events('<a><b><c/></b></a>', { maxDepth: 3 })).toHaveLength(6);
    expect(() => events('<a>\n<b>\n<c>\n<d/></c></b></a>', { maxDepth: 3 })).toThrow(/line 4: nests elements more than 3 deep/);
  });

  it('quotes nothing from the document but element names in its messages', () => {
    for (const doc of [
      '<a>&Smith;</a>',
      '<a>Smith & Jones; 2010-01-01</a>',
      '<a b="Smith" b="Jones"/>',
      '<a b=Smith/>',
      '<a>Smith]]>Jones</a>',
      '<a><!-- Smith -- Jones --></a>',
      '<a/>Smith',
      'Smith<a/>',
      '<a>&#Smith;</a>',
      '<a><Smith\u0001/></a>',
    ]) {
      const message = rejection(doc);
      expect(message, doc).not.toMatch(/Smith|Jones|2010/i);
    }
  });

  it('refuses nesting deeper than the limit', () => {
    expect(() => events('<a>'.repeat(100) + '</a>'.repeat(100))).toThrow(/more than 64 deep/);
  });

  it('reads a 40 MB document in chunks, without building a tree', () => {
    const child = '<Child><ChildIdentifiers><LAchildID>123456</LAchildID><PersonBirthDate>2010-01-01</PersonBirthDate></ChildIdentifiers><CINdetails><CINreferralDate>2016-05-01</CINreferralDate><ReferralNFA>false</ReferralNFA></CINdetails></Child>\n';
    const n = Math.ceil((40 * 1024 * 1024) / child.length);
    const doc = enc(`<?xml version="1.0" encoding="UTF-8"?>\n<Message><Children>\n${child.repeat(n)}</Children></Message>\n`);
    let children = 0;
    let lastLine = 0;
    readXml(doc, 'big.xml', { open: (name, line) => void (name === 'Child' && (children++, (lastLine = line))), close: () => {}, text: () => {} });
    expect(children).toBe(n);
    expect(lastLine).toBe(n + 2);
  });

  it('tells XML from CSV by its first character', () => {
    expect(looksLikeXml(enc('\uFEFF  \n<?xml version="1.0"?><a/>'))).toBe(true);
    expect(looksLikeXml(enc('CHILD,SEX,DOB\n'))).toBe(false);
    expect(looksLikeXml(Uint8Array.from([0xff, 0xfe, 0x3c, 0x00]))).toBe(true);
  });
});
