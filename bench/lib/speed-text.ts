/**
 * Times the text path, `extract(text, { format: 'text' })`, on the datasets' text renderings: one untimed
 * warm-up pass over every rendering, then several timed passes, for each newsprint build asked for. The pass
 * timer, {@link timePasses}, also serves the HTML contenders timed alone (speed-alone.ts).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { describeError, type NewsprintBuild, type NewsprintModule } from './speed-contenders.js';
import { REPO_ROOT, type BenchText } from './speed-pages.js';
import type { TextChildJob, TextChildResult } from './speed-text-child.js';
import { collectGarbage } from './speed-runner.js';
import { median, summarisePasses, type TimingSummary } from './speed-stats.js';

/** Timed passes by default: the median of five leaves two disturbed passes (load from elsewhere) to spare. */
export const DEFAULT_TEXT_PASSES = 5;

export interface TextBuild {
  label: string;
  module: NewsprintModule;
}

export interface PassResult {
  label: string;
  summary: TimingSummary;
  errorKinds: Map<string, number>;
}

export interface PassTimingOptions {
  passes: number;
  onProgress?: (label: string) => void;
}

/** The label of the text path's floor row. */
export const TEXT_FLOOR_LABEL = 'floor: lines cut, spaces collapsed';

/**
 * The text path's floor, as `parseDocument` is the HTML path's: what any text extractor does before it judges
 * anything, each line cut out and its whitespace collapsed, blank lines skipped; it returns the count of lines
 * kept. Timed in the same passes as newsprint, it reads the machine's own speed, so the text path's MB/s can be
 * put against it within one run (the machine's speed moved by half between runs of the same commit).
 */
export function textFloor(text: string): number {
  let kept = 0;
  for (const line of text.split('\n')) {
    if (line.replace(/\s+/g, ' ').trim().length > 0) kept++;
  }
  return kept;
}

/** One thing timed in passes: a newsprint build on the renderings, or (speed-alone.ts) a contender on the pages. */
export interface PassRunner<T> {
  label: string;
  run(item: T): unknown;
}

/** One pass over every item; returns each item's time and the errors it raised. */
function pass<T>(runner: PassRunner<T>, items: readonly T[]): { times: number[]; errors: unknown[] } {
  const times: number[] = [];
  const errors: unknown[] = [];
  for (const item of items) {
    const start = performance.now();
    try {
      runner.run(item);
    } catch (error) {
      errors.push(error);
    }
    times.push(performance.now() - start);
  }
  return { times, errors };
}

/**
 * Warm-up pass per runner, then `passes` rounds in which every runner makes one full pass (the order rotating
 * round by round, so a burst of load elsewhere does not always land on the same runner). Before every timed pass,
 * untimed: garbage is collected, so that no pass pays for another runner's garbage, then the runner makes a settling
 * pass of its own. The pass right after a forced full collection runs slow for every runner, as no pipeline does:
 * on 300 pages, htmlparser2's parseDocument 0.42–0.55 s against 0.32–0.36 s in a run that never forces one,
 * newsprint 1.05–1.45 s against 0.87–1.03 s, Readability on linkedom 5.9–6.2 s against 5.4–5.5 s, the text path
 * about 12% slow. After the settling pass the timed pass reads as the never-forced run (0.33–0.34 and
 * 0.87–0.92 s), with only its own runner's garbage left for it.
 */
export function timePasses<T extends { bytes: number }>(runners: readonly PassRunner<T>[], items: readonly T[], options: PassTimingOptions): PassResult[] {
  const passes = Math.max(1, options.passes);
  const bytes = items.reduce((sum, item) => sum + item.bytes, 0);
  for (const runner of runners) {
    collectGarbage();
    pass(runner, items);
    options.onProgress?.(`${runner.label} warm-up`);
  }
  const timed = runners.map(() => [] as number[][]);
  const errorKinds = runners.map(() => new Map<string, number>());
  const errorCounts = runners.map(() => 0);
  for (let round = 0; round < passes; round++) {
    for (let k = 0; k < runners.length; k++) {
      const index = (round + k) % runners.length;
      const runner = runners[index];
      if (runner === undefined) continue;
      collectGarbage();
      pass(runner, items);
      const { times, errors } = pass(runner, items);
      timed[index]?.push(times);
      // Errors are counted from the first timed pass: extraction is deterministic, later passes repeat them.
      if (round === 0) {
        errorCounts[index] = errors.length;
        const kinds = errorKinds[index];
        for (const error of errors) {
          const kind = describeError(error);
          kinds?.set(kind, (kinds.get(kind) ?? 0) + 1);
        }
      }
      options.onProgress?.(`${runner.label} pass ${round + 1}/${passes}: ${(times.reduce((sum, t) => sum + t, 0) / 1000).toFixed(2)} s`);
    }
  }
  return runners.map((runner, index) => ({
    label: runner.label,
    summary: summarisePasses(timed[index] ?? [], errorCounts[index] ?? 0, bytes),
    errorKinds: errorKinds[index] ?? new Map<string, number>(),
  }));
}

/**
 * {@link timePasses} for newsprint builds on the text renderings, `extract(text, { format: 'text' })`, and, with
 * `floor`, {@link textFloor} as one more runner after them.
 */
export function timeTextPath(builds: readonly TextBuild[], texts: readonly BenchText[], options: PassTimingOptions & { floor?: boolean }): PassResult[] {
  const runners: PassRunner<BenchText>[] = builds.map((build) => ({ label: build.label, run: (item: BenchText) => build.module.extract(item.text, { format: 'text' }) }));
  if (options.floor === true) runners.push({ label: TEXT_FLOOR_LABEL, run: (item: BenchText) => textFloor(item.text) });
  return timePasses(runners, texts, options);
}

/** Where the text path's time goes: `trace.timings` summed by stage over the renderings (see {@link textStageTimings}), and the input's bytes. */
export interface TextStages {
  /** Stage → milliseconds, in the order the trace first names them. */
  stageMs: [string, number][];
  bytes: number;
}

/** Passes the stage table is read from: one pass read a third slow on a busy machine, so each stage takes its median. */
const STAGE_PASSES = 3;

/**
 * More passes of `module` over the renderings, after the timed ones, summing each extraction's `trace.timings` by
 * stage; each stage's figure is its median over {@link STAGE_PASSES} passes. Read apart from the timed passes, so
 * that collecting them costs those nothing.
 */
export function textStageTimings(module: NewsprintModule, texts: readonly BenchText[]): TextStages {
  const passes: Map<string, number>[] = [];
  let bytes = 0;
  for (const item of texts) bytes += item.bytes;
  for (let pass = 0; pass < STAGE_PASSES; pass++) {
    const stageMs = new Map<string, number>();
    for (const item of texts) {
      try {
        const article = module.extract(item.text, { format: 'text' }) as { trace?: { timings?: Record<string, number> } };
        for (const [stage, ms] of Object.entries(article.trace?.timings ?? {})) stageMs.set(stage, (stageMs.get(stage) ?? 0) + ms);
      } catch {
        // A page with no article has no trace to add: its time before the throw is not counted.
      }
    }
    passes.push(stageMs);
  }
  const stages = [...new Set(passes.flatMap((p) => [...p.keys()]))];
  return { stageMs: stages.map((stage) => [stage, median(passes.map((p) => p.get(stage) ?? 0))]), bytes };
}

const execFileAsync = promisify(execFile);

/**
 * {@link timeTextPath} in a fresh process (speed-text-child.ts), on the renderings of `pages`, and the text
 * scaling rows for `scalingRepeats` after it: the text path is timed as a text pipeline runs it, not in a
 * process the HTML contenders have filled.
 */
export async function timeTextPathInChild(
  builds: readonly NewsprintBuild[],
  root: string,
  pages: readonly { dataset: string; id: string }[],
  passes: number,
  scalingRepeats: readonly number[] = [],
): Promise<{ results: PassResult[]; pages: number; stages: TextStages | null; scaling: TextChildResult['scaling'] }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-bench-text-'));
  try {
    const jobFile = join(dir, 'job.json');
    const job: TextChildJob = { builds: [...builds], root, pages: pages.map(({ dataset, id }) => ({ dataset, id })), passes, scalingRepeats: [...scalingRepeats] };
    writeFileSync(jobFile, JSON.stringify(job));
    const child = join(REPO_ROOT, 'bench', 'lib', 'speed-text-child.ts');
    const { stdout } = await execFileAsync(process.execPath, ['--expose-gc', '--import', 'tsx', child, jobFile], {
      cwd: REPO_ROOT,
      maxBuffer: 1 << 24,
    });
    const out = JSON.parse(stdout.trim()) as TextChildResult;
    return {
      pages: out.pages,
      results: out.results.map((r) => ({ label: r.label, summary: r.summary, errorKinds: new Map(r.errorKinds) })),
      stages: out.stages,
      scaling: out.scaling,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
