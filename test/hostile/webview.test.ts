// The pitch preview's defences: its HTML shell allows nothing but our one
// script (by nonce) and our stylesheet; media/preview.js, run here against a
// small recording DOM, puts the hostile corpus's text in with textContent
// only, links only to https:, and sends back only fixed-shape messages; and
// the extension drops any other message.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { parseWebviewMessage } from '../../client/src/preview/messages';
import { buildPreview } from '../../client/src/preview/model';
import type { DocumentInfo } from '../../server/src/shared/protocol';
import { ROOT } from '../helpers/build';

/** previewHtml.ts with a stand-in for the `vscode` module (only Uri.joinPath is used). */
function loadPreviewHtml(): (webview: unknown, extensionUri: unknown) => string {
  // The module loader itself (not an ES namespace copy of it), to answer `require('vscode')`.
  const loader = require('node:module') as { _load: (request: string, parent: unknown, isMain: boolean) => unknown };
  const original = loader._load;
  loader._load = function (request: string, parent: unknown, isMain: boolean) {
    if (request === 'vscode') {
      return { Uri: { joinPath: (base: { path: string }, ...parts: string[]) => ({ path: [base.path, ...parts].join('/'), toString() { return this.path; } }) } };
    }
    return original.call(this, request, parent, isMain);
  };
  try {
    return (require('../../client/src/preview/previewHtml') as { previewHtml: (w: unknown, u: unknown) => string }).previewHtml;
  } finally {
    loader._load = original;
  }
}

const webview = { cspSource: 'https://webview.example', asWebviewUri: (uri: { path: string }) => ({ toString: () => `https://webview.example${uri.path}` }) };

describe('the pitch preview webview', () => {
  describe('its HTML shell', () => {
    const previewHtml = loadPreviewHtml();
    const html = previewHtml(webview, { path: '/ext' });

    it("has a CSP with default-src 'none', a nonce for scripts, nothing inline or eval'd", () => {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
      assert.ok(csp, 'a CSP meta tag');
      const directives = new Map(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]));
      assert.deepEqual(directives.get('default-src'), ["'none'"]);
      assert.deepEqual(directives.get('base-uri'), ["'none'"], 'default-src does not cover base-uri');
      assert.deepEqual(directives.get('form-action'), ["'none'"], 'default-src does not cover form-action');
      const scripts = directives.get('script-src') ?? [];
      assert.equal(scripts.length, 1);
      assert.match(scripts[0]!, /^'nonce-[A-Za-z0-9+/=]{16,}'$/);
      assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*|https?:\/\/(?!webview\.example)/);
    });

    it('loads exactly one script, with the nonce, from the extension', () => {
      const nonce = /'nonce-([^']+)'/.exec(html)![1]!;
      const scripts = html.match(/<script[^>]*>/g) ?? [];
      assert.deepEqual(scripts, [`<script nonce="${nonce}" src="https://webview.example/ext/media/preview.js">`]);
      assert.doesNotMatch(html, /\son[a-z]+=/i, 'no inline handlers');
      assert.notEqual(/'nonce-([^']+)'/.exec(previewHtml(webview, { path: '/ext' }))![1], nonce, 'a fresh nonce each time');
    });
  });

  describe('media/preview.js against hostile text', () => {
    const source = fs.readFileSync(path.join(ROOT, 'media', 'preview.js'), 'utf8');
    const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');

    it('never writes HTML, evaluates text, or sets a link or handler from data', () => {
      assert.doesNotMatch(code, /innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function|setTimeout\(\s*['"`]|\.srcdoc/);
      assert.doesNotMatch(code, /setAttribute\(\s*['"](href|src|on[a-z]+|style)['"]/);
      assert.deepEqual(code.match(/\.href\s*=[^=].*/g), ['.href = docs;'], 'the one link is the checked docs address');
    });

    it('renders every piece of user text as text, links only to https:, posts only known messages', () => {
      const dom = recordingDom();
      vm.runInNewContext(source, dom.globals, { filename: 'preview.js' });
      assert.deepEqual(JSON.parse(JSON.stringify(dom.posted)), [{ type: 'ready' }]);
      const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)> javascript:alert(3) \u202e \u001b[31m';
      const info: DocumentInfo = {
        uri: 'file:///x.tde.yaml',
        version: 1,
        title: hostile,
        place: hostile,
        iteration: 1,
        steps: [{ id: 'find', title: 'Find', status: hostile, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }],
        pitch: {
          segments: [{ text: hostile }, { text: hostile, blank: 'focus_area', empty: false }, { text: hostile, blank: 'impact', empty: true }],
          blanks: [{ key: 'impact', label: hostile, empty: true, path: hostile }],
          emptyBlanks: [hostile],
          customTemplate: true,
          markdown: hostile,
          text: hostile,
        },
        problems: [
          { rule: hostile, severity: 'error', message: hostile, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } }, docsUrl: 'javascript:alert(4)' },
          { rule: 'schema', severity: 'warning', message: hostile, range: { start: { line: 2, character: 0 }, end: { line: 2, character: 2 } }, docsUrl: 'https://github.com/tde-tools/tde/blob/main/docs/rules/schema.md' },
        ],
        parsed: true,
      };
      const { view } = buildPreview(info, hostile, { showProblems: true });
      // What the extension posts, and then the same with every check the model does undone.
      dom.dispatch({ type: 'render', view });
      dom.dispatch({ type: 'render', view: { ...view, problems: [{ severity: '<b>', message: hostile, rule: hostile, line: '1<script>', docsUrl: 'javascript:alert(5)' }] } });
      dom.dispatch({ type: 'render', view: { kind: 'notice', fileName: hostile, text: hostile } });
      dom.dispatch({ type: 'render', view: null });
      dom.dispatch('<script>');

      assert.deepEqual(dom.forbidden, [], 'HTML written, or a handler set as an attribute');
      const tags = new Set(dom.created.map((e) => e.tagName));
      for (const tag of tags) assert.ok(['li', 'button', 'span', 'a'].includes(tag), `created <${tag}>`);
      assert.ok(dom.texts.includes(hostile), 'the text is shown as it is');
      assert.ok(dom.hrefs.length > 0 && dom.hrefs.every((href) => href.startsWith('https://')), `links: ${dom.hrefs.join(', ')}`);
      for (const element of dom.created) assert.doesNotMatch(element.className, /[<>"]/, `class ${element.className}`);

      for (const element of dom.created) for (const listener of element.listeners) listener();
      for (const message of dom.posted) assert.ok(parseWebviewMessage(message), `posted ${JSON.stringify(message)}`);
    });
  });

  describe('messages from the webview', () => {
    it('only the known shapes get through', () => {
      const hostile: unknown[] = [
        null, 42, 'openSource', [], { type: 'executeCommand', command: 'workbench.action.terminal.new' },
        { type: 'revealBlank', key: '__proto__' }, { type: 'revealBlank', key: { toString: () => 'impact' } },
        { type: 'revealProblem', index: -1 }, { type: 'revealProblem', index: 1e9 }, { type: 'revealProblem', index: '1' }, { type: 'revealProblem', index: 0.5 },
        { type: 'revealStep', step: 'constructor' }, JSON.parse('{"__proto__": {"type": "ready"}}'), { type: 'copyMarkdown', text: '<script>' },
      ];
      const through = hostile.map(parseWebviewMessage);
      assert.deepEqual(through.slice(0, 12), new Array(12).fill(undefined));
      assert.equal(through[12], undefined, 'a type inherited from __proto__ is not a type');
      assert.deepEqual(through[13], { type: 'copyMarkdown' }, 'extra fields are dropped');
    });
  });
});

interface FakeElement {
  tagName: string;
  className: string;
  listeners: (() => void)[];
  children: unknown[];
}

/** Just enough DOM for preview.js, recording what it creates, the text it sets, the links and what it posts. */
function recordingDom() {
  const created: FakeElement[] = [];
  const texts: string[] = [];
  const hrefs: string[] = [];
  const forbidden: string[] = [];
  const posted: unknown[] = [];
  let onMessage: ((event: { data: unknown }) => void) | undefined;

  class Element {
    className = '';
    title = '';
    type = '';
    hidden = false;
    listeners: (() => void)[] = [];
    children: unknown[] = [];
    classList = { add: () => undefined, remove: () => undefined };
    constructor(readonly tagName: string) {}
    set textContent(value: string) {
      texts.push(value);
      this.children = [];
    }
    get firstChild() {
      return this.children[0];
    }
    set innerHTML(_value: string) {
      forbidden.push('innerHTML');
    }
    set outerHTML(_value: string) {
      forbidden.push('outerHTML');
    }
    insertAdjacentHTML() {
      forbidden.push('insertAdjacentHTML');
    }
    setAttribute(name: string) {
      if (/^(on|href|src|style)/i.test(name)) forbidden.push(`setAttribute(${name})`);
    }
    addEventListener(_event: string, listener: () => void) {
      this.listeners.push(listener);
    }
    append(...nodes: unknown[]) {
      this.children.push(...nodes);
    }
    removeChild(node: unknown) {
      this.children.splice(this.children.indexOf(node), 1);
    }
  }
  class Anchor extends Element {
    set href(value: string) {
      hrefs.push(value);
    }
  }
  const byId = new Map<string, Element>();
  const document = {
    getElementById: (id: string) => {
      if (!byId.has(id)) byId.set(id, new Element('div'));
      return byId.get(id);
    },
    createElement: (tag: string) => {
      const element = tag === 'a' ? new Anchor(tag) : new Element(tag);
      created.push(element);
      return element;
    },
    createTextNode: (text: string) => {
      texts.push(text);
      return { text };
    },
  };
  const globals = {
    document,
    window: { addEventListener: (_: string, handler: (event: { data: unknown }) => void) => (onMessage = handler) },
    acquireVsCodeApi: () => ({ postMessage: (message: unknown) => posted.push(message), setState: () => undefined }),
    HTMLAnchorElement: Anchor,
    URL,
    Map,
  };
  return { globals, created, texts, hrefs, forbidden, posted, dispatch: (data: unknown) => onMessage?.({ data }) };
}
