// The hostile corpus through `tde site`, as a real process under the network
// guard. The small files (every injection among them), with file names that
// are injections themselves, are built as one repository's site; each big
// file is built alone, so that a hang names its file. Every run exits 0 with
// no crash and no hang, and a file that is not built is named on stderr. In
// every page of the small files' site, as Chromium parses it, the files' text
// is text: no script, event handler, frame or script link came from it, and
// each project's title reads as written.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { dataLimits, decodeTdeBytes } from '../../server/src/engine';
import { parseTde } from '../../server/src/engine/document';
import { toPlainData } from '../../server/src/engine/plainData';
import { buildOnce } from '../helpers/build';
import { chromiumMissing, launchChromium } from '../helpers/chromium';
import { openGuarded, SITE_LANGUAGES, slugOf } from '../helpers/site';
import { skipBecause } from '../helpers/skip';
import { corpus, writeCorpus, type WrittenCorpus } from './corpus';
import { HANG_MS, runCli, STACK_TRACE, type CliRun } from './harness';

/** File names that are injections (HTML, workflow commands, escapes), each holding a small valid project. */
const HOSTILE_NAMES = ['<img src=x onerror=alert(1)>.tde.yaml', '"><svg onload=alert(2)>.tde.yaml', '::warning::pwned.tde.yaml', 'a\u001b[31mred.tde.yaml', "javascript:alert('3').tde.yaml"];
const NAMED_PROJECT = 'tde: 1\nproject:\n  title: "<b onmouseover=alert(4)>Named</b>"\n  place: "<svg onload=alert(5)>"\n';

// C0 (but tab, LF, CR) and C1 controls, DEL: parse errors in HTML, and invisible.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
/**
 * What a page may leave out of a text, or write as a visible escape (`\u001b`), and still show it as written: controls,
 * bidi and zero-width marks, replacement characters, whitespace runs.
 */
const comparable = (text: string) =>
  text
    .replace(/\\(u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2})/g, ' ')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2400-\u243f\ufffd\ud800-\udfff]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** `project.title` as the engine reads the file (aliases as keys are not keys to it), when it is text. */
function engineTitle(bytes: Buffer): string | undefined {
  const decoded = decodeTdeBytes(bytes);
  if (!decoded.ok) return undefined;
  try {
    const document = parseTde(decoded.text);
    const data = toPlainData(document.yaml.contents as never, dataLimits(decoded.text)) as { project?: { title?: unknown } } | null;
    const title = data?.project?.title;
    return typeof title === 'string' && title.trim() ? title : undefined;
  } catch {
    return undefined;
  }
}

/** What Chromium's parser makes of one page: anything that could run, frame or navigate, and the heading's text. */
interface Parsed {
  scripts: { src: string | null; inline: string }[];
  handlers: string[];
  scriptUrls: string[];
  frames: string[];
  styles: string[];
  h1: string[];
  text: string;
}

async function parseInChromium(page: Page, html: string, url: string): Promise<Parsed> {
  return page.evaluate(
    ({ html, url }) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const base = doc.createElement('base');
      base.href = url;
      doc.head.prepend(base);
      const all = [...doc.querySelectorAll('*')].filter((el) => el !== base);
      const urlAttributes = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'poster', 'srcdoc'];
      return {
        scripts: [...doc.querySelectorAll('script')].map((s) => ({ src: s.getAttribute('src') === null ? null : s.src, inline: s.textContent ?? '' })),
        handlers: all.flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `<${el.localName} ${a.name}="${a.value.slice(0, 60)}">`)),
        scriptUrls: all.flatMap((el) => urlAttributes.filter((name) => /^\s*(javascript|vbscript|data:text\/html)/i.test(el.getAttribute(name) ?? '')).map((name) => `<${el.localName} ${name}="${el.getAttribute(name)!.slice(0, 60)}">`)),
        frames: all
          .filter((el) => /^(iframe|frame|object|embed|base|form)$/.test(el.localName) || (el.localName === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')))
          .map((el) => el.outerHTML.slice(0, 80)),
        styles: [...doc.querySelectorAll('style')].map((s) => s.textContent ?? ''),
        h1: [...doc.querySelectorAll('h1')].map((h) => h.textContent ?? ''),
        text: doc.body?.textContent ?? '',
      };
    },
    { html, url },
  );
}

/** A site built by one run of `tde site`, and where its pages are. */
interface SiteRun {
  run: CliRun;
  site: string;
  pages(): string[];
  projectPage(language: string, name: string): string;
}

async function buildHostileSite(cwd: string, inputs: string[], out: string, timeoutMs: number): Promise<SiteRun> {
  const site = path.join(out, 'site');
  const run = await runCli(['site', ...inputs, '--out', site], { cwd, timeoutMs });
  return {
    run,
    site,
    pages: () => (fs.existsSync(site) ? fs.readdirSync(site, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html')).sort() : []),
    projectPage: (language, name) => path.join(site, language, 'projects', slugOf(name), 'index.html'),
  };
}

/** Exit 0, no stack trace, no hang, no network; each file has its page in both languages or is named on stderr; no page holds a control character (a parse error in HTML). */
function assertBuilt(built: SiteRun, names: string[], what: string): void {
  const { run } = built;
  what = `${what} (exit ${run.code}, ${Math.round(run.ms)} ms)`;
  assert.ok(!run.timedOut, `${what}: killed after the time limit`);
  assert.doesNotMatch(run.stderr, STACK_TRACE, `${what}: a stack trace on stderr:\n${run.stderr.slice(0, 2000)}`);
  assert.equal(run.code, 0, `${what}:\n${run.stderr.slice(0, 2000)}`);
  assert.deepEqual(run.network.filter((r) => r.event === 'blocked'), [], `${what}: network`);
  assert.ok(run.network.some((r) => r.event === 'guard'), `${what}: the network guard was not loaded`);
  for (const language of SITE_LANGUAGES) assert.ok(fs.existsSync(path.join(built.site, language, 'index.html')), `${what}: no ${language}/index.html`);
  const unnamed: string[] = [];
  for (const name of names) {
    const pages = SITE_LANGUAGES.map((language) => fs.existsSync(built.projectPage(language, name)));
    assert.equal(pages[0], pages[1], `${what}: ${name} built in one language only`);
    if (!pages[0] && !run.stderr.includes(name.replace(/\u001b/g, ''))) unnamed.push(name);
  }
  assert.deepEqual(unnamed, [], `${what}: left out of the site without a word on stderr:\n${run.stderr.slice(0, 2000)}`);
  const controls: string[] = [];
  for (const file of built.pages()) {
    const html = fs.readFileSync(path.join(built.site, file), 'utf8');
    const at = CONTROLS.exec(html);
    if (at) controls.push(`${file}: U+${at[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(html.slice(Math.max(0, at.index - 40), at.index + 40))}`);
  }
  assert.deepEqual(controls, [], `${what}: control characters`);
}

/** Files `tde site` cannot build yet within the time limit, and where the fix belongs: run with a shorter limit, skipped with the reason when they reach it, passing by themselves once fixed. */
const SITE_GAPS: Record<string, string> = {};
const GAP_MS = 30_000;

describe('hostile corpus: tde site', function () {
  this.timeout(HANG_MS * 2);
  const entries = corpus();
  /** The small files (every injection among them) and the hostile names, built together as one repository's site. */
  const small = entries.filter((e) => e.bytes().length < 100_000);
  const big = entries.filter((e) => !small.includes(e));
  let written: WrittenCorpus;
  let outDir: string;
  let built: SiteRun;
  let browser: Browser | undefined;

  before(async function () {
    this.timeout(HANG_MS * 2);
    buildOnce();
    written = writeCorpus(small);
    for (const name of HOSTILE_NAMES) fs.writeFileSync(path.join(written.dir, name), NAMED_PROJECT);
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tde-hostile-site-'));
    built = await buildHostileSite(written.dir, ['.'], outDir, HANG_MS);
  });

  after(async () => {
    await browser?.close();
    written?.remove();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
  });

  const pages = () => built.pages();
  const projectPage = (language: string, name: string) => built.projectPage(language, name);
  const site = () => built.site;

  it(`builds the site of ${small.length} small hostile files and ${HOSTILE_NAMES.length} hostile file names in one run: exit 0, each built or named on stderr, no control character`, () => {
    assertBuilt(built, [...small.map((e) => e.name), ...HOSTILE_NAMES], 'tde site .');
    // A file with a page of its own is one that parses: at least the small readable ones.
    assert.ok(fs.existsSync(projectPage('en', 'script-injection.tde.yaml')), 'script-injection.tde.yaml has a page');
  });

  describe('each big file, alone', () => {
    for (const entry of big) {
      it(`${entry.name}: ${entry.about}`, async function () {
        const gap = SITE_GAPS[entry.name];
        const one = writeCorpus([entry]);
        try {
          const alone = await buildHostileSite(one.dir, [entry.name], one.dir, gap ? GAP_MS : HANG_MS);
          if (gap && alone.run.timedOut) skipBecause(this, `KNOWN GAP: ${gap}`);
          assertBuilt(alone, [entry.name], `tde site ${entry.name}`);
        } finally {
          one.remove();
        }
      });
    }
  });

  describe('as Chromium parses each page', () => {
    let page: Page;
    const parsed = new Map<string, Parsed>();

    before(async function () {
      this.timeout(HANG_MS * 2);
      const missing = chromiumMissing();
      if (missing) skipBecause(this, missing);
      browser = await launchChromium();
      page = await browser.newPage();
      for (const file of pages()) parsed.set(file, await parseInChromium(page, fs.readFileSync(path.join(site(), file), 'utf8'), pathToFileURL(path.join(site(), file)).href));
    });

    it('no script but the site\'s own files in assets/, and none inline with a file\'s text', () => {
      const assets = pathToFileURL(path.join(site(), 'assets')).href + '/';
      const bad: string[] = [];
      for (const [file, p] of parsed) {
        for (const script of p.scripts) {
          if (script.src !== null && !script.src.startsWith(assets)) bad.push(`${file}: <script src="${script.src}">`);
          if (/alert|msgbox|pwned/.test(script.inline)) bad.push(`${file}: an inline script with a file's text: ${script.inline.slice(0, 80)}`);
        }
      }
      assert.deepEqual(bad, []);
    });

    it('no event-handler attribute, script link, frame, form, <base> or refresh', () => {
      const bad = [...parsed].flatMap(([file, p]) => [...p.handlers, ...p.scriptUrls, ...p.frames].map((what) => `${file}: ${what}`));
      assert.deepEqual(bad.slice(0, 20), [], `${bad.length} in all`);
    });

    it('no style from a file\'s text', () => {
      const bad = [...parsed].filter(([, p]) => p.styles.some((s) => s.includes('*{display:none}'))).map(([file]) => file);
      assert.deepEqual(bad, []);
    });

    it("each project page's heading is its title, as written (markup shown as text)", () => {
      const wrong: string[] = [];
      for (const entry of small) {
        const title = engineTitle(entry.bytes());
        if (title === undefined) continue;
        for (const language of SITE_LANGUAGES) {
          const p = parsed.get(path.relative(site(), projectPage(language, entry.name)));
          if (!p) continue;
          if (p.h1.length !== 1 || !comparable(p.h1[0]!).includes(comparable(title))) wrong.push(`${language} ${entry.name}: <h1> ${JSON.stringify(p.h1.map((h) => h.slice(0, 80)))}, title ${JSON.stringify(title.slice(0, 80))}`);
        }
      }
      assert.deepEqual(wrong, []);
      const injected = parsed.get(path.relative(site(), projectPage('en', 'script-injection.tde.yaml')))!;
      assert.equal(injected.h1[0]?.trim(), "<script>alert('title')</script><img src=x onerror=alert(1)>");
      assert.ok(comparable(injected.text).includes("<script>alert('focus')</script> & &amp; &lt;"), 'the focus area, entities and all, as text');
    });
  });

  describe('opened with scripts on', () => {
    for (const name of ['script-injection.tde.yaml', 'markdown-injection.tde.yaml', HOSTILE_NAMES[0]!, HOSTILE_NAMES[1]!]) {
      it(`${name}: its pages run no script of the file, open no dialog, request nothing`, async function () {
        const missing = chromiumMissing();
        if (missing) skipBecause(this, missing);
        browser ??= await launchChromium();
        for (const language of SITE_LANGUAGES) {
          for (const file of [path.join(site(), language, 'index.html'), projectPage(language, name), projectPage(language, name).replace(/index\.html$/, 'sheet.html')]) {
            assert.ok(fs.existsSync(file), `${path.relative(site(), file)} was built`);
            const opened = await openGuarded(browser, file, { width: 1280, height: 900 });
            await opened.page.evaluate(() => document.querySelectorAll('details').forEach((d) => (d.open = true)));
            await opened.page.mouse.move(200, 200);
            await opened.finish(path.relative(site(), file));
          }
        }
      });
    }
  });
});
