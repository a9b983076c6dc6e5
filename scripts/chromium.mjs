/** The headless-Chromium settings shared by the packed-package check and the browser XSS test. */

/** Debian's Chromium; where it is absent, browser checks skip instead of failing. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags for a quiet, self-contained headless run: no sandbox (CI containers), no network chatter. */
export const CHROMIUM_ARGS = Object.freeze([
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]);
