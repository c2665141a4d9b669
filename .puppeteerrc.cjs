// whatsapp-web.js pulls in puppeteer; never download its browser. We use a system Chromium (CHROMIUM_PATH).
module.exports = { skipDownload: true };
