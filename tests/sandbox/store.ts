// In-memory tables with row versions (ETags) and an undo journal so a failed change set rolls
// back without copying the whole store.
export type Row = Record<string, unknown>;

export class Store {
  private readonly tables = new Map<string, Map<string, Row>>();
  private journal: Array<() => void> | undefined;
  private version = 1000;
  /** table -> column -> lower-cased value -> row ids (for duplicate rules on large tables). */
  private readonly indexes = new Map<string, Map<string, Map<string, Set<string>>>>();

  /** Row ids whose `column` equals `value` (case-insensitive), via an index kept up to date. */
  lookup(table: string, column: string, value: string): string[] {
    let byColumn = this.indexes.get(table);
    if (!byColumn) this.indexes.set(table, (byColumn = new Map()));
    let index = byColumn.get(column);
    if (!index) {
      byColumn.set(column, (index = new Map()));
      for (const [id, row] of this.table(table)) this.indexRow(index, column, id, row, true);
    }
    return [...(index.get(value.toLowerCase()) ?? [])];
  }

  private indexRow(index: Map<string, Set<string>>, column: string, id: string, row: Row | undefined, add: boolean) {
    const v = row?.[column];
    if (typeof v !== 'string' || !v) return;
    const key = v.toLowerCase();
    let ids = index.get(key);
    if (add) {
      if (!ids) index.set(key, (ids = new Set()));
      ids.add(id);
    } else {
      ids?.delete(id);
    }
  }

  /** Every write goes through here so indexes follow (undo included). */
  private write(table: string, key: string, row: Row | undefined) {
    const t = this.table(table);
    const before = t.get(key);
    for (const [column, index] of this.indexes.get(table) ?? []) {
      this.indexRow(index, column, key, before, false);
      this.indexRow(index, column, key, row, true);
    }
    if (row) t.set(key, row);
    else t.delete(key);
  }

  table(name: string): Map<string, Row> {
    let t = this.tables.get(name);
    if (!t) this.tables.set(name, (t = new Map()));
    return t;
  }

  get(table: string, id: string): Row | undefined {
    return this.table(table).get(id.toLowerCase());
  }

  nextVersion(): number {
    return ++this.version;
  }

  /** Inserts or replaces a row, giving it a fresh versionnumber (the ETag). */
  put(table: string, id: string, row: Row): Row {
    const key = id.toLowerCase();
    const before = this.table(table).get(key);
    this.journal?.push(() => this.write(table, key, before));
    const stored = { ...row, versionnumber: this.nextVersion() };
    this.write(table, key, stored);
    return stored;
  }

  /** Replaces a row as is (same version): for platform bookkeeping such as reciprocal links. */
  replace(table: string, id: string, row: Row): void {
    const key = id.toLowerCase();
    const before = this.table(table).get(key);
    this.journal?.push(() => this.write(table, key, before));
    this.write(table, key, row);
  }

  delete(table: string, id: string): void {
    const key = id.toLowerCase();
    const before = this.table(table).get(key);
    if (!before) return;
    this.journal?.push(() => this.write(table, key, before));
    this.write(table, key, undefined);
  }

  rows(table: string): Row[] {
    return [...this.table(table).values()];
  }

  /** Runs `fn` atomically: any throw undoes every write it made. */
  transaction<T>(fn: () => T): T {
    const outer = this.journal;
    const journal: Array<() => void> = [];
    this.journal = journal;
    try {
      const result = fn();
      if (outer) outer.push(...journal);
      return result;
    } catch (err) {
      for (const undo of journal.reverse()) undo();
      throw err;
    } finally {
      this.journal = outer;
    }
  }

  clear(): void {
    this.tables.clear();
    this.indexes.clear();
  }
}

export const etagOf = (row: Row) => `W/"${String(row.versionnumber)}"`;
