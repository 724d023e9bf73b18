// `tde/projectPage`: the page `tde site` publishes for a file, built by the
// same engine from the text the editor holds (or, for a closed file, the
// disk), so the preview never shows other words than the site would.
import { basename } from '../engine/paths';
import { projectPreview } from '../engine/site';
import { languageOfLocale } from '../shared/l10n';
import type { ProjectPageParams, ProjectPageResult } from '../shared/protocol';
import { readTdeFile } from './documentInfo';
import type { Session } from './session';

const NONCE = /^[A-Za-z0-9+/=_-]{16,128}$/;

export async function provideProjectPage(session: Session, params: ProjectPageParams): Promise<ProjectPageResult | null> {
  if (!NONCE.test(params.nonce)) return null;
  const document = session.tdeDocument(params.uri) ?? (await readTdeFile(session, params.uri));
  if (!document) return null;
  const name = basename(decodeURIComponent(new URL(params.uri).pathname));
  const page = projectPreview({ path: name, text: document.getText() }, languageOfLocale(params.locale), params.nonce);
  return { version: document.version, ...page };
}
