// The server over stdio, as an editor drives it: initialize, open, change,
// and the diagnostics that come back (pushed, or pulled where the client can).
import * as assert from 'node:assert/strict';
import type { Diagnostic, DocumentDiagnosticReport, InitializeResult, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { check } from '../../server/src/engine';
import { LineIndex } from '../../server/src/engine/lineIndex';
import { editorCapabilities, fixtureUri, positionOf, readFixture, useServer } from '../helpers/lspClient';

const DOCS = 'https://github.com/tde-tools/tde/blob/main/docs/rules/';

/** A diagnostic without its `data` (which carries a per-check id). */
function bare(diagnostic: Diagnostic): Omit<Diagnostic, 'data'> {
  const { data: _data, ...rest } = diagnostic;
  return rest;
}

function rangeOf(text: string, needle: string, occurrence = 0) {
  const start = positionOf(text, needle, 0, occurrence);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

describe('language server: diagnostics', function () {
  const client = useServer();
  const uri = fixtureUri('slips.tde.yaml');
  const text = readFixture('slips.tde.yaml');

  it('answers initialize with capabilities fitted to the client and its name and version', () => {
    const result: InitializeResult = client().initializeResult;
    assert.deepEqual(result.serverInfo, { name: 'tde-language-server', version: require('../../package.json').version });
    const caps = result.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.positionEncoding, 'utf-16');
    assert.deepEqual(caps.completionProvider, { triggerCharacters: [' ', ':'], resolveProvider: false });
    assert.equal(caps.hoverProvider, true);
    assert.deepEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix', 'source.fixAll.tde'], resolveProvider: false });
    assert.deepEqual(caps.renameProvider, { prepareProvider: true });
    assert.equal(caps.definitionProvider, true);
    assert.equal(caps.referencesProvider, true);
    assert.ok(caps.documentSymbolProvider);
    assert.equal(caps.diagnosticProvider, undefined, 'no pull diagnostics for a client that does not offer them');
    assert.equal(caps.executeCommandProvider, undefined);
  });

  it('registers file watchers and configuration changes with a client that allows it', async () => {
    await client().waitFor('client/registerCapability', (p: { registrations: { method: string }[] }) => p.registrations.some((r) => r.method === 'workspace/didChangeWatchedFiles'));
    const watchers = client().registrations.find((r) => r.method === 'workspace/didChangeWatchedFiles')!.registerOptions as { watchers: { globPattern: string }[] };
    assert.deepEqual(watchers.watchers.map((w) => w.globPattern), ['**/.tderc.{yaml,yml}', '**/*.tde.{yaml,yml}']);
    await client().waitFor('client/registerCapability', (p: { registrations: { method: string }[] }) => p.registrations.some((r) => r.method === 'workspace/didChangeConfiguration'));
  });

  it('publishes whole diagnostics for an opened file: code, docs link, source, exact range, severity, related places', async () => {
    await client().open(uri, text);
    const published = await client().diagnostics(uri, 1);
    assert.deepEqual(published.diagnostics.map(bare), [
      {
        range: rangeOf(text, 'interview-stakholders'),
        severity: 1,
        code: 'unknown-tactic',
        codeDescription: { href: `${DOCS}unknown-tactic.md` },
        source: 'tde',
        message: 'Unknown tactic "interview-stakholders". Did you mean "interview-stakeholders"?',
      },
      {
        range: rangeOf(text, 'block-club-lots-map'),
        severity: 1,
        code: 'unknown-use-case',
        codeDescription: { href: `${DOCS}unknown-use-case.md` },
        source: 'tde',
        message: '"block-club-lots-map" is not the id of any use case in "refine.use_cases". Did you mean "block-club-lot-map"?',
        relatedInformation: [
          { location: { uri, range: rangeOf(text, 'block-club-lot-map') }, message: 'use case "block-club-lot-map"' },
          { location: { uri, range: rangeOf(text, 'lot-owner-lookup') }, message: 'use case "lot-owner-lookup"' },
        ],
      },
      {
        range: rangeOf(text, 'meetng'),
        severity: 1,
        code: 'schema',
        codeDescription: { href: `${DOCS}schema.md` },
        source: 'tde',
        message: '"via" must be "email", "meeting", "workshop", "online", "survey", "focus-group", "phone", "text-message", "mail", "social-media", "door-to-door" or "other"; got "meetng". Did you mean "meeting"?',
      },
    ]);
    for (const diagnostic of published.diagnostics) {
      assert.deepEqual(Object.keys(diagnostic.data as object).sort(), ['fixable', 'index', 'resultId', 'version']);
      // The schema problem offers only a suggestion (`via` carries meaning).
      assert.equal((diagnostic.data as { fixable: boolean }).fixable, diagnostic.code !== 'schema', String(diagnostic.code));
    }
  });

  it('publishes new diagnostics for the new version after an incremental change', async () => {
    const at = rangeOf(client().text(uri), 'interview-stakholders');
    const version = await client().change(uri, [{ range: at, text: 'interview-stakeholders' }]);
    const published = await client().diagnostics(uri, version);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['unknown-use-case', 'schema']);
  });

  // Whether a burst folds into one check depends on how dear the last check was
  // and on when the edits arrive (a cheap check starts at once), so this asserts
  // only what holds for every timing: the burst's last version is published
  // last, and no version is published after a newer one.
  it('publishes a burst of edits ending with its last version, never an older version after a newer one', async () => {
    const mark = client().mark();
    const at = positionOf(client().text(uri), 'meetng', 'meetng'.length);
    let version = 0;
    for (const [i, letter] of ['i', 'n', 'g'].entries()) {
      const position = { line: at.line, character: at.character + i };
      version = await client().change(uri, [{ range: { start: position, end: position }, text: letter }]);
    }
    const published = await client().diagnostics(uri, version, mark);
    assert.ok(published.diagnostics.some((d) => String(d.message).includes('"meetnging"')), JSON.stringify(published.diagnostics));
    const versions = client().published(uri).map((p) => p.version!);
    const sinceBurst = client().received.filter((r) => r.seq >= mark && r.method === 'textDocument/publishDiagnostics' && (r.params as PublishDiagnosticsParams).uri === uri);
    const burstVersions = sinceBurst.map((r) => (r.params as PublishDiagnosticsParams).version!);
    assert.equal(burstVersions.at(-1), version, `the burst's last version is published last: ${burstVersions.join(', ')}`);
    assert.deepEqual(burstVersions, [...new Set(burstVersions)].sort((a, b) => a - b), 'each version at most once, in order');
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), 'versions only go up');
  });

  it('validates a *.tde.yaml file whatever its language id, and leaves plain YAML alone', async () => {
    const plain = fixtureUri('not-tde.yaml');
    const named = fixtureUri('named-by-file.tde.yaml');
    const broken = 'tde: 2\nproject: {title: x}\n';
    const mark = client().mark();
    await client().open(plain, broken, 'yaml');
    await client().open(named, broken, 'yaml');
    const published = await client().diagnostics(named, 1, mark);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['schema', 'schema']);
    assert.deepEqual(client().published(plain), [], 'plain YAML is not checked');
    assert.equal(await client().request('textDocument/hover', { textDocument: { uri: plain }, position: { line: 0, character: 1 } }), null);
  });

  it('validates a document with the tde-yaml language id even without the file name', async () => {
    const untitled = 'untitled:Untitled-1';
    await client().open(untitled, 'tde: 1\n');
    const published = await client().diagnostics(untitled, 1);
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['schema'], 'the missing "project"');
  });

  it('survives any text: binary junk, deep nesting, tabs, unterminated flows', async () => {
    const junk = fixtureUri('junk.tde.yaml');
    const texts = ['\u0000\u0001\ufffe: [', '- '.repeat(500) + 'x', '['.repeat(300), 'a:\n\t- b: [c,\n', '&a [*a, *a]', 'tde: 1\nproject:\n  title: "unterminated\n'];
    await client().open(junk, texts[0]!);
    await client().diagnostics(junk, 1);
    for (const next of texts.slice(1)) {
      const version = await client().change(junk, [{ text: next }]);
      const published = await client().diagnostics(junk, version);
      assert.ok(Array.isArray(published.diagnostics));
      for (let line = 0; line < 3; line++) {
        await client().request('textDocument/completion', { textDocument: { uri: junk }, position: { line, character: 2 } });
        await client().request('textDocument/hover', { textDocument: { uri: junk }, position: { line, character: 1 } });
      }
      await client().request('textDocument/documentSymbol', { textDocument: { uri: junk } });
      await client().request('tde/documentInfo', { uri: junk });
    }
  });

  it('clears the diagnostics of a file when it is closed', async () => {
    const junk = fixtureUri('junk.tde.yaml');
    const mark = client().mark();
    await client().close(junk);
    const cleared = await client().waitFor<PublishDiagnosticsParams>('textDocument/publishDiagnostics', (p) => p.uri === junk, mark);
    assert.deepEqual(cleared.diagnostics, []);
  });
});

describe('language server: checks overtaken by newer versions', function () {
  // Checks start at once (no delay), so that a version arriving while the one before is being checked
  // abandons that check midway: what is then published must still be what a fresh check finds.
  const client = useServer({ initializationOptions: { handlesConfigurationIssues: true, validationDelay: 0 } });
  const uri = fixtureUri('overtaken.tde.yaml');
  let generateProject: (lines: number, errors: number) => string;
  before(async () => {
    ({ generateProject } = await import('../../bench/corpus.mjs' as string));
  });

  it('publishes for the last of two edits sent back to back what a fresh check finds', async function () {
    this.timeout(120_000);
    // Large enough that a check is still running when the next edit comes in.
    const text = generateProject(3000, 0);
    await client().open(uri, text);
    assert.deepEqual((await client().diagnostics(uri, 1)).diagnostics, []);
    const seen = (diagnostics: Diagnostic[]) => diagnostics.map((d) => [d.code, d.message, d.range.start.line]);
    const fresh = (current: string) => {
      const lines = new LineIndex(current);
      return check(current).problems.map((p) => [p.rule, p.message, lines.positionAt(p.offset).line]);
    };
    // The two edits of each round come 0 to 40 ms apart: some rounds overtake a check after its parse, some between rules.
    for (const [round, gap] of [0, 0, 2, 5, 10, 20, 40, 1, 3, 8].entries()) {
      const current = client().text(uri);
      const broken = current.includes('status: bogus');
      const status = positionOf(current, broken ? 'bogus' : 'in-progress');
      const length = broken ? 'bogus'.length : 'in-progress'.length;
      await client().change(uri, [{ range: { start: status, end: { line: status.line, character: status.character + length } }, text: broken ? 'in-progress' : 'bogus' }]);
      if (gap) await new Promise((resolve) => setTimeout(resolve, gap));
      const title = positionOf(client().text(uri), 'title: ', 'title: '.length);
      const version = await client().change(uri, [{ range: { start: title, end: title }, text: 'x' }]);
      const published = await client().diagnostics(uri, version);
      assert.deepEqual(seen(published.diagnostics), fresh(client().text(uri)), `round ${round + 1}, edits ${gap} ms apart`);
    }
  });
});

describe('language server: pull diagnostics', function () {
  const client = useServer({ capabilities: editorCapabilities({ pull: true }) });
  const uri = fixtureUri('slips.tde.yaml');

  it('declares a diagnostic provider to a client that offers the pull model', () => {
    assert.deepEqual(client().initializeResult.capabilities.diagnosticProvider, { identifier: 'tde', interFileDependencies: true, workspaceDiagnostics: false });
  });

  it('answers textDocument/diagnostic with a full report, then "unchanged" for the same result id', async () => {
    await client().open(uri, readFixture('slips.tde.yaml'));
    const report = await client().request<DocumentDiagnosticReport & { resultId: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.equal(report.kind, 'full');
    assert.deepEqual(report.items.map((d) => d.code), ['unknown-tactic', 'unknown-use-case', 'schema']);
    assert.equal(report.items[0]!.codeDescription!.href, `${DOCS}unknown-tactic.md`);
    const again = await client().request<DocumentDiagnosticReport>('textDocument/diagnostic', { textDocument: { uri }, previousResultId: report.resultId });
    assert.deepEqual(again, { kind: 'unchanged', resultId: report.resultId });
    assert.deepEqual(client().published(uri), [], 'nothing is pushed to a pulling client');
  });

  it('asks the client to pull again after a configuration change', async () => {
    const mark = client().mark();
    client().settings = { rules: { 'unknown-tactic': 'off' } };
    await client().notify('workspace/didChangeConfiguration', { settings: null });
    await client().waitFor('workspace/diagnostic/refresh', () => true, mark);
    const report = await client().request<{ kind: string; items: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
    assert.deepEqual(report.items.map((d) => d.code), ['unknown-use-case', 'schema']);
  });
});
