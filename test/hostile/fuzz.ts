// Random input for the property-based tests and `npm run stress`: texts made
// of the pieces that trip YAML parsers and our own code (indentation, flow
// brackets, anchors, tags, directives, CR, tabs, NUL, lone surrogates, our
// keys and comments), and sequences of edits an editor could send.
import * as fc from 'fast-check';
import type { Diagnostic, PublishDiagnosticsParams } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { LspClient } from '../helpers/lspClient';
import { within } from './harness';

const PIECES = [
  'tde: 1\n', 'project:\n', '  title: Flood sensors\n', '  place: Riverton\n', 'find:\n', 'refine:\n', 'design:\n', 'implement:\n',
  '  status: in-progress\n', '  status: done\n', '  status: in-progres\n', '  collaborators:\n', '    - {name: A, role: resident}\n',
  '    - name: B\n      role: resdent\n', '  tactics: [join-public-meetngs, __proto__]\n', '  use_cases:\n    - id: a-b\n',
  '  selected_use_case: [a-b]\n', '  result:\n    focus_area: lots\n',
  'a', 'b', '-', '- ', ' ', '  ', '    ', '\t', '\n', '\r\n', '\r', ':', ': ', '? ', ',', '[', ']', '{', '}', '"', "'", '#', '# tde-disable-next-line\n',
  '# tde-disable schema\n', '&a ', '*a', '&b ', '*b', '!foo ', '!!binary ', '!!js/function ', '<<: ', '|', '>', '|-\n', '%YAML 1.1\n', '%TAG ! x\n',
  '---\n', '...\n', '~', 'null', 'yes', '0x1F', '1e400', '.nan', '__proto__', 'constructor', 'x-', '\u0000', '\u001b[31m', '\u0085', '\u2028', '\u202e',
  '\ufeff', '\ud800', '\udc00', 'é', '😀', '%0A::error::', '<script>', '\\', '\\u', '"\\x1b"',
];

/** A YAML-ish text: mostly our pieces, sometimes any Unicode at all. */
export function textArbitrary(maxPieces = 40): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.array(fc.constantFrom(...PIECES), { maxLength: maxPieces }).map((parts) => parts.join('')) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.string({ unit: 'grapheme', maxLength: 5 })), { maxLength: maxPieces }).map((parts) => parts.join('')) },
  );
}

/** One edit, in relative terms (where in the text, how much to replace, with what). */
export interface RelativeEdit {
  at: number;
  remove: number;
  insert: string;
}

export const editArbitrary: fc.Arbitrary<RelativeEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.oneof(fc.constant(0), fc.nat({ max: 12 }), fc.nat({ max: 200 })),
  insert: fc.oneof(fc.constant(''), fc.constantFrom(...PIECES), fc.array(fc.constantFrom(...PIECES), { maxLength: 6 }).map((p) => p.join(''))),
});

/** An LSP change for a relative edit of this text. */
export function toChange(text: string, edit: RelativeEdit): { range: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string } {
  const doc = TextDocument.create('x', 'x', 0, text);
  const start = Math.floor(edit.at * text.length);
  const end = Math.min(text.length, start + edit.remove);
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: edit.insert };
}

/** What a diagnostic says, without what depends on the session (result ids, versions, the document's URI). */
export function comparable(params: PublishDiagnosticsParams): string[] {
  return params.diagnostics.map((d: Diagnostic) => JSON.stringify({
    range: d.range,
    severity: d.severity,
    code: d.code,
    message: d.message,
    related: d.relatedInformation?.map((r) => ({ range: r.location.range, message: r.message })),
  })).sort();
}

let counter = 0;

/** A fresh file URI for a throwaway document (in a folder that holds nothing, so `previous` finds nothing). */
export function scratchUri(dir: string): string {
  counter++;
  return `file://${dir}/fuzz-${process.pid}-${counter}.tde.yaml`;
}

/** Open a text, await its diagnostics, close it. */
export async function diagnoseOnce(client: LspClient, uri: string, text: string, ms: number): Promise<PublishDiagnosticsParams> {
  const mark = client.mark();
  await client.open(uri, text);
  const published = await within(client.diagnostics(uri, 1, mark), ms, `diagnostics of ${uri}`);
  await client.close(uri);
  return published;
}

/** Open a text, apply the edits one by one as an editor would, await the final version's diagnostics. */
export async function diagnoseEdited(client: LspClient, uri: string, text: string, edits: RelativeEdit[], ms: number): Promise<{ text: string; published: PublishDiagnosticsParams }> {
  const mark = client.mark();
  await client.open(uri, text);
  let version = 1;
  for (const edit of edits) version = await client.change(uri, [toChange(client.text(uri), edit)]);
  const finalText = client.text(uri);
  const published = await within(client.diagnostics(uri, version, mark), ms, `diagnostics of ${uri} v${version}`);
  await client.close(uri);
  return { text: finalText, published };
}
