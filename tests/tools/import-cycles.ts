// Import cycles between our source files and between lib/ folders (value imports; `import type`
// is erased at build). `npm run check:circular` prints the file cycles; tests/architecture.test.ts
// holds both.
import { importsOf, sourceFiles } from '../security/source-walk';

export const SOURCE_DIRS = ['lib', 'components', 'entrypoints'];
export const allSources = () => SOURCE_DIRS.flatMap((d) => sourceFiles(d));

/** Groups of more than one node that reach each other (Tarjan), each sorted, in a stable order. */
export function cyclesIn(next: Map<string, string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1) cycles.push(group.sort());
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return cycles.sort((a, b) => a[0].localeCompare(b[0]));
}

/** The value imports between the given files, as a graph. */
export function fileGraph(files: string[] = allSources()): Map<string, string[]> {
  const known = new Set(files);
  return new Map(files.map((f) => [f, importsOf(f).filter((e) => !e.typeOnly && known.has(e.target)).map((e) => e.target)]));
}

/** "lib/leads/repo.ts" -> "lib/leads"; a file directly in lib/ is its own folder. */
export const libFolder = (file: string) => (file.startsWith('lib/') ? file.split('/').slice(0, 2).join('/').replace(/\.tsx?$/, '') : undefined);

/** The value imports between lib/ folders, as a graph (from a file graph). */
export function folderGraph(files: Map<string, string[]> = fileGraph()): Map<string, string[]> {
  const next = new Map<string, Set<string>>();
  for (const [from, targets] of files) {
    const a = libFolder(from);
    if (!a) continue;
    if (!next.has(a)) next.set(a, new Set());
    for (const t of targets) {
      const b = libFolder(t);
      if (b && b !== a) next.get(a)!.add(b);
    }
  }
  return new Map([...next].map(([k, v]) => [k, [...v]]));
}
