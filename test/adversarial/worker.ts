/**
 * Worker side of the hang detector: builds each case here (no 50 MB copies between threads),
 * reports its size so the parent can arm a timer proportional to it, then runs it.
 */
import { parentPort } from 'node:worker_threads';
import { caseNamed, sizeOf } from './generate.js';
import { runBuiltCase } from './run-case.js';

export type WorkerMessage = { kind: 'built'; name: string; size: number } | { kind: 'done'; result: import('./run-case.js').CaseOutcome };

const port = parentPort;
if (port === null) throw new Error('worker.ts runs as a worker thread');
port.on('message', (name: string) => {
  const input = caseNamed(name).build();
  port.postMessage({ kind: 'built', name, size: sizeOf(input) } satisfies WorkerMessage);
  port.postMessage({ kind: 'done', result: runBuiltCase(name, input) } satisfies WorkerMessage);
});
