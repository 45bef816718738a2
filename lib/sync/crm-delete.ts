// "Forget this person" in the CRM too (issue #8): delete the lead there before erasing it here,
// so a failure leaves the local copy for a retry. A lead the CRM never saw, or no longer has,
// counts as deleted.
import type { DataverseApi } from './dataverse-client';
import { leadPath } from './lead-payload';

export class CrmDeleteError extends Error {
  readonly code = 'crm_delete_failed';
}

export async function deleteLeadInCrm(api: DataverseApi, leadId: string): Promise<'deleted' | 'absent'> {
  const r = await api.send({ method: 'DELETE', path: leadPath(leadId) });
  if (r.status === 204 || r.status === 200) return 'deleted';
  if (r.status === 404) return 'absent';
  let detail = `HTTP ${r.status}`;
  try {
    detail = (JSON.parse(r.text) as { error?: { message?: string } }).error?.message ?? detail;
  } catch {
    // not JSON: keep the status
  }
  throw new CrmDeleteError(detail);
}
