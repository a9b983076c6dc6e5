/**
 * Tuning aid for the metadata stage: runs `extract` over the tuning datasets (`readability`,
 * `trafilatura-eval`) and prints per-field match rates with the README's metadata rules.
 *
 *   node --import tsx bench/metadata-check.ts [--dataset a,b] [--limit N] [--show title|authors|published|lang] [--input html|text]
 *
 * `--show` lists the pages that miss a field (id, truth, prediction) for reading, never for copying.
 * Skips cleanly when the datasets are absent.
 */
import { parseArgs } from 'node:util';
import { extract } from '../src/index.js';
import { FIT_DATASETS, listDatasets, readHtmlBytes, readTextRendering, readTruth, resolveDatasetsDir } from './lib/datasets.js';
import { addToTally, emptyTally, METADATA_FIELDS, scoreMetadata, tallyRates, type MetadataField } from './lib/metadata-eval.js';

const { values } = parseArgs({
  options: {
    dataset: { type: 'string' },
    limit: { type: 'string' },
    show: { type: 'string' },
    input: { type: 'string', default: 'html' },
    data: { type: 'string' },
  },
});

const dir = resolveDatasetsDir(values.data ?? null, process.env);
const available = new Set(listDatasets(dir));
if (available.size === 0) {
  console.log(`No datasets at ${dir}: nothing to check.`);
  process.exit(0);
}
// Only the fit datasets by default: they are the ones rules may be tuned on.
const wanted: string[] = values.dataset === undefined ? [...FIT_DATASETS] : values.dataset.split(',');
const limit = values.limit === undefined ? Number.POSITIVE_INFINITY : Number(values.limit);
const show = (values.show ?? null) as MetadataField | null;
const input = values.input === 'text' ? 'text' : 'html';

for (const dataset of wanted) {
  if (!available.has(dataset)) {
    console.log(`${dataset}: absent, skipped`);
    continue;
  }
  const tally = emptyTally();
  let pages = 0;
  let failures = 0;
  for await (const truth of readTruth(dir, dataset)) {
    if (pages >= limit) break;
    pages++;
    let predicted = { title: null as string | null, authors: [] as string[], published: null as string | null, lang: null as string | null };
    try {
      if (input === 'text') {
        const text = readTextRendering(dir, dataset, truth.id);
        if (text === null || text.trim().length === 0) continue;
        predicted = extract(text, { url: truth.url, format: 'text', readabilityFallback: false });
      } else {
        predicted = extract(readHtmlBytes(dir, dataset, truth.id), { url: truth.url, readabilityFallback: false });
      }
    } catch (error) {
      failures++;
      predicted = { title: null, authors: [], published: null, lang: null };
      if (show !== null) console.log(`  ${truth.id}: threw ${String(error)}`);
    }
    const score = scoreMetadata(truth, predicted);
    addToTally(tally, score);
    if (show !== null && score[show] === false) {
      const field = show;
      console.log(`  ${truth.id}\n    truth: ${JSON.stringify(truth[field])}\n    got:   ${JSON.stringify(predicted[field])}`);
    }
  }
  const rates = tallyRates(tally);
  const cells = METADATA_FIELDS.map((f) => `${f} ${rates[f] === null ? '—' : rates[f].toFixed(3)} (${tally[f].matched}/${tally[f].scored})`);
  console.log(`${dataset} [${input}] pages ${pages}, failures ${failures}: ${cells.join('  ')}`);
}
