// Where the shared evaluation corpus is: ../shared/corpus from the main checkout, ../../shared
// from a worktree, or LEADCLIP_CORPUS. Tests that need it skip cleanly when it is absent.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const candidates = [process.env.LEADCLIP_CORPUS, '../shared/corpus', '../../shared/corpus'].filter(Boolean) as string[];

export const corpusDir: string | undefined = candidates.map((c) => resolve(process.cwd(), c)).find((d) => existsSync(join(d, 'csv')));

export const corpusPath = (...parts: string[]) => join(corpusDir ?? '', ...parts);
export const corpusBytes = (...parts: string[]) => new Uint8Array(readFileSync(corpusPath(...parts)));
export const corpusText = (...parts: string[]) => readFileSync(corpusPath(...parts), 'utf8');
export const corpusList = (...parts: string[]) => (corpusDir && existsSync(corpusPath(...parts)) ? readdirSync(corpusPath(...parts)).sort() : []);
