// tde/projectPage: the public site's page of the file being edited, as
// "TDE: Open Project Page" previews it — the same words the site publishes,
// from the text in the editor, in the editor's language, under a strict policy.
import * as assert from 'node:assert/strict';
import type { ProjectPageResult } from '../../server/src/shared/protocol';
import { fixtureUri, useServer } from '../helpers/lspClient';

const NONCE = 'bm9uY2Utb2YtdGhlLXRlc3Q=';

const PROJECT = `tde: 1
project:
  title: Lots <b>and</b> lists
  place: City of Millford
find:
  status: done
  collaborators:
    - { name: Daniel Ortiz, role: resident, contact: 555-0100 }
    - { name: Ward 5 Block Club, role: community-group }
`;

describe('language server: the project page preview', function () {
  const client = useServer();
  let counter = 0;

  async function page(text: string, locale = 'en', nonce = NONCE): Promise<{ uri: string; result: ProjectPageResult | null }> {
    const uri = fixtureUri(`page-${counter++}.tde.yaml`);
    await client().open(uri, text);
    return { uri, result: await client().request<ProjectPageResult | null>('tde/projectPage', { uri, locale, nonce }) };
  }

  it('is the page the site publishes, alone: style inline under the nonce, no script, residents unnamed', async () => {
    const { result } = await page(PROJECT);
    assert.ok(result);
    assert.equal(result.title, 'Lots <b>and</b> lists');
    assert.equal(result.version, 1);
    assert.match(result.html, /^<!doctype html>\n<html lang="en">/);
    assert.match(result.html, new RegExp(`content="default-src 'none'; style-src 'nonce-${NONCE}'; base-uri 'none'; form-action 'none'"`));
    assert.match(result.html, new RegExp(`<style nonce="${NONCE}">`));
    assert.doesNotMatch(result.html, /<script|<link rel="stylesheet"/);
    assert.match(result.html, /<h1>Lots &lt;b&gt;and&lt;\/b&gt; lists<\/h1>/);
    assert.match(result.html, /A resident<\/span>/);
    assert.doesNotMatch(result.html, /Daniel|555-0100/);
  });

  it('speaks the editor\'s language', async () => {
    const { result } = await page(PROJECT, 'es-MX');
    assert.match(result!.html, /^<!doctype html>\n<html lang="es">/);
    assert.match(result!.html, /Quiénes participaron/);
  });

  it('follows the text being edited, not the disk', async () => {
    const { uri } = await page(PROJECT);
    const at = PROJECT.split('\n').findIndex((line) => line.includes('title:'));
    await client().change(uri, [{ range: { start: { line: at, character: 9 }, end: { line: at, character: 9 + 'Lots <b>and</b> lists'.length } }, text: 'Vacant lots' }]);
    const result = await client().request<ProjectPageResult>('tde/projectPage', { uri, locale: 'en', nonce: NONCE });
    assert.equal(result.version, 2);
    assert.match(result.html, /<h1>Vacant lots<\/h1>/);
  });

  it('says so when the file does not parse, and refuses a nonce that could break out of the policy', async () => {
    const broken = await page('tde: 1\nproject: [\n');
    assert.match(broken.result!.html, /This file does not parse yet/);
    const { result } = await page(PROJECT, 'en', `x' 'unsafe-inline`);
    assert.equal(result, null);
  });
});
