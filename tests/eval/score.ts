// Field comparison and precision/recall bookkeeping for the extraction eval.
export interface Tally { tp: number; fp: number; fn: number }

export class Scores {
  readonly fields = new Map<string, Tally>();

  private tally(field: string): Tally {
    let t = this.fields.get(field);
    if (!t) this.fields.set(field, (t = { tp: 0, fp: 0, fn: 0 }));
    return t;
  }

  /** One predicted value against the gold values for a field (any gold value may match). */
  add(field: string, pred: string | undefined, gold: string[], same: (a: string, b: string) => boolean): void {
    const t = this.tally(field);
    const g = gold.filter((x) => x && x.trim());
    if (pred && g.length) {
      if (g.some((x) => same(pred, x))) t.tp++;
      else {
        t.fp++;
        t.fn++;
      }
    } else if (pred) t.fp++;
    else if (g.length) t.fn++;
  }

  total(): Tally {
    const all = { tp: 0, fp: 0, fn: 0 };
    for (const t of this.fields.values()) {
      all.tp += t.tp;
      all.fp += t.fp;
      all.fn += t.fn;
    }
    return all;
  }
}

export function prf(t: Tally): { p: number; r: number; f1: number } {
  const p = t.tp + t.fp ? t.tp / (t.tp + t.fp) : 1;
  const r = t.tp + t.fn ? t.tp / (t.tp + t.fn) : 1;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

export function table(title: string, scores: Scores): string {
  const rows = [`\n${title}`, `${'field'.padEnd(14)} ${'P'.padStart(6)} ${'R'.padStart(6)} ${'F1'.padStart(6)}   tp  fp  fn`];
  const line = (name: string, t: Tally) => {
    const { p, r, f1 } = prf(t);
    rows.push(`${name.padEnd(14)} ${p.toFixed(3).padStart(6)} ${r.toFixed(3).padStart(6)} ${f1.toFixed(3).padStart(6)} ${String(t.tp).padStart(4)}${String(t.fp).padStart(4)}${String(t.fn).padStart(4)}`);
  };
  for (const [name, t] of [...scores.fields.entries()].sort()) line(name, t);
  line('ALL FIELDS', scores.total());
  return rows.join('\n');
}

export const norm = (s: string) =>
  s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\p{L}\p{N}@.]+/gu, ' ').replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');

export const sameText = (a: string, b: string) => norm(a) === norm(b);
export const sameLoose = (a: string, b: string) => {
  const x = norm(a);
  const y = norm(b);
  return x === y || (x.length > 3 && y.includes(x)) || (y.length > 3 && x.includes(y));
};
/** Street lines: one's words all appear in the other (renderings add or drop a suite line). */
export const sameStreet = (a: string, b: string) => {
  const x = norm(a).split(' ');
  const y = norm(b).split(' ');
  return sameLoose(a, b) || (x.length >= 2 && y.length >= 2 && (x.every((w) => y.includes(w)) || y.every((w) => x.includes(w))));
};
export const samePhone = (a: string, b: string) => {
  const x = a.replace(/\D/g, '');
  const y = b.replace(/\D/g, '');
  if (x.length < 7 || y.length < 7) return false;
  return x === y || x.endsWith(y.slice(-9)) && y.endsWith(x.slice(-9)) && Math.min(x.length, y.length) >= 9 || x.endsWith(y) || y.endsWith(x);
};
export const sameUrl = (a: string, b: string) => {
  const f = (s: string) => s.toLowerCase().replace(/^https?:\/\//, '').replace(/^www\./, '').replace(/\/+$/, '');
  return f(a) === f(b);
};
const REGIONS: Record<string, string> = { washington: 'wa', california: 'ca', 'new york': 'ny', texas: 'tx', florida: 'fl', massachusetts: 'ma', ontario: 'on', illinois: 'il', oregon: 'or' };
export const sameRegion = (a: string, b: string) => {
  const f = (s: string) => REGIONS[norm(s)] ?? norm(s);
  return f(a) === f(b);
};
const COUNTRIES: Record<string, string> = {
  usa: 'us', 'united states': 'us', 'united states of america': 'us', uk: 'gb', 'united kingdom': 'gb', england: 'gb',
  polska: 'pl', poland: 'pl', austria: 'at', spain: 'es', germany: 'de', france: 'fr', canada: 'ca', italy: 'it', australia: 'au',
};
/** "F-75002" and "75002" are one postal code: the letter prefix only names the country. */
export const samePostal = (a: string, b: string) => {
  const f = (s: string) => norm(s).replace(/^[a-z]{1,2}\s(?=\d)/, '');
  return f(a) === f(b);
};
export const sameCountry = (a: string, b: string) => {
  const f = (s: string) => COUNTRIES[norm(s).replace(/\./g, '')] ?? norm(s).replace(/\./g, '');
  return f(a) === f(b);
};
