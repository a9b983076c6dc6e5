/**
 * Measures the memory of one extraction in a fresh process, so nothing else the bench loaded
 * skews it. Spawned by speed-scaling.ts as
 *   node --expose-gc --max-semi-space-size=1 --import tsx bench/lib/speed-memory-child.ts <entry> <repeat> [html|text]
 * and prints one JSON line ({@link MemoryMeasurement}).
 *
 * The small young generation makes V8 collect about every megabyte allocated, so the heap size
 * recorded after each collection samples the working set all through the extraction.
 */
import { GCProfiler } from 'node:v8';
import { loadNewsprint } from './speed-contenders.js';
import { scalingInput, type ScalingFormat } from './speed-synthetic.js';

export interface MemoryMeasurement {
  repeat: number;
  inputBytes: number;
  /** Highest heap use seen during the extraction (before a collection, or at its end), above the baseline: includes garbage. */
  peakHeapBytes: number;
  /** Highest heap use right after a collection during the extraction (or retained at its end), above the baseline: the working set. */
  peakLiveBytes: number;
  /** Heap still used once the extraction is over and garbage is collected, with the article held. */
  retainedHeapBytes: number;
  collections: number;
}

/** Small pages extracted first, so compiling the code does not count as the measured page's memory. */
const WARM_UP_RUNS = 20;

async function main(): Promise<void> {
  const [entry, repeatArg, formatArg = 'html'] = process.argv.slice(2);
  const repeat = Number(repeatArg);
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined || entry === undefined || !Number.isInteger(repeat) || repeat < 1 || (formatArg !== 'html' && formatArg !== 'text')) {
    throw new Error('usage: node --expose-gc --import tsx speed-memory-child.ts <entry> <repeat> [html|text]');
  }
  const format: ScalingFormat = formatArg;
  const newsprint = await loadNewsprint({ label: entry, entry });
  if (typeof newsprint === 'string') throw new Error(newsprint);

  for (let i = 0; i < WARM_UP_RUNS; i++) newsprint.extract(scalingInput(format, 2), { format });
  const page = scalingInput(format, repeat);
  gc();
  gc();
  const baseline = process.memoryUsage();
  const profiler = new GCProfiler();
  profiler.start();
  const article = newsprint.extract(page, { format });
  const atEnd = process.memoryUsage().heapUsed;
  const gcStats = profiler.stop();
  gc();
  const retained = process.memoryUsage().heapUsed;

  let peakHeap = atEnd;
  let peakLive = retained;
  for (const entry of gcStats.statistics) {
    peakHeap = Math.max(peakHeap, entry.beforeGC.heapStatistics.usedHeapSize);
    peakLive = Math.max(peakLive, entry.afterGC.heapStatistics.usedHeapSize);
  }
  const measurement: MemoryMeasurement = {
    repeat,
    inputBytes: Buffer.byteLength(page, 'utf8'),
    peakHeapBytes: Math.max(0, peakHeap - baseline.heapUsed),
    peakLiveBytes: Math.max(0, peakLive - baseline.heapUsed),
    retainedHeapBytes: Math.max(0, retained - baseline.heapUsed),
    collections: gcStats.statistics.length,
  };
  // Keep the article alive until after the retained measurement.
  if (article.text.length < 0) throw new Error('unreachable');
  process.stdout.write(`${JSON.stringify(measurement)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
