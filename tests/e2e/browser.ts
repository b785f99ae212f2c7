import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { parseConfig, type Config } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { seedModules } from '../../src/modules.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Chromium as the CI runs it. Every page of every context it opens records its console errors and uncaught
 * exceptions, and `expectAccessible` (run on every page a test visits) fails on any: an unexpected console
 * error fails the test.
 */
export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (options) => {
    const context = await newContext(options);
    context.on('page', (page) => void watchErrors(page));
    return context;
  };
  const newPage = browser.newPage.bind(browser);
  browser.newPage = async (options) => {
    const page = await newPage(options);
    watchErrors(page);
    return page;
  };
  return browser;
}

export interface RunningApp {
  url: string;
  app: App;
  config: Config;
  database: Database;
  close(): Promise<void>;
}

/**
 * The real server on a random local port: embedded database, demo data, background jobs running. `env` adds
 * settings (e.g. SMTP_URL for a test mail server).
 */
export async function startDemoServer(env: Record<string, string> = {}): Promise<RunningApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'samverkan-e2e-'));
  const database = await openDatabase({ dataDir: 'memory' });
  await migrate(database.db);
  await seedModules(database, { demo: true });
  const config = parseConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', PORT: '0', ...env });
  const app = await buildApp({ config, database, runJobs: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    config,
    database,
    close: async () => {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Zero WCAG 2.1 A/AA violations on the page as it is now, and no console error since the last check.
 * `allowConsoleErrors` lets through errors the test caused on purpose (a 404 page logs its status).
 */
export async function expectAccessible(
  page: Page,
  opts: { allowConsoleErrors?: RegExp } = {},
): Promise<void> {
  expectNoConsoleErrors(page, opts.allowConsoleErrors);
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = result.violations.map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe på ${page.url()}`).toEqual([]);
}

const pageErrors = new WeakMap<Page, string[]>();

/**
 * The page's console errors and uncaught page errors, collected from its opening (the browser from
 * `launchBrowser` watches every page); a test may also assert on the list itself.
 */
export function watchErrors(page: Page): string[] {
  let errors = pageErrors.get(page);
  if (!errors) {
    const list: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') list.push(m.text());
    });
    page.on('pageerror', (e) => list.push(e.message));
    pageErrors.set(page, list);
    errors = list;
  }
  return errors;
}

/** Fails on any console error the page logged since the last check (the allowed ones aside), then clears them. */
export function expectNoConsoleErrors(page: Page, allow?: RegExp): void {
  const seen = watchErrors(page);
  const unexpected = seen.filter((e) => !allow?.test(e));
  seen.length = 0;
  expect(unexpected, `konsolfel på ${page.url()}`).toEqual([]);
}
