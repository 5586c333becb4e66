import type { JsonObserver } from '../json/json-observer.js';
import type { JsonPath, JsonValue } from '../json/json-value.js';
import { parsePointer } from '../patch/json-pointer.js';

/**
 * Reports each element of the array at a JSON Pointer (`''` = the top-level
 * array) once the element is complete. The engine's events make this O(1) per
 * value: the path is compared only when a value starts at the array's depth.
 *
 * @example
 * ```ts
 * const items = new ElementObserver('/items', (item, index) => console.log(index, item));
 * const p = new PartialJsonParser({ observers: [items] });
 * p.push('{"items": [{"id": 1}, {"id"'); // logs 0 { id: 1 }
 * ```
 */
export class ElementObserver implements JsonObserver {
  private readonly target: readonly string[];
  private active = false; // inside an array at the target path
  private seen = false;

  /** `pointer` is an RFC 6901 JSON Pointer; `onElement` receives each complete element with its index. */
  constructor(
    pointer: string,
    private readonly onElement: (element: JsonValue, index: number) => void,
  ) {
    this.target = parsePointer(pointer);
  }

  /** @internal */
  onStart(path: JsonPath, value: JsonValue): void {
    if (path.length === this.target.length && Array.isArray(value) && this.matches(path)) this.active = this.seen = true;
  }

  /** True once an array started at the pointer. */
  get found(): boolean {
    return this.seen;
  }

  /** @internal */
  onEnd(path: JsonPath, value: JsonValue): void {
    const depth = this.target.length;
    if (!this.active) return;
    if (path.length === depth + 1) this.onElement(value, path[depth] as number);
    else if (path.length === depth) this.active = false;
  }

  private matches(path: JsonPath): boolean {
    return this.target.every((segment, i) => String(path[i]) === segment);
  }
}
