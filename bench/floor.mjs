// The floor: the naive way with our own stack. yaml's parseDocument with
// ranges, its toJS, the ajv validator precompiled at build time
// (dist/generated/tde-validator.js) and each error mapped to a line and
// column. What any checker of ours must at least do on a full re-check.
import { LineCounter, parseDocument } from 'yaml';
import loaded from '../dist/generated/tde-validator.js';

const validate = loaded.default ?? loaded;

export function floorCheck(text) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, keepSourceTokens: false });
  const problems = doc.errors.map((error) => ({ ...lineCounter.linePos(error.pos[0]), message: error.message }));
  if (doc.errors.length === 0) {
    validate(doc.toJS({ maxAliasCount: 100 }));
    for (const error of validate.errors ?? []) {
      const path = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
      const node = path.length ? doc.getIn(path, true) : doc.contents;
      problems.push({ ...lineCounter.linePos(node?.range?.[0] ?? 0), message: `${error.instancePath || '/'} ${error.message}` });
    }
  }
  return problems;
}
