/**
 * The internal model every stage after segmentation works on: a flat list of blocks in
 * document order, a table of the containers (elements) they sit in, and the raw page facts
 * the metadata stage reads. Both segmenters (HTML and text) produce exactly this.
 */
import type { BlockLabel } from '../types.js';

/** What shape of text a block is. */
export type BlockKind =
  | 'heading'
  | 'paragraph'
  | 'list-item'
  | 'quote'
  | 'code'
  | 'table-cell'
  | 'caption'
  | 'figure';

/** Boilerplate kinds a container's class/id/role/tag can announce. */
export type HintLabel = Extract<
  BlockLabel,
  'navigation' | 'related' | 'share' | 'comments' | 'newsletter' | 'promo' | 'legal' | 'cookie' | 'ad' | 'byline' | 'dateline' | 'caption' | 'metadata'
>;

export interface BlockLinkRef {
  href: string;
  text: string;
}

/** One run of text the segmenter cut out of the page. */
export interface Block {
  index: number;
  kind: BlockKind;
  /** The element that produced it (`p`, `h2`, `li`, `div`…) or `line` for text input. */
  tag: string;
  text: string;
  /** Heading level 1..6 for headings; list nesting depth (1 = top) for list items; else 0. */
  level: number;
  /** For list items: whether the list is ordered. */
  ordered: boolean;
  /** Id of the list / table / row the block belongs to, so structure can regroup it; -1 when none. */
  groupId: number;
  /** For table cells: the row's container id; -1 otherwise. */
  rowId: number;
  /** For table cells: true when the cell is a `<th>`. */
  headerCell: boolean;
  /** Id of the innermost container holding the block (index into {@link Segmented.containers}); -1 for none. */
  parent: number;
  /** Characters of the text that sit inside links. */
  linkChars: number;
  /** The block's links, in order; read-only, as blocks without links may share one empty list. */
  links: readonly BlockLinkRef[];
  /** For figures: the image. */
  image: { src: string; alt: string | null } | null;
  /** Nearest boilerplate hint among the ancestors (or the element itself), with the token that gave it. */
  hint: HintLabel | null;
  hintToken: string | null;
  /** How many ancestors carry a content hint (`article-body`, `entry-content`, `itemprop=articleBody`…). */
  positive: number;
  /** Inside `<article>`, `<main>` or `[itemprop=articleBody]`. */
  inArticle: boolean;
  /** Text input only: the block was preceded by a blank line (or is the first). */
  blankBefore: boolean;
  /** Text input only: the number of source lines the block spans. */
  lines: number;
}

/** An element that holds blocks, kept so the selector can score regions. */
export interface Container {
  parent: number;
  tag: string;
  depth: number;
  hint: HintLabel | null;
  hintToken: string | null;
  /** The hint word is generic: the subtree's blocks are still dropped, but it lends its score to the region around it. */
  hintWeak?: boolean;
  /** A content hint on this element itself. */
  positive: boolean;
  /** Plain text: a list whose items carry the markers their author typed (bullets, numbers), not one inferred from packed lines. */
  typedList?: boolean;
}

/** Facts about the page read while segmenting, for the metadata stage. */
export interface RawMeta {
  titleTag: string | null;
  htmlLang: string | null;
  /** `<meta>` tags: key is the lowercased `name`, `property`, `itemprop` or `http-equiv`. */
  metas: { key: string; content: string }[];
  /** `<link>` tags: lowercased `rel` and raw `href`. */
  links: { rel: string; href: string }[];
  /** Raw text of each `<script type="application/ld+json">`. */
  jsonLd: string[];
  /** `<time>` elements in page order; `inBody` when inside the article candidate region. */
  times: { datetime: string | null; text: string; blockIndex: number }[];
  /** Text of elements that announce a byline (class `byline`/`author`, `rel=author`, `itemprop=author`). */
  bylines: { text: string; blockIndex: number; source: 'rel' | 'itemprop' | 'class' }[];
  /** `<h1>` texts in order. */
  h1: string[];
  /** Per `<h1>`, the text of a kicker element inside it ("Exclusive", a topic label), or null. */
  h1Kickers: (string | null)[];
  /** The first `<img>` inside the article region, when there is one. */
  images: { src: string; blockIndex: number }[];
}

export interface Segmented {
  format: 'html' | 'text';
  blocks: Block[];
  containers: Container[];
  meta: RawMeta;
  /** A limit cut the input. */
  truncated: boolean;
  /** HTML path: how many elements were read, and the sum of their depths (what a DOM walk per node costs). */
  elements?: number;
  depthSum?: number;
  /** HTML path: a `<frameset>` start tag was read. */
  frameset?: boolean;
}

/** A block with its verdict, as the classifier and selector leave it. */
export interface Verdict {
  label: BlockLabel;
  kept: boolean;
  reason: string;
}

/** The nearest container tagged `tag` from `start` upwards (`start` included), at most `maxSteps` containers up; -1 if none. */
export function ancestorWithTag(containers: readonly Container[], start: number, tag: string, maxSteps: number): number {
  for (let c = start, steps = 0; c >= 0 && steps < maxSteps; c = containers[c]!.parent, steps++) {
    if (containers[c]!.tag === tag) return c;
  }
  return -1;
}

export function emptyMeta(): RawMeta {
  return { titleTag: null, htmlLang: null, metas: [], links: [], jsonLd: [], times: [], bylines: [], h1: [], h1Kickers: [], images: [] };
}

export function makeBlock(partial: Partial<Block> & Pick<Block, 'index' | 'kind' | 'tag' | 'text'>): Block {
  return {
    level: 0,
    ordered: false,
    groupId: -1,
    rowId: -1,
    headerCell: false,
    parent: -1,
    linkChars: 0,
    links: [],
    image: null,
    hint: null,
    hintToken: null,
    positive: 0,
    inArticle: false,
    blankBefore: false,
    lines: 1,
    ...partial,
  };
}
