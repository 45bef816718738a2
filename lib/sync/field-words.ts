// Issue #16: sync errors name fields the way the lead form does ("Company Name", "Nazwa firmy"),
// never by their logical names ("companyname").
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

/** The CRM's own message with the lead fields it quotes ('companyname') named as on the form. */
export function crmMessageWords(message: string, label: (name: string) => string): string {
  return message.replace(/'(\w+)'/g, (all, name: string) => (fields.has(name.toLowerCase()) ? `'${label(name)}'` : all));
}
