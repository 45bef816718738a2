/** True only in `npm run build:test` (wxt.config.ts `define`). */
declare const __LEADCLIP_TEST_BUILD__: boolean;
