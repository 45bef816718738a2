// The small "Capture lead" button next to the sender, in a shadow root so the page's styles and
// ours never mix. Its look follows the client: Gmail's pill buttons, Outlook's Fluent buttons.
import type { WebmailClient } from './types';

export const BUTTON_TAG = 'leadclip-capture';

const CSS: Record<WebmailClient, string> = {
  gmail: `button{font:500 12px/16px "Google Sans",Roboto,Arial,sans-serif;color:#0b57d0;background:#fff;border:1px solid #c4c7c5;border-radius:16px;padding:3px 10px;cursor:pointer}
button:hover{background:#f0f4fb}button:focus-visible{outline:2px solid #0b57d0;outline-offset:1px}`,
  outlook: `button{font:600 12px/16px "Segoe UI","Segoe UI Web (West European)",-apple-system,Roboto,sans-serif;color:#0f6cbd;background:#fff;border:1px solid #d1d1d1;border-radius:4px;padding:2px 8px;cursor:pointer}
button:hover{background:#ebf3fc;border-color:#0f6cbd}button:focus-visible{outline:2px solid #0f6cbd;outline-offset:1px}`,
};

// One parsed stylesheet shared by every button: parsing CSS per button costs page load time.
let shared: { client: WebmailClient; sheet: CSSStyleSheet } | undefined;

function adoptStyles(root: ShadowRoot, client: WebmailClient): void {
  if (typeof CSSStyleSheet === 'function' && 'replaceSync' in CSSStyleSheet.prototype && 'adoptedStyleSheets' in root) {
    if (shared?.client !== client) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS[client]);
      shared = { client, sheet };
    }
    root.adoptedStyleSheets = [shared.sheet];
    return;
  }
  const style = root.ownerDocument.createElement('style');
  style.textContent = CSS[client];
  root.append(style);
}

export interface ButtonOptions {
  client: WebmailClient;
  label: string;
  /** Accessible name, e.g. "Capture lead from Jan Kowalski". */
  title: string;
  onClick: () => void;
}

/** Inserts the button right after `anchor`, or reuses the one already there. */
export function ensureCaptureButton(anchor: Element, key: string, options: ButtonOptions): HTMLElement {
  const next = anchor.nextElementSibling;
  if (next?.tagName.toLowerCase() === BUTTON_TAG) {
    const host = next as HTMLElement & { leadclipClick?: () => void };
    host.setAttribute('data-key', key);
    host.leadclipClick = options.onClick; // another message may now own this spot
    host.shadowRoot?.querySelector('button')?.setAttribute('aria-label', options.title);
    return host;
  }
  const host = anchor.ownerDocument.createElement(BUTTON_TAG) as HTMLElement & { leadclipClick?: () => void };
  host.setAttribute('data-key', key);
  host.setAttribute('style', 'display:inline-block;margin-inline-start:8px;vertical-align:middle');
  host.leadclipClick = options.onClick;
  // Open so tests and assistive tools can reach it; the page could read it anyway.
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, options.client);
  const button = anchor.ownerDocument.createElement('button');
  button.type = 'button';
  button.textContent = options.label;
  button.setAttribute('aria-label', options.title);
  button.addEventListener('click', (e) => {
    e.preventDefault();
    e.stopPropagation(); // Gmail and Outlook would otherwise collapse or open the message
    // Only the rep's own click or key press: the page can reach this button (its shadow root is
    // open) and call click() on it, which must not open windows (issue #18).
    if (!e.isTrusted) return;
    host.leadclipClick?.();
  });
  root.append(button);
  anchor.after(host);
  return host;
}
