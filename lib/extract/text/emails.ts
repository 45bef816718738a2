// Email addresses in text, including the common "name (at) domain (dot) com" disguises.
import { headOf, MAX_PAGE_LINE_CHARS } from '../../text/input-bounds';

const EMAIL = /[\p{L}\p{N}._%+'-]{1,64}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,24}/gu;
const DISGUISED = /([\w.+-]{1,64})\s*[[(]\s*(?:at|małpa)\s*[\])]\s*([\w-]+(?:\s*(?:[[(]\s*(?:dot|kropka)\s*[\])]|\.)\s*[\w-]+)+)/giu;

export function findEmails(line: string): string[] {
  const out: string[] = [];
  line = headOf(line, MAX_PAGE_LINE_CHARS);
  if (line.includes('@')) for (const m of line.matchAll(EMAIL)) out.push(m[0].replace(/^[.'-]+|[.'-]+$/g, ''));
  // The disguise needs a bracket: most lines have none, and the test (case-insensitive, with a
  // non-ASCII letter) costs more than looking for one (issue #13).
  if ((line.includes('(') || line.includes('[')) && /[[(]\s*(at|małpa)\s*[\])]/i.test(line)) {
    for (const m of line.matchAll(DISGUISED)) out.push(`${m[1]}@${m[2].replace(/\s*[[(]\s*(dot|kropka)\s*[\])]\s*/gi, '.').replace(/\s+/g, '')}`);
  }
  return out.filter((e) => !/\.(png|jpe?g|gif|webp|svg|css|js)$/i.test(e) && !/^(example|test|user|name|email|your)@/i.test(e));
}

export function stripMailto(href: string): string {
  let v = href.replace(/^mailto:/i, '').split('?')[0];
  try {
    v = decodeURIComponent(v);
  } catch {
    /* keep as is */
  }
  return v.split(',')[0].trim();
}
