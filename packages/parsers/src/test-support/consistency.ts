import { isDeepStrictEqual } from 'node:util';

/**
 * Why `partial` could not be an earlier state of `final` during streaming, or
 * undefined when it could: strings are prefixes, scalars exact, objects hold
 * only final keys, arrays are never longer and all but their last element are complete.
 */
export function inconsistency(partial: unknown, final: unknown, path = ''): string | undefined {
  if (partial === undefined) return undefined;
  if (typeof partial === 'string') {
    return typeof final === 'string' && final.startsWith(partial) ? undefined : `${path}: ${JSON.stringify(partial)} is no prefix`;
  }
  if (partial === null || typeof partial !== 'object') {
    return Object.is(partial, final) ? undefined : `${path}: ${String(partial)} !== ${String(final)}`;
  }
  if (Array.isArray(partial)) {
    if (!Array.isArray(final) || partial.length > final.length) return `${path}: array too long or not an array`;
    for (let i = 0; i < partial.length; i++) {
      const last = i === partial.length - 1;
      const why = last ? inconsistency(partial[i], final[i], `${path}/${i}`) : isDeepStrictEqual(partial[i], final[i]) ? undefined : `${path}/${i}: incomplete before the last`;
      if (why) return why;
    }
    return undefined;
  }
  if (final === null || typeof final !== 'object' || Array.isArray(final)) return `${path}: not an object`;
  if (Object.getPrototypeOf(partial) !== Object.prototype) return `${path}: prototype changed`;
  for (const key of Object.keys(partial)) {
    if (!Object.hasOwn(final, key)) return `${path}/${key}: key not in the final value`;
    const why = inconsistency((partial as Record<string, unknown>)[key], (final as Record<string, unknown>)[key], `${path}/${key}`);
    if (why) return why;
  }
  return undefined;
}
