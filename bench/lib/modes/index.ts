import { bodyMode } from './body.js';
import { relatedMode } from './related.js';
import { metadataMode } from './metadata.js';
import type { EvalMode, ModeName } from './mode.js';

/**
 * Every evaluation mode by name. `null` marks a mode that is planned but not written yet:
 * `metadata` (title, authors, date, lang against the truth) and `related` (related-link blocks)
 * each get a module beside body.ts implementing {@link EvalMode}, then replace their `null` here.
 */
export const MODES: Readonly<Record<ModeName, EvalMode | null>> = {
  body: bodyMode,
  metadata: metadataMode,
  related: relatedMode,
};

export type { EvalMode, ModeName } from './mode.js';
