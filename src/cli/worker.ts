import { parentPort } from 'node:worker_threads';
import { runTask } from './task.js';
import type { Task } from './task.js';

/** Message from the pool: one task, tagged so the answer finds its caller. */
export interface WorkerRequest {
  id: number;
  task: Task;
}

// Each pool thread runs this file: say it is ready, then take a task, answer with its result, wait for the next.
parentPort?.on('message', (request: WorkerRequest) => {
  parentPort?.postMessage({ id: request.id, result: runTask(request.task) });
});
parentPort?.postMessage({ ready: true });
