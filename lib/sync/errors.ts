// Errors of the transport and Dataverse's error body {"error":{"code","message"}}.
export class AuthRequiredError extends Error {
  readonly code = 'auth_required';
  constructor(message = 'Sign in to Dynamics 365 again.', readonly reason: string = 'signed_out') {
    super(message);
  }
}

/** No HTTP answer at all: offline, DNS, refused, reset or aborted mid-response. */
export class NetworkError extends Error {
  readonly code = 'network';
  constructor(message: string, readonly cause?: unknown) {
    super(message);
  }
}

export interface DataverseErrorBody {
  code: string;
  message: string;
}

/** Reads Dataverse's error body; tolerant of empty bodies and OData-style nested errors. */
export function parseErrorBody(text: string): DataverseErrorBody | undefined {
  if (!text) return undefined;
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown; innererror?: { message?: unknown } } };
    const e = parsed.error;
    if (!e) return undefined;
    const message = typeof e.message === 'string' ? e.message : typeof e.innererror?.message === 'string' ? e.innererror.message : '';
    return { code: typeof e.code === 'string' ? e.code.toLowerCase() : '', message };
  } catch {
    return undefined;
  }
}
