// The public site as residents meet it: the site of examples/ built once by
// `tde site` (both languages), opened from file:// in Debian's Chromium, at a
// phone's width and a desktop's. Screenshots go to test-artifacts/site/
// (readme.png is the README's docs/site.png). Every page is opened with every
// request routed: only file: (and data: inside the page) may load, anything
// else fails the test that opened it (test/helpers/site.ts).
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { ROOT } from '../helpers/build';
import { chromiumMissing, launchChromium } from '../helpers/chromium';
import { buildSite, longProjectText, openGuarded, SITE_LANGUAGES, type BuiltSite, type GuardedPage, type SiteLanguage } from '../helpers/site';
import { skipBecause } from '../helpers/skip';

const ARTIFACTS = path.join(ROOT, 'test-artifacts', 'site');
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1280, height: 900 } } as const;
type Viewport = keyof typeof VIEWPORTS;
/** The project shown as "a project page" and "a sheet": the complete iteration, through Implement. */
const PROJECT = 'riverton-eviction-data';
const PAGE_KINDS = ['index', 'project', 'sheet'] as const;
type PageKind = (typeof PAGE_KINDS)[number];
const PDFINFO = process.env.TDE_PDFINFO || '/usr/bin/pdfinfo';
const PDFTOTEXT = path.join(path.dirname(PDFINFO), 'pdftotext');

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

describe('the public site, in Chromium', function () {
  this.timeout(120_000);
  let browser: Browser;
  let site: BuiltSite;
  let longSite: BuiltSite;
  let longSlug: string;

  before(async function () {
    this.timeout(180_000);
    const missing = chromiumMissing();
    if (missing) skipBecause(this, missing);
    site = buildSite(['examples']);
    assert.equal(site.status, 0, `tde site examples/ exited ${site.status}:\n${site.stderr}`);
    const longDir = fs.mkdtempSync(path.join(site.dir, '..', 'long-'));
    fs.writeFileSync(path.join(longDir, 'long-texts.tde.yaml'), longProjectText());
    longSite = buildSite([path.join(longDir, 'long-texts.tde.yaml')]);
    assert.equal(longSite.status, 0, `tde site of the long project exited ${longSite.status}:\n${longSite.stderr}`);
    longSlug = 'long-texts';
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    browser = await launchChromium();
  });

  after(async () => {
    await browser?.close();
    site?.remove();
    longSite?.remove();
  });

  function pageFile(language: SiteLanguage, kind: PageKind, of: BuiltSite = site, slug = PROJECT): string {
    if (kind === 'index') return of.index(language);
    return kind === 'project' ? of.projectPage(language, slug) : of.sheet(language, slug);
  }

  const open = (file: string, viewport: Viewport = 'desktop') => {
    assert.ok(fs.existsSync(file), `${path.relative(site.dir, file)} was not built`);
    return openGuarded(browser, file, VIEWPORTS[viewport]);
  };
  const done = (opened: GuardedPage, what: string) => opened.finish(what);

  describe('what a resident sees (screenshots in test-artifacts/site/)', () => {
    for (const language of SITE_LANGUAGES) {
      for (const kind of PAGE_KINDS) {
        for (const viewport of Object.keys(VIEWPORTS) as Viewport[]) {
          it(`${kind} page, ${language}, ${viewport} (${VIEWPORTS[viewport].width}×${VIEWPORTS[viewport].height})`, async () => {
            const opened = await open(pageFile(language, kind), viewport);
            const { page } = opened;
            const what = `${language}/${kind}/${viewport}`;
            assert.equal(await page.getAttribute('html', 'lang'), language, `${what}: <html lang>`);
            assert.equal(await page.locator('h1').count(), 1, `${what}: one <h1>`);
            const h1 = page.locator('h1');
            assert.ok(await h1.isVisible(), `${what}: the <h1> is visible`);
            assert.notEqual(normalise(await h1.innerText()), '', `${what}: the <h1> says something`);
            const footer = page.locator('footer');
            assert.ok((await footer.count()) >= 1 && (await footer.first().isVisible()), `${what}: a visible footer`);
            assert.notEqual(normalise(await footer.first().innerText()), '', `${what}: the footer says what the site leaves out`);
            // Nothing to scroll sideways for on a phone.
            const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
            assert.ok(overflow <= 1, `${what}: the page is ${overflow}px wider than the screen`);
            await page.screenshot({ path: path.join(ARTIFACTS, `${kind}-${language}-${viewport}.png`), fullPage: true });
            // The README's picture (docs/site.png): the top of the English index, its margins left out.
            if (kind === 'index' && language === 'en' && viewport === 'desktop') await page.screenshot({ path: path.join(ARTIFACTS, 'readme.png'), clip: { x: 220, y: 0, width: 840, height: 860 } });
            await done(opened, what);
          });
        }
      }
    }

    it('the index is worded in each language, with the same projects', async () => {
      const seen: Record<string, { h1: string; links: number }> = {};
      for (const language of SITE_LANGUAGES) {
        const opened = await open(site.index(language));
        seen[language] = {
          h1: normalise(await opened.page.locator('h1').innerText()),
          links: await opened.page.evaluate(() => new Set([...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href).filter((href) => /\/projects\/[^/]+\/(index\.html)?$/.test(href))).size),
        };
        await done(opened, `${language} index`);
      }
      assert.notEqual(seen.en!.h1, seen.es!.h1, 'the English and Spanish indexes have the same heading');
      const projects = site.slugs('en');
      assert.deepEqual(site.slugs('es'), projects);
      for (const language of SITE_LANGUAGES) assert.equal(seen[language]!.links, projects.length, `${language} index: a link to each project page`);
    });

    for (const kind of PAGE_KINDS) {
      it(`${kind} page: a switch to the same page in the other language`, async () => {
        for (const language of SITE_LANGUAGES) {
          const other = SITE_LANGUAGES.find((l) => l !== language)!;
          const opened = await open(pageFile(language, kind));
          const target = pathToFileURL(pageFile(other, kind)).href;
          const hrefs = await opened.page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => (a as HTMLAnchorElement).href));
          await done(opened, `${language}/${kind}`);
          assert.ok(hrefs.includes(target) || hrefs.includes(target.replace(/index\.html$/, '')), `${language}/${kind}: no link to ${path.relative(site.dir, pageFile(other, kind))} among ${hrefs.join(', ')}`);
        }
      });
    }
  });

  describe('axe-core: no serious or critical violation', () => {
    let axeSource: string;
    before(() => {
      axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
    });

    for (const language of SITE_LANGUAGES) {
      for (const kind of PAGE_KINDS) {
        for (const viewport of Object.keys(VIEWPORTS) as Viewport[]) {
          it(`${kind} page, ${language}, ${viewport}`, async () => {
            const opened = await open(pageFile(language, kind), viewport);
            // Evaluated, not added as a <script>, so that the page's own Content-Security-Policy stays as it is.
            await opened.page.evaluate(`${axeSource}\n;undefined`);
            const violations = await opened.page.evaluate(async () => {
              const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] }> } }).axe;
              const result = await axe.run(document, { resultTypes: ['violations'] });
              return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, where: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
            });
            await done(opened, `${language}/${kind}/${viewport}`);
            const grave = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
            assert.deepEqual(grave, [], `${language}/${kind}/${viewport}: ${grave.map((v) => `${v.impact} ${v.id}: ${v.help} at ${v.where.join('; ')}`).join('\n')}`);
          });
        }
      }
    }
  });

  describe('each sheet prints on exactly one page', () => {
    before(function () {
      if (!fs.existsSync(PDFINFO)) skipBecause(this, `no pdfinfo at ${PDFINFO} (poppler-utils; npm run e2e:setup installs it; TDE_PDFINFO names another)`);
    });

    /** The sheet printed by Chromium: its number of pages (pdfinfo) and its text (pdftotext). */
    async function print(file: string, format: 'Letter' | 'A4', artifact: string): Promise<{ pages: number; text: string; title: string }> {
      const opened = await open(file);
      const title = normalise(await opened.page.locator('h1').innerText());
      const pdf = path.join(ARTIFACTS, artifact);
      await opened.page.pdf({ path: pdf, format, printBackground: true });
      await done(opened, artifact);
      const info = spawnSync(PDFINFO, [pdf], { encoding: 'utf8' });
      assert.equal(info.status, 0, `pdfinfo ${artifact}: ${info.stderr}`);
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]);
      const text = spawnSync(PDFTOTEXT, ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout ?? '';
      return { pages, text: normalise(text), title };
    }

    for (const format of ['Letter', 'A4'] as const) {
      for (const language of SITE_LANGUAGES) {
        it(`every sheet of examples/, ${language}, ${format}`, async () => {
          const slugs = site.slugs(language);
          assert.ok(slugs.length >= 4, `${slugs.length} projects built from examples/`);
          for (const slug of slugs) {
            const printed = await print(site.sheet(language, slug), format, `sheet-${slug}-${language}-${format}.pdf`);
            assert.equal(printed.pages, 1, `${language} sheet of ${slug} on ${format}: ${printed.pages} pages`);
            const start = printed.title.slice(0, 24);
            assert.ok(printed.text.includes(start), `${language} sheet of ${slug} on ${format}: the printed page does not show "${start}"`);
          }
        });

        it(`a project with very long texts, ${language}, ${format}`, async () => {
          const printed = await print(longSite.sheet(language, longSlug), format, `sheet-long-texts-${language}-${format}.pdf`);
          assert.equal(printed.pages, 1, `the long project's ${language} sheet on ${format}: ${printed.pages} pages`);
          assert.ok(printed.text.includes(printed.title.slice(0, 24)), 'the printed page shows the title');
        });
      }
    }
  });

  describe('keyboard: Tab reaches every control, and shows where it is', () => {
    /** Tab from the top of the page through its controls; what was reached, what was missed, where focus did not show. */
    async function tabThrough(page: Page): Promise<{ controls: number; missed: string[]; unseen: string[] }> {
      const controls = await page.evaluate(() => {
        const selector = 'a[href], summary, button, input, select, textarea, [tabindex]';
        const reachable = [...document.querySelectorAll<HTMLElement>(selector)].filter(
          (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.checkVisibility({ visibilityProperty: true }) && !el.closest('[inert]'),
        );
        reachable.forEach((el, i) => el.setAttribute('data-tde-control', String(i)));
        return reachable.map((el) => `<${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 40)}"`);
      });
      await page.evaluate(() => {
        (document.activeElement as HTMLElement | null)?.blur();
        window.scrollTo(0, 0);
      });
      const reached = new Set<number>();
      const unseen = new Set<string>();
      for (let i = 0; i < controls.length + 5; i++) {
        await page.keyboard.press('Tab');
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          const index = el?.getAttribute('data-tde-control');
          if (!el || index === null || index === undefined) return undefined;
          const style = getComputedStyle(el);
          const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 && style.outlineColor !== 'rgba(0, 0, 0, 0)';
          const shadow = style.boxShadow !== 'none';
          return { index: Number(index), shown: outline || shadow };
        });
        if (!focused) continue;
        reached.add(focused.index);
        if (!focused.shown) unseen.add(controls[focused.index]!);
      }
      return { controls: controls.length, missed: controls.filter((_, i) => !reached.has(i)), unseen: [...unseen] };
    }

    for (const language of SITE_LANGUAGES) {
      for (const kind of PAGE_KINDS) {
        for (const viewport of Object.keys(VIEWPORTS) as Viewport[]) {
          it(`${kind} page, ${language}, ${viewport}: with every <details> closed, then open`, async () => {
            const what = `${language}/${kind}/${viewport}`;
            const opened = await open(pageFile(language, kind), viewport);
            const closed = await tabThrough(opened.page);
            await opened.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
            const open_ = await tabThrough(opened.page);
            await done(opened, what);
            assert.ok(closed.controls > 0, `${what}: no control at all (not even the language switch)`);
            assert.deepEqual(closed.missed, [], `${what}: controls Tab never reached`);
            assert.deepEqual(open_.missed, [], `${what}, <details> open: controls Tab never reached`);
            assert.deepEqual([...new Set([...closed.unseen, ...open_.unseen])], [], `${what}: controls with no visible focus style`);
          });
        }
      }
    }
  });

  describe('nothing requests the network', () => {
    it('every page of the site, in both languages, loads only file:// (scripts run, print styles applied)', async () => {
      const pages = site.pages();
      assert.ok(pages.length >= 1 + 2 * (1 + 2 * 4), `${pages.length} pages`);
      for (const file of pages) {
        const opened = await open(file);
        await opened.page.emulateMedia({ media: 'print' });
        await opened.page.evaluate(() => document.fonts.ready);
        await done(opened, path.relative(site.dir, file));
      }
    });

    it('the guard sees a request that is not file:// (so that it can fail)', async () => {
      const opened = await open(site.index('en'));
      await opened.page.evaluate(() => {
        const img = document.createElement('img');
        img.src = 'https://example.invalid/tracker.png';
        document.body.append(img);
        return new Promise((resolve) => img.addEventListener('error', resolve));
      });
      await opened.close();
      assert.deepEqual(opened.offsite, ['https://example.invalid/tracker.png']);
    });
  });
});
