/**
 * Long-run memory: 10,000 extractions in one process, heap used after a full GC sampled every
 * 1,000; then the peak RSS of one 50 MB page. Writes a section of docs/robustness.md.
 *
 *   node --expose-gc --import tsx bench/memory.ts              invented pages
 *   node --expose-gc --import tsx bench/memory.ts --datasets   cycle over dataset pages (NEWSPRINT_DATASETS or ../shared/datasets)
 *   options: --runs N (default 10000), --every N (default 1000), --skip-50mb, --dry-run
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { extract } from '../src/index.js';
import { NewsprintError } from '../src/errors.js';
import { runCaseInChild, writeDocSection } from './robustness.js';
import { caseNamed } from '../test/adversarial/generate.js';

const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Dataset pages cycled over: enough variety to touch every code path, few enough to load once. */
const DATASET_PAGES = 300;

function argument(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : NaN;
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

/** Invented pages of a few shapes; the index varies the text so no two consecutive inputs are the same string. */
function inventedPage(i: number): string {
  const sentence = `Story ${i}: the harbour council voted on Tuesday to add ${i % 7} evening ferry crossings from May, after years of requests. `;
  const shapes = [
    () => `<!doctype html><html lang="en"><head><title>Ferry vote ${i}</title><meta name="author" content="Jane Doe"><meta property="article:published_time" content="2024-05-0${(i % 9) + 1}T10:00:00Z"></head><body><nav><a href="/">Home</a><a href="/world">World</a></nav><article><h1>Ferry vote ${i}</h1><p class="byline">By Jane Doe</p>${`<p>${sentence.repeat(3)}</p>`.repeat(8)}<figure><img src="/img/${i}.jpg" alt="A ferry"><figcaption>The ferry at dusk.</figcaption></figure></article><aside class="related"><h2>Related</h2><ul>${'<li><a href="/world/other.html">Other story headline</a></li>'.repeat(5)}</ul></aside><footer>Copyright 2024</footer></body></html>`,
    () => `<html><body><div id="main"><div class="entry-content"><h2>Section ${i}</h2>${`<p>${sentence.repeat(2)}</p>`.repeat(12)}<ul><li>${sentence}</li><li>${sentence}</li></ul><table><tr><th>Route</th><th>Time</th></tr><tr><td>North</td><td>18:00</td></tr></table></div><div class="comments">${'<p>Great article!</p>'.repeat(10)}</div></div></body></html>`,
    () => `Ferry vote ${i}\n\nBy Jane Doe\n\n${`${sentence.repeat(3)}\n\n`.repeat(10)}Related stories\n* Other headline one\n* Other headline two\n`,
  ];
  return shapes[i % shapes.length]!();
}

function datasetPages(): string[] {
  const root = resolve(REPO_ROOT, process.env['NEWSPRINT_DATASETS'] ?? join('..', 'shared', 'datasets'));
  const dir = join(root, 'readability', 'html');
  if (!existsSync(dir)) throw new Error(`--datasets: no dataset pages under ${dir}; set NEWSPRINT_DATASETS`);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.html.gz'))
    .sort()
    .slice(0, DATASET_PAGES)
    .map((f) => new TextDecoder().decode(gunzipSync(readFileSync(join(dir, f)))));
}

const mb = (bytes: number): number => Math.round((bytes / (1024 * 1024)) * 10) / 10;

function main(): void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('run with --expose-gc: node --expose-gc --import tsx bench/memory.ts');
  const runs = argument('--runs', 10_000);
  const every = argument('--every', 1_000);
  const useDatasets = process.argv.includes('--datasets');
  const pages = useDatasets ? datasetPages() : null;
  const input = (i: number): string => (pages === null ? inventedPage(i) : pages[i % pages.length]!);

  const samples: { after: number; heapMb: number; rssMb: number }[] = [];
  const sample = (after: number): void => {
    gc();
    gc();
    const usage = process.memoryUsage();
    samples.push({ after, heapMb: mb(usage.heapUsed), rssMb: mb(usage.rss) });
    process.stderr.write(`after ${after}: heap ${mb(usage.heapUsed)} MB, rss ${mb(usage.rss)} MB\n`);
  };

  let articles = 0;
  let errors = 0;
  const started = performance.now();
  sample(0);
  for (let i = 0; i < runs; i++) {
    try {
      extract(input(i), { url: `https://news.example/world/story-${i}.html` });
      articles++;
    } catch (error) {
      if (!(error instanceof NewsprintError)) throw error;
      errors++;
    }
    if ((i + 1) % every === 0) sample(i + 1);
  }
  const seconds = (performance.now() - started) / 1000;

  // The first interval warms caches (compiled code, interned strings); growth is measured from there.
  const warm = samples[1] ?? samples[0]!;
  const last = samples[samples.length - 1]!;
  const growth = Math.round((last.heapMb - warm.heapMb) * 10) / 10;

  const big = process.argv.includes('--skip-50mb') ? null : runCaseInChild('page-50mb', caseNamed('page-50mb').what);

  const source = useDatasets ? `${pages!.length} dataset pages (readability) cycled` : 'three invented page shapes (two HTML, one plain text) cycled';
  const table = ['| extractions | heap used after GC | RSS |', '|---:|---:|---:|', ...samples.map((s) => `| ${s.after.toLocaleString('en-US')} | ${s.heapMb} MB | ${s.rssMb} MB |`)].join('\n');
  const body = [
    `Measured ${new Date().toISOString().slice(0, 10)} with \`node --expose-gc --import tsx bench/memory.ts ${process.argv.slice(2).join(' ')}\` (Node ${process.version}): ${runs.toLocaleString('en-US')} extractions of ${source} in one process, ${articles.toLocaleString('en-US')} articles and ${errors.toLocaleString('en-US')} typed errors, ${seconds.toFixed(0)} s.${useDatasets ? ' The heap includes the decoded pages, held for the whole run.' : ''}`,
    '',
    `**Heap growth from ${warm.after.toLocaleString('en-US')} to ${last.after.toLocaleString('en-US')} extractions: ${growth} MB** (heap used after two full GCs).`,
    '',
    table,
    '',
    big === null
      ? 'Peak RSS on the 50 MB page: not measured in this run (--skip-50mb).'
      : `**Peak RSS on the 49.9 MB page** (\`page-50mb\`, own process): ${Math.round(big.peakRssMb)} MB; outcome ${big.outcome} in ${Math.round(big.ms).toLocaleString('en-US')} ms.`,
  ].join('\n');
  if (process.argv.includes('--dry-run')) process.stdout.write(`${body}\n`);
  else writeDocSection(useDatasets ? 'memory-datasets' : 'memory', body);
}

main();
