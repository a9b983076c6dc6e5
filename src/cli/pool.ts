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

/** A result, or the thread's first message saying its modules are loaded. */
type WorkerMessage = { id: number; result: TaskResult } | { ready: true };

interface Pending {
  id: number;
  task: Task;
  resolve: (result: TaskResult) => void;
}

interface Slot {
  worker: Worker;
  /** Set by the thread's first message; tasks wait for it so start-up never counts against the time limit. */
  ready: boolean;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
  /** Replaced or given up on: its events no longer concern the pool. */
  retired: boolean;
  /** The thread has ended; `terminate()` on it would wait for an exit event that already fired. */
  exited: boolean;
}

export interface PoolSettings {
  size: number;
  /** A page still running after this many milliseconds fails with TIMEOUT and its thread is replaced; 0 = no limit. */
  pageTimeoutMs: number;
  workerUrl?: URL;
}

/** The worker script sits next to the CLI bundle (dist/cli.js, dist/worker.js). */
export function defaultWorkerUrl(): URL {
  return new URL('./worker.js', import.meta.url);
}

/**
 * A fixed pool of worker threads, one task per thread at a time. A thread that dies fails only
 * the task it held (code INTERNAL) and is replaced, so a page that crashes the parser cannot end a batch;
 * a page that runs past the time limit fails with TIMEOUT and its thread is killed and replaced.
 */
export function createWorkerPool(settings: PoolSettings): TaskRunner {
  const { size, pageTimeoutMs } = settings;
  const workerUrl = settings.workerUrl ?? defaultWorkerUrl();
  if (!existsSync(fileURLToPath(workerUrl))) {
    throw new Error(`Worker script not found at ${fileURLToPath(workerUrl)}; build the CLI first or use --jobs 1.`);
  }
  const queue: Pending[] = [];
  const slots: Slot[] = [];
  let nextId = 0;
  let closed = false;
  /** Set when a thread dies before it is ready: the worker script itself is broken, so respawning would loop. */
  let broken: string | null = null;

  function failEverything(reason: string): void {
    broken = reason;
    for (const pending of queue.splice(0)) {
      pending.resolve({ ok: false, failure: { code: 'INTERNAL', message: `Worker thread could not start: ${reason}` } });
    }
  }

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
    if (pageTimeoutMs > 0) slot.timer = setTimeout(() => timeOut(slot), pageTimeoutMs);
  }

  function settle(slot: Slot): Pending | null {
    const pending = slot.current;
    slot.current = null;
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    return pending;
  }

  /** Puts a fresh thread where a dead or killed one was, and gives it the next task. */
  function replaceSlot(slot: Slot): void {
    slot.retired = true;
    const index = slots.indexOf(slot);
    if (index === -1 || closed) return;
    slots[index] = spawn();
  }

  function timeOut(slot: Slot): void {
    const pending = settle(slot);
    pending?.resolve({
      ok: false,
      failure: { code: 'TIMEOUT', message: `Extraction took longer than ${pageTimeoutMs / 1000} s (--page-timeout).` },
    });
    void slot.worker.terminate();
    replaceSlot(slot);
  }

  function spawn(): Slot {
    const slot: Slot = { worker: new Worker(workerUrl), ready: false, current: null, timer: null, retired: false, exited: false };
    slot.worker.on('message', (message: WorkerMessage) => {
      if (slot.retired) return;
      if ('ready' in message) {
        slot.ready = true;
        dispatch(slot);
        return;
      }
      if (slot.current?.id !== message.id) return;
      settle(slot)?.resolve(message.result);
      dispatch(slot);
    });
    const replace = (reason: string): void => {
      if (slot.retired) return;
      settle(slot)?.resolve({ ok: false, failure: { code: 'INTERNAL', message: `Worker thread died: ${reason}` } });
      if (slot.ready) {
        replaceSlot(slot);
        return;
      }
      slot.retired = true;
      failEverything(reason);
    };
    slot.worker.on('error', (error: Error) => replace(error.message));
    slot.worker.on('exit', (code) => {
      slot.exited = true;
      replace(`exit code ${code}`);
    });
    return slot;
  }

  for (let i = 0; i < size; i += 1) slots.push(spawn());

  return {
    run(task) {
      return new Promise<TaskResult>((resolve) => {
        if (broken !== null) {
          resolve({ ok: false, failure: { code: 'INTERNAL', message: `Worker thread could not start: ${broken}` } });
          return;
        }
        queue.push({ id: nextId++, task, resolve });
        const idle = slots.find((slot) => slot.ready && slot.current === null);
        if (idle !== undefined) dispatch(idle);
      });
    },
    async close() {
      closed = true;
      for (const slot of slots) settle(slot);
      await Promise.all(slots.filter((slot) => !slot.exited).map((slot) => slot.worker.terminate()));
    },
  };
}
