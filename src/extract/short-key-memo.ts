/**
 * A memo shared by every page for verdicts keyed by short strings (class tokens, short text lines): sites share
 * most of them ("container", "Share", "Home"), and each verdict depends on its key alone.
 */

/**
 * Only keys this short are kept: V8 copies slices this short, while a longer one may point into its page's text,
 * which the memo would keep alive.
 */
export const SHORT_KEY_MAX_LENGTH = 12;
/** Why: bounded so a crawl over millions of pages holds a few hundred kilobytes at most; emptied when full. */
const SHORT_KEY_MAX_ENTRIES = 5_000;

export class ShortKeyMemo<V> {
  private readonly entries = new Map<string, V>();

  /** Whether the key is short enough to be kept. */
  static holds(key: string): boolean {
    return key.length <= SHORT_KEY_MAX_LENGTH;
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V): void {
    if (this.entries.size >= SHORT_KEY_MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, value);
  }
}
