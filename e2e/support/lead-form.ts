// A page object for the lead form (popup or options editor).
import type { Page } from 'puppeteer';

export async function fill(page: Page, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const sel = `.lead-form [name="${name}"]`;
    await page.waitForSelector(sel);
    const tag = await page.$eval(sel, (el) => el.tagName);
    if (tag === 'SELECT') await page.select(sel, value);
    else {
      await page.$eval(sel, (el) => ((el as HTMLInputElement).value = ''));
      await page.type(sel, value);
    }
  }
}

export async function valueOf(page: Page, name: string): Promise<string> {
  return page.$eval(`.lead-form [name="${name}"]`, (el) => (el as HTMLInputElement).value);
}

export async function clickSave(page: Page, close = false): Promise<void> {
  await page.click(`[data-action="${close ? 'save-close' : 'save'}"]`);
}

export async function waitForMessage(page: Page): Promise<string> {
  await page.waitForSelector('[data-testid="form-message"]');
  return page.$eval('[data-testid="form-message"]', (el) => el.textContent ?? '');
}
