// Issue #16: sync errors name fields and privileges the way the lead form does ("Company Name",
// "Firma"), never by their logical names ("companyname", "prvCreateLead").
import { leadFieldNames } from '../leads/schema';

type Translate = (key: string, substitutions?: string[]) => string;

const fields = new Set<string>(leadFieldNames);

/** The lead form's label for a logical name, or the name itself when it is not a lead field. */
export function fieldWords(translate: Translate): (name: string) => string {
  return (name) => {
    const key = `field_${name.toLowerCase()}`;
    if (!fields.has(name.toLowerCase())) return name;
    const label = translate(key);
    return label === key ? name : label;
  };
}

const ACTIONS = ['AppendTo', 'Append', 'Assign', 'Create', 'Delete', 'Read', 'Share', 'Write'] as const;
const ENTITIES = ['Lead', 'Contact', 'Annotation', 'Task', 'PhoneCall', 'Connection', 'ConnectionRole', 'Organization'] as const;

/** "prvCreateLead" -> "create leads"; an unknown privilege stays as the CRM wrote it. */
export function privilegeWords(name: string, translate: Translate): string {
  const m = /^prv(AppendTo|Append|Assign|Create|Delete|Read|Share|Write)(\w+)$/.exec(name);
  if (!m || !(ACTIONS as readonly string[]).includes(m[1]) || !(ENTITIES as readonly string[]).includes(m[2])) return name;
  return translate(`syncPrivilege_${m[1]}`, [translate(`syncEntity_${m[2]}`)]);
}

/** The CRM's own message with the lead fields it quotes ('companyname') named as on the form. */
export function crmMessageWords(message: string, label: (name: string) => string): string {
  return message.replace(/'(\w+)'/g, (all, name: string) => (fields.has(name.toLowerCase()) ? `'${label(name)}'` : all));
}
