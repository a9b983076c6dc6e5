/**
 * The HTML path timed alone, in a fresh process: newsprint, htmlparser2's `parseDocument` and Readability on
 * linkedom each go over every page in passes of their own (one warm-up pass each, then timed passes, order
 * rotating), as a pipeline that runs only one of them meets the pages. The interleaved table is the race in
 * which load from elsewhere hits all alike, but it charges contenders for one another: the collector runs
 * when the heap fills, on whoever is running then, so part of the parse floor's and Readability's garbage
 * is collected on newsprint's clock; and the peers run between two newsprint calls and leave its caches
 * and compiled code cold. Here each pays for its own garbage and runs warm. Both figures are reported.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { NewsprintBuild } from './speed-contenders.js';
import { REPO_ROOT, type PageSelection } from './speed-pages.js';
import type { PassResult } from './speed-text.js';

/** Timed passes per contender: fewer than the text path's five, as Readability's passes take five seconds and more each, and each follows a settling pass. */
export const DEFAULT_ALONE_PASSES = 3;

export interface AloneChildJob {
  build: NewsprintBuild;
  root: string;
  /** The same selection as the interleaved run: `loadPages` picks the same pages from it. */
  selection: PageSelection;
  passes: number;
}

export interface AloneChildResult {
  pages: number;
  results: { label: string; summary: PassResult['summary']; errorKinds: [string, number][] }[];
}

const execFileAsync = promisify(execFile);

/** Runs speed-alone-child.ts on the pages of `selection` and returns its rows: newsprint's, the parse floor's, Readability's. */
export async function timeHtmlAloneInChild(
  build: NewsprintBuild,
  root: string,
  selection: PageSelection,
  passes: number,
): Promise<{ pages: number; results: PassResult[] }> {
  const dir = mkdtempSync(join(tmpdir(), 'newsprint-bench-alone-'));
  try {
    const jobFile = join(dir, 'job.json');
    const job: AloneChildJob = { build, root, selection: { datasets: [...selection.datasets], limit: selection.limit }, passes };
    writeFileSync(jobFile, JSON.stringify(job));
    const child = join(REPO_ROOT, 'bench', 'lib', 'speed-alone-child.ts');
    const { stdout } = await execFileAsync(process.execPath, ['--expose-gc', '--import', 'tsx', child, jobFile], { cwd: REPO_ROOT, maxBuffer: 1 << 24 });
    const out = JSON.parse(stdout.trim()) as AloneChildResult;
    return { pages: out.pages, results: out.results.map((r) => ({ label: r.label, summary: r.summary, errorKinds: new Map(r.errorKinds) })) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
