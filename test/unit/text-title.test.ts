import { describe, expect, it } from 'vitest';
import { makeBlock, type Block } from '../../src/extract/block.js';
import { TEXT_TITLE_FEATURES, chooseTextTitle, textTitleCandidates } from '../../src/extract/metadata/text-title.js';
import { TEXT_TITLE_MODEL } from '../../src/rules/text-title-weights.js';

const BODY = [
  'Volunteers from the coastal wildlife trust counted forty-two grey seals resting on the sandbanks at the harbour mouth last Tuesday.',
  'The seals had all but vanished from the harbour after the fish plant opened, and the trust says cleaner water brought them back.',
];

/** Lines as a text page's blocks; the last two are the body unless said otherwise. */
function page(lines: string[], overrides: Record<number, Partial<Block>> = {}): { blocks: Block[]; body: Set<number> } {
  const all = [...lines, ...BODY];
  const blocks = all.map((text, index) => makeBlock({ index, kind: 'paragraph', tag: 'line', text, ...(overrides[index] ?? {}) }));
  return { blocks, body: new Set([all.length - 2, all.length - 1]) };
}

describe('text title model', () => {
  it('ships a weight for every feature the candidates carry, and none for a feature they do not', () => {
    expect(Object.keys(TEXT_TITLE_MODEL.weights).sort()).toEqual([...TEXT_TITLE_FEATURES].sort());
    expect(Number.isFinite(TEXT_TITLE_MODEL.abstain)).toBe(true);
  });

  it('describes each candidate with one finite number per feature', () => {
    const { blocks, body } = page(['Home', 'Seals return to the harbour mouth', 'A standfirst about the seals and the harbour.']);
    const candidates = textTitleCandidates(blocks, body);
    expect(candidates.length).toBeGreaterThan(0);
    for (const c of candidates) {
      expect(c.features).toHaveLength(TEXT_TITLE_FEATURES.length);
      expect(c.features.every(Number.isFinite)).toBe(true);
    }
  });

  it('takes the headline the body is about over a menu entry and a section label', () => {
    const { blocks, body } = page(['News', 'Sport', 'Environment', 'Seals return to the harbour mouth after decades away']);
    expect(chooseTextTitle(blocks, body)?.text).toBe('Seals return to the harbour mouth after decades away');
  });

  it('never offers a date line, a clock time or a line ending in a colon', () => {
    const { blocks, body } = page(['Seals return to the harbour mouth', '31.10.2023', 'Tue, 10:19 am', 'Published March 5, 2024', 'Related seal stories:']);
    const texts = textTitleCandidates(blocks, body).map((c) => c.block.text);
    expect(texts).toEqual(['Seals return to the harbour mouth']);
  });

  it('passes over a name right above a byline: it belongs to the credit', () => {
    const { blocks, body } = page(['Fleur Leyden', 'By Ana Sandoiu'], { 1: { hint: 'byline', hintToken: 'text:byline-prefix' } });
    expect(textTitleCandidates(blocks, body).map((c) => c.block.text)).not.toContain('Fleur Leyden');
  });

  it('never offers post navigation or a breadcrumb with arrows, and marks a tag line as a list', () => {
    const { blocks, body } = page(['← Older seal counts from the spring', 'Forum>Wildlife>Seals', 'Seals return to the harbour mouth', 'seals, harbour, wildlife trust, sandbanks']);
    const candidates = textTitleCandidates(blocks, body);
    expect(candidates.map((c) => c.block.text)).toEqual(['seals, harbour, wildlife trust, sandbanks', 'Seals return to the harbour mouth']);
    const list = TEXT_TITLE_FEATURES.indexOf('keywordList');
    expect(candidates.map((c) => c.features[list])).toEqual([1, 0]);
    expect(chooseTextTitle(blocks, body)?.text).toBe('Seals return to the harbour mouth');
    // A site's sections between dashes are a list too; a headline with one dash is not.
    const sections = page(['Seals - Harbour - Wildlife Trust', 'Seals return to the harbour mouth - and stay']);
    const byText = new Map(textTitleCandidates(sections.blocks, sections.body).map((c) => [c.block.text, c.features[list]]));
    expect(byText.get('Seals - Harbour - Wildlife Trust')).toBe(1);
    expect(byText.get('Seals return to the harbour mouth - and stay')).toBe(0);
    // Thousands separators are no list: "1,500 jobs, 2,000 homes" is two items.
    const figures = page(['Plant closure costs 1,500 jobs, 2,000 homes']);
    expect(textTitleCandidates(figures.blocks, figures.body)[0]?.features[list]).toBe(0);
  });

  it('never takes a sentence the selection kept as body', () => {
    const kept = 'The seals are back.';
    const all = [kept, ...BODY];
    const blocks = all.map((text, index) => makeBlock({ index, kind: 'paragraph', tag: 'line', text }));
    expect(textTitleCandidates(blocks, new Set([0, 1, 2]))).toEqual([]);
  });

  it('matches a headline in capitals with the body where lowercasing changes a letter (Turkish İ, Greek Σ)', () => {
    const at = TEXT_TITLE_FEATURES.indexOf('leadOverlap');
    for (const [headline, body] of [
      ['İSTANBUL İZMİR', 'Otobüsler İstanbul ile İzmir arasında her saat sefer yapacak, İzmir valiliği açıkladı.'],
      ['ΠΑΡΑΣΚΕΥΗ ΑΠΕΡΓΙΑ', 'Την Παρασκευή απεργία στα λεωφορεία της πόλης, ανακοίνωσαν οι οδηγοί.'],
    ] as const) {
      const blocks = [headline, body].map((text, index) => makeBlock({ index, kind: 'paragraph', tag: 'line', text }));
      const [candidate] = textTitleCandidates(blocks, new Set([1]));
      // Every word of the headline is in the lead.
      expect(candidate?.features[at], headline).toBe(1);
    }
  });

  it('reads a body set with an index out of range as the valid ones, and a body of none as no body', () => {
    const { blocks, body } = page(['Seals return to the harbour mouth after decades away']);
    expect(chooseTextTitle(blocks, new Set([-1, ...body, 999]))?.text).toBe('Seals return to the harbour mouth after decades away');
    expect(chooseTextTitle(blocks, new Set([-3, 999]))).toBeNull();
  });

  it('finds nothing without a body', () => {
    const { blocks } = page(['Seals return to the harbour mouth']);
    expect(chooseTextTitle(blocks, new Set())).toBeNull();
  });
});
