/**
 * Kept blocks → typed article blocks: list items regrouped into lists, table cells into rows,
 * captions into their figures, links resolved against the page URL.
 */
import type { ArticleBlock, InlineLink } from '../types.js';
import type { Block, Verdict } from './block.js';
import { resolveUrl } from './url.js';

export interface Structured {
  blocks: ArticleBlock[];
  /** For each article block, the index of the first source block it came from. */
  sources: number[];
}

function inlineLinks(b: Block, base: string | null): InlineLink[] {
  const out: InlineLink[] = [];
  for (const l of b.links) {
    const url = resolveUrl(l.href, base);
    if (url !== null && l.text.length > 0) out.push({ text: l.text, url });
  }
  return out;
}

/** A trailing "Photo: Agency" credit in a caption: attribution, not caption text. */
const CAPTION_CREDIT = /(?:^|[\s(])(?:photo|image|picture|foto|bild|credit|source|quelle|crédit|crédito)s? ?: ?[^.:\s][^.:]{0,79}$/i;

function withoutCredit(caption: string): string | null {
  const m = CAPTION_CREDIT.exec(caption);
  const text = (m === null ? caption : caption.slice(0, m.index)).trim();
  return text.length > 0 ? text : null;
}

export function structure(blocks: readonly Block[], verdicts: readonly Verdict[], base: string | null): Structured {
  const out: ArticleBlock[] = [];
  const sources: number[] = [];
  let i = 0;
  while (i < blocks.length) {
    const b = blocks[i]!;
    if (!verdicts[i]!.kept) {
      i++;
      continue;
    }
    const start = i;
    switch (b.kind) {
      case 'heading':
        out.push({ type: 'heading', level: Math.min(6, Math.max(1, b.level)), text: b.text });
        i++;
        break;
      case 'list-item': {
        const items: string[] = [];
        while (i < blocks.length && blocks[i]!.kind === 'list-item' && blocks[i]!.groupId === b.groupId && (verdicts[i]!.kept || blocks[i]!.text.length === 0)) {
          if (verdicts[i]!.kept) items.push(blocks[i]!.text);
          i++;
        }
        out.push({ type: 'list', ordered: b.ordered, items });
        break;
      }
      case 'table-cell': {
        const rows: string[][] = [];
        let header = false;
        let row: string[] | null = null;
        let rowId = -2;
        while (i < blocks.length && blocks[i]!.kind === 'table-cell' && blocks[i]!.groupId === b.groupId && verdicts[i]!.kept) {
          const cell = blocks[i]!;
          if (cell.rowId !== rowId || row === null) {
            row = [];
            rows.push(row);
            rowId = cell.rowId;
            if (rows.length === 1) header = cell.headerCell;
          }
          row.push(cell.text);
          i++;
        }
        out.push({ type: 'table', rows, header });
        break;
      }
      case 'code':
        out.push({ type: 'code', text: b.text, language: null });
        i++;
        break;
      case 'quote':
        out.push({ type: 'quote', text: b.text });
        i++;
        break;
      case 'figure': {
        // The figure's caption blocks were emitted just before it (figcaption precedes the figure's end).
        const prev = blocks[i - 1];
        const caption = prev !== undefined && prev.kind === 'caption' && verdicts[i - 1]!.kept ? withoutCredit(prev.text) : null;
        if (caption !== null && out[out.length - 1]?.type === 'paragraph' && sources[sources.length - 1] === i - 1) {
          out.pop();
          sources.pop();
        }
        const src = b.image !== null ? resolveUrl(b.image.src, base) : null;
        out.push({ type: 'figure', src, alt: b.image?.alt ?? null, caption });
        i++;
        break;
      }
      default:
        out.push({ type: 'paragraph', text: b.text, links: inlineLinks(b, base) });
        i++;
    }
    sources.push(start);
  }
  return { blocks: out, sources };
}

/** Plain text of one article block, as `article.text` joins them. */
export function blockText(block: ArticleBlock): string {
  switch (block.type) {
    case 'list':
      return block.items.join('\n');
    case 'table':
      return block.rows.map((r) => r.join('\t')).join('\n');
    case 'figure':
      return block.caption ?? '';
    default:
      return block.text;
  }
}
