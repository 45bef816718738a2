// Static walks over our own sources for the security tests: files, and the import graph from an
// entry point (relative and "@/" imports; packages are leaves).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
const EXT = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

export function sourceFiles(dir: string, filter = (f: string) => /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f)): string[] {
  const abs = join(ROOT, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const name of readdirSync(abs)) {
    const p = join(abs, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(relative(ROOT, p), filter));
    else if (filter(name)) out.push(relative(ROOT, p));
  }
  return out;
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = spec.startsWith('@/') ? join(ROOT, spec.slice(2)) : spec.startsWith('.') ? resolve(dirname(join(ROOT, from)), spec) : undefined;
  if (!base) return undefined;
  for (const candidate of [base, ...EXT.map((e) => base + e)]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(ROOT, candidate);
  }
  return undefined;
}

const IMPORT = /(?:^|[;\n])\s*(?:import|export)\s+(?:type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export interface ImportEdge {
  /** A source file of ours (relative to the root), or a package name. */
  target: string;
  /** `import type`: erased at build, so it links no code at run time. */
  typeOnly: boolean;
}

/** What one file imports, statically or through import(). */
export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const out: ImportEdge[] = [];
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2];
    const target = resolveImport(file, spec) ?? (spec.startsWith('.') || spec.startsWith('@/') ? undefined : spec);
    if (target) out.push({ target, typeOnly: /^\s*[;\n]?\s*(import|export)\s+type\s/.test(m[0]) });
  }
  return out;
}

/**
 * Every source file reachable from `entry` through value imports (type-only imports are skipped).
 * `dynamic: false` follows static imports only: what loads with the entry itself.
 */
export function importGraph(entry: string, { dynamic = true } = {}): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const text = readFileSync(join(ROOT, file), 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      if (/^\s*[;\n]?\s*(import|export)\s+type\s/.test(m[0])) continue; // erased at build
      if (!dynamic && m[2]) continue;
      const spec = m[1] ?? m[2];
      const target = resolveImport(file, spec);
      if (target) stack.push(target);
    }
  }
  return [...seen];
}
