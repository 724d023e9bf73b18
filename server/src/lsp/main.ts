// Entry point of `tde-language-server`: `--stdio` (the default), `--node-ipc`,
// `--socket=PORT` or `--pipe=NAME`, as any LSP client starts it.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { SERVER_NAME, SERVER_VERSION, startServer } from './server';

const args = process.argv.slice(2);
if (args.includes('--version') || args.includes('-v')) {
  process.stdout.write(`${SERVER_NAME} ${SERVER_VERSION}\n`);
  process.exit(0);
}
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(
    `Usage: ${SERVER_NAME} [--stdio | --node-ipc | --socket=PORT | --pipe=NAME]\n\n` +
      'The language server for Tactical Data Engagement files (*.tde.yaml, *.tde.yml).\n' +
      'Speaks the Language Server Protocol over stdio unless told otherwise.\n',
  );
  process.exit(0);
}
if (!args.some((arg) => /^--(stdio|node-ipc|socket|pipe)\b/.test(arg))) process.argv.push('--stdio');

startServer(createConnection(ProposedFeatures.all));
