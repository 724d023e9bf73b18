// A test that cannot run says why, where the reporter prints it: in its
// title, or, skipped from a hook, in the title of each test the hook skips.
export function skipBecause(context: Mocha.Context, why: string): never {
  const runnable = context.test;
  const because = ` (skipped: ${why})`;
  if (runnable && 'type' in runnable && runnable.type === 'hook') runnable.parent?.eachTest((test) => void (test.title += because));
  else if (runnable) runnable.title += because;
  context.skip();
}
