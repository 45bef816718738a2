// The IndexedDB schema, one interface per version. Old versions stay so migrations type-check.
import type { DBSchema } from 'idb';
import type { LeadRecord } from '../leads/schema';
import type { OutboxJob } from './outbox-job';
import type { AuditEntry } from '../audit/entry';
import type { DedupeKeys } from '../leads/dedupe-keys';
import type { ImportJournalPart } from './journal-part';

export interface AppDbV1 extends DBSchema {
  leads: {
    key: string;
    value: LeadRecord;
    indexes: { 'by-updated': string; 'by-sync-state': string };
  };
}

/** v2 (issue #4): the outbox, the audit trail and the duplicate-check index. */
export interface AppDbV2 extends DBSchema {
  leads: AppDbV1['leads'];
  outbox: {
    key: string; // leadId
    value: OutboxJob;
    indexes: { 'by-state-due': [string, string] };
  };
  audit: {
    key: number; // seq, autoIncrement
    value: AuditEntry;
    indexes: { 'by-lead': string };
  };
  dedupe: {
    key: string; // leadId
    value: DedupeKeys;
    indexes: { 'by-email': string; 'by-phone': string; 'by-name-company': string; 'by-fuzzy': string };
  };
}

/** v3 (issue #5): the import journal, where a committed file import waits, a few thousand leads
 * per record, until the background has added its leads to the stores above. */
export interface AppDbV3 extends AppDbV2 {
  importJournal: {
    key: string; // `${at}|${importId}|${part}`
    value: ImportJournalPart;
  };
}

/** The current schema. Add a new interface (AppDbV4 ...) and alias it here when it changes. */
export type AppDb = AppDbV3;
export type StoreName = 'leads' | 'outbox' | 'audit' | 'dedupe' | 'importJournal';
