// "Can't find the option?" (issue #17): which of the privileges a rep needs on leads, notes and
// activities their security roles lack, read from RetrieveUserPrivileges, and the same words for
// a sync refused with a privilege error (0x80040220, "missing prvCreateLead privilege").

export const PRIVILEGE_ACTIONS = ['Create', 'Read', 'Write', 'Append', 'AppendTo'] as const;
export type PrivilegeAction = (typeof PRIVILEGE_ACTIONS)[number];
/** Dataverse names the privileges after the table's schema name: annotation is "Note",
 * activitypointer is "Activity". */
export const PRIVILEGE_TABLES = ['Lead', 'Note', 'Activity'] as const;
export type PrivilegeTable = (typeof PRIVILEGE_TABLES)[number];

export interface MissingPrivilege {
  action: PrivilegeAction;
  table: PrivilegeTable;
  name: string;
}

/** Every privilege a rep needs to sync leads with their notes and activities. */
export const REQUIRED_PRIVILEGES: readonly MissingPrivilege[] = PRIVILEGE_TABLES.flatMap((table) =>
  PRIVILEGE_ACTIONS.map((action) => ({ action, table, name: `prv${action}${table}` })));

/** Reads "prvAppendToLead" (or the annotation spelling "prvCreateAnnotation") into its parts. */
export function parsePrivilege(name: string): MissingPrivilege | undefined {
  const m = /^prv(Create|Read|Write|AppendTo|Append)(Lead|Note|Annotation|Activity)$/i.exec(name.trim());
  if (!m) return undefined;
  const action = PRIVILEGE_ACTIONS.find((a) => a.toLowerCase() === m[1].toLowerCase())!;
  const t = m[2].toLowerCase() === 'annotation' ? 'note' : m[2].toLowerCase();
  const table = PRIVILEGE_TABLES.find((x) => x.toLowerCase() === t)!;
  return { action, table, name: `prv${action}${table}` };
}

/** The required privileges not among the user's (RetrieveUserPrivileges' RolePrivileges). */
export function missingPrivileges(rolePrivileges: ReadonlyArray<{ PrivilegeName?: unknown }>): MissingPrivilege[] {
  const held = new Set(rolePrivileges.map((p) => (typeof p.PrivilegeName === 'string' ? parsePrivilege(p.PrivilegeName)?.name : undefined)).filter(Boolean));
  return REQUIRED_PRIVILEGES.filter((p) => !held.has(p.name));
}

export type Translate = (key: string, substitutions?: string[]) => string;

/** "create leads, append to notes" in the rep's language (syncPriv_* messages). */
export function describePrivileges(missing: readonly MissingPrivilege[], translate: Translate): string {
  return missing.map((p) => translate(`syncPriv_${p.action}_${p.table}`)).join(', ');
}
