// Preloaded into a CLI run by the hostile tests: when the process exits, its
// peak resident set (VmHWM, Linux only) is appended to the file
// TDE_PEAK_RSS_LOG names, as `PID KILOBYTES`. A short-lived process cannot
// be sampled from outside reliably; this reads the kernel's own high-water mark.
'use strict';
const fs = require('node:fs');
const { isMainThread } = require('node:worker_threads');

const logFile = process.env.TDE_PEAK_RSS_LOG;
if (logFile && isMainThread) {
  process.on('exit', () => {
    try {
      const status = fs.readFileSync('/proc/self/status', 'utf8');
      const kb = /VmHWM:\s*(\d+)\s*kB/.exec(status)?.[1];
      if (kb) fs.appendFileSync(logFile, `${process.pid} ${kb}\n`);
    } catch {
      // not Linux: nothing to report
    }
  });
}
