// The worker thread of --concurrency: lints the files the main thread sends, one ReplyLint per
// worker, and posts each result back (plain data: results, fix snapshots and digests clone).
import { parentPort, workerData } from 'node:worker_threads';
import { serializeError, type FromWorker, type ToWorker } from './pool.js';
import { ReplyLint, type ReplyLintOptions } from './replylint.js';

const port = parentPort;
if (!port) throw new Error('lint-worker.js runs as a worker thread of replylint, not on its own');
const linter = new ReplyLint((workerData as { options: ReplyLintOptions }).options);

port.on('message', ({ id, job }: ToWorker) => {
  linter.lintPlannedFile(job).then(
    (out) => port.postMessage({ id, out } satisfies FromWorker),
    (error: unknown) => port.postMessage({ id, error: serializeError(error) } satisfies FromWorker),
  );
});
