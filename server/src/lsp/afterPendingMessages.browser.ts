// afterPendingMessages.ts for the web build: a browser worker has no `setImmediate`.
export function soon(run: () => void): { cancel(): void } {
  const timer = setTimeout(run, 0);
  return { cancel: () => clearTimeout(timer) };
}
