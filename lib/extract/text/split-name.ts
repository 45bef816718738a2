// A small name splitter for the injected bundle (the shared lib/text/person-name.ts may be
// heavier). "Dr. Jane van der Berg, PhD" -> salutation Dr., first Jane, last van der Berg.
export interface NameParts {
  salutation?: string;
  firstname?: string;
  middlename?: string;
  lastname?: string;
}

const SALUTATION = /^(mr|mrs|ms|miss|mx|dr|prof|professor|sir|dame|rev|reverend|fr|father|pastor|hon|judge|capt|col|gen|lt|sgt|pan|pani|mgr|inż|inz|dr hab|herr|frau|mme|mlle|m)\.?$/i;
const SUFFIX = /^(jr|sr|ii|iii|iv|v|phd|ph\.d|md|m\.d|dds|dmd|do|rn|np|pa|cpa|esq|mba|ms|ma|msc|bsc|ba|bs|rd|cd|ckd|cfp|cfa|pe|aia|llm|jd|dvm|od|lcsw|lmft|faia|facs|frcs|mrcs|cpa|clu|chfc)\.?$/i;
const PARTICLE = /^(van|von|de|da|di|del|della|der|den|la|le|du|dos|das|ten|ter|bin|al|st\.?)$/i;

export function splitName(raw: string | undefined): NameParts | undefined {
  if (!raw) return undefined;
  let s = raw.replace(/\s+/g, ' ').trim();
  if (!s || s.length > 120) return undefined;
  // "Smith, Jane" (one comma, no credential after it) is last-name-first.
  const comma = s.split(/\s*,\s*/);
  let reversed = false;
  if (comma.length >= 2) {
    const tail = comma.slice(1);
    if (tail.every((t) => t.split(' ').every((w) => SUFFIX.test(w)))) s = comma[0];
    else if (comma.length === 2 && !comma[0].includes(' ') && comma[1].split(' ').length <= 2) {
      s = `${comma[1]} ${comma[0]}`;
      reversed = true;
    } else s = comma[0];
  }
  const words = s.split(' ').filter(Boolean);
  const out: NameParts = {};
  const salutations: string[] = [];
  while (words.length > 1 && SALUTATION.test(words[0])) salutations.push(words.shift()!);
  if (salutations.length) out.salutation = salutations.join(' ');
  while (words.length > 1 && SUFFIX.test(words[words.length - 1]) && !reversed) words.pop();
  if (!words.length) return undefined;
  if (words.length === 1) {
    out.firstname = words[0];
    return out;
  }
  // The last name starts at the first particle after the first word ("Jan van der Berg").
  let lastStart = words.length - 1;
  for (let i = 1; i < words.length - 1; i++) if (PARTICLE.test(words[i])) {
    lastStart = i;
    break;
  }
  out.firstname = words[0];
  if (lastStart > 1) out.middlename = words.slice(1, lastStart).join(' ');
  out.lastname = words.slice(lastStart).join(' ');
  return out;
}

export function joinName(p: NameParts): string {
  return [p.firstname, p.middlename, p.lastname].filter(Boolean).join(' ');
}
