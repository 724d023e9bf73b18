// How the editor starts the language server process. `--optimize-for-size`
// has V8 favour memory over speed: a server that holds open documents for
// hours and re-checks a long file on every edit peaks some 20 MB lower with
// it, and `npm run bench` shows no slower edits. The benchmark starts the
// server with these options too, as the extension does.
export const SERVER_EXEC_ARGV: readonly string[] = ['--optimize-for-size'];
