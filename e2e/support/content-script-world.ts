// Runs code in the extension's content-script world of a page (the isolated world our webmail
// script lives in), as code that has taken over that world could: through CDP, whose
// Runtime.executionContextCreated reports that world with the extension's origin.
import type { CDPSession, Page } from 'puppeteer';

export interface ContentScriptWorld {
  /** Evaluates an expression (awaiting a promise) in the content script's world. */
  evaluate<T>(expression: string): Promise<T>;
  detach(): Promise<void>;
}

export async function contentScriptWorld(page: Page, extensionId: string): Promise<ContentScriptWorld> {
  const cdp: CDPSession = await page.createCDPSession();
  const found = new Promise<number>((resolve) => {
    cdp.on('Runtime.executionContextCreated', ({ context }) => {
      const aux = context.auxData as { type?: string } | undefined;
      if (aux?.type === 'isolated' && context.origin === `chrome-extension://${extensionId}`) resolve(context.id);
    });
  });
  await cdp.send('Runtime.enable'); // reports the contexts that already exist, too
  const contextId = await found;
  return {
    async evaluate<T>(expression: string) {
      const r = await cdp.send('Runtime.evaluate', { expression, contextId, awaitPromise: true, returnByValue: true });
      if (r.exceptionDetails) throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
      return r.result.value as T;
    },
    detach: () => cdp.detach(),
  };
}
