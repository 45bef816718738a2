// The IndexedDB schema, one interface per version. Old versions stay so migrations type-check.
import type { DBSchema } from 'idb';
import type { LeadRecord } from '../leads/schema';

export interface AppDbV1 extends DBSchema {
  leads: {
    key: string;
    value: LeadRecord;
    indexes: { 'by-updated': string; 'by-sync-state': string };
  };
}

/** The current schema. Add a new interface (AppDbV2 ...) and alias it here when it changes. */
export type AppDb = AppDbV1;
export type StoreName = 'leads';
