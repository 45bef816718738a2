import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultCountryItem, saveDefaultCountry } from '../leads/pipeline-settings';
import { readDefaultCountry } from './default-country';

describe('the popup reads the pipeline default country', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is Poland until the rep chooses', async () => {
    expect(await readDefaultCountry()).toBe('PL');
  });

  it('follows the setting the options page saves', async () => {
    await saveDefaultCountry('de');
    expect(await defaultCountryItem.getValue()).toBe('DE');
    expect(await readDefaultCountry()).toBe('DE');
  });

  it('ignores a damaged stored value', async () => {
    await fakeBrowser.storage.local.set({ defaultCountry: 42 });
    expect(await readDefaultCountry()).toBe('PL');
  });
});
