/**
 * Times newsprint's HTML path, htmlparser2's `parseDocument`, Readability on linkedom, and newsprint without the
 * Readability vote and with the vote on its own DOM, each alone, in a fresh process (see speed-alone.ts).
 * Spawned by speed.ts as
 *   node --expose-gc --import tsx bench/lib/speed-alone-child.ts <job.json>
 * and prints one JSON line ({@link AloneChildResult}).
 */
import { readFileSync } from 'node:fs';
import type { AloneChildJob, AloneChildResult } from './speed-alone.js';
import { htmlparser2Document, loadNewsprint, readabilityOnLinkedom } from './speed-contenders.js';
import { loadPages, type BenchPage } from './speed-pages.js';
import { timePasses, type PassRunner } from './speed-text.js';

async function main(): Promise<void> {
  const jobFile = process.argv[2];
  if (jobFile === undefined) throw new Error('usage: node --expose-gc --import tsx speed-alone-child.ts <job.json>');
  const job = JSON.parse(readFileSync(jobFile, 'utf8')) as AloneChildJob;
  const module = await loadNewsprint(job.build);
  if (typeof module === 'string') throw new Error(module);
  const pages = loadPages(job.root, job.selection);
  const runners: PassRunner<BenchPage>[] = [
    // The same call as the interleaved newsprint row.
    { label: `newsprint (${job.build.label})`, run: (page) => module.extract(page.html, { url: page.url, format: 'html' }) },
    { label: htmlparser2Document.name, run: (page) => htmlparser2Document.run(page) },
    { label: readabilityOnLinkedom.name, run: (page) => readabilityOnLinkedom.run(page) },
    // What a pipeline that opts out of the Readability vote gets; the ratios stay with the default row above.
    {
      label: `newsprint (${job.build.label}), readabilityFallback: false`,
      run: (page) => module.extract(page.html, { url: page.url, format: 'html', readabilityFallback: false }),
    },
  ];
  // The vote kept, on newsprint's own DOM instead of linkedom's; left out for an older build without the option.
  if (module.DEFAULT_OPTIONS !== undefined && 'readabilityDom' in module.DEFAULT_OPTIONS) {
    runners.push({
      label: `newsprint (${job.build.label}), readabilityDom: 'builtin'`,
      run: (page) => module.extract(page.html, { url: page.url, format: 'html', readabilityDom: 'builtin' }),
    });
  }
  const results = timePasses(runners, pages, { passes: job.passes, onProgress: (label) => process.stderr.write(`  alone: ${label}\n`) });
  const out: AloneChildResult = {
    pages: pages.length,
    results: results.map((r) => ({ label: r.label, summary: r.summary, errorKinds: [...r.errorKinds] })),
  };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
