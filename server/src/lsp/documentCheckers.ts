// Each open document's incremental checker, kept between its checks, and
// those of the few documents closed last: an editor closes and reopens files
// all the time (a preview tab replaced, a diff opened), and a document
// reopened with the text it had is then checked from the parse it had,
// instead of parsing it all again. A checker's result equals a fresh check
// of the text it is given whatever it parsed before (test/unit/incremental.test.ts),
// so a reopened document whose file changed meanwhile is still checked exactly.
import { IncrementalChecker } from '../engine/incrementalCheck';

/** At most this many closed documents are kept, and at most this many characters of their texts in all. */
const MAX_CLOSED = 4;
const MAX_CLOSED_CHARS = 4 * 1024 * 1024;

export class DocumentCheckers {
  private readonly open = new Map<string, IncrementalChecker>();
  /** Oldest first. */
  private readonly closed = new Map<string, IncrementalChecker>();

  /** The document's checker: its own, the one it had when it was closed, or a new one. */
  of(uri: string): IncrementalChecker {
    let checker = this.open.get(uri);
    if (checker) return checker;
    checker = this.closed.get(uri) ?? new IncrementalChecker();
    this.closed.delete(uri);
    this.open.set(uri, checker);
    return checker;
  }

  /** The document closed: its checker is kept for a while, in case it opens again. */
  close(uri: string): void {
    const checker = this.open.get(uri);
    this.open.delete(uri);
    if (!checker) return;
    this.closed.delete(uri);
    this.closed.set(uri, checker);
    let chars = 0;
    for (const kept of this.closed.values()) chars += kept.parser.current?.text.length ?? 0;
    for (const [oldest, kept] of this.closed) {
      if (this.closed.size <= MAX_CLOSED && chars <= MAX_CLOSED_CHARS) break;
      this.closed.delete(oldest);
      chars -= kept.parser.current?.text.length ?? 0;
    }
  }

  /** Forget the document's checker altogether (its check failed: the next one starts from scratch). */
  drop(uri: string): void {
    this.open.delete(uri);
    this.closed.delete(uri);
  }

  clear(): void {
    this.open.clear();
    this.closed.clear();
  }
}
