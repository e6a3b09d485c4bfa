/**
 * Compiles a benchmark's child entry and what it imports to plain CommonJS with @swc/core, so the
 * measured process holds no TypeScript compiler (bench/README.md, Method).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { transformFileSync } from '@swc/core';

const ROOT = path.resolve(__dirname, '../..');

/** Where the children find packages (the engine's, the server's, the root's). */
export const CHILD_NODE_PATH = [path.join(ROOT, 'server/validation/node_modules'), path.join(ROOT, 'server/node_modules'), path.join(ROOT, 'node_modules')].join(path.delimiter);

/** The engine's package entries, compiled from source like the rest (as `--conditions=source` runs them). */
const ENGINE_ENTRIES: Readonly<Record<string, string>> = {
  '@datahub/validation': path.join(ROOT, 'server/validation/src/index.ts'),
  '@datahub/validation/node': path.join(ROOT, 'server/validation/src/node.ts'),
};

/**
 * Compiles `entry` and every relative import it reaches to CommonJS under `outDir`, mirroring the
 * paths below ROOT; the engine's package is compiled from its source too (its imports rewritten to
 * relative ones), other packages are left to NODE_PATH. `alsoEntries` are compiled the same way
 * (scripts started by path, such as worker threads). Returns the compiled entry.
 */
export function compileGraph(entry: string, outDir: string, alsoEntries: readonly string[] = []): string {
  const done = new Set<string>();
  const pending = [entry, ...alsoEntries];
  while (pending.length > 0) {
    const source = pending.pop()!;
    if (done.has(source)) continue;
    done.add(source);
    const { code: compiled } = transformFileSync(source, {
      // As tsconfig.base.json compiles the server (target ES2022, useDefineForClassFields false).
      jsc: { parser: { syntax: 'typescript', decorators: true }, target: 'es2022', transform: { useDefineForClassFields: false } },
      module: { type: 'commonjs' },
      sourceMaps: false,
    });
    const code = compiled
      .replace(/require\("(@datahub\/validation(?:\/node)?)"\)/g, (_, name: string) => {
        const relative = path.relative(path.dirname(source), ENGINE_ENTRIES[name]!).replace(/\.ts$/, '');
        return `require(${JSON.stringify(relative.startsWith('.') ? relative : `./${relative}`)})`;
      })
      // The engine's package.json `imports`, outside the package: csv-parse in Node.
      .replace(/require\("#csv-parse"\)/g, 'require("csv-parse")');
    const target = path.join(outDir, path.relative(ROOT, source)).replace(/\.ts$/, '.js');
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, code);
    for (const [, specifier] of code.matchAll(/require\("(\.{1,2}\/[^"]+)"\)/g)) {
      pending.push(`${path.resolve(path.dirname(source), specifier!)}.ts`);
    }
  }
  return path.join(outDir, path.relative(ROOT, entry)).replace(/\.ts$/, '.js');
}

