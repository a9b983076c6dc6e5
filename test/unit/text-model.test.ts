import { afterEach, describe, expect, it } from 'vitest';
import { extract, segment } from '../../src/index.js';
import { TEXT_MODEL_FEATURES, TextModelRows, treeMargin, useTextTrees, type TreeEnsemble } from '../../src/extract/text-model.js';
import { TEXT_MODEL } from '../../src/rules/text-model-trees.js';
import { TEXT_PRIOR } from '../../src/rules/text-prior-trees.js';

/** A model of one leaf: every block gets these log-odds. */
function constant(margin: number, dropMargin = -0.5, keepMargin = 1): TreeEnsemble {
  return { features: TEXT_MODEL_FEATURES, dropMargin, keepMargin, base: 0, trees: [{ feature: [-1], threshold: [0], value: [margin] }] };
}
const NONE: TreeEnsemble = { features: TEXT_MODEL_FEATURES, dropMargin: 0, keepMargin: 0, base: 0, trees: [] };

const PAGE = [
  'Home | World | Business | Sport',
  '',
  'Harbour town votes to rebuild its old sea wall',
  '',
  'The council of a small harbour town voted on Tuesday to rebuild the sea wall that has protected its quay for more than a century, after two winters of storms left long cracks in the stone.',
  '',
  'Engineers told the meeting that the work would take three summers and that the harbour would stay open while the wall was rebuilt in sections, one stretch at a time.',
  '',
  'Residents who spoke at the meeting said they were relieved, though several asked how the town would pay its share of the cost once the national grant runs out next year.',
  '',
  'Share this article',
  '',
  'Contact the newsroom at the address on our website.',
].join('\n');

describe('text model', () => {
  afterEach(() => useTextTrees(null, null));

  it('ships trees fitted on the current feature list', () => {
    // Trees index features by position: a feature added or moved without a refit would read the wrong slots.
    expect(TEXT_MODEL.features).toEqual(TEXT_MODEL_FEATURES);
    expect(TEXT_PRIOR.features).toEqual(TEXT_MODEL_FEATURES);
    expect(TEXT_MODEL.trees.length).toBeGreaterThan(0);
    expect(TEXT_PRIOR.trees.length).toBeGreaterThan(0);
  });

  it('walks a tree by its thresholds', () => {
    const words = TEXT_MODEL_FEATURES.indexOf('words');
    const model: TreeEnsemble = {
      ...NONE,
      base: 0.5,
      trees: [{ feature: [words, -1, -1], threshold: [2, 0, 0], value: [0, -1, 3] }],
    };
    const row = new Float64Array(TEXT_MODEL_FEATURES.length);
    row[words] = 1;
    expect(treeMargin(model, row, 0)).toBe(-0.5);
    row[words] = 4;
    expect(treeMargin(model, row, 0)).toBe(3.5);
  });

  /** The walk as the trees are written: from the root, left when the row's value is at most the threshold, to a leaf. */
  function referenceMargin(model: TreeEnsemble, row: Float64Array): number {
    let sum = model.base;
    for (const t of model.trees) {
      let j = 0;
      while (t.feature[j]! >= 0) j = row[t.feature[j]!]! <= t.threshold[j]! ? 2 * j + 1 : 2 * j + 2;
      sum += t.value[j]!;
    }
    return sum;
  }

  it('sums the same leaves as a plain walk, for trees of uneven depth and for the shipped ones', () => {
    const width = TEXT_MODEL_FEATURES.length;
    const uneven: TreeEnsemble = {
      ...NONE,
      base: -0.25,
      trees: [
        // A leaf at depth 1 beside a subtree three deep, and a lone leaf.
        { feature: [0, -1, 1, -1, -1, 2, -1, -1, -1, -1, -1, -1, -1], threshold: [0.5, 0, 1, 0, 0, 0.25, 0, 0, 0, 0, 0, 0, 0], value: [0, 7, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2] },
        { feature: [-1], threshold: [0], value: [0.125] },
      ],
    };
    // Rows with values on the thresholds, around them, and NaN (which goes right).
    const values = [Number.NaN, -1, 0, 0.25, 0.5, 1, 2, 1e9];
    for (const model of [uneven, TEXT_MODEL, TEXT_PRIOR]) {
      for (let r = 0; r < 400; r++) {
        const row = new Float64Array(width);
        for (let f = 0; f < width; f++) row[f] = r % 7 === 0 ? values[(r + f) % values.length]! : Math.sin(r * 31 + f * 7) * 2;
        expect(treeMargin(model, row, 0)).toBe(referenceMargin(model, row));
      }
    }
  });

  it('labels the blocks it overrules with its own reason', () => {
    useTextTrees(NONE, NONE);
    const rules = segment(PAGE, { format: 'text' }).blocks;
    expect(rules.filter((b) => b.kept).length).toBeGreaterThanOrEqual(3);

    useTextTrees(NONE, constant(-5));
    const dropped = segment(PAGE, { format: 'text' }).blocks;
    for (const [i, b] of dropped.entries()) {
      if (rules[i]!.kept) expect(b).toMatchObject({ kept: false, reason: 'text-model:boilerplate' });
      else expect(b.reason).toBe(rules[i]!.reason);
    }
  });

  it('extends the article only at its edges, never over a heading', () => {
    useTextTrees(NONE, NONE);
    const rules = segment(PAGE, { format: 'text' }).blocks;
    useTextTrees(NONE, constant(5));
    const extended = segment(PAGE, { format: 'text' }).blocks;
    const first = rules.findIndex((b) => b.kept);
    const last = rules.length - 1 - [...rules].reverse().findIndex((b) => b.kept);
    for (const [i, b] of extended.entries()) {
      if (i >= first && i <= last) expect(b.kept).toBe(rules[i]!.kept);
      else if (b.kept) expect(b.reason).toBe('text-model:article');
    }
    expect(extended.filter((b) => b.reason === 'text-model:article').map((b) => b.text)).toEqual(['Share this article', 'Contact the newsroom at the address on our website.']);
    // The headline stays out: it is the title's, not the body's.
    expect(extended.find((b) => b.text.startsWith('Harbour town votes'))?.kept).toBe(false);
  });

  it('leaves HTML pages to the rules', () => {
    const html = `<html><body><article><h1>Harbour wall</h1>${PAGE.split('\n\n').slice(2, 5).map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    useTextTrees(NONE, NONE);
    const before = segment(html).blocks;
    useTextTrees(constant(-5), constant(-5));
    expect(segment(html).blocks).toEqual(before);
  });

  it('times itself as its own stage, on text pages only', () => {
    expect(extract(PAGE, { format: 'text' }).trace.timings).toHaveProperty('text-model');
    const html = `<html><body><article>${PAGE.split('\n\n').slice(2, 5).map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    expect(extract(html).trace.timings).not.toHaveProperty('text-model');
  });

  it('builds one row per block and blanks the verdict slots for the prior', () => {
    const kept = TEXT_MODEL_FEATURES.indexOf('kept');
    const width = TEXT_MODEL_FEATURES.length;
    const block = { text: 'A line of text that reads like a sentence of the article.', kind: 'paragraph', hint: null, blankBefore: true, lines: 1 } as never;
    const features = { chars: 58, words: 12, linkDensity: 0, stopwordDensity: 0.4, sentenceEnd: true, commas: 0, ellipsis: false, stopwordScript: true };
    const rows = new TextModelRows([block, block], [features, features], [
      { quality: 'good', label: null, reason: 'prose', weight: 58 },
      { quality: 'good', label: null, reason: 'prose', weight: 58 },
    ]);
    rows.fillVerdicts([
      { label: 'body', kept: true, reason: 'prose' },
      { label: 'other', kept: false, reason: 'outside-region' },
    ]);
    expect(rows.row(0).length).toBe(width);
    expect([rows.row(0)[kept], rows.row(1)[kept]]).toEqual([1, 0]);
    rows.fillVerdicts(null);
    expect([rows.row(0)[kept], rows.row(1)[kept]]).toEqual([0, 0]);
  });
});
