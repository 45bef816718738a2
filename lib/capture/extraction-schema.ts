// What comes back from the injected extractor is page-controlled data: this is its contract. The
// popup checks it with plain code (extraction-check.ts), held to this schema by a property test.
import * as z from 'zod/mini';
import { captureMethod } from '../leads/schema';
import { candidateFields } from '../extract/types';

const text = (max: number) => z.string().check(z.maxLength(max));
const found = z.object({ value: text(300), method: captureMethod, source: text(2048) });

export const candidateSchema = z.object({
  kind: z.enum(['person', 'organization']),
  fields: z.partialRecord(z.enum(candidateFields), found),
  score: z.number(),
});

export const extractionSchema = z.object({
  url: text(4096),
  title: text(500),
  candidates: z.array(candidateSchema).check(z.maxLength(50)),
  truncated: z.boolean(),
});
