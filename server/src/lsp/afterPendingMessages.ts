// Run a function on the next turn of the event loop, after the messages
// already read. A 0 ms timer waits 1–2 ms in Node: `setImmediate` does not.
// The web build swaps in afterPendingMessages.browser.ts.
export function soon(run: () => void): { cancel(): void } {
  const immediate = setImmediate(run);
  return { cancel: () => clearImmediate(immediate) };
}
