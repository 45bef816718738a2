// Never download a browser: tests use Debian's Chromium (/usr/bin/chromium or CHROME_PATH).
module.exports = { skipDownload: true };
