/**
 * Times the text path in a fresh process, so the HTML contenders timed before it (jsdom, linkedom and the
 * others leave their heaps and compiled code behind) do not slow it: a run timing newsprint alone read
 * 2.39 MB/s where the same pass after every peer read 1.68. The text path's scaling rows are timed here
 * too, after the renderings. Spawned by speed.ts as
 *   node --expose-gc --import tsx bench/lib/speed-text-child.ts <job.json>
 * and prints one JSON line ({@link TextChildResult}).
 */
import { readFileSync } from 'node:fs';
import { loadNewsprint, type NewsprintBuild } from './speed-contenders.js';
import { loadTexts } from './speed-pages.js';
import { textStageTimings, timeTextPath, type TextBuild, type TextStages } from './speed-text.js';
import type { TimingSummary } from './speed-stats.js';
import { measureScaling, type ScalingRow } from './speed-scaling.js';

export interface TextChildJob {
  builds: NewsprintBuild[];
  /** The datasets directory and the pages whose renderings are timed. */
  root: string;
  pages: { dataset: string; id: string }[];
  passes: number;
  /** Body repeats for the text scaling rows, measured with the first build; empty for none. */
  scalingRepeats: number[];
}

export interface TextChildResult {
  pages: number;
  results: { label: string; summary: TimingSummary; errorKinds: [string, number][] }[];
  /** The first build's stage timings, from passes after the timed ones; null without renderings. */
  stages: TextStages | null;
  /** The text scaling rows, or why they are missing. */
  scaling: ScalingRow[] | { skipped: string };
}

async function main(): Promise<void> {
  const jobFile = process.argv[2];
  if (jobFile === undefined) throw new Error('usage: node --expose-gc --import tsx speed-text-child.ts <job.json>');
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as TextChildJob;
  const builds: TextBuild[] = [];
  for (const build of job.builds) {
    const module = await loadNewsprint(build);
    if (typeof module === 'string') throw new Error(module);
    builds.push({ label: `newsprint (${build.label})`, module });
  }
  const texts = loadTexts(job.root, job.pages);
  const results =
    texts.length === 0 ? [] : timeTextPath(builds, texts, { passes: job.passes, floor: true, onProgress: (label) => process.stderr.write(`  text: ${label}\n`) });
  const first = job.builds[0];
  const firstModule = builds[0]?.module;
  const stages = texts.length === 0 || firstModule === undefined ? null : textStageTimings(firstModule, texts);
  let scaling: TextChildResult['scaling'] = { skipped: 'not asked for' };
  if (job.scalingRepeats.length > 0 && first !== undefined && firstModule !== undefined) {
    try {
      scaling = await measureScaling(firstModule, first, job.scalingRepeats, 'text');
    } catch (error) {
      scaling = { skipped: `failed: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  const out: TextChildResult = {
    pages: texts.length,
    results: results.map((r) => ({ label: r.label, summary: r.summary, errorKinds: [...r.errorKinds] })),
    stages,
    scaling,
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
