// A file the importer refuses, with a code the UI turns into a sentence in the user's language
// (lib/i18n/locales/<lang>/import.json, key `import_err_<code>`) and the values that sentence needs.

export type ImportErrorCode =
  | 'empty'
  | 'too_large'
  | 'too_many_rows'
  | 'too_many_columns'
  | 'binary'
  | 'unsupported_format'
  | 'legacy_encrypted'
  | 'zip_bomb'
  | 'zip_corrupt'
  | 'not_a_workbook'
  | 'xml_dtd'
  | 'xml_malformed'
  | 'xml_encoding'
  | 'not_spreadsheetml'
  | 'no_header'
  | 'timeout'
  | 'cancelled';

export class ImportError extends Error {
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** Substitutions for the localised message, in order ($1, $2...). */
    readonly params: string[] = [],
  ) {
    super(message);
    this.name = 'ImportError';
  }
}

export function isImportError(e: unknown): e is ImportError {
  return e instanceof ImportError || (typeof e === 'object' && e !== null && (e as { name?: unknown }).name === 'ImportError');
}
