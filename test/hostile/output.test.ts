// File content must not be able to drive what reads the CLI's output: a
// terminal (escape sequences, bidi overrides), a GitHub Actions log (workflow
// commands: a line starting with `::`), a pull-request comment or job summary
// (Markdown and HTML), code scanning (SARIF within GitHub's limits). Every
// format, over the hostile corpus, as a real process.
//
// KNOWN_GAPS names the defences still missing in the CLI (server/src/cli/,
// owned elsewhere): a check that hits one is reported as pending with the
// reason, and passes by itself once the CLI is fixed.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { corpus, writeCorpus, type WrittenCorpus } from './corpus';
import { runCli, STACK_TRACE, type CliRun } from './harness';
import { skipBecause } from '../helpers/skip';
import { buildOnce } from '../helpers/build';

const KNOWN_GAPS: Record<string, string> = {};

// C0 and C1 controls (but LF), DEL, and the bidi overrides and isolates.
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const SGR = /\u001b\[[0-9;]*m/g;
/** A workflow command, as the GitHub runner reads one. */
const COMMAND_LINE = /^\s*::/;
const OUR_ANNOTATION = /^::(error|warning|notice) (file|title)=[^\r\n:]*(,[a-zA-Z]+=[^\r\n:,]*)*::[^\r\n]*$/;

function gap(context: Mocha.Context, key: keyof typeof KNOWN_GAPS, ok: boolean, detail: string): void {
  if (ok) return;
  if (KNOWN_GAPS[key]) skipBecause(context, `KNOWN GAP: ${KNOWN_GAPS[key]}`);
  assert.fail(detail);
}

function assertSane(run: CliRun, what: string): void {
  assert.ok(!run.timedOut, `${what}: timed out`);
  assert.ok(run.code === 0 || run.code === 1, `${what}: exit ${run.code}\n${run.stderr.slice(0, 2000)}`);
  assert.doesNotMatch(run.stderr, STACK_TRACE, `${what}: a stack trace`);
  assert.deepEqual(run.network.filter((r) => r.event === 'blocked'), [], `${what}: network`);
}

function firstUnsafe(text: string): string | undefined {
  const match = UNSAFE.exec(text.replace(SGR, ''));
  if (!match) return undefined;
  return `U+${match[0].charCodeAt(0).toString(16).padStart(4, '0')} near ${JSON.stringify(text.slice(Math.max(0, match.index - 40), match.index + 40))}`;
}

describe('output cannot be injected by file content', function () {
  this.timeout(180_000);
  let written: WrittenCorpus;
  const outputs = new Map<string, CliRun>();
  const run = async (key: string, args: string[]) => {
    if (!outputs.has(key)) outputs.set(key, await runCli(args, { cwd: written.dir, timeoutMs: 120_000 }));
    return outputs.get(key)!;
  };

  before(function () {
    this.timeout(120_000);
    buildOnce();
    // The small files (the injection ones among them), plus file names that are injections themselves.
    written = writeCorpus(corpus().filter((e) => e.bytes().length < 100_000));
    const named = 'tde: 1\nproject:\n  title: T\n  place: P\n  pl: unknown key\n';
    for (const name of ['::warning::pwned.tde.yaml', '%0A::error::x.tde.yaml', 'a\u001b[31mred.tde.yaml', '<img src=x onerror=alert(1)>.tde.yaml', '`@octocat`.tde.yaml']) {
      fs.writeFileSync(path.join(written.dir, name), named);
    }
    fs.writeFileSync(
      path.join(written.dir, 'pitch-injection.tde.yaml'),
      'tde: 1\nproject:\n  title: "::error::title"\n  place: P\nfind:\n  status: done\n  result:\n    focus_area: "\\e[2J\\e[31mred\\n::warning::focus"\nrefine:\n  status: in-progress\n  pitch:\n    impact: "<script>alert(1)</script> @octocat"\n    template: "::error::pitch {focus_area}\\n::add-mask::x {impact}"\n',
    );
  });
  after(() => written?.remove());

  for (const format of ['stylish', 'compact', 'json', 'sarif', 'github', 'markdown']) {
    for (const color of format === 'stylish' || format === 'compact' ? ['--no-color', '--color'] : ['--no-color']) {
      const key = `check ${format} ${color}`;
      it(`check --format ${format} ${color}: no control characters but its own colors`, async () => {
        const out = await run(key, ['check', '.', '--format', format, color]);
        assertSane(out, key);
        if (color === '--no-color') assert.doesNotMatch(out.stdout, /\u001b/, `${key}: an escape character`);
        assert.equal(firstUnsafe(out.stdout), undefined, `${key}: an unsafe character`);
      });
      if (format !== 'json' && format !== 'sarif') {
        it(`check --format ${format} ${color}: no line a GitHub runner would take for a command`, async function () {
          const out = await run(key, ['check', '.', '--format', format, color]);
          const lines = out.stdout.replace(SGR, '').split('\n');
          if (format === 'github') {
            const stray = lines.filter((line) => line !== '' && !OUR_ANNOTATION.test(line));
            assert.deepEqual(stray, [], 'lines that are not well-formed annotations');
          } else {
            const commands = lines.filter((line) => COMMAND_LINE.test(line));
            gap(this, 'line-start', commands.length === 0, `lines starting with '::':\n${commands.slice(0, 5).join('\n')}`);
          }
        });
      }
    }
  }

  it('check --format markdown: user text is inert (no raw HTML, no javascript: links)', async () => {
    const out = await run('check markdown --no-color', ['check', '.', '--format', 'markdown', '--no-color']);
    const tags = out.stdout.match(/<\/?[a-zA-Z][^>]*>/g) ?? [];
    assert.deepEqual([...new Set(tags)].filter((tag) => !/^<\/?(code|br)>$/.test(tag)), [], 'HTML tags other than <code> and <br>');
    assert.doesNotMatch(out.stdout, /\]\(\s*(javascript|data|vbscript):/i, 'a script link');
    assert.doesNotMatch(out.stdout, /<!--/, 'an HTML comment that would hide the rest');
  });

  it('check --format markdown: no @mention from file text outside code, no bare link anywhere', async function () {
    const out = await run('check markdown --no-color', ['check', '.', '--format', 'markdown', '--no-color']);
    const ours = out.stdout.replace(/\]\(https:\/\/github\.com\/tde-tools\/tde\/[^)]*\)/g, '](docs)');
    const outsideCode = ours.replace(/<code>.*?<\/code>/g, '');
    // GitHub links a URL inside <code> too (it pings no one there).
    const live = [...(outsideCode.match(/(^|[\s(])@[A-Za-z0-9-]+/g) ?? []), ...(ours.match(/https?:\/\/[^\s)|<]+/g) ?? [])];
    gap(this, 'mentions', live.length === 0, `live mentions or links: ${live.slice(0, 5).join(', ')}`);
  });

  it('check --format github: file data is escaped in properties and messages', async () => {
    const out = await run('check github --no-color', ['check', '.', '--format', 'github', '--no-color']);
    const pwned = out.stdout.split('\n').filter((line) => line.includes('pwned'));
    assert.ok(pwned.length > 0);
    for (const line of pwned) assert.match(line, /file=%3A%3Awarning%3A%3Apwned\.tde\.yaml,/);
  });

  it('check --format json: valid JSON whose messages are the engine\'s, escaped only by JSON', async () => {
    const out = await run('check json --no-color', ['check', '.', '--format', 'json', '--no-color']);
    const report = JSON.parse(out.stdout) as { files: { path: string; problems: { message: string }[] }[] };
    assert.ok(report.files.some((f) => f.problems.some((p) => p.message.includes('::error::tactic'))), 'the text is kept as data');
  });

  it('check --format sarif: SARIF 2.1.0 within GitHub\'s per-result limits', async () => {
    const out = await run('check sarif --no-color', ['check', '.', '--format', 'sarif', '--no-color']);
    const log = JSON.parse(out.stdout) as { version: string; runs: { results: { locations?: unknown[]; relatedLocations?: unknown[]; message: { text: string } }[] }[] };
    assert.equal(log.version, '2.1.0');
    assert.ok(log.runs.length <= 20);
    for (const run of log.runs) {
      for (const result of run.results) {
        assert.ok((result.locations?.length ?? 0) <= 1000 && (result.relatedLocations?.length ?? 0) <= 1000, 'locations per result');
        assert.equal(typeof result.message.text, 'string');
      }
    }
  });

  it('check --format sarif: at most 25,000 results per run, even for a file with 100,000 problems', async function () {
    const entry = corpus().find((e) => e.name === 'keys-100k.tde.yaml')!;
    const big = writeCorpus([entry]);
    try {
      const out = await runCli(['check', '.', '--format', 'sarif'], { cwd: big.dir, timeoutMs: 120_000 });
      assertSane(out, 'sarif of keys-100k');
      const log = JSON.parse(out.stdout) as { runs: { results: unknown[] }[] };
      const most = Math.max(...log.runs.map((r) => r.results.length));
      gap(this, 'sarif-results', most <= 25_000, `${most} results in one run`);
    } finally {
      big.remove();
    }
  });

  for (const format of ['text', 'markdown', 'html']) {
    for (const file of ['pitch-injection.tde.yaml', 'script-injection.tde.yaml', 'ansi-escapes.tde.yaml', 'annotation-injection.tde.yaml']) {
      it(`pitch --format ${format} ${file}: inert in a terminal, a log and a page`, async function () {
        const out = await runCli(['pitch', '--format', format, file], { cwd: written.dir });
        assertSane(out, `pitch ${format} ${file}`);
        if (format === 'html') {
          const tags = [...new Set(out.stdout.match(/<\/?[a-zA-Z][^>]*>/g) ?? [])];
          assert.deepEqual(tags.filter((t) => !/^<\/?(section|style|p|span|code)( class="[a-z -]+"( data-blank="[a-z_]+")?)?>$/.test(t)), [], 'tags from the file');
          gap(this, 'html-controls', firstUnsafe(out.stdout) === undefined, `an unsafe character: ${firstUnsafe(out.stdout)}`);
        } else if (format === 'markdown') {
          gap(this, 'markdown-bidi', firstUnsafe(out.stdout) === undefined, `an unsafe character: ${firstUnsafe(out.stdout)}`);
        } else {
          assert.equal(firstUnsafe(out.stdout), undefined, 'an unsafe character');
        }
        const commands = out.stdout.split('\n').filter((line) => COMMAND_LINE.test(line));
        gap(this, 'line-start', commands.length === 0, `lines starting with '::':\n${commands.join('\n')}`);
      });
    }
  }

  for (const format of ['stylish', 'markdown', 'json']) {
    it(`status --format ${format}: no control characters, no raw HTML`, async function () {
      const out = await runCli(['status', '.', '--format', format, '--no-color'], { cwd: written.dir, timeoutMs: 120_000 });
      assert.ok(!out.timedOut && (out.code === 0 || out.code === 1), `exit ${out.code}: ${out.stderr.slice(0, 500)}`);
      assert.doesNotMatch(out.stderr, STACK_TRACE);
      // JSON is data for programs: JSON.stringify escapes C0 controls, and that is all it promises.
      if (format === 'json') assert.doesNotMatch(out.stdout, /[\u0000-\u0009\u000b-\u001f]/, 'a C0 control');
      else if (format === 'markdown') gap(this, 'markdown-bidi', firstUnsafe(out.stdout) === undefined, `an unsafe character: ${firstUnsafe(out.stdout)}`);
      else assert.equal(firstUnsafe(out.stdout), undefined, 'an unsafe character');
      if (format === 'markdown') {
        const tags = [...new Set(out.stdout.match(/<\/?[a-zA-Z][^>]*>/g) ?? [])];
        assert.deepEqual(tags.filter((t) => !/^<\/?(code|br)>$/.test(t)), [], 'tags from the file');
      }
      if (format === 'stylish') {
        const commands = out.stdout.split('\n').filter((line) => COMMAND_LINE.test(line));
        gap(this, 'line-start', commands.length === 0, `lines starting with '::':\n${commands.join('\n')}`);
      }
    });
  }
});
