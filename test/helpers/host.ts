// The tests read the disk through the same FileHost the language server uses.
export { nodeFileHost as nodeHost } from '../../server/src/lsp/files';
