// `tde/nextIteration`: the next iteration of an open or closed TDE file, as
// `tde init --next` writes it (shared/nextIteration.ts); the client names
// and writes the file.
import type { NextIterationParams, NextIterationResult } from '../shared/protocol';
import { nextIteration, nextIterationFileNames } from '../shared/nextIteration';
import { readTdeFile } from './documentInfo';
import type { Session } from './session';

export async function provideNextIteration(session: Session, params: NextIterationParams): Promise<NextIterationResult> {
  const document = session.tdeDocument(params.uri) ?? (await readTdeFile(session, params.uri));
  if (!document) return { ok: false, reason: 'it is not a TDE file (*.tde.yaml)' };
  // Written beside the earlier file: `previous` is its bare name.
  const name = decodeURIComponent(new URL(params.uri).pathname.split('/').pop() ?? '');
  const next = nextIteration(document.getText(), { previous: name, started: new Date(), eol: params.eol === '\r\n' ? '\r\n' : '\n' });
  if (!next.ok) return next;
  return { ...next, fileNames: [...nextIterationFileNames(name, next.iteration)] };
}
