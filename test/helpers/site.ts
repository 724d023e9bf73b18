// `tde site` as users run it (the CLI as a process), into a temporary folder,
// and the pages of the site's contract (docs/site.md) found by their paths:
// DIR/<lang>/index.html, DIR/<lang>/projects/<slug>/{index,sheet}.html;
// and a page of it opened in Chromium as a resident's browser would, with
// every request watched.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { stringify } from 'yaml';
import { buildOnce, ROOT } from './build';

export const SITE_LANGUAGES = ['en', 'es'] as const;
export type SiteLanguage = (typeof SITE_LANGUAGES)[number];

export interface BuiltSite {
  dir: string;
  status: number | null;
  stdout: string;
  stderr: string;
  /** The slugs of the projects that have a page. */
  slugs(language: SiteLanguage): string[];
  index(language: SiteLanguage): string;
  projectPage(language: SiteLanguage, slug: string): string;
  sheet(language: SiteLanguage, slug: string): string;
  /** Every HTML page of the site. */
  pages(): string[];
  remove(): void;
}

/** The slug the contract gives a file name (without the folder prefix it adds to tell two alike apart). */
export function slugOf(fileName: string): string {
  return path.basename(fileName).replace(/\.tde\.ya?ml$/, '').toLowerCase().replace(/[^a-z0-9-]/g, '-');
}

/** `node bin/tde.js site INPUTS… --out <temp> EXTRA…`, run in `cwd`. */
export function buildSite(inputs: string[], options: { cwd?: string; extra?: string[]; timeoutMs?: number } = {}): BuiltSite {
  buildOnce();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-site-'));
  const out = path.join(dir, 'site');
  const run = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'tde.js'), 'site', ...inputs, '--out', out, ...(options.extra ?? [])], {
    cwd: options.cwd ?? ROOT,
    encoding: 'utf8',
    timeout: options.timeoutMs ?? 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  const projects = (language: SiteLanguage) => path.join(out, language, 'projects');
  return {
    dir: out,
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    slugs: (language) => (fs.existsSync(projects(language)) ? fs.readdirSync(projects(language)).sort() : []),
    index: (language) => path.join(out, language, 'index.html'),
    projectPage: (language, slug) => path.join(projects(language), slug, 'index.html'),
    sheet: (language, slug) => path.join(projects(language), slug, 'sheet.html'),
    pages: () =>
      fs.existsSync(out)
        ? fs
            .readdirSync(out, { recursive: true, encoding: 'utf8' })
            .filter((file) => file.endsWith('.html'))
            .map((file) => path.join(out, file))
            .sort()
        : [],
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A valid project whose texts are as long as a team could make them: the
 * title, the place, the pitch's blanks and the ways to take part, the parts a
 * one-page sheet shows. Its sheet must still print on one page.
 */
export function longProjectText(): string {
  const words = (n: number, what: string) => Array.from({ length: n }, (_, i) => `${what} ${i + 1}`).join(', ');
  const sentence = 'Residents of every ward told us, at meetings, on the phone and at the library desk, what they need from the data';
  const long = (times: number) => Array.from({ length: times }, () => sentence).join('; ');
  return stringify({
    tde: 1,
    project: {
      title: `A very long project title that keeps going: ${words(30, 'word')}`,
      place: `The City and County of ${words(12, 'District')}`,
      team: Array.from({ length: 12 }, (_, i) => `Department number ${i + 1} of the city, with a long name`),
      started: '2024-01-15',
      summary: long(40),
    },
    find: {
      status: 'done',
      action: long(20),
      collaborators: Array.from({ length: 30 }, (_, i) => ({ name: `Neighbourhood association number ${i + 1}`, role: 'community-group' })),
      tactics: ['join-public-meetings', 'identify-shared-priorities'],
      result: { focus_area: long(10) },
    },
    refine: {
      status: 'done',
      collaborators: [{ name: 'Neighbourhood association number 1', role: 'community-group' }],
      tactics: ['consult-the-public', 'workshop-with-partners'],
      use_cases: [{ id: 'long-case', title: long(3), persona: { name: long(1), description: long(10) }, user_story: long(10), support: 'strong' }],
      worksheet: {
        data_supply: Array.from({ length: 20 }, (_, i) => `Data set ${i + 1}: ${long(2)}`),
        data_requesters: Array.from({ length: 20 }, (_, i) => `Requester ${i + 1}: ${long(1)}`),
        next_steps: Array.from({ length: 20 }, (_, i) => `Step ${i + 1}: ${long(2)}`),
      },
      pitch: { impact: long(15) },
      result: { promising_use_cases: ['long-case'] },
    },
    design: {
      status: 'done',
      collaborators: [{ name: 'Neighbourhood association number 1', role: 'community-group', intended_user: true }],
      tactics: ['solicit-user-feedback'],
      selected_use_case: 'long-case',
      plan: { summary: long(20), intervention: 'do-low-tech-outreach' },
      feedback: [{ from: 'Neighbourhood association number 1', via: 'meeting', summary: long(5), incorporated: 'yes' }],
    },
    implement: {
      status: 'in-progress',
      collaborators: [{ name: 'Neighbourhood association number 1', role: 'community-group', intended_user: true }],
      tactics: ['do-low-tech-outreach'],
      intervention: { name: long(2), description: long(20), tactic: 'do-low-tech-outreach' },
      feedback_channels: Array.from({ length: 30 }, (_, i) => ({
        channel: `Channel ${i + 1}: ${long(1)}`,
        owner: `Office number ${i + 1} of the Department of ${words(5, 'Section')}`,
        url: `https://www.city.example/take-part/${'very-long-path-segment/'.repeat(6)}${i + 1}`,
      })),
    },
  });
}

/** A page opened from its file, and what it did that a resident's browser must not: ask the network, fail a script, open a dialog. */
export interface GuardedPage {
  page: Page;
  /** Every request that is not file: (or data: or blob:, which stay in the page), blocked. */
  offsite: string[];
  /** Script errors, and dialogs (an alert is a script from a file's text that ran). */
  errors: string[];
  close(): Promise<void>;
  /** Close, then fail if the page asked the network, a script failed or a dialog opened. */
  finish(what: string): Promise<void>;
}

/** A fresh context with this viewport, every request routed, the page loaded from its file. */
export async function openGuarded(browser: Browser, file: string, viewport: { width: number; height: number }): Promise<GuardedPage> {
  const context = await browser.newContext({ viewport });
  const offsite: string[] = [];
  const errors: string[] = [];
  const local = (url: string) => /^(file|data|blob):/.test(url);
  const note = (url: string) => void (offsite.includes(url) || offsite.push(url));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    note(url);
    return route.abort('blockedbyclient');
  });
  context.on('request', (request) => local(request.url()) || note(request.url()));
  context.on('weberror', (error) => void errors.push(String(error.error())));
  const page = await context.newPage();
  page.on('websocket', (socket) => note(socket.url()));
  page.on('dialog', (dialog) => {
    errors.push(`a ${dialog.type()} dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
  const close = () => context.close();
  return {
    page,
    offsite,
    errors,
    close,
    finish: async (what) => {
      await close();
      assert.deepEqual(offsite, [], `${what}: requests that are not file://`);
      assert.deepEqual(errors, [], `${what}: script errors or dialogs`);
    },
  };
}
