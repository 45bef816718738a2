// The slice of OData query syntax the Web API clients here use: $filter with eq/ne/gt/ge/lt/le,
// and/or/not, parentheses, contains/startswith/endswith; $select; $top.
import { DataverseError, codes } from './errors';
import type { Row } from './store';

type Token = { kind: 'str' | 'num' | 'ident' | 'punct'; value: string };

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) { i++; continue; }
    if (c === "'") {
      let s = '';
      i++;
      for (;;) {
        if (i >= src.length) throw syntax('unterminated string');
        if (src[i] === "'") {
          if (src[i + 1] === "'") { s += "'"; i += 2; continue; }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ kind: 'str', value: s });
      continue;
    }
    if ('(),'.includes(c)) { out.push({ kind: 'punct', value: c }); i++; continue; }
    const m = /^[A-Za-z0-9_.\-:@/]+/.exec(src.slice(i));
    if (!m) throw syntax(`unexpected '${c}'`);
    const v = m[0];
    out.push({ kind: /^-?\d+(\.\d+)?$/.test(v) ? 'num' : 'ident', value: v });
    i += v.length;
  }
  return out;
}

const syntax = (why: string) => new DataverseError(400, codes.invalidProperty, `Syntax error in $filter: ${why}.`);

export type Predicate = (row: Row) => boolean;

export function parseFilter(src: string, known: (prop: string) => boolean): Predicate {
  const toks = tokenize(src);
  let p = 0;
  const peek = () => toks[p];
  const next = () => toks[p++];
  const isWord = (w: string) => peek()?.kind === 'ident' && peek().value.toLowerCase() === w;

  const literal = (): unknown => {
    const t = next();
    if (!t) throw syntax('missing value');
    if (t.kind === 'str') return t.value;
    if (t.kind === 'num') return Number(t.value);
    if (t.kind === 'ident') {
      if (t.value === 'null') return null;
      if (t.value === 'true') return true;
      if (t.value === 'false') return false;
      if (/^[0-9a-f-]{36}$/i.test(t.value)) return t.value.toLowerCase();
    }
    throw syntax(`bad literal ${t.value}`);
  };
  const property = (): string => {
    const t = next();
    if (t?.kind !== 'ident') throw syntax('property expected');
    if (!known(t.value)) {
      throw new DataverseError(400, codes.invalidProperty, `Could not find a property named '${t.value}' on type 'Microsoft.Dynamics.CRM.entity'.`);
    }
    return t.value;
  };
  const value = (row: Row, prop: string) => row[prop] ?? null;
  const norm = (v: unknown) => (typeof v === 'string' ? v.toLowerCase() : v);

  const factor = (): Predicate => {
    if (peek()?.value === '(') {
      next();
      const e = expr();
      if (next()?.value !== ')') throw syntax("')' expected");
      return e;
    }
    if (isWord('not')) { next(); const f = factor(); return (r) => !f(r); }
    const t = peek();
    if (t?.kind === 'ident' && toks[p + 1]?.value === '(' && ['contains', 'startswith', 'endswith'].includes(t.value.toLowerCase())) {
      const fn = next().value.toLowerCase();
      next();
      const prop = property();
      if (next()?.value !== ',') throw syntax("',' expected");
      const lit = String(literal()).toLowerCase();
      if (next()?.value !== ')') throw syntax("')' expected");
      return (r) => {
        const v = value(r, prop);
        if (typeof v !== 'string') return false;
        const s = v.toLowerCase();
        return fn === 'contains' ? s.includes(lit) : fn === 'startswith' ? s.startsWith(lit) : s.endsWith(lit);
      };
    }
    const prop = property();
    const op = next()?.value.toLowerCase();
    const lit = literal();
    // Dataverse compares text case-insensitively (SQL collation).
    const cmp = (r: Row) => {
      const a = norm(value(r, prop));
      const b = norm(lit);
      return a === b ? 0 : a === null ? -1 : b === null ? 1 : (a as number) < (b as number) ? -1 : 1;
    };
    switch (op) {
      case 'eq': return (r) => cmp(r) === 0;
      case 'ne': return (r) => cmp(r) !== 0;
      case 'gt': return (r) => cmp(r) > 0;
      case 'ge': return (r) => cmp(r) >= 0;
      case 'lt': return (r) => cmp(r) < 0;
      case 'le': return (r) => cmp(r) <= 0;
      default: throw syntax(`unknown operator ${op}`);
    }
  };
  const term = (): Predicate => {
    let left = factor();
    while (isWord('and')) { next(); const l = left, r = factor(); left = (row) => l(row) && r(row); }
    return left;
  };
  const expr = (): Predicate => {
    let left = term();
    while (isWord('or')) { next(); const l = left, r = term(); left = (row) => l(row) || r(row); }
    return left;
  };
  const result = expr();
  if (p < toks.length) throw syntax(`unexpected '${toks[p].value}'`);
  return result;
}

export function selectColumns(row: Row, select: string[] | undefined, key: string): Row {
  if (!select) return row;
  const out: Row = {};
  for (const col of [key, ...select]) if (col in row) out[col] = row[col];
  return out;
}
