// Chrome reads one _locales/<lang>/messages.json. We keep one file per feature under
// locales/<lang>/ (fewer merge conflicts) and merge them at build time (wxt.config.ts).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Catalogue = Record<string, { message: string; description?: string; placeholders?: unknown }>;

export function mergeLocale(dir: string): Catalogue {
  const merged: Catalogue = {};
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const part = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Catalogue;
    for (const [key, value] of Object.entries(part)) {
      if (Object.hasOwn(merged, key)) throw new Error(`Duplicate i18n key "${key}" in ${dir}/${file}`);
      merged[key] = value;
    }
  }
  return merged;
}

export function localeNames(root: string): string[] {
  return readdirSync(root).filter((d) => !d.startsWith('.'));
}
