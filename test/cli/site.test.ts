// `tde site`: the public website as a resident meets it — the layout of the
// contract, the page in each language, what the site leaves out, the team's
// text escaped, the same bytes on every build — and the folder it writes to.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse } from 'parse5';
import { ROOT } from '../helpers/build';
import { gitRepo } from './gitRepo';
import { tde, tempTree } from './helpers';

/** Every file under a folder, by path with `/`, with its text. */
function readSite(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string, prefix: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full, `${prefix}${entry.name}/`);
      else files.set(`${prefix}${entry.name}`, fs.readFileSync(full, 'utf8'));
    }
  };
  walk(dir, '');
  return files;
}

const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);

interface ParsedNode {
  tagName?: string;
  childNodes?: ParsedNode[];
  content?: ParsedNode;
  sourceCodeLocation?: { startLine: number; startTag?: unknown; endTag?: unknown } | null;
}

/**
 * What keeps a page from being valid HTML, by the browsers' own parser
 * (parse5): its parse errors, an element the parser had to close for us
 * (markup nested where it may not be), and an end tag that closes nothing.
 */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const document = parse(html, { sourceCodeLocationInfo: true, onParseError: (error) => void problems.push(`${error.code} at line ${error.startLine}`) });
  let closed = 0;
  const walk = (node: ParsedNode) => {
    for (const child of node.childNodes ?? []) {
      const at = child.sourceCodeLocation;
      if (child.tagName && at?.startTag && !VOID_ELEMENTS.has(child.tagName)) {
        if (at.endTag) closed++;
        else problems.push(`<${child.tagName}> on line ${at.startLine} is closed by the parser, not by the page`);
      }
      walk(child.content ?? child);
    }
  };
  walk(document as unknown as ParsedNode);
  const endTags = html.match(/<\/[a-z]/g)?.length ?? 0;
  if (endTags !== closed) problems.push(`${endTags - closed} end tag(s) close nothing`);
  return problems;
}

const pages = (site: Map<string, string>) => [...site].filter(([name]) => name.endsWith('.html'));

/** The text a reader sees in an element's content (tags dropped, entities read). */
function visible(html: string): string {
  return html.replace(/<[^>]*>/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/\s+/g, ' ');
}

const PROJECT = (title: string, extra = '') => `tde: 1
project:
  title: ${title}
  place: City of Millford
${extra}`;

describe('tde site', function () {
  this.timeout(60_000);

  describe('the examples, in both languages', () => {
    let site: Map<string, string>;
    let stdout: string;
    before(async () => {
      const out = path.join(tempTree(), 'site');
      const result = await tde(ROOT, ['site', 'examples', '--out', out]);
      assert.equal(result.code, 0, result.stderr);
      stdout = result.stdout;
      site = readSite(out);
    });

    it('writes the layout of the contract', () => {
      for (const name of ['index.html', 'en/index.html', 'es/index.html', 'assets/site.css', 'assets/site.js', '.nojekyll',
        'en/projects/riverton-eviction-data/index.html', 'en/projects/riverton-eviction-data/sheet.html',
        'es/projects/lakeside-library-wifi/index.html', 'es/projects/lakeside-library-wifi/sheet.html']) {
        assert.ok(site.has(name), `${name} is missing; the site has ${[...site.keys()].join(', ')}`);
      }
      assert.match(stdout, /Built the site of 4 projects in .*site \(en, es\)/);
    });

    it('gives every page its language, one heading, a switch to the other language and the privacy note', () => {
      for (const [name, html] of pages(site)) {
        const language = name.startsWith('es/') ? 'es' : 'en';
        assert.match(html, new RegExp(`^<!doctype html>\\n<html lang="${language}">`), name);
        assert.equal(html.match(/<h1[ >]/g)?.length, 1, `${name}: one <h1>`);
        assert.match(html, /<footer class="site-footer">/, name);
        if (name === 'index.html') continue;
        const other = language === 'en' ? 'es' : 'en';
        const switchLink = new RegExp(`<a class="language" href="([^"]+)" hreflang="${other}" lang="${other}">`).exec(html);
        assert.ok(switchLink, `${name}: a link to the page in ${other}`);
        const target = path.posix.normalize(path.posix.join(path.posix.dirname(name), switchLink[1]!));
        assert.equal(target, `${other}/${name.slice(3)}`, name);
        assert.ok(site.has(target), `${name}: the switch leads to ${target}`);
      }
    });

    it('is valid HTML, page by page', () => {
      for (const [name, html] of pages(site)) assert.deepEqual(htmlProblems(html), [], name);
    });

    it('links pages to one another with relative links that lead to files of the site', () => {
      for (const [name, html] of pages(site)) {
        for (const [, target] of html.matchAll(/(?:href|src)="([^"#]+)(?:#[^"]*)?"/g)) {
          if (/^(https?:|mailto:)/.test(target!)) continue;
          const file = path.posix.normalize(path.posix.join(path.posix.dirname(name), target!));
          assert.ok(site.has(file), `${name} links to ${target}, which the site lacks`);
        }
      }
    });

    it('requests nothing from elsewhere: no style, script or image from another address', () => {
      for (const [name, html] of pages(site)) {
        assert.doesNotMatch(html, /<(?:link|script|img|iframe)[^>]*(?:href|src)="(?:https?:)?\/\//, name);
        assert.match(html, /Content-Security-Policy" content="default-src 'none';/, name);
      }
      assert.doesNotMatch(site.get('assets/site.css')!, /url\(|@import/);
    });

    it('shows a project as the issue describes it: steps, tactics with our description, use case, feedback, channels', () => {
      const html = site.get('en/projects/riverton-eviction-data/index.html')!;
      const text = visible(html);
      assert.match(text, /Eviction filings data for tenants and the people who help them/);
      for (const words of ['Find done', 'Implement done', 'The project in a few words', 'Chosen use case', 'User story',
        'What the people who will use it said about the plan', 'How to take part and send comments', 'Iteration 1, before this one']) {
        assert.ok(text.includes(words), `the page says "${words}"`);
      }
      assert.match(html, /<strong>Join public meetings<\/strong>/);
      assert.match(html, /href="\.\.\/riverton-eviction-data-1\/index\.html" rel="prev"/);
      assert.match(site.get('en/projects/riverton-eviction-data-1/index.html')!, /href="\.\.\/riverton-eviction-data\/index\.html" rel="next"/);
    });

    it('groups iterations under the newest on the index, with filters that need no script', () => {
      const html = site.get('en/index.html')!;
      assert.equal(html.match(/<li class="project"/g)?.length, 3, 'three projects: two iterations of one count once');
      assert.match(html, /Earlier iterations: <a href="projects\/riverton-eviction-data-1\/index\.html">iteration 1<\/a>/);
      assert.match(html, /<details data-step="implement"><summary>Implement <span class="count">\(2\)<\/span><\/summary>/);
      assert.match(html, /<details data-place="Lakeside County">/);
      assert.match(html, /<script src="\.\.\/assets\/site\.js" defer><\/script>/);
    });

    it('speaks Spanish on the Spanish pages, and keeps the team\'s own words as written', () => {
      const html = site.get('es/projects/riverton-eviction-data/index.html')!;
      const text = visible(html);
      for (const words of ['El proyecto en pocas palabras', 'Quiénes participaron', 'Caso de uso elegido', 'Lo que este sitio no muestra']) {
        assert.ok(text.includes(words), `the Spanish page says "${words}"`);
      }
      assert.ok(text.includes('Eviction filings data for tenants and the people who help them'));
      assert.match(visible(site.get('es/index.html')!), /Proyectos de datos abiertos/);
    });
  });

  describe('privacy', () => {
    const file = PROJECT('Lots', `find:
  status: done
  collaborators:
    - { name: Rosa Martinez, role: resident, publish_name: true, contact: rosa@example.org }
    - { name: Daniel Ortiz, role: resident, contact: 555-0100, organization: Ward 5 Block Club }
    - { name: Ward 5 Block Club, role: community-group, contact: club@example.org }
design:
  status: in-progress
  collaborators:
    - { name: Daniel Ortiz, role: resident, intended_user: true }
  plan: { summary: A map of lots., steward: Daniel Ortiz }
  feedback:
    - { from: Daniel Ortiz, via: meeting, summary: Wanted a bigger map., incorporated: yes }
  result:
    approved_by: [Daniel Ortiz]
implement:
  status: in-progress
  feedback_channels:
    - { channel: Saturday walk-ins, owner: daniel ortiz }
x-internal: reviewer note about Daniel
`);
    let html: string;
    let sheet: string;
    before(async () => {
      const dir = tempTree({ 'lots.tde.yaml': file });
      const result = await tde(dir, ['site', '--out', 'site', '--lang', 'en']);
      assert.equal(result.code, 0, result.stderr);
      html = fs.readFileSync(path.join(dir, 'site/en/projects/lots/index.html'), 'utf8');
      sheet = fs.readFileSync(path.join(dir, 'site/en/projects/lots/sheet.html'), 'utf8');
    });

    it('names a resident only when the file says publish_name: true', () => {
      assert.match(html, /<span class="person-name">Rosa Martinez<\/span>/);
      assert.doesNotMatch(html, /Daniel|Ortiz/i, 'not in the lists, the feedback, the approvals, the steward, a channel\'s owner or an x- key');
      assert.equal(html.match(/A resident/g)?.length, 6, 'two collaborator entries, a feedback entry, an approval, the steward, a channel\'s owner');
      assert.doesNotMatch(sheet, /Daniel|Ortiz/i, 'nor on the sheet');
      assert.match(sheet, /Saturday walk-ins \(A resident\)/);
    });

    it('shows organisations and roles, and nobody\'s contact', () => {
      assert.match(html, /Ward 5 Block Club<\/span> <span class="person-details">\(community group\)/);
      assert.match(html, /A resident<\/span> <span class="person-details">\(resident, Ward 5 Block Club\)/);
      assert.doesNotMatch(html, /rosa@|555-0100|club@example/);
    });
  });

  describe('hostile text', () => {
    it('escapes every text of a file, and makes links only of web addresses', async () => {
      const evil = '"><script>alert(1)</script><img src=x onerror=alert(2)>';
      const dir = tempTree({
        'evil.tde.yaml': PROJECT(JSON.stringify(evil), `  summary: "</p><iframe src=//evil.example></iframe>\\u202e"
  links:
    - { title: click, url: "javascript:alert(3)" }
    - { title: fine, url: "https://example.org/?a=1&b=\\"2" }
implement:
  status: in-progress
  feedback_channels:
    - { channel: "<b>Office</b>", owner: "' onmouseover='x", url: "data:text/html,<script>alert(4)</script>" }
`),
      });
      const result = await tde(dir, ['site', '--out', 'site']);
      assert.equal(result.code, 0, result.stderr);
      for (const [name, html] of pages(readSite(path.join(dir, 'site')))) {
        // A tag or attribute of the file's making: markup the browser would obey.
        const obeyed = /<script(?! src="(?:\.\.\/)+assets\/site\.js" defer><\/script>)|<img|<iframe|<b>|<[^>]*\son\w+=|href="javascript:|href="data:/i.exec(html);
        assert.equal(obeyed?.[0], undefined, name);
        assert.doesNotMatch(html, /\u202e/, `${name}: no bidi override`);
        assert.deepEqual(htmlProblems(html), [], name);
      }
      const page = fs.readFileSync(path.join(dir, 'site/en/projects/evil/index.html'), 'utf8');
      assert.ok(page.includes('<h1>&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;</h1>'));
      assert.ok(page.includes('<a href="https://example.org/?a=1&amp;b=&quot;2" rel="nofollow noopener">fine</a>'));
      assert.match(visible(page), /click/);
    });
  });

  it('cuts long texts on the sheet at a word, keeping at most three ways to take part', async () => {
    const long = Array.from({ length: 200 }, (_, i) => `word${i}`).join(' ');
    const channels = Array.from({ length: 6 }, (_, i) => `    - { channel: "Channel ${i} ${long}", owner: Team }`).join('\n');
    const dir = tempTree({ 'long.tde.yaml': PROJECT(JSON.stringify(long), `implement:\n  status: in-progress\n  feedback_channels:\n${channels}\n`) });
    assert.equal((await tde(dir, ['site', '--out', 'site', '--lang', 'en'])).code, 0);
    const sheet = fs.readFileSync(path.join(dir, 'site/en/projects/long/sheet.html'), 'utf8');
    const title = /<h1>([^<]*)<\/h1>/.exec(sheet)![1]!;
    assert.ok(title.length <= 90 && /^word0 word1 .* word\d+…$/.test(title), title);
    assert.equal(sheet.match(/<li><span class="clamp">/g)?.length, 3);
    assert.match(sheet, /Channel 2 word0 .*…/);
    assert.doesNotMatch(sheet, /Channel 3/);
  });

  it('gives the same bytes for the same files', async () => {
    const dir = tempTree({ 'a.tde.yaml': PROJECT('A'), 'b/a.tde.yaml': PROJECT('B'), 'c.tde.yaml': PROJECT('C') });
    assert.equal((await tde(dir, ['site', '--out', 'one'])).code, 0);
    assert.equal((await tde(dir, ['site', '.', '--out', 'two'])).code, 0);
    assert.deepEqual(readSite(path.join(dir, 'two')), readSite(path.join(dir, 'one')));
  });

  it('makes slugs of the contract, with folder names in front when two files share one', async () => {
    const dir = tempTree({ 'parks/Library Wifi.tde.yaml': PROJECT('P'), 'schools/library-wifi.tde.yml': PROJECT('S'), 'Ünïcode.tde.yaml': PROJECT('U') });
    assert.equal((await tde(dir, ['site', '--out', 'site', '--lang', 'en'])).code, 0);
    const projects = fs.readdirSync(path.join(dir, 'site/en/projects')).sort();
    assert.deepEqual(projects, ['-n-code', 'parks-library-wifi', 'schools-library-wifi']);
  });

  it('leaves out a file that does not parse, names it, and builds the rest', async () => {
    const dir = tempTree({ 'good.tde.yaml': PROJECT('Good'), 'bad.tde.yaml': 'tde: 1\nproject: [unclosed\n' });
    const result = await tde(dir, ['site', '--out', 'site']);
    assert.equal(result.code, 0);
    assert.match(result.stderr, /^tde: left out bad\.tde\.yaml: its YAML does not parse \(run 'tde check bad\.tde\.yaml'\)$/m);
    assert.ok(fs.existsSync(path.join(dir, 'site/en/projects/good/index.html')));
    assert.ok(!fs.existsSync(path.join(dir, 'site/en/projects/bad')));
  });

  it('builds one language on request, with no switch to a language not built', async () => {
    const dir = tempTree({ 'a.tde.yaml': PROJECT('A') });
    assert.equal((await tde(dir, ['site', '--out', 'site', '--lang', 'es'])).code, 0);
    const site = readSite(path.join(dir, 'site'));
    assert.ok(!site.has('en/index.html'));
    const html = site.get('es/projects/a/index.html')!;
    assert.match(html, /<html lang="es">/);
    assert.doesNotMatch(html, /class="language"/);
    assert.match(site.get('index.html')!, /<html lang="es">/);
  });

  it('gives canonical and social links under --base-url, and the address on the sheet', async () => {
    const dir = tempTree({ 'a.tde.yaml': PROJECT('A') });
    assert.equal((await tde(dir, ['site', '--out', 'site', '--base-url', 'https://city.example/projects'])).code, 0);
    const page = fs.readFileSync(path.join(dir, 'site/en/projects/a/index.html'), 'utf8');
    assert.match(page, /<link rel="canonical" href="https:\/\/city\.example\/projects\/en\/projects\/a\/">/);
    assert.match(page, /<link rel="alternate" hreflang="es" href="https:\/\/city\.example\/projects\/es\/projects\/a\/">/);
    assert.match(page, /<a href="\.\.\/\.\.\/index\.html">All projects<\/a>/, 'links stay relative');
    const sheet = fs.readFileSync(path.join(dir, 'site/es/projects/a/sheet.html'), 'utf8');
    assert.match(sheet, /Más sobre este proyecto: <span class="url">https:\/\/city\.example\/projects\/es\/projects\/a\/<\/span>/);
  });

  it('builds an empty site when asked to accept finding no TDE file, and takes an empty --base-url as none', async () => {
    const dir = tempTree({ 'README.md': '# nothing yet\n' });
    const result = await tde(dir, ['site', '--out', 'site', '--base-url', '', '--no-error-on-unmatched-pattern']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stderr, /^tde: no TDE files/m);
    assert.match(visible(fs.readFileSync(path.join(dir, 'site/en/index.html'), 'utf8')), /There are no projects to show yet\./);
    assert.doesNotMatch(fs.readFileSync(path.join(dir, 'site/en/index.html'), 'utf8'), /rel="canonical"/);
  });

  describe('bad usage', () => {
    for (const [args, message] of [
      [['site'], /^tde: tde site needs --out DIR, the folder to write the site to/],
      [['site', '--out', 'x', '--lang', 'fr'], /^tde: unknown language fr for --lang; choose en, es or all/],
      [['site', '--out', 'x', '--base-url', 'javascript:alert(1)'], /^tde: --base-url needs the web address the site will be published at/],
      [['site', 'nothing-here', '--out', 'x'], /^tde: /],
    ] as const) {
      it(`tde ${args.join(' ')}: exit 2 and one line`, async () => {
        const dir = tempTree({ 'a.tde.yaml': PROJECT('A') });
        const result = await tde(dir, [...args]);
        assert.equal(result.code, 2);
        assert.match(result.stderr, message);
        assert.ok(!fs.existsSync(path.join(dir, 'x')), 'nothing written');
      });
    }
  });

  describe('the folder it writes', () => {
    it('never writes through a link inside the site folder', async function () {
      if (process.platform === 'win32') this.skip();
      const dir = tempTree({ 'a.tde.yaml': PROJECT('A'), 'victim/keep.txt': 'keep' });
      fs.mkdirSync(path.join(dir, 'site'));
      fs.symlinkSync(path.join(dir, 'victim'), path.join(dir, 'site/en'));
      const result = await tde(dir, ['site', '--out', 'site']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /^tde: cannot write the site: site\/en is a symbolic link/);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'victim')), ['keep.txt']);
    });

    it('replaces a link where a page goes, leaving its target alone', async function () {
      if (process.platform === 'win32') this.skip();
      const dir = tempTree({ 'a.tde.yaml': PROJECT('A'), 'victim.txt': 'keep' });
      fs.mkdirSync(path.join(dir, 'site'));
      fs.symlinkSync(path.join(dir, 'victim.txt'), path.join(dir, 'site/index.html'));
      assert.equal((await tde(dir, ['site', '--out', 'site'])).code, 0);
      assert.equal(fs.readFileSync(path.join(dir, 'victim.txt'), 'utf8'), 'keep');
      assert.ok(fs.lstatSync(path.join(dir, 'site/index.html')).isFile());
    });

    it('refuses an --out that is a link', async function () {
      if (process.platform === 'win32') this.skip();
      const dir = tempTree({ 'a.tde.yaml': PROJECT('A') });
      fs.mkdirSync(path.join(dir, 'elsewhere'));
      fs.symlinkSync(path.join(dir, 'elsewhere'), path.join(dir, 'site'));
      const result = await tde(dir, ['site', '--out', 'site']);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /site is a symbolic link/);
      assert.deepEqual(fs.readdirSync(path.join(dir, 'elsewhere')), []);
    });
  });

  it('shows the date git last changed the file', async () => {
    const repo = gitRepo({ 'projects/a.tde.yaml': PROJECT('A'), 'b.tde.yaml': PROJECT('B') });
    repo.commit('first');
    const date = repo.git('log', '-1', '--format=%cI', '--', 'projects/a.tde.yaml').trim().slice(0, 10);
    repo.write({ 'c.tde.yaml': PROJECT('C') });
    assert.equal((await tde(repo.dir, ['site', '--out', 'site', '--lang', 'en'])).code, 0);
    const page = fs.readFileSync(path.join(repo.dir, 'site/en/projects/a/index.html'), 'utf8');
    assert.match(page, new RegExp(`<dt>Last changed</dt><dd><time datetime="${date}">${date}</time></dd>`));
    assert.doesNotMatch(fs.readFileSync(path.join(repo.dir, 'site/en/projects/c/index.html'), 'utf8'), /Last changed/, 'not committed yet: no date');
  });
});
