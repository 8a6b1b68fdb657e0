/*
 * Safe streaming XML reading for the DfE returns: the `saxes` library does
 * the tokenizing and the well-formedness checks (XML 1.0, non-validating);
 * this wrapper adds the safety policy and the error reporting safeguard needs,
 * and hands the caller open / close / text events with their line numbers.
 *
 * What the wrapper adds, and why:
 * - No entities beyond the five predefined ones and numeric character
 *   references, no DTD, nothing fetched. saxes never expands a DTD's entities
 *   nor fetches anything, but it accepts a DOCTYPE; we reject any document
 *   with one outright (entity declarations, external entities and DTD
 *   references live there), so a billion-laughs or XXE file is refused before
 *   a single entity is looked at. Any other `&name;` is refused (saxes:
 *   "undefined entity").
 * - Limits saxes does not have: element nesting (maxDepth) and the length of
 *   any one item (maxToken: a text node, a tag, a comment, a DOCTYPE). saxes
 *   buffers an item whole, so the length is checked after every chunk as the
 *   distance from the last event (comments and processing instructions have
 *   no event: they count with what follows them).
 * - Bytes to text: strict UTF-8 (a bad byte rejects the file with the line it
 *   is on), the BOM dropped, UTF-16 and NUL bytes refused with a plain reason,
 *   and a declared encoding other than UTF-8 refused. Decoded a chunk at a
 *   time, so a 60 MB census is never one 60 MB string.
 * - Every fault is an InputRejected naming the file, the line (and the column
 *   where saxes gives one) and the reason in plain words. saxes' own messages are mapped to ours, never
 *   passed on: they may quote the document (an entity or attribute name), and
 *   a message must quote nothing from a child's record beyond element names.
 * A malformed document rejects the whole file: half a census would give wrong
 * figures, not fewer. The caller keeps what it needs from the events (for a
 * CIN census, one Child at a time), so no tree of the whole document is built.
 */
import { SaxesParser } from 'saxes';
import { InputRejected } from '../errors.ts';
import { shorten } from '../values.ts';

export interface XmlHandler {
  /** an element opens (a self-closing element opens and closes); return true to stop reading */
  open(name: string, line: number): boolean | void;
  /** an element closes; return true to stop reading */
  close(name: string, line: number): boolean | void;
  /** character data inside an element (entities decoded; may arrive in several pieces) */
  text(text: string, line: number): void;
}

export interface XmlLimits {
  /** deepest element nesting accepted */
  maxDepth: number;
  /** longest single item (a text node, a tag, a comment, a DOCTYPE) in characters, give or take a '<' or two */
  maxToken: number;
  /** bytes decoded and handed to saxes at a time (tests make it tiny, so items and UTF-8 characters straddle chunks) */
  chunk: number;
}

const DEFAULT_LIMITS: XmlLimits = { maxDepth: 64, maxToken: 8 * 1024 * 1024, chunk: 1024 * 1024 };

/** True when the bytes look like an XML document (after an optional BOM and white space). */
export function looksLikeXml(bytes: Uint8Array): boolean {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3;
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true; // UTF-16: rejected when read
  while (i < bytes.length && i < 4096 && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c; // '<'
}

/** Local name of an element (the part after any namespace prefix). */
export function localName(name: string): string {
  const c = name.indexOf(':');
  return c < 0 ? name : name.slice(c + 1);
}

/**
 * Reads a whole document, calling the handler for each event, or throws
 * InputRejected naming the file and line. Stops early when a handler returns true.
 */
export function readXml(bytes: Uint8Array, file: string, handler: XmlHandler, limits: Partial<XmlLimits> = {}): void {
  new Reader(bytes, file, handler, { ...DEFAULT_LIMITS, ...limits }).run();
}

/** Thrown from inside a saxes event when the handler asks to stop. */
class Stop {}

/** Decoded text handed to saxes, kept while it may be needed to describe a fault. */
interface Chunk {
  text: string;
  /** saxes' position (characters from the start of the text) of text[0] */
  base: number;
}

/** What the ambiguous saxes messages mean, in our words. */
const REASONS: [RegExp, string][] = [
  [/^documents may contain only one root/, 'has a second document element after the first one closed'],
  [/^document must contain a root element/, 'holds no XML element'],
  [/^malformed character entity/, 'has a character reference (&#...;) that is not a character XML allows'],
  [/XML declaration|^(version number|encoding value|standalone value|expected the name|expected one of|did not expect any more|whitespace required|value required)/, 'has an XML declaration that is not at the very start of the file, or is malformed'],
  [/^(attribute without value|unquoted attribute value|no whitespace between attributes|disallowed character in attribute name|value must be quoted)/, 'has a malformed attribute in a tag'],
  [/^duplicate attribute/, 'has the same attribute twice in one tag'],
  [/^(disallowed character in tag name|disallowed character in closing tag|forward-slash in opening tag|weird empty close tag)/, 'has a malformed tag'],
  [/^malformed comment/, "has a malformed comment ('--' inside a comment)"],
  [/^the string "\]\]>" is disallowed/, "has ']]>' in its text (write ]]&gt;)"],
  [/^disallowed character\.$/, 'has a character XML does not allow'],
  [/processing instruction/, 'has a malformed processing instruction'],
  [/^unexpected end/, 'ends inside a tag, comment or other markup (the file is cut off)'],
];

class Reader {
  private readonly parser = new SaxesParser({ xmlns: false, position: true });
  /** open element names, innermost last */
  private readonly stack: string[] = [];
  private seenRoot = false;
  /** an element saxes closed, not yet handed on, and the line of its end tag */
  private pending: string | null = null;
  private pendingLine = 1;
  /** line the tag being read opened on (saxes reports an open tag at its '>') */
  private tagLine = 1;
  /** saxes' position and line at the end of the last event: where the next item starts */
  private markPos = 0;
  private markLine = 1;
  private markChunk: Chunk | null = null;
  private prev: Chunk | null = null;
  private cur: Chunk | null = null;
  /** blank lines before the first markup, taken off before saxes sees the text (see leadingSpace) */
  private lineShift = 0;
  /** and the spaces taken off the line the first markup is on */
  private columnShift = 0;
  private stripping = true;
  private afterCR = false;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    private readonly handler: XmlHandler,
    private readonly limits: XmlLimits,
  ) {
    if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
      this.reject(1, 'is UTF-16 encoded; safeguard reads XML returns saved as UTF-8');
    }
    const nul = bytes.indexOf(0);
    if (nul >= 0) this.reject(lineAtByte(bytes, nul), 'contains a NUL byte: this is a binary file, not XML text');
    this.listen();
  }

  run(): void {
    try {
      this.feed();
    } catch (e) {
      if (e instanceof Stop) return;
      throw e;
    }
  }

  private reject(line: number, reason: string, column?: number): never {
    throw new InputRejected({ file: this.file, line, ...(column === undefined ? {} : { column: String(column) }) }, reason);
  }

  private get line(): number {
    return this.parser.line + this.lineShift;
  }

  /** saxes' column is 0-based, of the character after the one read last: the 1-based column of that one */
  private get column(): number {
    return this.parser.column + (this.parser.line === 1 ? this.columnShift : 0);
  }

  /** Marks the end of an event: the next item starts here. Checks the item just ended against maxToken. */
  private mark(): void {
    const p = this.parser;
    if (p.position - this.markPos > this.limits.maxToken) this.tooLong();
    this.markPos = p.position;
    this.markLine = this.line;
    this.markChunk = this.cur;
  }

  private tooLong(): never {
    this.reject(this.markLine, `has a single item (a text, tag or comment) over ${this.limits.maxToken} characters long${this.bareAmpersand() === null ? '' : ", from a bare '&' (write &amp;)"}`);
  }

  /**
   * Six handlers, no more: saxes stores each as a property added to the
   * parser after it is built, and at eight V8 turns the parser into a slow
   * dictionary object, making the whole parse about six times slower (a
   * 60 MB census: 2 s becomes 12 s). So saxes' errors are caught as thrown
   * (its default), the XML declaration is read from parser.xmlDecl, and
   * comments and processing instructions get no handler.
   */
  private listen(): void {
    const p = this.parser;
    p.on('doctype', (doctype) => {
      // reported at its '>': the DOCTYPE began that many line breaks earlier
      const line = this.line - countNewlines(doctype);
      const what = /<!ENTITY/i.test(doctype)
        ? 'declares entities in a DOCTYPE'
        : /\b(SYSTEM|PUBLIC)\b/.test(doctype)
          ? 'refers to an external DTD in its DOCTYPE'
          : 'has a DOCTYPE';
      this.reject(line, `${what}: safeguard does not read DTDs or expand entities, so a return must have none (a DfE return never does)`);
    });
    p.on('opentagstart', () => {
      this.deliver();
      this.tagLine = this.line;
      if (!this.seenRoot) {
        // saxes has read any XML declaration by the first element
        const enc = p.xmlDecl.encoding;
        if (enc !== undefined && !/^utf-?8$/i.test(enc)) this.reject(1 + this.lineShift, `declares the encoding ${shorten(enc, 40)}; safeguard reads XML returns saved as UTF-8`);
      }
      if (this.stack.length >= this.limits.maxDepth) this.reject(this.tagLine, `nests elements more than ${this.limits.maxDepth} deep`);
    });
    p.on('opentag', (tag) => {
      this.mark();
      this.seenRoot = true;
      this.stack.push(tag.name);
      if (this.handler.open(localName(tag.name), this.tagLine) === true) throw new Stop();
    });
    p.on('closetag', (tag) => {
      // saxes calls this for the open element before it checks the end tag's name (a mismatch fails just
      // after), so the close is handed on at the next event, once saxes has not failed
      this.deliver();
      this.pendingLine = tag.isSelfClosing ? this.tagLine : this.line;
      this.mark();
      this.pending = this.stack.pop() ?? null;
    });
    p.on('text', (text) => {
      this.deliver();
      this.mark();
      // reported at the '<' after it; saxes has made each line break one '\n' (a '&#10;' in it would count too)
      // white space between the prolog's items and after the root: saxes itself refuses any other text there
      if (this.stack.length > 0) this.handler.text(text, this.line - countNewlines(text));
    });
    p.on('cdata', (text) => {
      this.deliver();
      this.mark();
      this.handler.text(text, this.line - countNewlines(text));
    });
  }

  /** Hands on the close saxes reported at the last event (see 'closetag'). */
  private deliver(): void {
    const name = this.pending;
    if (name === null) return;
    this.pending = null;
    if (this.handler.close(localName(name), this.pendingLine) === true) throw new Stop();
  }

  /** A saxes well-formedness error, in our words, at its line and column. */
  private fault(message: string): never {
    const line = this.line;
    const { column } = this;
    if (/^unexpected close tag/.test(message)) {
      const expected = this.pending ?? '';
      const got = /<\/([^\s<>/]+)\s*>?$/.exec(this.recent(200))?.[1];
      this.reject(line, `has ${got === undefined ? 'an end tag' : `</${shorten(got, 40)}>`} where </${shorten(expected, 40)}> was expected`, column);
    }
    if (/^unmatched closing tag/.test(message)) this.reject(line, 'has an end tag with no element open', column);
    if (/^unclosed tag/.test(message)) {
      const amp = this.bareAmpersand();
      if (amp !== null) this.reject(amp, "has a bare '&' (write &amp;)");
      this.reject(line, `ends before </${shorten(this.stack.at(-1) ?? '', 40)}> (the file is cut off or not well-formed)`);
    }
    if (/^text data outside of root/.test(message)) {
      this.reject(line, this.seenRoot ? 'has text after the end of the document' : 'has text before the first XML element', column);
    }
    if (/^inappropriately located doctype/.test(message)) {
      this.reject(line, 'has a DOCTYPE: safeguard does not read DTDs or expand entities, so a return must have none (a DfE return never does)', column);
    }
    if (/^incorrect syntax/.test(message)) {
      const word = /<!([A-Za-z]*)[^<]*$/.exec(this.recent(20))?.[1]?.toUpperCase();
      this.reject(line, `has a <!${word || '...'}> declaration: safeguard does not read DTDs or expand entities`, column);
    }
    if (/^undefined entity/.test(message)) {
      this.reject(line, 'uses an entity other than the five XML predefines (&lt; &gt; &amp; &quot; &apos;): safeguard expands no other entities (and a file may not declare any)', column);
    }
    if (/^(disallowed character in entity name|empty entity name)/.test(message)) {
      this.reject(this.bareAmpersand() ?? line, "has a bare '&' (write &amp;)");
    }
    const reason = REASONS.find(([re]) => re.test(message))?.[1];
    // an unforeseen saxes message: its words up to any ':' (after which saxes may quote the document)
    this.reject(line, reason ?? `is not well-formed XML (${message.replace(/:.*$/s, '').replace(/\.$/, '')})`, column);
  }

  /** Up to n characters of the text just before saxes' position (for the name in an end tag, the word after '<!'). */
  private recent(n: number): string {
    const cur = this.cur;
    if (!cur) return '';
    const at = this.parser.position - cur.base;
    const before = this.prev && at < n ? this.prev.text.slice(-(n - at)) : '';
    return before + cur.text.slice(Math.max(0, at - n), at);
  }

  /**
   * The line of a bare '&' since the last event, if there is one: saxes reads
   * from an '&' to the next ';' as an entity name, so an '&' in a text says
   * nothing until a ';' or the end of the file, and saxes' own message would
   * point there. Looked for only once the document has failed.
   */
  private bareAmpersand(): number | null {
    const c = this.markChunk;
    if (!c) return null;
    const text = c === this.prev && this.cur ? c.text + this.cur.text : c.text;
    const from = Math.max(0, this.markPos - c.base);
    const re = /&(?![A-Za-z_:][\w.:-]*;|#[0-9]+;|#x[0-9a-fA-F]+;)/g;
    re.lastIndex = from;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const before = text.slice(from, m.index);
      // an '&' inside a comment, CDATA section, processing instruction or tag is not in a text
      if (before.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>/g, '').includes('<')) continue;
      return this.markLine + countNewlines(before);
    }
    return null;
  }


  /** Decodes the bytes a chunk at a time and writes them to saxes. */
  private feed(): void {
    const { bytes } = this;
    const decoder = new TextDecoder('utf-8', { fatal: true }); // drops a leading BOM itself
    let written = 0;
    for (let offset = 0; offset < bytes.length; ) {
      const end = Math.min(offset + this.limits.chunk, bytes.length);
      let text: string;
      try {
        text = decoder.decode(bytes.subarray(offset, end), { stream: end < bytes.length });
      } catch {
        this.reject(lineAtByte(bytes, badUtf8(bytes, offset, end)), 'is not valid UTF-8; save it as UTF-8 (it may be Latin-1/Windows-1252)');
      }
      offset = end;
      if (this.stripping) text = this.leadingSpace(text);
      if (text === '') continue;
      this.prev = this.cur;
      this.cur = { text, base: written };
      written += text.length;
      this.saxes(() => this.parser.write(text));
      // saxes has read the whole chunk (parser.position is only right inside an event: it counts the chunk twice after)
      if (written - this.markPos > this.limits.maxToken) this.tooLong();
    }
    this.saxes(() => this.parser.close());
    this.deliver();
  }

  /** Runs saxes; an error it throws (its messages start 'line:column: ') is a fault of the document. */
  private saxes(step: () => void): void {
    try {
      step();
    } catch (e) {
      if (e instanceof Stop || e instanceof InputRejected || !(e instanceof Error) || !/^\d+:\d+: /.test(e.message)) throw e;
      this.fault(e.message.replace(/^\d+:\d+: /, ''));
    }
  }

  /**
   * Takes blank lines and spaces off the start of the document, counting the
   * lines: saxes refuses an XML declaration after them (as XML says), but some
   * case systems' exports start with a blank line, and an analyst would not
   * expect a census to be refused for it. The lines still count in every line
   * (and the spaces in every column) reported.
   */
  private leadingSpace(text: string): string {
    let i = 0;
    for (; i < text.length; i++) {
      const c = text[i];
      if (c === '\r' || (c === '\n' && !this.afterCR)) {
        this.lineShift++; // a CR LF is one line break; a CR alone is one too (XML's rule)
        this.columnShift = 0;
      } else if (c === ' ' || c === '\t') this.columnShift++;
      else if (c !== '\n') break;
      this.afterCR = c === '\r';
    }
    if (i < text.length) this.stripping = false;
    return text.slice(i);
  }

}

/**
 * Where the first byte that is not UTF-8 is, between from and end (a
 * decoding of the bytes up to it fails; of the bytes before it does not).
 * A search only when decoding has already failed.
 */
function badUtf8(bytes: Uint8Array, from: number, end: number): number {
  // start on a character boundary at or before `from` (a chunk can start inside a character)
  let start = from;
  while (start > 0 && from - start < 3 && (bytes[start]! & 0xc0) === 0x80) start--;
  const fails = (n: number): boolean => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, n), { stream: n < bytes.length });
      return false;
    } catch {
      return true;
    }
  };
  let lo = start; // decoding to lo succeeds
  let hi = end; // decoding to hi fails
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (fails(mid)) hi = mid;
    else lo = mid;
  }
  return hi - 1;
}

function countNewlines(s: string): number {
  let k = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) k++;
  return k;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = bytes.indexOf(10); i >= 0 && i < offset; i = bytes.indexOf(10, i + 1)) line++;
  return line;
}

