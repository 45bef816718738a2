// A page object for the lead form (popup or options editor).
import type { Page } from 'puppeteer';

export async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const sel = `.lead-form [name="${name}"]`;
    await page.waitForSelector(sel);
    // The popup folds the less used sections: open the one holding the field, as a rep would.
    await page.$eval(sel, (el) => {
      for (let d = el.closest('details'); d; d = d.parentElement?.closest('details') ?? null) d.open = true;
    });
    const tag = await page.$eval(sel, (el) => el.tagName);
    if (tag === 'SELECT') await page.select(sel, value);
    else {
      await page.$eval(sel, (el) => ((el as HTMLInputElement).value = ''));
      await page.type(sel, value);
    }
  }
}

export async function valueOf(page: Page, name: string): Promise<string> {
  // The popup's folded sections arrive a moment after the quick fields.
  await page.waitForSelector(`.lead-form [name="${name}"]`);
  return page.$eval(`.lead-form [name="${name}"]`, (el) => (el as HTMLInputElement).value);
}

export async function clickSave(page: Page, close = false): Promise<void> {
  await page.click(`[data-action="${close ? 'save-close' : 'save'}"]`);
}

/** The form's status message; with `expected`, waits until it says that (an earlier message,
 * such as "draft restored", may still be showing when an action starts). */
export async function waitForMessage(page: Page, expected?: RegExp): Promise<string> {
  await page.waitForFunction(
    (source, flags) => {
      const text = document.querySelector('[data-testid="form-message"]')?.textContent;
      return text != null && (!source || new RegExp(source, flags).test(text));
    },
    { timeout: 15_000 },
    expected?.source ?? '',
    expected?.flags ?? '',
  );
  return page.$eval('[data-testid="form-message"]', (el) => el.textContent ?? '');
}
