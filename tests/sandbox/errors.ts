// Dataverse's error body: {"error":{"code":"0x…","message":"…"}}, with the HTTP status Dataverse
// uses for each code (shared/docs/dataverse.md §4).
export interface SandboxResponse {
  status: number;
  headers: Record<string, string>;
  body?: string;
}

export const codes = {
  objectDoesNotExist: '0x80040217',
  invalidProperty: '0x80048d19',
  invalidArgument: '0x80040203',
  required: '0x80040203',
  maxLength: '0x80044331',
  picklistOutOfRange: '0x8004431a',
  duplicateKey: '0x80040237',
  duplicateDetected: '0x80040333',
  concurrencyMismatch: '0x80060882',
  privilegeDenied: '0x80040220',
  userNotInOrg: '0x80072560',
  userNoRoles: '0x80042f09',
  throttleRequests: '0x80072322',
  throttleTime: '0x80072321',
  throttleConcurrency: '0x80072326',
  leadAlreadyClosed: '0x80048472',
  stateTransition: '0x8004cf01',
  serverError: '0x80040216',
} as const;

export class DataverseError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

export function errorResponse(err: DataverseError, includeAnnotations = false): SandboxResponse {
  const error: Record<string, unknown> = { code: err.code, message: err.message };
  if (includeAnnotations) {
    error['@Microsoft.PowerApps.CDS.ErrorDetails.HttpStatusCode'] = String(err.status);
    error['@Microsoft.PowerApps.CDS.TraceText'] = `sandbox trace: ${err.code}`;
    error['@Microsoft.PowerApps.CDS.HelpLink'] = `http://go.microsoft.com/fwlink/?LinkID=398563&error=Microsoft.Crm.CrmException%3a${err.code.slice(2)}`;
  }
  return {
    status: err.status,
    headers: { 'content-type': 'application/json; odata.metadata=minimal', 'odata-version': '4.0', ...err.headers },
    body: JSON.stringify({ error }),
  };
}

export const notFound = (logical: string, id: string) =>
  new DataverseError(404, codes.objectDoesNotExist, `${logical} With Id = ${id} Does Not Exist`);
