// DAISY Ace checks EPUBs in a headless browser through puppeteer. Puppeteer must not download its
// own Chrome (the machines here cannot reach that download): the tests point it at Debian's Chromium
// with PUPPETEER_EXECUTABLE_PATH instead.
module.exports = { skipDownload: true };
