// The IndexedDB schema, one interface per version. Old versions stay so migrations type-check.
import type { DBSchema } from 'idb';
import type { LeadRecord } from '../leads/schema';
import type { OutboxJob } from './outbox-job';
import type { AuditBatchEntry, AuditEntry } from '../audit/entry';
import type { StoredLead } from './stored-lead';
import type { DedupeRowV2 } from './backfill-v2-keys';
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
    value: DedupeRowV2;
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

/** v4 (issue #15): the outbox job and the duplicate keys live on the lead record, indexed there,
 * so saving a lead is one put; audit entries that say the same for a batch are one entry. */
export interface AppDbV4 extends DBSchema {
  leads: {
    key: string;
    value: StoredLead;
    indexes: {
      'by-sync-state': string;
      'by-outbox': [string, string];
      'by-email': string;
      'by-phone': string;
      'by-name-company': string;
      'by-fuzzy': string;
    };
  };
  audit: {
    key: number;
    value: AuditEntry | AuditBatchEntry;
    indexes: { 'by-lead': string; 'by-batch': string };
  };
  importJournal: AppDbV3['importJournal'];
}

/** v5 (issue #15): every duplicate key in one multiEntry index ('by-match', keys prefixed by
 * rule), and the sync state read through 'by-outbox' (the job's state is the lead's): a put
 * writes two indexes instead of six. */
export interface AppDbV5 extends DBSchema {
  leads: {
    key: string;
    value: StoredLead;
    indexes: {
      'by-outbox': [string, string];
      'by-match': string;
    };
  };
  audit: AppDbV4['audit'];
  importJournal: AppDbV3['importJournal'];
}

/** The current schema. Add a new interface (AppDbV6 ...) and alias it here when it changes. */
export type AppDb = AppDbV5;
/** Every store any version had: migrations and their fixtures name the old ones. */
export type StoreName = 'leads' | 'outbox' | 'audit' | 'dedupe' | 'importJournal';
/** A lead as any version stored it: before v5 its duplicate keys had no 'match' list. */
type AnyVersionLead = Omit<StoredLead, 'dedupe'> & { dedupe?: DedupeRowV2 & { match?: string[] } };

/** What migrations see: every store any version had, typed loosely enough for each. */
export interface AnyVersionDb extends DBSchema {
  leads: { key: string; value: AnyVersionLead; indexes: AppDbV5['leads']['indexes'] & AppDbV4['leads']['indexes'] & AppDbV1['leads']['indexes'] };
  outbox: AppDbV3['outbox'];
  audit: AppDbV4['audit'];
  dedupe: AppDbV3['dedupe'];
  importJournal: AppDbV3['importJournal'];
}
