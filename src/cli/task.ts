import { extract } from '../index.js';
import type { ExtractOptions } from '../index.js';
import { renderExplain } from './explain-view.js';
import { toFailure } from './failure.js';
import type { Failure } from './failure.js';
import { renderDocument, renderJsonLine } from './renderers.js';
import type { RenderFormat } from './renderers.js';

/** What the CLI prints per input: a renderer's output or the explain view. */
export type OutputMode = RenderFormat | 'explain';

/** One page to extract, in a shape that crosses a worker-thread boundary (structured clone). */
export interface Task {
  input: string | Uint8Array;
  options: ExtractOptions;
  mode: OutputMode;
  /** For `explain`: ANSI colours wanted. */
  color: boolean;
  /** For `explain`: terminal columns. */
  width: number;
}

export type TaskResult = { ok: true; body: string } | { ok: false; failure: Failure };

/**
 * Extracts and renders one page. Never throws: any failure becomes `{ok: false}`, so one bad page
 * cannot stop a batch. The same function runs inline (`--jobs 1`) and inside pool workers.
 */
export function runTask(task: Task): TaskResult {
  try {
    const explain = task.mode === 'explain';
    const article = extract(task.input, { ...task.options, explain });
    let body: string;
    if (task.mode === 'explain') body = renderExplain(article, { color: task.color, width: task.width });
    else if (task.mode === 'json') body = renderJsonLine(article);
    else body = renderDocument(article, task.mode);
    return { ok: true, body };
  } catch (error) {
    return { ok: false, failure: toFailure(error) };
  }
}
