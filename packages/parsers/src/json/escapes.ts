/** The text a one-character escape (`\n`, `\"`...) stands for, by the code after the backslash. */
export function simpleEscape(code: number): string | undefined {
  switch (code) {
    case 34:
      return '"';
    case 92:
      return '\\';
    case 47:
      return '/';
    case 98:
      return '\b';
    case 102:
      return '\f';
    case 110:
      return '\n';
    case 114:
      return '\r';
    case 116:
      return '\t';
    default:
      return undefined;
  }
}

/** The value of a hexadecimal digit, or -1. */
export function hexDigit(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

/** True for a UTF-16 high (leading) surrogate, which must not be shown without its partner. */
export function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}
