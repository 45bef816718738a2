// Does a stored record mention a lead? Erasure and export ask this of every record in every
// store, so a store added later is covered without anyone remembering to list it (issue #8).

const MAX_DEPTH = 12;

/** True when `needle` appears in any string (or key) inside `value`, to any reasonable depth. */
export function mentions(value: unknown, needle: string, depth = 0): boolean {
  if (!needle || depth > MAX_DEPTH) return false;
  if (typeof value === 'string') return value.toLowerCase().includes(needle);
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((v) => mentions(v, needle, depth + 1));
  if (value instanceof Date || value instanceof ArrayBuffer || ArrayBuffer.isView(value)) return false;
  if (value instanceof Map) return [...value].some(([k, v]) => mentions(k, needle, depth + 1) || mentions(v, needle, depth + 1));
  if (value instanceof Set) return [...value].some((v) => mentions(v, needle, depth + 1));
  return Object.entries(value).some(([k, v]) => k.toLowerCase().includes(needle) || mentions(v, needle, depth + 1));
}

/** A record refers to the lead when its key or any value inside it carries the lead's id. */
export function refersToLead(key: IDBValidKey, value: unknown, leadId: string): boolean {
  const id = leadId.toLowerCase();
  return mentions(key, id) || mentions(value, id);
}
