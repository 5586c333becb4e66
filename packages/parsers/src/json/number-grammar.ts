/**
 * JSON's number grammar as a tiny automaton over character codes, so a number
 * split across chunks is checked one character at a time, each character once.
 *
 * States: 0 start, 1 after '-', 2 a leading '0', 3 integer digits, 4 after '.',
 * 5 fraction digits, 6 after 'e', 7 after the exponent sign, 8 exponent digits.
 */
export const NUMBER_START = 0;

/** The state after reading `code` in `state`, or -1 when `code` cannot continue the number. */
export function numberStep(state: number, code: number): number {
  const digit = code >= 48 && code <= 57;
  switch (state) {
    case 0:
      if (code === 45) return 1;
      return digit ? (code === 48 ? 2 : 3) : -1;
    case 1:
      return digit ? (code === 48 ? 2 : 3) : -1;
    case 2:
    case 3:
    case 5:
      if (digit) return state === 2 ? -1 : state;
      if (code === 46) return state === 5 ? -1 : 4;
      return code === 101 || code === 69 ? 6 : -1;
    case 4:
      return digit ? 5 : -1;
    case 6:
      if (code === 43 || code === 45) return 7;
      return digit ? 8 : -1;
    case 7:
    case 8:
      return digit ? 8 : -1;
    default:
      return -1;
  }
}

/** True when a number may end in `state`. */
export function isCompleteNumber(state: number): boolean {
  return state === 2 || state === 3 || state === 5 || state === 8;
}
