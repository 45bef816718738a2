// Rasterises tests/tools/icon.svg into public/icon/<size>.png (toolbar and store icons) with the same
// Chromium the tests use. Run after editing the SVG: npx tsx tests/tools/make-icons.ts
import { readFileSync } from 'node:fs';
import puppeteer from 'puppeteer';

const sizes = [16, 32, 48, 128];
const svg = readFileSync('tests/tools/icon.svg', 'utf8');
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
});
try {
  const page = await browser.newPage();
  for (const size of sizes) {
    await page.setViewport({ width: size, height: size, deviceScaleFactor: 1 });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${svg}`);
    await page.screenshot({ path: `public/icon/${size}.png`, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
  }
  console.log(`public/icon/{${sizes.join(',')}}.png written`);
} finally {
  await browser.close();
}
