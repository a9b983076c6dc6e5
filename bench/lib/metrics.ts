/**
 * The quality metrics of the evaluation, exactly as the datasets README defines them, so that
 * figures compare with published results:
 *
 * - body F1: the article-extraction-benchmark shingle metric (per-page precision/recall, averaged);
 * - snippet P/R/F1: trafilatura's `with` / `without` snippet counts, summed over pages.
 *
 * Everything here is a pure function of strings and numbers.
 */

/** Maximal runs of Unicode letters, digits and `_`: the benchmark's `\w+` with case kept. */
const TOKEN_PATTERN = /[\p{L}\p{N}_]+/gu;

/** Shingle length of the body metric: 4 tokens, as the benchmark uses. */
export const SHINGLE_SIZE = 4;

/** Splits a text into the metric's tokens, in order. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN_PATTERN) ?? [];
}

/**
 * The multiset of `size`-token shingles of a token list, as shingle → count.
 * A list shorter than `size` (but not empty) is one shingle; an empty list has none.
 */
export function shingleCounts(tokens: readonly string[], size: number = SHINGLE_SIZE): Map<string, number> {
  const counts = new Map<string, number>();
  if (tokens.length === 0) return counts;
  const last = Math.max(1, tokens.length - size + 1);
  for (let start = 0; start < last; start++) {
    // A space cannot occur inside a token, so joining with one keeps shingles distinct.
    const shingle = tokens.slice(start, start + size).join(' ');
    counts.set(shingle, (counts.get(shingle) ?? 0) + 1);
  }
  return counts;
}

/** One page's body score: normalised counts, page precision/recall, and exact-match flag. */
export interface BodyPageScore {
  /** True positives, divided by tp + fp + fn when that is above 0. */
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  /** Whether the predicted token sequence equals the truth's exactly. */
  exact: boolean;
}

/** Scores one page's predicted body against its truth body. An empty prediction is `''`. */
export function scoreBodyPage(truth: string, prediction: string): BodyPageScore {
  const truthTokens = tokenize(truth);
  const predictedTokens = tokenize(prediction);
  const truthShingles = shingleCounts(truthTokens);
  const predictedShingles = shingleCounts(predictedTokens);

  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [shingle, truthCount] of truthShingles) {
    const predictedCount = predictedShingles.get(shingle) ?? 0;
    tp += Math.min(truthCount, predictedCount);
    fn += Math.max(0, truthCount - predictedCount);
  }
  for (const [shingle, predictedCount] of predictedShingles) {
    const truthCount = truthShingles.get(shingle) ?? 0;
    fp += Math.max(0, predictedCount - truthCount);
  }
  const total = tp + fp + fn;
  if (total > 0) {
    tp /= total;
    fp /= total;
    fn /= total;
  }
  return {
    tp,
    fp,
    fn,
    precision: pagePrecision(tp, fp, fn),
    recall: pageRecall(tp, fp, fn),
    exact: sameTokens(truthTokens, predictedTokens),
  };
}

/** Page precision with the benchmark's edge rules. */
export function pagePrecision(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fp === 0) return 0;
  return tp / (tp + fp);
}

/** Page recall with the benchmark's edge rules. */
export function pageRecall(tp: number, fp: number, fn: number): number {
  if (fp === 0 && fn === 0) return 1;
  if (tp === 0 && fn === 0) return 0;
  return tp / (tp + fn);
}

function sameTokens(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** F1 of a precision and a recall; 0 when both are 0. */
export function harmonicMean(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Body figures over a set of pages. */
export interface BodyFigures {
  /** Pages scored (those with a truth body). */
  pages: number;
  /** Mean page precision over pages with tp + fp > 0; 0 when there are none. */
  precision: number;
  /** Mean page recall over pages with tp + fn > 0; 0 when there are none. */
  recall: number;
  /** 2PR / (P + R) of the two means. */
  f1: number;
  /** Share of pages whose predicted tokens equal the truth's exactly. */
  accuracy: number;
}

/** Averages page scores the benchmark's way (F1 of the mean precision and mean recall). */
export function aggregateBody(scores: readonly BodyPageScore[]): BodyFigures {
  let precisionSum = 0;
  let precisionPages = 0;
  let recallSum = 0;
  let recallPages = 0;
  let exactPages = 0;
  for (const score of scores) {
    if (score.tp + score.fp > 0) {
      precisionSum += score.precision;
      precisionPages++;
    }
    if (score.tp + score.fn > 0) {
      recallSum += score.recall;
      recallPages++;
    }
    if (score.exact) exactPages++;
  }
  const precision = precisionPages > 0 ? precisionSum / precisionPages : 0;
  const recall = recallPages > 0 ? recallSum / recallPages : 0;
  return {
    pages: scores.length,
    precision,
    recall,
    f1: harmonicMean(precision, recall),
    accuracy: scores.length > 0 ? exactPages / scores.length : 0,
  };
}

/** Snippet counts of one page (or a sum over pages). */
export interface SnippetCounts {
  tp: number;
  fp: number;
  fn: number;
}

/** Collapses every run of whitespace to one space and trims, as trafilatura's evaluation does. */
export function collapseWhitespace(text: string): string {
  return text.split(/\s+/u).filter((part) => part.length > 0).join(' ');
}

/**
 * Counts one page's snippets: a `with` snippet found in the body is a true positive, one missing
 * a false negative; a `without` snippet found is a false positive.
 */
export function scoreSnippetPage(
  prediction: string,
  withSnippets: readonly string[],
  withoutSnippets: readonly string[],
): SnippetCounts {
  const body = collapseWhitespace(prediction);
  let tp = 0;
  let fn = 0;
  let fp = 0;
  for (const snippet of withSnippets) {
    if (body.includes(collapseWhitespace(snippet))) tp++;
    else fn++;
  }
  for (const snippet of withoutSnippets) {
    if (body.includes(collapseWhitespace(snippet))) fp++;
  }
  return { tp, fp, fn };
}

/** Snippet figures: counts summed over pages, then P, R and F1 of the sums. */
export interface SnippetFigures extends SnippetCounts {
  pages: number;
  /** tp / (tp + fp); 0 when nothing was found. */
  precision: number;
  /** tp / (tp + fn); 0 when there was nothing to find. */
  recall: number;
  f1: number;
}

/** Sums page snippet counts and derives precision, recall and F1. */
export function aggregateSnippets(pages: readonly SnippetCounts[]): SnippetFigures {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const page of pages) {
    tp += page.tp;
    fp += page.fp;
    fn += page.fn;
  }
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { pages: pages.length, tp, fp, fn, precision, recall, f1: harmonicMean(precision, recall) };
}

/**
 * How far the text path's headings agree with the HTML path's on one page. No dataset annotates headings, so the HTML
 * path, which reads them from `<h1>`–`<h6>`, is the reference: a measure of the text path's structure, not a truth.
 * Headings compare case and whitespace aside, each page's as a set.
 */
export interface HeadingAgreement {
  /** Distinct headings the HTML path gave. */
  html: number;
  /** Distinct headings the text path gave. */
  text: number;
  /** Distinct headings both gave. */
  shared: number;
}

function headingKey(heading: string): string {
  return heading.replace(/\s+/gu, ' ').trim().toLowerCase();
}

/** {@link HeadingAgreement} of one page's two heading lists. */
export function headingAgreement(html: readonly string[], text: readonly string[]): HeadingAgreement {
  const fromHtml = new Set(html.map(headingKey));
  const fromText = new Set(text.map(headingKey));
  let shared = 0;
  for (const key of fromText) if (fromHtml.has(key)) shared++;
  return { html: fromHtml.size, text: fromText.size, shared };
}

/** Pages' agreements summed, with the share of the text path's headings the HTML path has (precision) and the reverse (recall). */
export function aggregateHeadingAgreement(pages: readonly HeadingAgreement[]): HeadingAgreement & { precision: number; recall: number } {
  const sum = { html: 0, text: 0, shared: 0 };
  for (const page of pages) {
    sum.html += page.html;
    sum.text += page.text;
    sum.shared += page.shared;
  }
  return { ...sum, precision: sum.text === 0 ? 0 : sum.shared / sum.text, recall: sum.html === 0 ? 0 : sum.shared / sum.html };
}
