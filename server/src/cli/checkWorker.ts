// A worker thread of `tde check` over many files (bundled as
// dist/checkWorker.js; checkFilesInParallel.ts starts them): checks the batches of files
// it is given (checkJob.ts) and answers with their results.
import { parentPort } from 'node:worker_threads';
import { checkBatch, type ToCheckWorker } from './checkJob';

parentPort!.on('message', (batch: ToCheckWorker) => {
  parentPort!.postMessage(checkBatch(batch));
});
