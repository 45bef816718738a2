// Issue #16: a file whose primary Email column is empty in every row while another email column
// holds the addresses (some CRM exports fill "Email Address 2" only) would import leads without a
// primary email, so duplicates go unseen. The mapping proposes the full column as the primary Email.
import type { ColumnMapping } from './auto-map';
import type { ColumnTarget } from './header-aliases';
import type { TableRow } from './table';

const ADDRESS = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SECONDARY: ReadonlySet<ColumnTarget> = new Set(['emailaddress2', 'emailaddress3']);

export interface PrimaryEmailProposal {
  mapping: ColumnMapping;
  /** The column that was the primary Email (now takes the other column's place), if any. */
  from?: number;
  /** The column proposed as the primary Email. */
  to: number;
}

/** Undefined when the primary Email column has something in some row, or no other column holds addresses. */
export function proposePrimaryEmail(mapping: ColumnMapping, rows: readonly TableRow[]): PrimaryEmailProposal | undefined {
  const { targets } = mapping;
  const primary = targets.indexOf('emailaddress1');
  if (primary >= 0 && rows.some((r) => r.cells[primary]?.trim())) return undefined;
  /** Cells holding an address; 0 for an unmapped column with anything else in it (it is not an email column). */
  const addresses = (col: number) => {
    let n = 0;
    for (const r of rows) {
      const v = r.cells[col]?.trim();
      if (!v) continue;
      if (ADDRESS.test(v)) n++;
      else if (targets[col] === 'ignore') return 0;
    }
    return n;
  };
  let to = -1;
  let best = 0;
  targets.forEach((target, col) => {
    if (col === primary || !(SECONDARY.has(target) || target === 'ignore')) return;
    const n = addresses(col);
    // A column already mapped to another email field wins a tie with an unmapped one.
    const score = n * 2 + (SECONDARY.has(target) ? 1 : 0);
    if (n > 0 && score > best) [to, best] = [col, score];
  });
  if (to < 0) return undefined;
  const next = [...targets];
  next[to] = 'emailaddress1';
  if (primary >= 0) next[primary] = targets[to];
  return { mapping: { targets: next, typeColumns: next.map((t, i) => (t === 'email' || t === 'phone' ? mapping.typeColumns[i] : -1)) }, from: primary >= 0 ? primary : undefined, to };
}
