// In-memory tables with row versions (ETags) and an undo journal so a failed change set rolls
// back without copying the whole store.
export type Row = Record<string, unknown>;

export class Store {
  private readonly tables = new Map<string, Map<string, Row>>();
  private journal: Array<() => void> | undefined;
  private version = 1000;

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
    const t = this.table(table);
    const key = id.toLowerCase();
    const before = t.get(key);
    this.journal?.push(() => (before ? t.set(key, before) : t.delete(key)));
    const stored = { ...row, versionnumber: this.nextVersion() };
    t.set(key, stored);
    return stored;
  }

  delete(table: string, id: string): void {
    const t = this.table(table);
    const key = id.toLowerCase();
    const before = t.get(key);
    if (!before) return;
    this.journal?.push(() => t.set(key, before));
    t.delete(key);
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
  }
}

export const etagOf = (row: Row) => `W/"${String(row.versionnumber)}"`;
