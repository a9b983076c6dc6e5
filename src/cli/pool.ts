import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runTask } from './task.js';
import type { Task, TaskResult } from './task.js';

/** Runs tasks, inline or on threads. Results come back per task; callers keep their own order. */
export interface TaskRunner {
  run(task: Task): Promise<TaskResult>;
  close(): Promise<void>;
}

/** `--jobs 1`: extraction on the main thread, no thread start-up cost. */
export function createInlineRunner(): TaskRunner {
  return {
    run: (task) => Promise.resolve(runTask(task)),
    close: () => Promise.resolve(),
  };
}

interface WorkerResponse {
  id: number;
  result: TaskResult;
}

interface Pending {
  id: number;
  task: Task;
  resolve: (result: TaskResult) => void;
}

interface Slot {
  worker: Worker;
  current: Pending | null;
}

/** The worker script sits next to the CLI bundle (dist/cli.js, dist/worker.js). */
export function defaultWorkerUrl(): URL {
  return new URL('./worker.js', import.meta.url);
}

/**
 * A fixed pool of worker threads, one task per thread at a time. A thread that dies fails only
 * the task it held (code INTERNAL) and is replaced, so a page that crashes the parser cannot end a batch.
 */
export function createWorkerPool(size: number, workerUrl: URL = defaultWorkerUrl()): TaskRunner {
  if (!existsSync(fileURLToPath(workerUrl))) {
    throw new Error(`Worker script not found at ${fileURLToPath(workerUrl)}; build the CLI first or use --jobs 1.`);
  }
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;

  function dispatch(slot: Slot): void {
    const pending = queue.shift();
    if (pending === undefined) {
      slot.current = null;
      slot.worker.unref();
      return;
    }
    slot.current = pending;
    slot.worker.ref();
    slot.worker.postMessage({ id: pending.id, task: pending.task });
  }

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(workerUrl), current: null };
    slot.worker.unref();
    slot.worker.on('message', (message: WorkerResponse) => {
      const pending = slot.current;
      if (pending !== null && pending.id === message.id) pending.resolve(message.result);
      dispatch(slot);
    });
    const replace = (reason: string): void => {
      const pending = slot.current;
      slot.current = null;
      if (pending !== null) {
        pending.resolve({ ok: false, failure: { code: 'INTERNAL', message: `Worker thread died: ${reason}` } });
      }
      const index = slots.indexOf(slot);
      if (index === -1 || closed) return;
      slot.worker.removeAllListeners();
      const fresh = spawn();
      slots[index] = fresh;
      dispatch(fresh);
    };
    slot.worker.on('error', (error: Error) => replace(error.message));
    slot.worker.on('exit', (code) => replace(`exit code ${code}`));
    return slot;
  }

  for (let i = 0; i < size; i += 1) slots.push(spawn());

  return {
    run(task) {
      return new Promise<TaskResult>((resolve) => {
        queue.push({ id: nextId++, task, resolve });
        const idle = slots.find((slot) => slot.current === null);
        if (idle !== undefined) dispatch(idle);
      });
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
