/*
 * Holds the import graph of the whole tree (import-graph.ts): no cycle, and
 * the layering of README.md (app/ and cli.ts on top; pipeline/, metrics/ and
 * reports/ never import them or the test helpers; pipeline/ never imports
 * reports/; reports/ never imports pipeline/ingest/). The checker itself is
 * tested on tiny in-memory trees first, so a checker that finds nothing
 * cannot pass for a clean tree.
 */
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildGraph, extractImports, findCycles, layerViolations, readSourceTree, type SourceFiles } from './import-graph.ts';

const tree = (files: Record<string, string>): SourceFiles => new Map(Object.entries(files));

describe('the import checker', () => {
  it('reads static imports, re-exports, import type, side-effect and dynamic imports, and nothing in comments or strings', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../b.ts';",
      "import './side.ts';",
      "export { c } from './c.ts';",
      "export type * from './d.ts';",
      'export { e, f };',
      "const g = () => import('./g.ts');",
      "// import { x } from './comment.ts';",
      "/* import('./block.ts') */",
      "const s = \"import { y } from './string.ts'\";",
      "const t = `import('./template.ts') ${s.replace(/'/g, '')}`;",
      "const r = /from '.\\/regex.ts'/;",
      'const m = import.meta.url;',
      "import {\n  h,\n  i,\n} from './multi.ts';",
    ].join('\n');
    expect(extractImports(text).map((i) => [i.specifier, i.line, i.dynamic])).toEqual([
      ['./a.ts', 1, false],
      ['../b.ts', 2, false],
      ['./side.ts', 3, false],
      ['./c.ts', 4, false],
      ['./d.ts', 5, false],
      ['./g.ts', 7, true],
      ['./multi.ts', 14, false],
    ]);
  });

  it('refuses a dynamic import it cannot resolve, and an import of a file that does not exist', () => {
    const g = buildGraph(tree({ 'cli.ts': "const m = (n: string) => import(`./app/${n}.ts`);\nimport { x } from './app/missing.ts';\nimport { y } from 'node:fs';" }));
    expect(g.problems).toEqual([
      'cli.ts:1: a dynamic import of something other than a string literal cannot be checked',
      'cli.ts:2: imports ./app/missing.ts, which is not a file of the tree',
    ]);
  });

  it('finds a cycle and names its files in order', () => {
    const g = buildGraph(
      tree({
        'pipeline/a.ts': "import { b } from './b.ts';",
        'pipeline/b.ts': "import type { C } from './sub/c.ts';",
        'pipeline/sub/c.ts': "export const c = () => import('../a.ts');",
        'pipeline/d.ts': "import { a } from './a.ts';",
        'metrics/self.ts': "import { s } from './self.ts';",
      }),
    );
    expect(g.problems).toEqual([]);
    expect(findCycles(g.edges)).toEqual([
      ['metrics/self.ts', 'metrics/self.ts'],
      ['pipeline/a.ts', 'pipeline/b.ts', 'pipeline/sub/c.ts', 'pipeline/a.ts'],
    ]);
  });

  it('finds no cycle in a graph without one', () => {
    const g = buildGraph(tree({ 'a.ts': "import './b.ts';", 'b.ts': "import './c.ts';", 'c.ts': '' }));
    expect(findCycles(g.edges)).toEqual([]);
  });

  it('finds a forbidden edge, and allows the ones the layering allows', () => {
    const g = buildGraph(
      tree({
        'cli.ts': "import './app/run.ts';",
        'app/run.ts': "import './../pipeline/p.ts'; import '../reports/r.ts'; import '../metrics/types.ts';",
        'pipeline/p.ts': "import '../metrics/types.ts'; import '../reports/r.ts';",
        'pipeline/ingest/i.ts': "import '../../app/run.ts';",
        'metrics/types.ts': '',
        'reports/r.ts': "import '../metrics/types.ts'; import '../pipeline/ingest/i.ts'; import '../pipeline/p.ts';",
        'fixtures/f.ts': "import '../test-support/helper.ts';",
        'test-support/helper.ts': "import '../pipeline/p.ts'; import '../app/run.ts';",
      }),
    );
    expect(layerViolations(g.edges)).toEqual([
      'fixtures/f.ts imports test-support/helper.ts (fixtures/ may not import test-support/)',
      'pipeline/ingest/i.ts imports app/run.ts (pipeline/ may not import app/)',
      'pipeline/p.ts imports reports/r.ts (pipeline/ may not import reports/)',
      'reports/r.ts imports pipeline/ingest/i.ts (reports/ may not import pipeline/ingest/)',
    ]);
  });
});

describe("safeguard's own import graph", () => {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = readSourceTree(root);
  const graph = buildGraph(files);

  it('is read from the whole tree, dynamic imports included', () => {
    expect(files.size).toBeGreaterThan(50);
    expect(graph.edges.get('cli.ts')).toContain('app/commands/report.ts');
    expect(graph.edges.get('metrics/index.ts')).toContain('metrics/types.ts');
    expect(graph.problems).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles = findCycles(graph.edges).map((c) => c.join(' -> '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('keeps the layering', () => {
    const bad = layerViolations(graph.edges);
    expect(bad, `imports that break the layering:\n${bad.join('\n')}`).toEqual([]);
  });
});
