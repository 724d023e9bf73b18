// Run a function once the messages already read have been handled. The
// connection handles one message per turn of the event loop, queuing the
// next turn after the handler's own work: a function queued from a handler
// for the next turn would still run before the next message, so it is
// queued again from there. A 0 ms timer waits 1–2 ms in Node: `setImmediate`
// does not. The web build swaps in afterPendingMessages.browser.ts.
export function soon(run: () => void): { cancel(): void } {
  let immediate = setImmediate(() => {
    immediate = setImmediate(run);
  });
  return { cancel: () => clearImmediate(immediate) };
}
