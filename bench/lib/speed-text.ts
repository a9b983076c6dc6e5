/**
 * Times the text path, `extract(text, { format: 'text' })`, on the datasets' text renderings: one untimed
 * warm-up pass over every rendering, then several timed passes, for each newsprint build asked for.
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
import { summarisePasses, type TimingSummary } from './speed-stats.js';

/**
 * Timed passes by default: the first two after the warm-up pass still run 20–40% slow while V8 settles (300
 * renderings: 1.71, 1.54, then 0.94–1.23 s), so the median of five is a settled pass, with one disturbed pass to spare.
 */
export const DEFAULT_TEXT_PASSES = 5;

export interface TextBuild {
  label: string;
  module: NewsprintModule;
}

export interface TextResult {
  label: string;
  summary: TimingSummary;
  errorKinds: Map<string, number>;
}

export interface TextTimingOptions {
  passes: number;
  onProgress?: (label: string) => void;
}

/** One pass over every rendering; returns each page's time and the errors it raised. */
function pass(module: NewsprintModule, texts: readonly BenchText[]): { times: number[]; errors: unknown[] } {
  const times: number[] = [];
  const errors: unknown[] = [];
  for (const item of texts) {
    const start = performance.now();
    try {
      module.extract(item.text, { format: 'text' });
    } catch (error) {
      errors.push(error);
    }
    times.push(performance.now() - start);
  }
  return { times, errors };
}

/**
 * Warm-up pass per build, then `passes` rounds in which every build makes one full pass (the order rotating
 * round by round, so a burst of load elsewhere does not always land on the same build). Garbage is collected,
 * untimed, before every pass so that no pass pays for the previous one's garbage.
 */
export function timeTextPath(builds: readonly TextBuild[], texts: readonly BenchText[], options: TextTimingOptions): TextResult[] {
  const passes = Math.max(1, options.passes);
  const bytes = texts.reduce((sum, item) => sum + item.bytes, 0);
  for (const build of builds) {
    collectGarbage();
    pass(build.module, texts);
    options.onProgress?.(`${build.label} warm-up`);
  }
  const timed = builds.map(() => [] as number[][]);
  const errorKinds = builds.map(() => new Map<string, number>());
  const errorCounts = builds.map(() => 0);
  for (let round = 0; round < passes; round++) {
    for (let k = 0; k < builds.length; k++) {
      const index = (round + k) % builds.length;
      const build = builds[index];
      if (build === undefined) continue;
      collectGarbage();
      const { times, errors } = pass(build.module, texts);
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
      options.onProgress?.(`${build.label} pass ${round + 1}/${passes}: ${(times.reduce((sum, t) => sum + t, 0) / 1000).toFixed(2)} s`);
    }
  }
  return builds.map((build, index) => ({
    label: build.label,
    summary: summarisePasses(timed[index] ?? [], errorCounts[index] ?? 0, bytes),
    errorKinds: errorKinds[index] ?? new Map<string, number>(),
  }));
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
): Promise<{ results: TextResult[]; pages: number; scaling: TextChildResult['scaling'] }> {
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
      scaling: out.scaling,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
