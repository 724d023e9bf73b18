// The client's own edits, kept as it sends them (`didChange`'s content
// changes, as offsets) so that the checking thread can be sent one change
// from the version it last had to the one it checks: no text is diffed to
// find again what the client already said.
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../engine/incremental';

/** One content change: [start, end) of the text before it became `delta` characters longer. */
interface Recorded {
  version: number;
  start: number;
  end: number;
  delta: number;
}

/** Past this many changes not yet sent, a document's log restarts (the next check then sends the whole text). */
const MAX_RECORDED = 10_000;

export class DocumentChanges {
  /** Per document: the changes since version `from`, oldest first. */
  private readonly logs = new Map<string, { from: number; changes: Recorded[] }>();

  /** For `TextDocuments`: each change is recorded, as offsets in the text it applies to, before it is applied. */
  readonly configuration: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, content) => {
      this.logs.set(uri, { from: version, changes: [] });
      return TextDocument.create(uri, languageId, version, content);
    },
    update: (document, changes, version) => {
      const log = this.logs.get(document.uri);
      for (const change of changes) {
        const [start, end] = span(document, change);
        // Applied one at a time: each change's range is in the text the one before it left.
        TextDocument.update(document, [change], version);
        log?.changes.push({ version, start, end, delta: change.text.length - (end - start) });
      }
      if (log && log.changes.length > MAX_RECORDED) this.logs.set(document.uri, { from: version, changes: [] });
      return document;
    },
  };

  /**
   * The one change that turns version `from` of a document into version `to`, whose text is `text`;
   * undefined when the changes since `from` are not known. What came before `from` is let go.
   */
  between(uri: string, from: number, to: number, text: string): TextChange | undefined {
    const log = this.logs.get(uri);
    if (!log || from < log.from || from > to) return undefined;
    let dropped = 0;
    while (dropped < log.changes.length && log.changes[dropped]!.version <= from) dropped++;
    if (dropped) log.changes.splice(0, dropped);
    log.from = from;
    // Grown one change at a time: [start, end) of version `from` became [start, end + delta).
    let start = Infinity;
    let end = -Infinity;
    let delta = 0;
    for (const change of log.changes) {
      if (change.version > to) break;
      if (start === Infinity) ({ start, end, delta } = change);
      else {
        end = Math.max(end, change.end - delta);
        start = Math.min(start, change.start);
        delta += change.delta;
      }
    }
    if (start === Infinity) return { start: 0, end: 0, insert: '' };
    return { start, end, insert: text.slice(start, end + delta) };
  }

  forget(uri: string): void {
    this.logs.delete(uri);
  }
}

function span(document: TextDocument, change: TextDocumentContentChangeEvent): [number, number] {
  if (!('range' in change)) return [0, document.getText().length];
  const start = document.offsetAt(change.range.start);
  const end = document.offsetAt(change.range.end);
  // A range given end first still names the same span.
  return start <= end ? [start, end] : [end, start];
}
