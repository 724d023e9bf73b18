// The CLI in the reader's language: --lang, else the shell's locale (LC_ALL,
// LC_MESSAGES, LANG), else English; rule ids never change.
import * as assert from 'node:assert/strict';
import { FIXTURES, tde, tdeProcess } from './helpers';

const SPANISH_TACTIC = 'Táctica desconocida: "join-public-meetngs". ¿Quiso decir "join-public-meetings"?';
const ENGLISH_TACTIC = 'Unknown tactic "join-public-meetngs". Did you mean "join-public-meetings"?';

describe('tde in Spanish (--lang, LANG)', function () {
  this.timeout(60_000);

  it('check --lang es prints the problems in Spanish, with the same rule ids', async () => {
    const { code, stdout } = await tde(FIXTURES, ['check', '--lang', 'es', '-f', 'compact', 'mistakes.tde.yaml']);
    assert.equal(code, 1);
    assert.ok(stdout.includes(`mistakes.tde.yaml:12:7: error: ${SPANISH_TACTIC} [unknown-tactic]`), stdout);
    assert.ok(stdout.includes('mistakes.tde.yaml:13:1: warning: Afinar está en curso pero no tiene colaboradores: nombre en "collaborators" a las personas y los grupos que participaron. [missing-collaborators]'), stdout);
  });

  it('JSON and SARIF carry the message in the chosen language; the fix title too', async () => {
    const json = JSON.parse((await tde(FIXTURES, ['check', '--lang', 'es', '-f', 'json', 'mistakes.tde.yaml'])).stdout);
    const problem = json.files[0].problems.find((p: { rule: string }) => p.rule === 'unknown-tactic');
    assert.equal(problem.message, SPANISH_TACTIC);
    assert.equal(problem.fix.title, 'Cambiar a "join-public-meetings"');
    const sarif = JSON.parse((await tde(FIXTURES, ['check', '--lang', 'es', '-f', 'sarif', 'mistakes.tde.yaml'])).stdout);
    const result = sarif.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'unknown-tactic');
    assert.equal(result.message.text, SPANISH_TACTIC);
  });

  it('reads the shell: LC_ALL, then LC_MESSAGES, then LANG; anything else is English', async () => {
    const message = async (env: Record<string, string>) => {
      const { stdout } = await tde(FIXTURES, ['check', '-f', 'compact', 'mistakes.tde.yaml'], { env });
      return stdout.includes(SPANISH_TACTIC) ? 'es' : stdout.includes(ENGLISH_TACTIC) ? 'en' : stdout;
    };
    assert.equal(await message({ LANG: 'es_MX.UTF-8' }), 'es');
    assert.equal(await message({ LANG: 'es_ES.UTF-8', LC_ALL: 'en_US.UTF-8' }), 'en');
    assert.equal(await message({ LANG: 'en_US.UTF-8', LC_MESSAGES: 'es_ES.UTF-8' }), 'es');
    assert.equal(await message({ LANG: 'es_ES.UTF-8', LC_ALL: '' }), 'es', 'an empty LC_ALL is not set');
    assert.equal(await message({ LANG: 'fr_FR.UTF-8' }), 'en');
    assert.equal(await message({ LANG: 'C' }), 'en');
    assert.equal(await message({}), 'en');
  });

  it('--lang wins over the shell, and an unknown language is a usage error', async () => {
    const { stdout } = await tde(FIXTURES, ['check', '--lang', 'en', '-f', 'compact', 'mistakes.tde.yaml'], { env: { LANG: 'es_ES.UTF-8' } });
    assert.ok(stdout.includes(ENGLISH_TACTIC), stdout);
    const bad = await tde(FIXTURES, ['check', '--lang', 'fr', 'mistakes.tde.yaml']);
    assert.equal(bad.code, 2);
    assert.equal(bad.stderr, 'tde: unknown language fr for --lang; choose en or es\n');
  });

  it('rules and pitch speak Spanish too', async () => {
    const rules = await tde(FIXTURES, ['rules', '--lang', 'es']);
    assert.match(rules.stdout, /^no-steward +info +Un plan de Diseñar sin "steward"\.$/m);
    const json = JSON.parse((await tde(FIXTURES, ['rules', '--lang', 'es', '-f', 'json'])).stdout);
    assert.equal(json.find((r: { id: string }) => r.id === 'unknown-tactic').description, 'Un id de táctica que no existe en ninguna etapa del método.');
    const english = await tde(FIXTURES, ['pitch', 'pitch.tde.yaml']);
    const spanish = await tde(FIXTURES, ['pitch', '--lang', 'es', 'pitch.tde.yaml']);
    assert.equal(spanish.code, 0);
    assert.notEqual(spanish.stdout, english.stdout, 'the frame of the pitch is in Spanish');
  });

  it('the real process follows LANG', () => {
    const { stdout } = tdeProcess(FIXTURES, ['check', '-f', 'compact', 'mistakes.tde.yaml'], { LANG: 'es_ES.UTF-8' });
    assert.ok(stdout.includes(SPANISH_TACTIC), stdout);
  });
});
