// How the editor starts the language server process. `--optimize-for-size`
// has V8 favour memory over speed: a server that holds open documents for
// hours and re-checks a long file on every edit peaks some 10 to 15 MB lower
// with it (107 against 114 to 123 MB at 10,000 lines, where the floor
// process takes 89), at a price in whole checks: five whole checks of a
// 10,000-line file took 3.6 s of CPU with it, 2.1 s without. Edits, which
// re-parse only the entry they touch, cost the same either way, and a file
// closed and reopened with the same text is not checked whole again. The
// benchmark starts the server with these options too, as the extension does.
export const SERVER_EXEC_ARGV: readonly string[] = ['--optimize-for-size'];
