// The options page's import flow (issue #5): choose or drop a file, check the column mapping,
// see the preview, errors and duplicates, import with progress and cancel, then a summary.
// Parsing and validation run in a Web Worker; saving goes through the background in batches that
// are committed in one transaction, so a cancel leaves nothing half-imported.
import { useEffect, useRef } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { OwnerPicker } from '@/components/sync/owner-picker';
import type { LeadOwner } from '@/lib/leads/schema';
import { storage } from '#imports';
import { t } from '@/lib/i18n/t';
import { tn } from '@/lib/i18n/plural';
import { send } from '@/lib/messaging/send';
import { downloadText } from '@/lib/export/download';
import { fullName, leadFieldNames, type LeadFieldName } from '@/lib/leads/schema';
import { checkSize } from '@/lib/import/limits';
import { usePendingImport } from './use-pending-import';
import { isImportError } from '@/lib/import/import-error';
import type { ColumnMapping } from '@/lib/import/auto-map';
import { applySavedMapping, matchingMappings, savedMappings, toSavedMapping, upsertMapping, type SavedMapping } from '@/lib/import/saved-mappings';
import type { AnalysisSummary, DuplicatePolicy, FromWorker, Opened, ToWorker } from '@/lib/import/worker-protocol';
import type { RowIssue } from '@/lib/import/row-to-lead';
import { textEncodings, type TextEncodingName } from '@/lib/import/decode-text';
import { MappingEditor, targetLabel } from './mapping-editor';
import { ExchangeSource, folderLabel, type ExchangeReadResult } from './exchange-source';
import './import.css';

const mappingsItem = storage.defineItem<SavedMapping[]>('local:importMappings', { fallback: [] });
const ISSUE_CODES = ['required', 'max', 'min', 'truncated', 'option', 'flag', 'number', 'date', 'email', 'email_multiple', 'url', 'status', 'invalid'];
const BATCH = 5000;

type Phase = 'idle' | 'reading' | 'review' | 'importing' | 'saving' | 'done' | 'cancelled';

interface Summary {
  created: number;
  updated: number;
  skipped: number;
  failed: number;
  /** Leads of a big committed import the background is still adding to the lead list. */
  pending: number;
  /** Rows that got the default Topic, and that Topic. */
  defaulted: number[];
  topic: string;
}

interface Failure {
  code: string;
  message: string;
  params: string[];
}

export function issueText(i: RowIssue): string {
  return `${t('import_issue_row', String(i.row))}, ${i.column === i.field ? targetLabel(i.field as LeadFieldName) : i.column}: ${t(`import_issue_${ISSUE_CODES.includes(i.code) ? i.code : 'invalid'}`, i.detail ?? '')}`;
}

/** The failed-rows CSV in the UI's language: the error column in words, fields by their display names. */
function failedCsvRequest(): ToWorker {
  return {
    type: 'failedCsv', errorHeader: t('import_failed_header'), rowTemplate: t('import_issue_row', '$1'),
    templates: Object.fromEntries(ISSUE_CODES.map((c) => [c, t(`import_issue_${c}`, '$1')])),
    fieldLabels: Object.fromEntries(leadFieldNames.map((f) => [f, targetLabel(f)])),
  };
}

/** "4, 5, 9" (at most `max` rows, then "…"). */
const rowList = (rows: readonly number[], max = 50) => rows.slice(0, max).join(', ') + (rows.length > max ? ', …' : '');

function failureText(f: Failure): string {
  const key = `import_err_${f.code}`;
  const text = t(key, f.params);
  return text === key ? t('import_err_failed', f.message) : text;
}

export function ImportPage() {
  const phase = useSignal<Phase>('idle');
  const fileName = useSignal('');
  const opened = useSignal<Opened | undefined>(undefined);
  const mapping = useSignal<ColumnMapping | undefined>(undefined);
  const analysis = useSignal<AnalysisSummary | undefined>(undefined);
  const failure = useSignal<Failure | undefined>(undefined);
  const progress = useSignal(0);
  const progressRows = useSignal<[number, number]>([0, 0]);
  const defaultTopic = useSignal('');
  const dayFirst = useSignal(true);
  const inFile = useSignal<DuplicatePolicy>('skip');
  const stored = useSignal<DuplicatePolicy>('skip');
  const saved = useSignal<SavedMapping[]>([]);
  const mappingName = useSignal('');
  const note = useSignal('');
  /** `pending`: leads of a big committed import the background is still adding to the lead list. */
  const summary = useSignal<Summary | undefined>(undefined);
  const dragging = useSignal(false);
  /** Issue #17: who owns the imported leads in the CRM (absent = the signed-in rep). */
  const owner = useSignal<LeadOwner | undefined>(undefined);
  const worker = useRef<Worker | undefined>(undefined);
  const storedKeys = useRef<[string, string][]>([]);
  const defaultCountry = useRef<string | undefined>(undefined);
  const importId = useRef('');
  const file = useRef<File | undefined>(undefined);
  /** Set while the rows come from Exchange: the folders' delta links are kept once the import commits. */
  const exchangeReadId = useRef('');
  const exchangeNotes = useSignal<string[]>([]);

  useEffect(() => () => worker.current?.terminate(), []);
  useEffect(() => {
    void mappingsItem.getValue().then((v) => (saved.value = savedMappings.safeParse(v).data ?? []));
  }, []);

  const post = (m: ToWorker) => worker.current?.postMessage(m);

  function reset() {
    worker.current?.terminate();
    worker.current = undefined;
    phase.value = 'idle';
    opened.value = undefined;
    analysis.value = undefined;
    failure.value = undefined;
    summary.value = undefined;
    note.value = '';
    exchangeReadId.current = '';
    exchangeNotes.value = [];
  }

  function fail(f: Failure) {
    failure.value = f;
    if (phase.value !== 'review') phase.value = 'idle';
  }

  function analyze() {
    if (!mapping.value) return;
    post({
      type: 'analyze', mapping: mapping.value, storedKeys: storedKeys.current, defaultCountry: defaultCountry.current, dayFirst: dayFirst.value,
      defaults: defaultTopic.value.trim() ? { subject: defaultTopic.value.trim() } : {},
    });
  }

  function onWorkerMessage(m: FromWorker) {
    switch (m.type) {
      case 'opened': {
        // Re-read with another encoding/delimiter/sheet: keep the user's mapping if the columns are the same.
        const same = opened.value && mapping.value && opened.value.headers.join('\u0000') === m.headers.join('\u0000');
        opened.value = m;
        const match = matchingMappings(saved.value, m.headers)[0];
        if (!same) mapping.value = m.mapping;
        if (match) note.value = match.name;
        phase.value = 'review';
        analyze();
        break;
      }
      case 'progress':
        progress.value = m.done;
        break;
      case 'analysis':
        analysis.value = m.result;
        break;
      case 'failedCsv':
        downloadText(`${fileName.value.replace(/\.[^.]+$/, '')}-failed-rows.csv`, m.csv);
        break;
      case 'batch':
        progressRows.value = [m.done, m.total];
        progress.value = m.done / Math.max(1, m.total);
        void send('import/stage', { importId: importId.current, ...withOwner(m.creates, m.updates, owner.value) })
          .then(() => post({ type: 'next' }))
          .catch((err: Error & { code?: string }) => {
            post({ type: 'cancel' });
            void send('import/discard', { importId: importId.current });
            fail({ code: err.code ?? 'failed', message: err.message, params: [err.message] });
          });
        break;
      case 'runDone':
        void commit(m);
        break;
      case 'error':
        if (m.code === 'cancelled') return;
        fail(m);
        break;
    }
  }

  async function openFile(f: File) {
    reset();
    failure.value = undefined;
    fileName.value = f.name;
    file.current = f;
    defaultTopic.value = t('import_default_topic', f.name);
    try {
      checkSize(f.size); // refuse before reading a byte
    } catch (err) {
      if (isImportError(err)) return fail(err);
      throw err;
    }
    await startWorker();
    post({ type: 'open', file: f, fileName: f.name });
  }

  async function startWorker() {
    phase.value = 'reading';
    progress.value = 0;
    const w = new Worker(new URL('../../lib/import/import.worker.ts', import.meta.url), { type: 'module' });
    worker.current = w;
    w.onmessage = (e: MessageEvent<FromWorker>) => onWorkerMessage(e.data);
    w.onerror = (e) => fail({ code: 'failed', message: e.message, params: [e.message] });
    try {
      ({ keys: storedKeys.current, defaultCountry: defaultCountry.current } = await send('import/keys', {}));
    } catch {
      storedKeys.current = [];
    }
  }

  /** Outlook contacts enter where a parsed file's rows do: mapping, preview, duplicates, summary. */
  async function openExchange(r: ExchangeReadResult, folders: { id: string; displayName: string }[]) {
    reset();
    const name = t('exchange_source_name');
    const notes = r.folders.map((f) => {
      const label = folderLabel(folders.find((x) => x.id === f.id) ?? { id: f.id, displayName: f.id });
      return t(`exchange_mode_${f.mode}`, [label, String(f.count), String(f.removed)]);
    });
    if (!r.rows.length) {
      exchangeNotes.value = [...notes, t('exchange_nothing_new')];
      return;
    }
    fileName.value = name;
    file.current = undefined;
    defaultTopic.value = t('import_default_topic', name);
    exchangeReadId.current = r.readId;
    exchangeNotes.value = notes;
    await startWorker();
    post({ type: 'rows', fileName: name, table: { headers: r.headers, rows: r.rows.map((cells, i) => ({ n: i + 2, cells })), meta: { format: 'exchange', headerRow: 0, warnings: [] } } });
  }

  /** Reads the file again with the user's choice of encoding, delimiter or sheet. */
  function reopen(over: { encoding?: TextEncodingName; delimiter?: string; sheet?: string }) {
    const o = opened.value;
    if (!file.current || !o) return;
    phase.value = 'reading';
    progress.value = 0;
    analysis.value = undefined;
    post({
      type: 'open', file: file.current, fileName: fileName.value,
      encoding: over.encoding ?? (o.meta.encoding as TextEncodingName | undefined),
      delimiter: over.delimiter ?? o.meta.delimiter,
      sheet: over.sheet ?? o.sheet,
    });
  }

  function start() {
    importId.current = crypto.randomUUID();
    phase.value = 'importing';
    progress.value = 0;
    progressRows.value = [0, analysis.value?.total ?? 0];
    post({ type: 'run', inFile: inFile.value, stored: stored.value, batchSize: BATCH });
  }

  async function commit(done: { created: number; updated: number; skipped: number }) {
    if (phase.value !== 'importing') return;
    // Rows skipped as duplicates did not get the default Topic: they were not imported.
    const skippedRows = new Set((analysis.value?.duplicates ?? []).filter((d) =>
      (d.firstRow !== undefined && inFile.value === 'skip') || (!!d.storedId && stored.value === 'skip' && !(d.firstRow !== undefined && inFile.value === 'update')),
    ).map((d) => d.row));
    const defaulted = (analysis.value?.defaultedRows ?? []).filter((r) => !skippedRows.has(r));
    const base = { skipped: done.skipped, failed: analysis.value?.errorRows ?? 0, defaulted, topic: defaultTopic.value.trim() };
    // Issue #16: every row matched a stored lead (or an earlier row) and was skipped: nothing was
    // staged, so there is nothing to commit. That is a finished import, not a cancelled one.
    if (done.created + done.updated === 0) {
      summary.value = { ...base, created: 0, updated: 0, pending: 0, defaulted: [] };
      phase.value = 'done';
      return;
    }
    phase.value = 'saving';
    try {
      const r = await send('import/commit', { importId: importId.current });
      summary.value = { ...base, created: r.created, updated: r.updated, pending: r.pending };
      phase.value = 'done';
      // Committed: the next import of these Outlook folders starts from here (delta query).
      if (exchangeReadId.current) await send('exchange/remember', { readId: exchangeReadId.current }).catch(() => undefined);
    } catch (err) {
      const e = err as Error & { code?: string };
      if (e.code === 'cancelled' || e.code === 'expired') phase.value = 'cancelled';
      else fail({ code: e.code ?? 'failed', message: e.message, params: [e.message] });
    }
  }

  async function cancel() {
    post({ type: 'cancel' });
    const wasSaving = phase.value === 'saving';
    const { discarded } = await send('import/discard', { importId: importId.current }).catch(() => ({ discarded: true }));
    // Too late to cancel: the commit finished and commit() shows the summary.
    if (discarded || !wasSaving) phase.value = 'cancelled';
  }

  async function saveMapping() {
    if (!opened.value || !mapping.value || !mappingName.value.trim()) return;
    const next = upsertMapping(saved.value, toSavedMapping(mappingName.value.trim(), opened.value.headers, mapping.value, new Date()));
    await mappingsItem.setValue(next);
    saved.value = next;
    note.value = '';
    failure.value = undefined;
    mappingName.value = '';
  }

  const o = opened.value;
  const a = analysis.value;
  const missingRequired = mapping.value
    ? (['lastname', 'subject'] as const).filter((f) => !mapping.value!.targets.includes(f) && !(f === 'lastname' && mapping.value!.targets.includes('fullname')) && !(f === 'subject' && defaultTopic.value.trim()))
    : [];
  const dupInFile = a?.duplicates.filter((d) => d.firstRow !== undefined).length ?? 0;
  const dupStored = a?.duplicates.filter((d) => d.storedId).length ?? 0;
  const offer = o ? matchingMappings(saved.value, o.headers) : [];

  return (
    <section class="import" data-phase={phase.value}>
      <h2>{t('import_title')}</h2>
      <p class="muted">{t('import_intro')}</p>
      {failure.value && <p class="banner banner--warning" role="alert" data-testid="import-error">{failureText(failure.value)}</p>}

      {exchangeNotes.value.length > 0 && (
        <ul class="banner" data-testid="exchange-notes">{exchangeNotes.value.map((n) => <li key={n}>{n}</li>)}</ul>
      )}
      {phase.value === 'idle' && <ExchangeSource onRead={(r, folders) => void openExchange(r, folders)} />}

      {(phase.value === 'idle' || phase.value === 'review') && (
        <label
          class={`import-drop${dragging.value ? ' import-drop--over' : ''}`}
          onDragOver={(e) => { e.preventDefault(); dragging.value = true; }}
          onDragLeave={() => (dragging.value = false)}
          onDrop={(e) => {
            e.preventDefault();
            dragging.value = false;
            const f = e.dataTransfer?.files[0];
            if (f) void openFile(f);
          }}
        >
          {t('import_drop')}
          <input type="file" name="import-file" accept=".csv,.tsv,.txt,.xlsx,.xls,.xml,.vcf,text/csv" onChange={(e) => { const f = e.currentTarget.files?.[0]; if (f) void openFile(f); e.currentTarget.value = ''; }} />
        </label>
      )}

      {phase.value === 'reading' && (
        <div role="status">
          {t('import_reading', fileName.value)} <progress max={1} value={progress.value} />
          <button type="button" onClick={reset}>{t('import_cancel')}</button>
        </div>
      )}

      {phase.value === 'review' && o && mapping.value && (
        <>
          <p data-testid="file-info">{t('import_file_info', [fileName.value, tn('count_rows', o.rowCount), [o.meta.format, o.meta.encoding, o.sheet].filter(Boolean).join(', ')])}</p>
          {o.emailProposal && (
            <p class="banner" data-testid="primary-email-proposal">
              {o.emailProposal.from !== undefined
                ? t('import_primary_email_proposed', [o.emailProposal.from, o.emailProposal.to, targetLabel('emailaddress1')])
                : t('import_primary_email_unmapped', [o.emailProposal.to, targetLabel('emailaddress1')])}
            </p>
          )}
          <div class="toolbar">
            {(o.meta.format === 'csv' || o.meta.format === 'vcard') && (
              <label>{t('import_encoding')}{' '}
                <select name="encoding" value={o.meta.encoding} onChange={(e) => reopen({ encoding: e.currentTarget.value as TextEncodingName })}>
                  {textEncodings.map((x) => <option key={x} value={x}>{x}</option>)}
                </select>
              </label>
            )}
            {o.meta.format === 'csv' && (
              <label>{t('import_delimiter')}{' '}
                <select name="delimiter" value={o.meta.delimiter} onChange={(e) => reopen({ delimiter: e.currentTarget.value })}>
                  {[[',', ','], [';', ';'], ['\t', 'Tab'], ['|', '|']].map(([v, label]) => <option key={v} value={v}>{label}</option>)}
                </select>
              </label>
            )}
            {(o.sheetNames?.length ?? 0) > 1 && (
              <label>{t('import_sheet')}{' '}
                <select name="sheet" value={o.sheet} onChange={(e) => reopen({ sheet: e.currentTarget.value })}>
                  {o.sheetNames!.map((x) => <option key={x} value={x}>{x}</option>)}
                </select>
              </label>
            )}
          </div>
          {offer.length > 0 && note.value && (
            <p class="banner" data-testid="saved-offer">
              {t('import_saved_offer', offer[0].name)}{' '}
              <button type="button" data-action="apply-saved" onClick={() => { mapping.value = applySavedMapping(offer[0], o.headers); note.value = ''; analyze(); }}>{t('import_apply')}</button>
            </p>
          )}
          <h3>{t('import_mapping')}</h3>
          <MappingEditor headers={o.headers} sample={o.sample} mapping={mapping.value} onChange={(m) => { mapping.value = m; analyze(); }} />
          <div class="toolbar">
            <label>{t('import_default_topic_label')}{' '}
              <input name="default-topic" value={defaultTopic.value} maxLength={300} onChange={(e) => { defaultTopic.value = e.currentTarget.value; analyze(); }} />
            </label>
            <label>{t('import_date_order')}{' '}
              <select name="date-order" value={dayFirst.value ? 'dmy' : 'mdy'} onChange={(e) => { dayFirst.value = e.currentTarget.value === 'dmy'; analyze(); }}>
                <option value="dmy">{t('import_date_dmy')}</option>
                <option value="mdy">{t('import_date_mdy')}</option>
              </select>
            </label>
            <label>{t('import_mapping_name')}{' '}
              <input name="mapping-name" value={mappingName.value} maxLength={100} onInput={(e) => (mappingName.value = e.currentTarget.value)} />
            </label>
            <button type="button" data-action="save-mapping" disabled={!mappingName.value.trim()} onClick={() => void saveMapping()}>{t('import_save_mapping')}</button>
          </div>
          {missingRequired.map((f) => <p key={f} class="banner banner--warning" data-testid="missing-required">{t('import_missing_required', targetLabel(f))}</p>)}

          {a && (
            <>
              <p data-testid="import-counts">{t('import_counts', [tn('count_rows', a.total), String(a.valid), String(a.errorRows)])}</p>
              {a.warned > 0 && <p class="muted">{tn('import_warned', a.warned)}</p>}
              {a.defaultedRows.length > 0 && <p class="muted" data-testid="import-defaulted">{tn('import_defaulted', a.defaultedRows.length, [defaultTopic.value.trim(), rowList(a.defaultedRows)])}</p>}
              <h3>{t('import_preview')}</h3>
              <PreviewTable rows={a.preview} />
              {a.issueCount > 0 && (
                <>
                  <h3>{t('import_errors')}</h3>
                  <ul class="import-issues" data-testid="import-issues">
                    {a.issues.slice(0, 100).map((i, k) => <li key={k} data-row={i.row} data-severity={i.severity}>{issueText(i)}</li>)}
                  </ul>
                  {a.issueCount > 100 && <p class="muted">{t('import_errors_more', String(a.issueCount - 100))}</p>}
                  {a.errorRows > 0 && (
                    <button type="button" data-action="download-failed" onClick={() => post(failedCsvRequest())}>{t('import_download_failed')}</button>
                  )}
                </>
              )}
              {(dupInFile > 0 || dupStored > 0) && (
                <>
                  <h3>{t('import_duplicates')}</h3>
                  <DuplicateList duplicates={a.duplicates} />
                  {dupInFile > 0 && <PolicyChoice name="dup-in-file" label={tn('import_dup_in_file', dupInFile)} value={inFile.value} onChange={(v) => (inFile.value = v)} />}
                  {dupStored > 0 && <PolicyChoice name="dup-stored" label={tn('import_dup_stored', dupStored)} value={stored.value} onChange={(v) => (stored.value = v)} />}
                </>
              )}
              <OwnerPicker name="import-owner" label={t('import_owner_label')} value={owner.value} onChange={(o) => (owner.value = o)} />
              <div class="toolbar">
                <button type="button" class="primary" data-action="start-import" disabled={a.valid === 0} onClick={start}>{tn('import_start', a.valid)}</button>
              </div>
            </>
          )}
        </>
      )}

      {(phase.value === 'importing' || phase.value === 'saving') && (
        <div role="status" data-testid="import-progress">
          <p>{phase.value === 'saving' ? t('import_saving') : tn('import_progress', progressRows.value[1], [String(progressRows.value[0])])}</p>
          <progress max={1} value={progress.value} />
          <button type="button" data-action="cancel-import" onClick={() => void cancel()}>{t('import_cancel')}</button>
        </div>
      )}

      {phase.value === 'cancelled' && (
        <div role="status" data-testid="import-cancelled">
          <p>{t('import_cancelled')}</p>
          <button type="button" onClick={reset}>{t('import_another')}</button>
        </div>
      )}

      {phase.value === 'done' && summary.value && (
        <div role="status" data-testid="import-summary">
          <p>{summaryText(summary.value)}</p>
          {summary.value.defaulted.length > 0 && <p data-testid="summary-defaulted">{tn('import_defaulted', summary.value.defaulted.length, [summary.value.topic, rowList(summary.value.defaulted)])}</p>}
          {summary.value.pending > 0 && <ApplyingNote pending={summary.value.pending} />}
          {summary.value.failed > 0 && (
            <button type="button" data-action="download-failed" onClick={() => post(failedCsvRequest())}>{t('import_download_failed')}</button>
          )}
          <button type="button" onClick={reset}>{t('import_another')}</button>
        </div>
      )}
    </section>
  );
}

/** "Import finished: 2 leads created, 150 skipped as duplicates." Only what happened is said. */
function summaryText(s: Summary): string {
  const parts = [
    s.created > 0 && tn('import_sum_created', s.created),
    s.updated > 0 && tn('import_sum_updated', s.updated),
    s.skipped > 0 && tn('import_sum_skipped', s.skipped),
    s.failed > 0 && tn('import_sum_failed', s.failed),
  ].filter((p): p is string => !!p);
  return parts.length ? t('import_done', parts.join(', ')) : t('import_done_nothing');
}

/** Issue #16: each repeated row named, so the rep can find it in the file. */
function DuplicateList({ duplicates }: { duplicates: AnalysisSummary['duplicates'] }) {
  const shown = duplicates.slice(0, 100);
  return (
    <ul class="import-issues" data-testid="import-duplicates">
      {shown.map((d) => (
        <li key={d.row} data-row={d.row}>
          {d.firstRow !== undefined ? t('import_dup_row_repeats', [String(d.row), String(d.firstRow)]) : t('import_dup_row_stored', String(d.row))}
        </li>
      ))}
      {duplicates.length > shown.length && <li class="muted">{t('import_list_more', String(duplicates.length - shown.length))}</li>}
    </ul>
  );
}

function PolicyChoice({ name, label, value, onChange }: { name: string; label: string; value: DuplicatePolicy; onChange: (v: DuplicatePolicy) => void }) {
  return (
    <fieldset class="import-policy">
      <legend>{label}</legend>
      {(['skip', 'update', 'create'] as const).map((p) => (
        <label key={p}>
          <input type="radio" name={name} value={p} checked={value === p} onChange={() => onChange(p)} /> {t(`import_policy_${p}`)}
        </label>
      ))}
    </fieldset>
  );
}

const PREVIEW_FIELDS: LeadFieldName[] = ['subject', 'companyname', 'emailaddress1', 'telephone1', 'mobilephone', 'jobtitle', 'address1_city'];

function PreviewTable({ rows }: { rows: AnalysisSummary['preview'] }) {
  return (
    <table class="leads-table" data-testid="import-preview">
      <thead>
        <tr><th>#</th><th>{t('field_lastname')}</th>{PREVIEW_FIELDS.map((f) => <th key={f}>{t(`field_${f}`)}</th>)}</tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row} data-row={r.row} class={r.lead ? '' : 'import-row--error'}>
            <td>{r.row}</td>
            <td>{r.lead ? fullName(r.lead) : '—'}</td>
            {PREVIEW_FIELDS.map((f) => <td key={f}>{r.lead ? String(r.lead[f] ?? '') : ''}</td>)}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The import is saved and listed; the background hands it to the sync queue part by part. */
function ApplyingNote({ pending }: { pending: number }) {
  const left = usePendingImport(pending);
  return left.value > 0
    ? <p data-testid="import-applying">{t('import_applying', tn('count_leads', left.value))}</p>
    : <p data-testid="import-applied">{t('import_applied')}</p>;
}

/** Every lead of the import gets the chosen owner (issue #17). */
function withOwner(creates: unknown[], updates: Array<{ id: string; lead: unknown }>, owner: LeadOwner | undefined) {
  if (!owner) return { creates, updates };
  const own = (lead: unknown) => ({ ...(lead as Record<string, unknown>), owner });
  return { creates: creates.map(own), updates: updates.map((u) => ({ ...u, lead: own(u.lead) })) };
}
