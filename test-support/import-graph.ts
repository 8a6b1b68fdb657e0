/*
 * The import graph of safeguard's own TypeScript, for imports.test.ts: which
 * file imports which (static imports and re-exports, `import type` included,
 * and dynamic `import('...')`), every cycle, and every import that breaks the
 * layering (app -> pipeline/metrics/reports, never back). No dependency: a
 * small tokenizer skips comments, strings, template literals and regular
 * expressions, so an import written in a comment or a string is not taken for
 * one. Type-only imports count: a cycle of types is still a knot a reader has
 * to untie, and it becomes a runtime cycle the day a type gains a value.
 * Used only by tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** What the tree holds, relative to the package root, in the order the test reads it. */
export const SCANNED = ['cli.ts', 'app', 'pipeline', 'metrics', 'reports', 'fixtures', 'test-support'] as const;

export interface Import {
  specifier: string;
  line: number;
  dynamic: boolean;
}

/** A file of the graph: its path relative to the root with `/` separators, and its text. */
export type SourceFiles = ReadonlyMap<string, string>;

export interface ImportGraph {
  /** file -> the files it imports (resolved, relative paths), in source order */
  edges: Map<string, string[]>;
  /** imports that name no file of the graph, or a dynamic import of no literal */
  problems: string[];
}

export interface LayerRule {
  /** the importing files: a folder (`pipeline/`) or a file (`cli.ts`) */
  from: string;
  /** the imported files it may not reach */
  to: string;
}

/**
 * The layering, for non-test files (the graph holds no test files). A rule
 * reads "nothing in `from` imports anything in `to`". app/ and cli.ts are at
 * the top and may import everything; metrics/types.ts is the shared kernel
 * every layer may import.
 */
export const LAYER_RULES: readonly LayerRule[] = [
  ...['pipeline/', 'metrics/', 'reports/'].flatMap((from) => ['app/', 'cli.ts', 'test-support/'].map((to) => ({ from, to }))),
  { from: 'pipeline/', to: 'reports/' },
  { from: 'metrics/', to: 'reports/' },
  { from: 'reports/', to: 'pipeline/ingest/' },
  // product files: everything scanned outside test-support/
  ...['cli.ts', 'app/', 'fixtures/'].map((from) => ({ from, to: 'test-support/' })),
];

/** Every non-test `.ts` file under the scanned folders, with its text. */
export function readSourceTree(root: string): SourceFiles {
  const files = new Map<string, string>();
  const visit = (abs: string): void => {
    if (statSync(abs).isDirectory()) {
      for (const name of readdirSync(abs).sort()) if (name !== 'node_modules') visit(join(abs, name));
    } else if (abs.endsWith('.ts') && !abs.endsWith('.test.ts') && !abs.endsWith('.d.ts')) {
      files.set(relative(root, abs).split(sep).join('/'), readFileSync(abs, 'utf8'));
    }
  };
  for (const top of SCANNED) visit(join(root, top));
  return files;
}

/** Resolves each file's relative imports against the others. Package imports (`node:fs`, `vitest`) are not ours and are left out. */
export function buildGraph(files: SourceFiles): ImportGraph {
  const edges = new Map<string, string[]>();
  const problems: string[] = [];
  for (const [file, text] of files) {
    const to: string[] = [];
    for (const imp of extractImports(text)) {
      if (imp.specifier === '') {
        problems.push(`${file}:${imp.line}: a dynamic import of something other than a string literal cannot be checked`);
        continue;
      }
      if (!imp.specifier.startsWith('./') && !imp.specifier.startsWith('../')) continue;
      const target = posix.normalize(posix.join(posix.dirname(file), imp.specifier));
      // data files (schema.sql, JSON) are not modules of the graph
      if (!target.endsWith('.ts') && !target.endsWith('.js')) continue;
      const ts = target.replace(/\.js$/, '.ts');
      if (files.has(ts)) {
        if (!to.includes(ts)) to.push(ts);
      } else {
        problems.push(`${file}:${imp.line}: imports ${imp.specifier}, which is not a file of the tree`);
      }
    }
    edges.set(file, to);
  }
  return { edges, problems };
}

/**
 * Every cycle, one per strongly connected component (Tarjan), as the files of
 * one concrete loop through it: `a.ts -> b.ts -> a.ts`. Files are visited in
 * sorted order, so the message is the same every run.
 */
export function findCycles(edges: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  let next = 0;
  const strongConnect = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        strongConnect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (edges.get(v) ?? []).includes(v)) components.push(component);
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) strongConnect(v);
  return components.map((c) => loopThrough(edges, new Set(c))).sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The shortest loop from the component's first file (sorted) back to itself, staying inside the component. */
function loopThrough(edges: ReadonlyMap<string, readonly string[]>, component: ReadonlySet<string>): string[] {
  const start = [...component].sort()[0]!;
  const cameFrom = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift()!;
    for (const w of edges.get(v) ?? []) {
      if (!component.has(w)) continue;
      if (w === start) {
        const path = [start];
        for (let u = v; u !== start; u = cameFrom.get(u)!) path.splice(1, 0, u);
        return [...path, start];
      }
      if (!cameFrom.has(w)) {
        cameFrom.set(w, v);
        queue.push(w);
      }
    }
  }
  return [start, start];
}

/** Every import that breaks a rule: `pipeline/x.ts imports app/y.ts (pipeline/ may not import app/)`. */
export function layerViolations(edges: ReadonlyMap<string, readonly string[]>, rules: readonly LayerRule[] = LAYER_RULES): string[] {
  const within = (file: string, place: string): boolean => (place.endsWith('/') ? file.startsWith(place) : file === place);
  const out: string[] = [];
  for (const [from, targets] of edges) {
    for (const to of targets) {
      for (const rule of rules) {
        if (within(from, rule.from) && within(to, rule.to)) {
          out.push(`${from} imports ${to} (${rule.from} may not import ${rule.to})`);
        }
      }
    }
  }
  return out.sort();
}

interface Token {
  kind: 'name' | 'string' | 'punct' | 'template';
  value: string;
  line: number;
}

// After one of these a `/` starts a regular expression, not a division.
const BEFORE_REGEX = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await']);

/**
 * The imports of one file's text: `import ... from 'x'`, `import 'x'`,
 * `export ... from 'x'`, `import('x')`. A dynamic import of anything but a
 * string literal is returned with specifier `''`, so the caller can refuse it
 * rather than miss an edge.
 */
export function extractImports(text: string): Import[] {
  const tokens = tokenize(text);
  const out: Import[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind !== 'name' || (t.value !== 'import' && t.value !== 'export')) continue;
    const prev = tokens[i - 1];
    if (prev?.kind === 'punct' && prev.value === '.') continue; // a property named import
    const next = tokens[i + 1];
    if (t.value === 'import') {
      if (next?.kind === 'punct' && next.value === '.') continue; // import.meta
      if (next?.kind === 'punct' && next.value === '(') {
        const arg = tokens[i + 2];
        const close = tokens[i + 3];
        const literal = arg?.kind === 'string' && close?.kind === 'punct' && (close.value === ')' || close.value === ',');
        out.push({ specifier: literal ? arg.value : '', line: t.line, dynamic: true });
        continue;
      }
      if (next?.kind === 'string') {
        out.push({ specifier: next.value, line: t.line, dynamic: false });
        continue;
      }
    } else {
      // only `export {...} from`, `export * from` and their `type` forms re-export
      const first = next?.kind === 'name' && next.value === 'type' ? tokens[i + 2] : next;
      if (!(first?.kind === 'punct' && (first.value === '{' || first.value === '*'))) continue;
    }
    for (let j = i + 1; j < tokens.length; j++) {
      const u = tokens[j]!;
      if (u.kind === 'punct' && u.value === ';') break;
      if (u.kind === 'name' && u.value === 'from' && tokens[j + 1]?.kind === 'string') {
        out.push({ specifier: tokens[j + 1]!.value, line: t.line, dynamic: false });
        break;
      }
      // a statement without `from` (a local export list) ends at its closing brace
      if (u.kind === 'punct' && u.value === '}' && !(tokens[j + 1]?.kind === 'name' && tokens[j + 1]!.value === 'from')) break;
    }
  }
  return out;
}

/** Names, string literals, template literals (as one token) and punctuation; comments and regular expressions dropped. */
function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let line = 1;
  let i = 0;
  // the brace depth at which each open template literal's `${` began
  const templates: number[] = [];
  let depth = 0;
  const isNameChar = (c: string): boolean => /[\w$]/.test(c);
  const skipString = (quote: string): string => {
    let value = '';
    i++;
    while (i < src.length && src[i] !== quote) {
      if (src[i] === '\\') {
        value += src[i + 1] ?? '';
        i += 2;
        continue;
      }
      if (src[i] === '\n') line++;
      value += src[i];
      i++;
    }
    i++;
    return value;
  };
  // from just after a backtick or a `}` closing `${`: to the closing backtick, or into the next `${`
  const templateChunk = (): void => {
    while (i < src.length) {
      const c = src[i]!;
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '\n') line++;
      if (c === '`') {
        i++;
        return;
      }
      if (c === '$' && src[i + 1] === '{') {
        i += 2;
        templates.push(depth);
        depth++;
        return;
      }
      i++;
    }
  };
  while (i < src.length) {
    const c = src[i]!;
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      const stop = end < 0 ? src.length : end + 2;
      for (let k = i; k < stop; k++) if (src[k] === '\n') line++;
      i = stop;
    } else if (c === '/' && regexAllowed(out[out.length - 1])) {
      i++;
      let inClass = false;
      while (i < src.length && src[i] !== '\n' && (inClass || src[i] !== '/')) {
        if (src[i] === '\\') i++;
        else if (src[i] === '[') inClass = true;
        else if (src[i] === ']') inClass = false;
        i++;
      }
      i++;
      while (i < src.length && isNameChar(src[i]!)) i++;
      out.push({ kind: 'punct', value: 'regex', line });
    } else if (c === "'" || c === '"') {
      const at = line;
      out.push({ kind: 'string', value: skipString(c), line: at });
    } else if (c === '`') {
      out.push({ kind: 'template', value: '`', line });
      i++;
      templateChunk();
    } else if (c === '}' && templates.length > 0 && templates[templates.length - 1] === depth - 1) {
      templates.pop();
      depth--;
      i++;
      templateChunk();
    } else if (isNameChar(c)) {
      const start = i;
      while (i < src.length && isNameChar(src[i]!)) i++;
      out.push({ kind: 'name', value: src.slice(start, i), line });
    } else {
      if (c === '{') depth++;
      if (c === '}') depth--;
      out.push({ kind: 'punct', value: c, line });
      i++;
    }
  }
  return out;
}

function regexAllowed(prev: Token | undefined): boolean {
  if (prev === undefined) return true;
  if (prev.kind === 'name') return BEFORE_REGEX.has(prev.value);
  if (prev.kind === 'string' || prev.kind === 'template') return false;
  return prev.value !== ')' && prev.value !== ']' && prev.value !== '}' && prev.value !== 'regex';
}
