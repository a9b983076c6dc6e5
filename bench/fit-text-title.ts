/**
 * Fits the weights that choose a plain-text page's title (src/extract/metadata/text-title.ts) on the text renderings
 * of the two datasets whose annotations allow fitting (`readability`, `trafilatura-eval`), and writes them to
 * src/rules/text-title-weights.ts. The other datasets stay for measuring whether the fit generalises
 * (`npm run eval -- --metadata --input text`).
 *
 *   npm run fit:text-title                 fit on every page and write the weights
 *   npm run fit:text-title -- --folds 5    out-of-fold figures only: each page chosen by weights fitted without it
 *
 * The model is a conditional logit: on each page, the candidates' scores (a weighted sum of their features) compete in
 * a softmax with an "abstain" option, whose score is fitted too. A candidate is right when its text is the dataset's
 * title (whitespace collapsed, as the metadata evaluation compares). Pages where no candidate is right teach the
 * abstain score only when the page's other title source (the segmenter's headline) is right; elsewhere abstaining
 * and a wrong pick are alike to the evaluation.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FIT_DATASETS, REPO_ROOT, readTextRendering, readTruth, resolveDatasetsDir } from './lib/datasets.js';
import { foldOf } from './lib/folds.js';
import { selectedBlocks } from '../src/pipeline.js';
import { TEXT_TITLE_FEATURES, segmenterTitle, textTitleCandidates, textTitleScore, type TextTitleModel } from '../src/extract/metadata/text-title.js';
import { makeBlock } from '../src/extract/block.js';

/** Scoring reads only a candidate's features; the block it came from is not needed once they are read. */
const PLACEHOLDER_BLOCK = makeBlock({ index: -1, kind: 'paragraph', tag: 'line', text: '' });

const HELP = `Usage: npm run fit:text-title [-- options]

  --data DIR        datasets directory (default: NEWSPRINT_DATASETS or ../shared/datasets)
  --folds N         print out-of-fold accuracy over N folds; write nothing
  --epochs N        gradient steps (default 3000)
  --rate X          step size on the mean gradient per page (default 3)
  --l2 X            L2 penalty on the weights (default 0.0001)
  --dry-run         fit and print, write nothing
  -h, --help        this help
`;

/**
 * Features whose weight may only be negative or zero: a line is never likelier the headline for lying farther from
 * the body. (Unrecognised lines between, counted apart, got a small positive weight from the fit, held at zero that
 * did nothing, and were dropped: with it free, a menu's twentieth line outscored a headline right over its byline.)
 */
const NON_POSITIVE: ReadonlySet<string> = new Set(['hintedDistance']);

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    data: { type: 'string' },
    folds: { type: 'string', default: '0' },
    epochs: { type: 'string', default: '3000' },
    rate: { type: 'string', default: '3' },
    l2: { type: 'string', default: '0.0001' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
/** A number option, or exit with a message: a typo must not write weights of NaN. */
function numberOption(name: string, value: string | undefined, valid: (n: number) => boolean): number {
  const n = Number(value);
  if (value === undefined || value.trim() === '' || !Number.isFinite(n) || !valid(n)) {
    process.stderr.write(`--${name} ${value ?? ''}: not a valid value\n`);
    process.exit(2);
  }
  return n;
}
const EPOCHS = numberOption('epochs', values.epochs, (n) => Number.isInteger(n) && n > 0);
const RATE = numberOption('rate', values.rate, (n) => n > 0);
const L2 = numberOption('l2', values.l2, (n) => n >= 0);
const FOLDS = numberOption('folds', values.folds, (n) => Number.isInteger(n) && n >= 0 && n !== 1);

interface Page {
  id: string;
  dataset: string;
  /** Each candidate's features, and whether its text is the title. */
  candidates: { features: number[]; right: boolean }[];
  /**
   * Whether the segmenter's headline is the title. When the model abstains the page's usual title sources decide,
   * of which on a text page that headline is nearly always the one that answers: the fit takes it for all of them.
   */
  fallbackRight: boolean;
}

const squash = (text: string): string => text.replace(/\s+/g, ' ').trim();

async function loadPages(dir: string): Promise<Page[]> {
  const pages: Page[] = [];
  for (const dataset of FIT_DATASETS) {
    for await (const record of readTruth(dir, dataset)) {
      if (record.title === null || squash(record.title) === '') continue;
      const text = readTextRendering(dir, dataset, record.id);
      if (text === null || text.trim() === '') continue;
      const title = squash(record.title);
      let selected: ReturnType<typeof selectedBlocks>;
      try {
        selected = selectedBlocks(text, { format: 'text' });
      } catch {
        continue;
      }
      const candidates = textTitleCandidates(selected.blocks, selected.bodyIndexes).map((c) => ({ features: c.features, right: squash(c.block.text) === title }));
      const fallback = segmenterTitle(selected.blocks, selected.bodyIndexes);
      pages.push({ id: record.id, dataset, candidates, fallbackRight: fallback !== null && squash(fallback.text) === title });
    }
  }
  return pages;
}

function dot(weights: readonly number[], features: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < weights.length; k++) s += weights[k]! * features[k]!;
  return s;
}

/** Full-batch gradient ascent on the conditional log-likelihood, with an L2 penalty on the weights. */
function fit(pages: readonly Page[]): { weights: number[]; abstain: number } {
  const n = TEXT_TITLE_FEATURES.length;
  const weights = new Array<number>(n).fill(0);
  let abstain = 0;
  const taught = pages.filter((p) => p.candidates.some((c) => c.right) || p.fallbackRight);
  if (taught.length === 0) throw new Error('no page teaches the model: no fit page has its title among the candidates');
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    const gradient = new Array<number>(n).fill(0);
    let abstainGradient = 0;
    for (const page of taught) {
      const scores = page.candidates.map((c) => dot(weights, c.features));
      const top = Math.max(abstain, ...scores);
      const exps = scores.map((s) => Math.exp(s - top));
      const abstainExp = Math.exp(abstain - top);
      const total = exps.reduce((a, b) => a + b, abstainExp);
      const rightCount = page.candidates.filter((c) => c.right).length;
      page.candidates.forEach((c, i) => {
        const target = rightCount > 0 && c.right ? 1 / rightCount : 0;
        const diff = target - exps[i]! / total;
        for (let k = 0; k < n; k++) gradient[k]! += diff * c.features[k]!;
      });
      abstainGradient += (rightCount > 0 ? 0 : 1) - abstainExp / total;
    }
    for (let k = 0; k < n; k++) {
      weights[k] = weights[k]! + RATE * (gradient[k]! / taught.length - L2 * weights[k]!);
      if (NON_POSITIVE.has(TEXT_TITLE_FEATURES[k]!) && weights[k]! > 0) weights[k] = 0;
    }
    abstain += (RATE * abstainGradient) / taught.length;
  }
  return { weights, abstain };
}

/** Share of pages whose chosen title is the dataset's: the best candidate, or the fallback when the model abstains. */
function accuracy(pages: readonly Page[], model: (page: Page) => { weights: number[]; abstain: number }): number {
  let right = 0;
  for (const page of pages) {
    const fitted = named(model(page));
    let best: Page['candidates'][number] | null = null;
    let bestScore = fitted.abstain;
    for (const c of page.candidates) {
      // Scored as the shipped chooser scores, through the same function.
      const s = textTitleScore({ block: PLACEHOLDER_BLOCK, features: c.features }, fitted);
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    if (best === null ? page.fallbackRight : best.right) right++;
  }
  return pages.length === 0 ? 0 : right / pages.length;
}

const round = (x: number): number => Math.round(x * 100) / 100;

/** The weights as the shipped file holds them: by feature name, to two places. */
function named(model: { weights: number[]; abstain: number }): TextTitleModel {
  return {
    weights: Object.fromEntries(TEXT_TITLE_FEATURES.map((name, k) => [name, round(model.weights[k]!)])) as TextTitleModel['weights'],
    abstain: round(model.abstain),
  };
}

function render(model: { weights: number[]; abstain: number }, pages: number): string {
  const rounded = named(model);
  return [
    '// Generated by bench/fit-text-title.ts (npm run fit:text-title) from the text renderings of `readability` and',
    `// \`trafilatura-eval\` (${pages} pages with a title); do not edit by hand.`,
    "import type { TextTitleModel } from '../extract/metadata/text-title.js';",
    '',
    'export const TEXT_TITLE_MODEL: TextTitleModel = {',
    '  weights: {',
    ...TEXT_TITLE_FEATURES.map((name) => `    ${name}: ${rounded.weights[name]},`),
    '  },',
    `  abstain: ${rounded.abstain},`,
    '};',
    '',
  ].join('\n');
}

const dir = resolveDatasetsDir(values.data ?? null, process.env);
const pages = await loadPages(dir);
console.error(`${pages.length} pages with a title; the title is a candidate on ${pages.filter((p) => p.candidates.some((c) => c.right)).length}`);
const byDataset = (model: (page: Page) => { weights: number[]; abstain: number }): string =>
  FIT_DATASETS.map((d) => `${d} ${accuracy(pages.filter((p) => p.dataset === d), model).toFixed(4)}`).join(', ');
const folds = FOLDS;
if (folds > 1) {
  const fitted = Array.from({ length: folds }, (_, k) => fit(pages.filter((p) => foldOf(p.id, folds) !== k)));
  console.log(`out of fold: ${byDataset((p) => fitted[foldOf(p.id, folds)]!)}`);
} else {
  const model = fit(pages);
  if (!values['dry-run']) {
    writeFileSync(join(REPO_ROOT, 'src', 'rules', 'text-title-weights.ts'), render(model, pages.length));
    console.error('wrote src/rules/text-title-weights.ts');
  }
  console.log(`in sample (fitted on these pages): ${byDataset(() => model)}`);
  console.log(TEXT_TITLE_FEATURES.map((name, k) => `${name} ${round(model.weights[k]!)}`).join(', ') + `, abstain ${round(model.abstain)}`);
}
