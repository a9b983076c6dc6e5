import type { Article, BlockLabel, LabelledBlock } from '../index.js';

/** ANSI SGR codes; used only when the caller says colour is wanted. */
const STYLE = Object.freeze({
  reset: '\u001b[0m',
  bold: '\u001b[1m',
  dim: '\u001b[2m',
  green: '\u001b[32m',
  yellow: '\u001b[33m',
  red: '\u001b[31m',
  cyan: '\u001b[36m',
  magenta: '\u001b[35m',
});

type StyleName = keyof typeof STYLE;

/** Colour per label, grouped by what the reader cares about: article, near-article, boilerplate. */
const LABEL_STYLE: Readonly<Record<BlockLabel, StyleName>> = {
  title: 'bold',
  body: 'green',
  heading: 'green',
  byline: 'cyan',
  dateline: 'cyan',
  caption: 'cyan',
  metadata: 'cyan',
  related: 'magenta',
  promo: 'yellow',
  newsletter: 'yellow',
  share: 'yellow',
  ad: 'yellow',
  navigation: 'red',
  comments: 'red',
  legal: 'red',
  cookie: 'red',
  other: 'dim',
};

/** Width of the label column: the longest label, "navigation"/"newsletter". */
const LABEL_WIDTH = 10;
/** Width of the tag column; longer tags are shown whole and push the line. */
const TAG_WIDTH = 6;
/** Text narrower than this is unreadable; used when the terminal is tiny or unknown. */
const MIN_TEXT_WIDTH = 30;

export interface ExplainViewOptions {
  color: boolean;
  /** Terminal columns: each block is one line, its text cut to fit. */
  width: number;
}

function paint(text: string, style: StyleName, color: boolean): string {
  return color ? `${STYLE[style]}${text}${STYLE.reset}` : text;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function cut(text: string, width: number): string {
  if (text.length <= width) return text;
  return `${text.slice(0, Math.max(0, width - 1))}…`;
}

function blockLine(block: LabelledBlock, indexWidth: number, options: ExplainViewOptions): string {
  const mark = block.kept ? '+' : '-';
  const index = String(block.index).padStart(indexWidth);
  const label = block.label.padEnd(LABEL_WIDTH);
  const tag = block.tag.padEnd(TAG_WIDTH);
  const head = `${index} ${mark} ${label} ${tag} ${block.reason}`;
  const textWidth = Math.max(MIN_TEXT_WIDTH, options.width - head.length - 3);
  const text = cut(oneLine(block.text), textWidth);
  if (!options.color) return `${head} | ${text}`;
  const style = block.kept ? LABEL_STYLE[block.label] : 'dim';
  return `${paint(`${index} ${mark} `, block.kept ? 'green' : 'dim', true)}${paint(label, style, true)} ${paint(
    `${tag} ${block.reason}`,
    'dim',
    true,
  )} | ${block.kept ? text : paint(text, 'dim', true)}`;
}

/**
 * Every block of the page in document order, one per line: index, kept (+) or dropped (-), label,
 * tag, reason code, then the start of its text. Meant for a terminal; plain when `color` is false.
 */
export function renderExplain(article: Article, options: ExplainViewOptions): string {
  const blocks = article.explain ?? [];
  const kept = blocks.filter((block) => block.kept).length;
  const indexWidth = String(Math.max(0, blocks.length - 1)).length;
  const title = article.title ?? '(no title)';
  const header = [
    paint(title, 'bold', options.color),
    `${blocks.length} blocks, ${kept} kept, ${blocks.length - kept} dropped; format ${article.trace.format}, confidence ${article.confidence.toFixed(2)}`,
    '',
  ];
  return [...header, ...blocks.map((block) => blockLine(block, indexWidth, options))].join('\n');
}
