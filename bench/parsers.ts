// Security issue #18: parse time against input size for the text parsers, on the shapes that were
// quadratic (one long line of "a.", of spaces, of "1-", many lines of a signature-like text).
// Linear growth shows as a constant time per 100 kB down each column. CPU time, the fastest of 3.
import { splitThread } from '../lib/signature/split-thread';
import { findSignature } from '../lib/signature/find-signature';
import { parseSignature } from '../lib/signature/parse-signature';
import { extractSelection } from '../lib/extract/extract-selection';
import { readVcard } from '../lib/import/vcard';
import { emailToLead } from '../lib/webmail/email-to-lead';
import type { WebmailMessage } from '../lib/webmail/types';

const SIZES = [25_000, 50_000, 100_000, 200_000];
const repeatTo = (unit: string, n: number) => unit.repeat(Math.ceil(n / unit.length)).slice(0, n);
const message = (bodyText: string): WebmailMessage => ({
  client: 'gmail', key: 'b', sender: { name: 'Jan Kowalski', email: 'jan@budmax.pl' }, to: [], cc: [], subject: 'Oferta', bodyText, url: 'https://mail.google.com/mail/u/0/#inbox/b',
});

const shapes: Record<string, (n: number) => string> = {
  'one line of "a."': (n) => repeatTo('a.', n),
  'one line of spaces': (n) => `a${' '.repeat(n)}b`,
  'one line of "1-"': (n) => `${repeatTo('1-', n)}#`,
  'lines of "Ab 1"': (n) => repeatTo('Ab 1\n', n),
};
const parsers: Record<string, (text: string) => unknown> = {
  emailToLead: (t) => emailToLead(message(`Hi,\n${t}\n\nRegards,\nJan Kowalski`)),
  splitThread: (t) => splitThread(t),
  findSignature: (t) => findSignature(t.split('\n'), { name: 'Jan Kowalski' }),
  parseSignature: (t) => parseSignature(['Jan Kowalski', t]),
  extractSelection: (t) => extractSelection(t),
  readVcard: (t) => readVcard(`BEGIN:VCARD\nNOTE;X="${t}:${t}\nEND:VCARD`),
};

function cpuMs(fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

export default async function bench(): Promise<void> {
  console.log(`text parsers, CPU ms by input size (${SIZES.map((s) => `${s / 1000} kB`).join(' / ')})`);
  for (const [shape, make] of Object.entries(shapes)) {
    console.log(`  ${shape}`);
    for (const [name, parse] of Object.entries(parsers)) {
      const ms = SIZES.map((n) => cpuMs(() => parse(make(n))));
      console.log(`    ${name.padEnd(17)} ${ms.map((m) => m.toFixed(1).padStart(7)).join(' ')}`);
    }
  }
}
