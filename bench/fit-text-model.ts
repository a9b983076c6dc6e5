/**
 * Fits the text path's learned stages (src/extract/text-model.ts), boosted trees over each block's features, on the
 * text renderings of the two datasets whose annotations allow fitting (`readability`, `trafilatura-eval`), and
 * writes them to src/rules/text-prior-trees.ts and src/rules/text-model-trees.ts. The other datasets stay for
 * measuring whether the fit generalises (`npm run eval -- --input text`).
 *
 *   npm run fit:text-model                 fit both stages on every page and write them
 *   npm run fit:text-model -- --folds 5    out-of-fold figures only: each page scored by trees fitted without it
 *
 * The prior is fitted first, on shapes alone; the reviser after it, on the verdicts the rules reach with that prior.
 * Labels: a `readability` block is article text when its tokens appear in the truth body (as a run for short
 * blocks, by 4-token shingles for long ones) and boilerplate when they do not; a `trafilatura-eval` block is
 * article text when it holds a `with` snippet and boilerplate when it holds a `without` one; other blocks carry no
 * label. Weights follow the metrics: each snippet counts once in trafilatura-eval's sums, and a body page's blocks
 * share one page's worth by their tokens, since body F1 averages pages.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { FIT_DATASETS, REPO_ROOT, readTextRendering, readTruth, resolveDatasetsDir, type TruthRecord } from './lib/datasets.js';
import { foldOf } from './lib/folds.js';
import {
  aggregateBody,
  aggregateSnippets,
  collapseWhitespace,
  scoreBodyPage,
  scoreSnippetPage,
  shingleCounts,
  tokenize,
  type BodyPageScore,
  type SnippetCounts,
} from './lib/metrics.js';
import { extract } from '../src/index.js';
import { resolveOptions } from '../src/options.js';
import { segmentText } from '../src/extract/segment-text.js';
import { computeFeatures } from '../src/extract/features.js';
import { classifyBlocks } from '../src/extract/classify.js';
import { selectRegion } from '../src/extract/select.js';
import { TEXT_MODEL_FEATURES, TextModelRows, useTextTrees, type TreeEnsemble } from '../src/extract/text-model.js';

const HELP = `Usage: npm run fit:text-model -- [options]

  --folds K          only report out-of-fold figures over K folds (no files written)
  --rounds N         boosting rounds per stage (default 120)
  --depth D          tree depth (default 3)
  --rate R           learning rate (default 0.1)
  --snippet-weight W weight of a trafilatura-eval snippet label (default 3)
  --drop-margin M    the reviser drops kept blocks below these log-odds (default -0.5)
  --keep-margin M    the reviser keeps dropped edge blocks above these log-odds (default 1)
  --data DIR         datasets folder
  --dry-run          fit but write nothing
`;

/** Blocks shorter than this many tokens are labelled by an exact run in the truth; longer ones by shingle share. */
const SHORT_BLOCK_TOKENS = 8;
/** Shingle shares at or above this are article text, at or below the other boilerplate; between, no label. */
const ARTICLE_SHARE = 0.5;
const BOILERPLATE_SHARE = 0.2;
/** What one `readability` page weighs, in snippets: its 121 article pages then weigh about what trafilatura-eval's 6,000 labelled blocks do. */
const BODY_PAGE_WEIGHT = 50;
/** Histogram bins per feature: enough for the thresholds that matter, few enough for a quick fit. */
const BINS = 32;
/** L2 penalty on leaf values (XGBoost's lambda): keeps leaves fitted to few blocks small. */
const LEAF_L2 = 1;
/** A split leaves at least this much hessian on either side. */
const MIN_CHILD_HESSIAN = 1;

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    data: { type: 'string' },
    folds: { type: 'string', default: '0' },
    rounds: { type: 'string', default: '120' },
    depth: { type: 'string', default: '3' },
    rate: { type: 'string', default: '0.1' },
    'snippet-weight': { type: 'string', default: '3' },
    'drop-margin': { type: 'string', default: '-0.5' },
    'keep-margin': { type: 'string', default: '1' },
    'dry-run': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const ROUNDS = Number(values.rounds);
const DEPTH = Number(values.depth);
const RATE = Number(values.rate);
const SNIPPET_WEIGHT = Number(values['snippet-weight']);
const DROP_MARGIN = Number(values['drop-margin']);
const KEEP_MARGIN = Number(values['keep-margin']);

interface Sample {
  row: Float64Array;
  label: number;
  weight: number;
}

/** A fit page: its truth, its rendering, and what the rules' stages made of it before any trees. */
interface Page {
  dataset: string;
  record: TruthRecord;
  text: string;
  stages: { seg: ReturnType<typeof segmentText>; features: ReturnType<typeof computeFeatures>; classified: ReturnType<typeof classifyBlocks> } | null;
  /** Per block: 1 article text, 0 boilerplate, -1 no label; and its weight. */
  labels: Int8Array;
  weights: Float64Array;
}

function blockLabel(record: TruthRecord, dataset: string, text: string, truthTokens: string, truthShingles: Map<string, number> | null): number {
  if (dataset === 'trafilatura-eval') {
    const block = collapseWhitespace(text);
    if (record.with.some((s) => block.includes(collapseWhitespace(s)))) return 1;
    if (record.without.some((s) => block.includes(collapseWhitespace(s)))) return 0;
    return -1;
  }
  const tokens = tokenize(text);
  if (tokens.length === 0) return -1;
  if (tokens.length < SHORT_BLOCK_TOKENS) return truthTokens.includes(` ${tokens.join(' ')} `) ? 1 : 0;
  let found = 0;
  let total = 0;
  for (const [s, c] of shingleCounts(tokens)) {
    total += c;
    if (truthShingles!.has(s)) found += c;
  }
  const share = found / total;
  return share >= ARTICLE_SHARE ? 1 : share <= BOILERPLATE_SHARE ? 0 : -1;
}

async function loadPages(dir: string): Promise<Page[]> {
  const options = resolveOptions({ format: 'text' });
  const pages: Page[] = [];
  for (const dataset of FIT_DATASETS) {
    for await (const record of readTruth(dir, dataset)) {
      if (dataset === 'readability' && record.body === null) continue;
      if (dataset === 'trafilatura-eval' && record.with.length + record.without.length === 0) continue;
      const text = readTextRendering(dir, dataset, record.id);
      if (text === null || text.trim() === '') continue;
      let stages: Page['stages'] = null;
      try {
        const seg = segmentText(text, options);
        const features = computeFeatures(seg.blocks);
        stages = { seg, features, classified: classifyBlocks(seg.blocks, features) };
      } catch {
        // Scored as the evaluation scores it, but no labels.
      }
      const blocks = stages?.seg.blocks ?? [];
      const labels = new Int8Array(blocks.length).fill(-1);
      const weights = new Float64Array(blocks.length);
      // Pages the dataset marks as no article teach nothing about article text.
      if (record.readerable !== false) {
        const truthTokenList = record.body === null ? [] : tokenize(record.body);
        const truthTokens = ` ${truthTokenList.join(' ')} `;
        const truthShingles = record.body === null ? null : shingleCounts(truthTokenList);
        for (let i = 0; i < blocks.length; i++) {
          labels[i] = blockLabel(record, dataset, blocks[i]!.text, truthTokens, truthShingles);
          weights[i] =
            dataset === 'trafilatura-eval' ? SNIPPET_WEIGHT : (BODY_PAGE_WEIGHT * tokenize(blocks[i]!.text).length) / Math.max(1, truthTokenList.length);
        }
      }
      pages.push({ dataset, record, text, stages, labels, weights });
    }
  }
  return pages;
}

/** The labelled rows of these pages: the prior's (verdict slots blank), or the reviser's with the given prior in use. */
function samplesOf(pages: readonly Page[], stage: 'prior' | 'reviser', prior: TreeEnsemble | null): Sample[] {
  const samples: Sample[] = [];
  useTextTrees(prior, null);
  for (const page of pages) {
    if (page.stages === null) continue;
    const { seg, features, classified } = page.stages;
    const rows = new TextModelRows(seg.blocks, features, classified);
    if (stage === 'prior') rows.fillVerdicts(null);
    else rows.fillVerdicts(selectRegion(seg, features, classified, rows.prior()).verdicts);
    for (let i = 0; i < seg.blocks.length; i++) {
      if (page.labels[i]! >= 0) samples.push({ row: rows.row(i), label: page.labels[i]!, weight: page.weights[i]! });
    }
  }
  useTextTrees(null, null);
  return samples;
}

/** Per feature, the thresholds between bins (midpoints between quantiles of the distinct values). */
function binEdges(samples: readonly Sample[], feature: number): number[] {
  const vals = samples.map((s) => s.row[feature]!).sort((a, b) => a - b);
  const distinct = [...new Set(vals)];
  if (distinct.length <= BINS) return distinct.slice(0, -1).map((v, i) => (v + distinct[i + 1]!) / 2);
  const edges = new Set<number>();
  for (let q = 1; q < BINS; q++) {
    const v = vals[Math.floor((q * vals.length) / BINS)]!;
    const next = distinct.find((d) => d > v);
    if (next !== undefined) edges.add((v + next) / 2);
  }
  return [...edges].sort((a, b) => a - b);
}

/** Gradient-boosted trees on the logistic loss (second-order leaves, histogram splits), as XGBoost grows them. */
function fitTrees(samples: readonly Sample[]): TreeEnsemble {
  const n = samples.length;
  const width = TEXT_MODEL_FEATURES.length;
  const edges = Array.from({ length: width }, (_, f) => binEdges(samples, f));
  const binned = new Uint8Array(n * width);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < width; f++) {
      const e = edges[f]!;
      const v = samples[i]!.row[f]!;
      let b = 0;
      while (b < e.length && v > e[b]!) b++;
      binned[i * width + f] = b;
    }
  }
  let positive = 0;
  let total = 0;
  for (const s of samples) {
    positive += s.weight * s.label;
    total += s.weight;
  }
  const base = Math.log(positive / (total - positive));
  const margin = new Float64Array(n).fill(base);
  const g = new Float64Array(n);
  const h = new Float64Array(n);
  const trees: TreeEnsemble['trees'] = [];
  const hg = new Float64Array(BINS + 1);
  const hh = new Float64Array(BINS + 1);
  for (let round = 0; round < ROUNDS; round++) {
    for (let i = 0; i < n; i++) {
      const p = 1 / (1 + Math.exp(-margin[i]!));
      const s = samples[i]!;
      g[i] = s.weight * (p - s.label);
      h[i] = s.weight * Math.max(p * (1 - p), 1e-6);
    }
    const tree = { feature: [] as number[], threshold: [] as number[], left: [] as number[], right: [] as number[], value: [] as number[] };
    const grow = (members: Int32Array, depth: number): number => {
      const node = tree.feature.length;
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      let G = 0;
      let H = 0;
      for (const i of members) {
        G += g[i]!;
        H += h[i]!;
      }
      tree.value.push((-G / (H + LEAF_L2)) * RATE);
      if (depth >= DEPTH || members.length < 2) return node;
      const parentScore = (G * G) / (H + LEAF_L2);
      let bestGain = 1e-6;
      let bestFeature = -1;
      let bestBin = -1;
      for (let f = 0; f < width; f++) {
        const e = edges[f]!;
        if (e.length === 0) continue;
        hg.fill(0);
        hh.fill(0);
        for (const i of members) {
          const b = binned[i * width + f]!;
          hg[b] = hg[b]! + g[i]!;
          hh[b] = hh[b]! + h[i]!;
        }
        let GL = 0;
        let HL = 0;
        for (let b = 0; b < e.length; b++) {
          GL += hg[b]!;
          HL += hh[b]!;
          const GR = G - GL;
          const HR = H - HL;
          if (HL < MIN_CHILD_HESSIAN || HR < MIN_CHILD_HESSIAN) continue;
          const gain = (GL * GL) / (HL + LEAF_L2) + (GR * GR) / (HR + LEAF_L2) - parentScore;
          if (gain > bestGain) {
            bestGain = gain;
            bestFeature = f;
            bestBin = b;
          }
        }
      }
      if (bestFeature < 0) return node;
      const left: number[] = [];
      const right: number[] = [];
      for (const i of members) (binned[i * width + bestFeature]! <= bestBin ? left : right).push(i);
      tree.feature[node] = bestFeature;
      tree.threshold[node] = edges[bestFeature]![bestBin]!;
      tree.left[node] = grow(Int32Array.from(left), depth + 1);
      tree.right[node] = grow(Int32Array.from(right), depth + 1);
      return node;
    };
    grow(Int32Array.from({ length: n }, (_, i) => i), 0);
    for (let i = 0; i < n; i++) {
      let j = 0;
      while (tree.feature[j]! >= 0) j = samples[i]!.row[tree.feature[j]!]! <= tree.threshold[j]! ? tree.left[j]! : tree.right[j]!;
      margin[i] = margin[i]! + tree.value[j]!;
    }
    trees.push(heapOrder(tree));
  }
  return { features: TEXT_MODEL_FEATURES, dropMargin: DROP_MARGIN, keepMargin: KEEP_MARGIN, base, trees };
}

/** A grown tree (explicit child indexes) in the heap order the library walks: children of `j` at `2j + 1`, `2j + 2`. */
function heapOrder(tree: { feature: number[]; threshold: number[]; left: number[]; right: number[]; value: number[] }): TreeEnsemble['trees'][number] {
  const size = 2 ** (DEPTH + 1) - 1;
  const out = { feature: new Array<number>(size).fill(-1), threshold: new Array<number>(size).fill(0), value: new Array<number>(size).fill(0) };
  let used = 0;
  const place = (node: number, at: number): void => {
    used = Math.max(used, at + 1);
    out.feature[at] = tree.feature[node]!;
    if (tree.feature[node]! < 0) {
      out.value[at] = round5(tree.value[node]!);
      return;
    }
    out.threshold[at] = significant(tree.threshold[node]!);
    place(tree.left[node]!, 2 * at + 1);
    place(tree.right[node]!, 2 * at + 2);
  };
  place(0, 0);
  return { feature: out.feature.slice(0, used), threshold: out.threshold.slice(0, used), value: out.value.slice(0, used) };
}

/** Both stages, the reviser fitted on the verdicts the rules reach with the fitted prior. */
function fitStages(pages: readonly Page[]): { prior: TreeEnsemble; reviser: TreeEnsemble; samples: number } {
  const priorSamples = samplesOf(pages, 'prior', null);
  const prior = fitTrees(priorSamples);
  return { prior, reviser: fitTrees(samplesOf(pages, 'reviser', prior)), samples: priorSamples.length };
}

/** The fit datasets' figures as the evaluation computes them, with the trees now in use. */
function score(pages: readonly Page[], trees: (page: Page) => void): { readability: number; traf: number } {
  const body: BodyPageScore[] = [];
  const snippets: SnippetCounts[] = [];
  for (const page of pages) {
    trees(page);
    let prediction = '';
    try {
      prediction = extract(page.text, { format: 'text' }).text;
    } catch {
      // An empty prediction, as the evaluation scores a failure.
    }
    if (page.dataset === 'readability') body.push(scoreBodyPage(page.record.body!, prediction));
    else snippets.push(scoreSnippetPage(prediction, page.record.with, page.record.without));
  }
  useTextTrees(null, null);
  return { readability: aggregateBody(body).f1, traf: aggregateSnippets(snippets).f1 };
}

function round5(x: number): number {
  return Math.round(x * 1e5) / 1e5;
}

/** Thresholds sit between two distinct feature values: five significant digits keep them there, in fewer characters. */
function significant(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(5));
}

function render(name: string, model: TreeEnsemble, samples: number, what: string): string {
  const trees = model.trees.map(
    (t) =>
      `    { feature: [${t.feature.join(',')}], threshold: [${t.threshold.join(',')}], value: [${t.value.join(',')}] },`,
  );
  return [
    '// Generated by bench/fit-text-model.ts (npm run fit:text-model) from the text renderings of `readability` and',
    '// `trafilatura-eval`; do not edit by hand.',
    `// ${what}: ${model.trees.length} trees of depth ≤ ${DEPTH}, learning rate ${RATE}, ${samples} labelled blocks.`,
    "import type { TreeEnsemble } from '../extract/text-model.js';",
    '',
    `export const ${name}: TreeEnsemble = {`,
    `  features: ${JSON.stringify(model.features)},`,
    `  dropMargin: ${model.dropMargin},`,
    `  keepMargin: ${model.keepMargin},`,
    `  base: ${round5(model.base)},`,
    '  trees: [',
    ...trees,
    '  ],',
    '};',
    '',
  ].join('\n');
}

const EMPTY: TreeEnsemble = { features: TEXT_MODEL_FEATURES, dropMargin: 0, keepMargin: 0, base: 0, trees: [] };
const dir = resolveDatasetsDir(values.data ?? null, process.env);
const pages = await loadPages(dir);
console.error(`${pages.length} pages, ${pages.reduce((n, p) => n + p.labels.filter((l) => l >= 0).length, 0)} labelled blocks`);
const folds = Number(values.folds);
const fmt = (r: { readability: number; traf: number }): string => `readability body F1 ${r.readability.toFixed(4)}, trafilatura-eval snippet F1 ${r.traf.toFixed(4)}`;
if (folds > 1) {
  console.log(`rules alone:            ${fmt(score(pages, () => useTextTrees(EMPTY, EMPTY)))}`);
  const fitted = Array.from({ length: folds }, (_, k) => fitStages(pages.filter((p) => foldOf(p.record.id, folds) !== k)));
  const fold = (page: Page) => fitted[foldOf(page.record.id, folds)]!;
  console.log(`out of fold, prior:     ${fmt(score(pages, (p) => useTextTrees(fold(p).prior, EMPTY)))}`);
  console.log(`out of fold, both:      ${fmt(score(pages, (p) => useTextTrees(fold(p).prior, fold(p).reviser)))}`);
} else {
  const { prior, reviser, samples } = fitStages(pages);
  if (!values['dry-run']) {
    const rules = join(REPO_ROOT, 'src', 'rules');
    writeFileSync(join(rules, 'text-prior-trees.ts'), render('TEXT_PRIOR', prior, samples, 'the prior (block shapes only)'));
    writeFileSync(join(rules, 'text-model-trees.ts'), render('TEXT_MODEL', reviser, samples, 'the reviser (block shapes and the rules\' verdicts)'));
    console.error('wrote src/rules/text-prior-trees.ts and src/rules/text-model-trees.ts');
  }
  console.log(`in sample (fitted on these pages): ${fmt(score(pages, () => useTextTrees(prior, reviser)))}`);
}
