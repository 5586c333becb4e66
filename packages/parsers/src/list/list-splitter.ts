/** How {@link ListSplitter} separates items. */
export type ListSeparator = 'auto' | 'comma' | 'newline';

// A bullet ("- ", "* ", "+ ", "• ") or a number ("1. ", "2) ") opening an item.
const MARKER = /^\s*(?:[-*+\u2022]|\d{1,9}[.)])\s+/;

/**
 * Splits a list into items as the text streams in, each character examined once.
 *
 * The rule:
 * - A newline always ends an item. With `separator: 'comma'` a comma does too;
 *   with `'newline'` it never does. In `'auto'` mode (the default) the first
 *   separator decides: a comma makes a comma-separated list, unless the first
 *   item starts with a bullet or number (a markdown list, whose items may hold
 *   commas); a newline after a non-blank first line makes a line list.
 * - Items are trimmed, a leading bullet (`- `, `* `, `+ `, `• `) or number
 *   (`1. `, `1) `) is removed, and empty items are skipped.
 * - A preamble is dropped: a first line ending with `:` ("Here are the
 *   items:") is skipped, and a first item holding `: ` keeps only what follows
 *   the last one ("Fruits: apple, pear" gives `apple`, `pear`).
 *
 * @example
 * ```ts
 * const s = new ListSplitter();
 * s.push('red, gre'); // ['red']
 * s.push('en, blue'); // ['green']
 * s.end();            // ['blue']
 * ```
 */
export class ListSplitter {
  private mode: ListSeparator;
  private pending = '';
  private first = true;

  constructor(separator: ListSeparator = 'auto') {
    this.mode = separator;
  }

  /** Reads a chunk and returns the items it completed. */
  push(chunk: string): string[] {
    const items: string[] = [];
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c !== 10 && (c !== 44 || !this.commaSeparates(chunk.slice(start, i)))) continue;
      const raw = this.pending + chunk.slice(start, i);
      this.pending = '';
      start = i + 1;
      if (c === 10 && this.mode === 'auto' && raw.trim() !== '') this.mode = 'newline';
      this.emit(raw, items);
    }
    this.pending += chunk.slice(start);
    return items;
  }

  /** Ends the text and returns the last item, if any. */
  end(): string[] {
    const items: string[] = [];
    this.emit(this.pending, items);
    this.pending = '';
    return items;
  }

  // Decided once, at the first comma of an 'auto' list, from the item before it.
  private commaSeparates(rest: string): boolean {
    if (this.mode === 'auto') this.mode = MARKER.test(this.pending + rest) ? 'newline' : 'comma';
    return this.mode === 'comma';
  }

  private emit(raw: string, items: string[]): void {
    let item = raw.trim();
    if (this.first && item !== '') {
      if (item.endsWith(':')) return;
      const colon = item.lastIndexOf(': ');
      if (colon >= 0) item = item.slice(colon + 2).trim();
    }
    item = item.replace(MARKER, '').trim();
    if (item === '') return;
    this.first = false;
    items.push(item);
  }
}
