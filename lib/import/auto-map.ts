// Maps a file's columns to lead fields without help: each field goes to the column that names it
// best (logical name > display name > export header), each column to at most one field. The
// typed and full-name columns only fill in what no plain column supplies.
import { leadFieldNames, type LeadFieldName } from '../leads/schema';
import { aliasHits, normalizeHeader, typeColumnFor, type ColumnTarget } from './header-aliases';

export interface ColumnMapping {
  /** Target per column, by column index. */
  targets: ColumnTarget[];
  /** For `email`/`phone` columns, the column holding their type ("Work", "Mobile"), else -1. */
  typeColumns: number[];
}

const logicalNames = new Set<string>(leadFieldNames);
const MULTI: ReadonlySet<ColumnTarget> = new Set(['email', 'phone', 'fullname', 'ignore']);

export function autoMap(headers: readonly string[]): ColumnMapping {
  const targets: ColumnTarget[] = headers.map(() => 'ignore');
  const claims: { col: number; target: ColumnTarget; priority: number }[] = [];
  headers.forEach((h, col) => {
    const lower = h.trim().toLowerCase();
    if (logicalNames.has(lower)) claims.push({ col, target: lower as LeadFieldName, priority: 100 });
    for (const hit of aliasHits(h)) claims.push({ col, ...hit });
  });
  // Best claims first; ties go to the leftmost column.
  claims.sort((a, b) => b.priority - a.priority || a.col - b.col);
  const taken = new Set<ColumnTarget>();
  const assigned = new Set<number>();
  for (const c of claims) {
    if (assigned.has(c.col)) continue;
    if (!MULTI.has(c.target) && taken.has(c.target)) continue;
    targets[c.col] = c.target;
    taken.add(c.target);
    assigned.add(c.col);
  }
  // A full-name column only helps when the file has no separate last-name column.
  if (taken.has('lastname')) targets.forEach((t, i) => t === 'fullname' && (targets[i] = 'ignore'));
  const typeColumns = targets.map((t, i) => (t === 'email' || t === 'phone' ? typeColumnFor(headers[i], headers) : -1));
  return { targets, typeColumns };
}

/** How header-like a row is: the number of cells that name a lead field (for pickHeaderRow). */
export function headerScore(cells: readonly string[]): number {
  let n = 0;
  for (const c of cells) {
    if (c.length > 60) continue;
    if (logicalNames.has(c.trim().toLowerCase()) || aliasHits(c).length) n++;
  }
  return n;
}

/** Identifies a header layout regardless of column order, for saved mappings. */
export function headerSignature(headers: readonly string[]): string {
  return [...headers].map(normalizeHeader).sort().join('|');
}
