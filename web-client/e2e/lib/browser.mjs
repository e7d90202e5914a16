// Launches Debian's headless Chromium for WebRTC on 127.0.0.1 with fake camera and microphone.
import { chromium } from 'playwright-core';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.ODEON_CHROMIUM || '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--disable-features=WebRtcHideLocalIpsWithMdns',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Starts Chromium with a fresh profile; `close()` ends it and removes the profile. `extraArgs` are
 * added to the command line (e.g. `--use-file-for-fake-audio-capture=FILE.wav`, which is per
 * browser process).
 */
export async function launchBrowser({ extraArgs = [] } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'odeon-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
    viewport: { width: 960, height: 720 },
  });
  context.setDefaultTimeout(15000);
  return {
    context,
    async close() {
      await context.close().catch(() => {});
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `url` in a new tab and records its uncaught exceptions and console errors in
 * `page.odeonErrors` so the scenario can report them.
 */
export async function openPage(context, url, label) {
  const page = await context.newPage();
  page.odeonErrors = [];
  page.on('pageerror', (e) => page.odeonErrors.push(`${label}: uncaught ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.odeonErrors.push(`${label}: console ${m.text()}`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) page.odeonErrors.push(`${label}: HTTP ${r.status()} ${r.url()}`);
  });
  // DOMContentLoaded, not load: module scripts have run by then, and a <video> whose MediaStream
  // has a video track with no frames yet (an audio-only speaker) delays the load event for as long
  // as no frame arrives. Every scenario then waits on the conditions it checks.
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 45000 });
  return page;
}

/**
 * The frame of a one-browser scenario script: launches the browser, runs each named scenario
 * (a failure is reported as `<name>-scenario-completed` and the next one still runs), enforces an
 * overall time limit, closes the browser and exits with the report's code after its final line.
 *
 * @param {import('./checks.mjs').Report} report
 * @param {number} limitMs
 * @param {Array<[string, (context: any) => Promise<void>]>} scenarios
 * @param {object} extra fields for the final line
 */
export async function runScenarios(report, limitMs, scenarios, extra = {}) {
  const guard = setTimeout(() => {
    report.check('overall-time-limit', false, { reason: `scenario still running after ${limitMs} ms` });
    process.exit(report.finish(extra));
  }, limitMs);
  let browser;
  try {
    browser = await launchBrowser();
    for (const [name, run] of scenarios) {
      try {
        await run(browser.context);
      } catch (e) {
        report.check(`${name}-scenario-completed`, false, { error: e.stack || String(e) });
      }
    }
  } catch (e) {
    report.check('browser-launched', false, { error: e.stack || String(e) });
  } finally {
    if (browser) await browser.close();
    clearTimeout(guard);
  }
  process.exit(report.finish(extra));
}
