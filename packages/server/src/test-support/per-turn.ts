import { Observable } from 'rxjs';

/** `items` one per turn of the event loop, as a model's network reads come (pieces of one turn would merge). */
export function perTurn<T>(items: readonly T[]): Observable<T> {
  return new Observable<T>((subscriber) => {
    let next = 0;
    const step = (): void => {
      if (subscriber.closed) return;
      if (next === items.length) return subscriber.complete();
      subscriber.next(items[next++] as T);
      setImmediate(step);
    };
    setImmediate(step);
  });
}
