/**
 * Runs adversarial cases in a worker thread that is terminated when a case overruns its time bound,
 * so a hang (even a synchronous infinite loop) is reported instead of freezing the test run, and an
 * out-of-memory case kills only the worker.
 */
import { Worker } from 'node:worker_threads';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CaseOutcome } from './run-case.js';
import type { WorkerMessage } from './worker.js';

/** The hang bound: generous (2 ms per KB + 2 s) so slow CI machines do not flake; this is no benchmark. */
export function timeBoundMs(size: number): number {
  return 2 * (size / 1024) + 2000;
}

/** Generating the input is not under test, but a generator stuck forever must not stall the run either. */
const BUILD_TIMEOUT_MS = 120_000;

/** Caps the worker's heap so a memory blow-up ends the worker, not the test process. */
const WORKER_HEAP_MB = 4096;

const here = dirname(fileURLToPath(import.meta.url));

/** The worker runs TypeScript sources: register tsx's ESM loader in it, then import the worker module. */
function bootstrapSource(): string {
  const require = createRequire(import.meta.url);
  const tsxPackagePath = require.resolve('tsx/package.json');
  const tsxPackage = JSON.parse(readFileSync(tsxPackagePath, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const apiRelative = tsxPackage.exports['./esm/api']?.import?.default;
  if (apiRelative === undefined) throw new Error('tsx/esm/api not found: the adversarial harness needs tsx');
  const api = pathToFileURL(join(dirname(tsxPackagePath), apiRelative)).href;
  const worker = pathToFileURL(join(here, 'worker.ts')).href;
  return `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`;
}

export type HarnessOutcome = CaseOutcome | { name: string; size: number; outcome: 'hang' | 'worker-died'; ms: number; detail: string };

export class CaseRunner {
  private worker: Worker | null = null;

  private start(): Worker {
    this.worker ??= new Worker(bootstrapSource(), { eval: true, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    return this.worker;
  }

  /** Runs one case; a hang or a worker death is an outcome, and the next case gets a fresh worker. */
  run(name: string): Promise<HarnessOutcome> {
    const worker = this.start();
    return new Promise((resolve) => {
      let size = 0;
      let startedAt = performance.now();
      let timer = setTimeout(() => finish({ name, size, outcome: 'hang', ms: BUILD_TIMEOUT_MS, detail: 'building the input timed out' }), BUILD_TIMEOUT_MS);
      const finish = (outcome: HarnessOutcome, kill = outcome.outcome === 'hang' || outcome.outcome === 'worker-died'): void => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (kill) {
          void worker.terminate();
          this.worker = null;
        }
        resolve(outcome);
      };
      const onMessage = (message: WorkerMessage): void => {
        if (message.kind === 'built') {
          size = message.size;
          startedAt = performance.now();
          clearTimeout(timer);
          const bound = timeBoundMs(size);
          timer = setTimeout(
            () => finish({ name, size, outcome: 'hang', ms: performance.now() - startedAt, detail: `no answer within ${Math.round(bound)} ms; worker terminated` }),
            bound * 1.5,
          );
        } else finish(message.result);
      };
      const onError = (error: Error): void => finish({ name, size, outcome: 'worker-died', ms: performance.now() - startedAt, detail: `${error.name}: ${error.message}` });
      const onExit = (code: number): void => finish({ name, size, outcome: 'worker-died', ms: performance.now() - startedAt, detail: `worker exited with code ${code}` });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      worker.postMessage(name);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
    this.worker = null;
  }
}
