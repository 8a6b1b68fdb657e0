/*
 * A small, safe, streaming XML tokenizer: enough XML for the DfE returns, and
 * nothing that can be turned against us. It never expands an entity beyond the
 * five predefined ones and numeric character references, never reads a DTD and
 * never fetches anything: a document with a DOCTYPE (where entity declarations,
 * external entities and DTD references live) is rejected outright, as is any
 * other `&name;` reference. So a billion-laughs or external-entity (XXE) file
 * is refused before a single entity is looked at.
 *
 * The bytes are decoded in chunks (strict UTF-8) and handed out as open /
 * close / text events with their line numbers; the caller keeps what it needs
 * (for a CIN census, one Child at a time), so no tree of the whole document is
 * ever built. A malformed document rejects the file with the line of the fault:
 * half a census would give wrong figures, not fewer.
 */
import { InputRejected } from '../errors.ts';

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
  /** longest single token (a text node, a tag, a comment) in characters */
  maxToken: number;
  /** bytes decoded at a time (tests make it tiny, so tokens straddle chunks) */
  chunk: number;
}

const DEFAULT_LIMITS: XmlLimits = { maxDepth: 64, maxToken: 8 * 1024 * 1024, chunk: 1024 * 1024 };
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

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
  new Tokenizer(bytes, file, handler, { ...DEFAULT_LIMITS, ...limits }).run();
}

class Stop {}

class Tokenizer {
  private buf = '';
  private pos = 0;
  private offset = 0; // bytes handed to the decoder so far
  private line = 1;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private done = false;
  private readonly stack: string[] = [];
  private seenRoot = false;
  private seenAnything = false;

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
  }

  run(): void {
    try {
      this.loop();
    } catch (e) {
      if (e instanceof Stop) return;
      throw e;
    }
  }

  private reject(line: number, reason: string): never {
    throw new InputRejected({ file: this.file, line }, reason);
  }

  /** Decodes the next chunk onto the buffer; false at the end of the bytes. */
  private more(): boolean {
    if (this.done) return false;
    const end = Math.min(this.offset + this.limits.chunk, this.bytes.length);
    let chunk: string; // the decoder drops a leading BOM itself
    try {
      chunk = this.decoder.decode(this.bytes.subarray(this.offset, end), { stream: end < this.bytes.length });
    } catch {
      this.reject(this.line, 'is not valid UTF-8; save it as UTF-8 (it may be Latin-1/Windows-1252)');
    }
    this.offset = end;
    if (end >= this.bytes.length) this.done = true;
    this.buf = this.buf.slice(this.pos) + chunk;
    this.pos = 0;
    if (this.buf.length > this.limits.maxToken + this.limits.chunk) this.reject(this.line, `has a single item over ${this.limits.maxToken} characters long`);
    return true;
  }

  /** Index (in buf) of `needle` at or after buf[pos + from], reading more as needed; -1 at the end. */
  private find(needle: string, from: number): number {
    for (;;) {
      const i = this.buf.indexOf(needle, this.pos + from);
      if (i >= 0) return i;
      from = Math.max(0, this.buf.length - this.pos - needle.length + 1);
      if (!this.more()) return -1;
    }
  }

  /** Makes sure at least n characters from pos are buffered (unless the document ends first). */
  private ensure(n: number): void {
    while (this.buf.length - this.pos < n && this.more()) {
      /* read on */
    }
  }

  private consume(to: number): void {
    const s = this.buf;
    for (let i = this.pos; i < to; i++) if (s.charCodeAt(i) === 10) this.line++;
    this.pos = to;
  }

  private loop(): void {
    this.more();
    for (;;) {
      const lt = this.find('<', 0);
      const textEnd = lt < 0 ? this.buf.length : lt;
      if (textEnd > this.pos) this.textNode(textEnd);
      if (lt < 0) break;
      this.ensure(9);
      const s = this.buf;
      const p = this.pos;
      if (s.startsWith('<!--', p)) this.comment();
      else if (s.startsWith('<![CDATA[', p)) this.cdata();
      else if (s.startsWith('<!', p)) this.declaration();
      else if (s.startsWith('<?', p)) this.processingInstruction();
      else if (s.startsWith('</', p)) this.endTag();
      else this.startTag();
    }
    if (this.stack.length > 0) this.reject(this.line, `ends before </${this.stack.at(-1)}> (the file is cut off or not well-formed)`);
    if (!this.seenRoot) this.reject(this.line, 'holds no XML element');
  }

  private textNode(end: number): void {
    const raw = this.buf.slice(this.pos, end);
    const line = this.line;
    if (this.stack.length === 0) {
      if (raw.trim() !== '') this.reject(line, this.seenRoot ? 'has text after the end of the document' : 'has text before the first XML element');
    } else {
      const text = this.decodeEntities(raw, line);
      this.handler.text(text, line);
    }
    this.consume(end);
  }

  private comment(): void {
    const end = this.find('-->', 4);
    if (end < 0) this.reject(this.line, 'has a comment that is never closed');
    this.consume(end + 3);
    this.seenAnything = true;
  }

  private cdata(): void {
    const line = this.line;
    if (this.stack.length === 0) this.reject(line, 'has a CDATA section outside the document element');
    const end = this.find(']]>', 9);
    if (end < 0) this.reject(line, 'has a CDATA section that is never closed');
    this.handler.text(this.buf.slice(this.pos + 9, end), line);
    this.consume(end + 3);
  }

  /** `<!DOCTYPE`, `<!ENTITY`, `<!ELEMENT`...: refused, whatever they say. */
  private declaration(): never {
    this.ensure(4096);
    const word = /^<!([A-Za-z]*)/.exec(this.buf.slice(this.pos, this.pos + 20))?.[1]?.toUpperCase() ?? '';
    if (word === 'DOCTYPE') {
      const head = this.buf.slice(this.pos, this.pos + 4096);
      const what = /<!ENTITY/i.test(head)
        ? 'declares entities in a DOCTYPE'
        : /\b(SYSTEM|PUBLIC)\b/.test(head)
          ? 'refers to an external DTD in its DOCTYPE'
          : 'has a DOCTYPE';
      this.reject(this.line, `${what}: safeguard does not read DTDs or expand entities, so a return must have none (a DfE return never does)`);
    }
    this.reject(this.line, `has a <!${word || '...'}> declaration: safeguard does not read DTDs or expand entities`);
  }

  private processingInstruction(): void {
    const line = this.line;
    const end = this.find('?>', 2);
    if (end < 0) this.reject(line, 'has a processing instruction that is never closed');
    const body = this.buf.slice(this.pos + 2, end);
    const target = /^[^\s?]*/.exec(body)?.[0] ?? '';
    if (target.toLowerCase() === 'xml') {
      if (target !== 'xml' || this.seenAnything) this.reject(line, 'has an XML declaration that is not at the very start of the file');
      const enc = /encoding\s*=\s*["']([^"']*)["']/.exec(body)?.[1];
      if (enc !== undefined && !/^utf-?8$/i.test(enc)) this.reject(line, `declares the encoding ${clip(enc)}; safeguard reads XML returns saved as UTF-8`);
    }
    this.consume(end + 2);
    this.seenAnything = true;
  }

  private endTag(): void {
    const line = this.line;
    const end = this.find('>', 2);
    if (end < 0) this.reject(line, 'has an end tag that is never closed');
    const name = this.buf.slice(this.pos + 2, end).trim();
    const open = this.stack.pop();
    if (open === undefined) this.reject(line, `has </${clip(name)}> with no element open`);
    if (open !== name) this.reject(line, `has </${clip(name)}> where </${open}> was expected`);
    this.consume(end + 1);
    if (this.handler.close(localName(name), line) === true) throw new Stop();
  }

  private startTag(): void {
    const line = this.line;
    // scan to the closing '>' outside quoted attribute values
    let i = this.pos + 1;
    let quote = 0;
    for (;;) {
      if (i >= this.buf.length) {
        const rel = i - this.pos;
        if (!this.more()) this.reject(line, 'has a tag that is never closed (the file is cut off)');
        i = this.pos + rel;
        continue;
      }
      const c = this.buf.charCodeAt(i);
      if (quote !== 0) {
        if (c === quote) quote = 0;
        else if (c === 60) this.reject(line, "has '<' inside an attribute value");
      } else if (c === 34 || c === 39) quote = c;
      else if (c === 62) break;
      i++;
      if (i - this.pos > 65536) this.reject(line, 'has a tag over 64 KB long');
    }
    const tag = this.buf.slice(this.pos + 1, i);
    const selfClosing = tag.endsWith('/');
    const inner = selfClosing ? tag.slice(0, -1) : tag;
    const m = /^([A-Za-z_][\w.\-:]*)/.exec(inner);
    if (!m) this.reject(line, `has a tag that does not start with an element name ('<${clip(tag)}>')`);
    const name = m[1]!;
    this.checkAttributes(inner.slice(name.length), line);
    if (this.stack.length === 0 && this.seenRoot) this.reject(line, 'has a second document element after the first one closed');
    if (this.stack.length >= this.limits.maxDepth) this.reject(line, `nests elements more than ${this.limits.maxDepth} deep`);
    this.seenRoot = true;
    this.seenAnything = true;
    this.consume(i + 1);
    this.stack.push(name);
    if (this.handler.open(localName(name), line) === true) throw new Stop();
    if (selfClosing) {
      this.stack.pop();
      if (this.handler.close(localName(name), line) === true) throw new Stop();
    }
  }

  /** Attributes are checked for well-formedness (and entities) but not reported: the returns use none. */
  private checkAttributes(rest: string, line: number): void {
    const re = /\s+([A-Za-z_][\w.\-:]*)\s*=\s*("([^"]*)"|'([^']*)')/y;
    let at = 0;
    const seen = new Set<string>();
    while (at < rest.length) {
      if (/^\s*$/.test(rest.slice(at))) return;
      re.lastIndex = at;
      const m = re.exec(rest);
      if (!m) this.reject(line, `has a malformed attribute in a tag ('${clip(rest.slice(at).trim())}')`);
      if (seen.has(m[1]!)) this.reject(line, `has the attribute ${clip(m[1]!)} twice in one tag`);
      seen.add(m[1]!);
      this.decodeEntities(m[3] ?? m[4] ?? '', line);
      at = re.lastIndex;
    }
  }

  /** The five predefined entities and numeric character references; any other reference is refused. */
  private decodeEntities(raw: string, line: number): string {
    if (raw.indexOf('&') < 0) return raw;
    let out = '';
    let from = 0;
    for (;;) {
      const amp = raw.indexOf('&', from);
      if (amp < 0) return out + raw.slice(from);
      out += raw.slice(from, amp);
      const semi = raw.indexOf(';', amp);
      const ref = semi < 0 || semi - amp > 12 ? null : raw.slice(amp + 1, semi);
      const at = line + countNewlines(raw.slice(0, amp));
      if (ref === null) this.reject(at, "has a bare '&' (write &amp;)");
      if (ref.startsWith('#')) {
        const code = /^#x[0-9a-fA-F]{1,6}$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]{1,7}$/.test(ref) ? parseInt(ref.slice(1), 10) : NaN;
        if (!isXmlChar(code)) this.reject(at, `has the character reference &${clip(ref)}; which is not a character XML allows`);
        out += String.fromCodePoint(code);
      } else {
        const v = PREDEFINED[ref];
        if (v === undefined) {
          this.reject(at, `uses the entity &${clip(ref)};: safeguard expands no entities but the five XML predefines (and the file may not declare any)`);
        }
        out += v;
      }
      from = semi + 1;
    }
  }
}

function isXmlChar(c: number): boolean {
  return (
    c === 0x9 || c === 0xa || c === 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || (c >= 0x10000 && c <= 0x10ffff)
  );
}

function countNewlines(s: string): number {
  let k = 0;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) === 10) k++;
  return k;
}

function lineAtByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 10) line++;
  return line;
}

function clip(s: string): string {
  return s.length > 40 ? `${s.slice(0, 37)}...` : s;
}
