// The tests read the disk through the same FileHost the language server uses.
import { createWorkspaceFiles } from '../../server/src/lsp/workspaceFiles';

/** The disk as the language server reads it, logging to stderr. */
export const nodeHost = createWorkspaceFiles({ warn: (message) => console.warn(message) }).host;
