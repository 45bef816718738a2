// Mappings the user saved by name, offered again for a file with the same headers. Stored by
// header name (not position), so a file with the same columns in another order still matches.
import * as z from 'zod/mini';
import { leadFieldNames } from '../leads/schema';
import { headerSignature, type ColumnMapping } from './auto-map';
import { typeColumnFor, type ColumnTarget } from './header-aliases';

const target = z.enum(['fullname', 'email', 'phone', 'ignore', ...leadFieldNames] as [ColumnTarget, ...ColumnTarget[]]);

export const savedMapping = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  signature: z.string().check(z.maxLength(20_000)),
  /** [header, target] pairs: an array, never an object keyed by header ("__proto__" is a valid header). */
  columns: z.array(z.tuple([z.string().check(z.maxLength(500)), target])).check(z.maxLength(1000)),
  savedAt: z.iso.datetime(),
});
export type SavedMapping = z.infer<typeof savedMapping>;
export const savedMappings = z.array(savedMapping).check(z.maxLength(200));

export function toSavedMapping(name: string, headers: readonly string[], m: ColumnMapping, now: Date): SavedMapping {
  return { name, signature: headerSignature(headers), columns: headers.map((h, i) => [h, m.targets[i] ?? 'ignore']), savedAt: now.toISOString() };
}

/** Saved mappings for these headers, newest first. */
export function matchingMappings(all: readonly SavedMapping[], headers: readonly string[]): SavedMapping[] {
  const sig = headerSignature(headers);
  return all.filter((s) => s.signature === sig).sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

export function applySavedMapping(s: SavedMapping, headers: readonly string[]): ColumnMapping {
  const byHeader = new Map(s.columns);
  const targets = headers.map((h) => byHeader.get(h) ?? 'ignore');
  return { targets, typeColumns: targets.map((t, i) => (t === 'email' || t === 'phone' ? typeColumnFor(headers[i], headers) : -1)) };
}

/** Replaces a mapping of the same name. */
export function upsertMapping(all: readonly SavedMapping[], s: SavedMapping): SavedMapping[] {
  return [s, ...all.filter((x) => x.name !== s.name)].slice(0, 200);
}
