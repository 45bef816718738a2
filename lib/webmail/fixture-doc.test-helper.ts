// Loads a webmail fixture page into happy-dom's document and renders one thread, as the page's
// own script does in the browser (happy-dom does not run it).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

export function loadFixture(name: 'gmail' | 'outlook', thread: string, url: string): Document {
  const html = readFileSync(resolve(__dirname, '../../tests/fixtures/webmail', `${name}.html`), 'utf8');
  (window as unknown as { happyDOM: { setURL(u: string): void } }).happyDOM.setURL(url);
  document.documentElement.innerHTML = html.replace(/^<!doctype html>\s*<html[^>]*>/i, '').replace(/<\/html>\s*$/i, '').replace(/<script>[\s\S]*?<\/script>/g, '');
  renderThread(document, thread);
  return document;
}

export function renderThread(doc: Document, thread: string): void {
  const tpl = doc.querySelector<HTMLTemplateElement>(`template[data-thread="${thread}"]`);
  if (!tpl) throw new Error(`no thread ${thread}`);
  doc.getElementById('view')!.replaceChildren(tpl.content.cloneNode(true));
}
