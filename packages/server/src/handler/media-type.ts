/** A parsed `Content-Type` value: `type/subtype` lowercased, and its parameters by lowercased name (the first of a name wins). */
export interface MediaType {
  readonly essence: string;
  readonly parameters: ReadonlyMap<string, string>;
}

const token = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/;
const space = /^[ \t]*/;

/**
 * Parses a media type as RFC 9110 writes it: `type/subtype`, then
 * `; name=value` parameters whose value is a token or a quoted string (with
 * backslash escapes, so a quoted `;` does not end it). `undefined` when
 * `value` does not follow that grammar.
 */
export function parseMediaType(value: string): MediaType | undefined {
  let rest = value.replace(space, '');
  const type = token.exec(rest)?.[0];
  if (type === undefined || rest[type.length] !== '/') return undefined;
  rest = rest.slice(type.length + 1);
  const subtype = token.exec(rest)?.[0];
  if (subtype === undefined) return undefined;
  rest = rest.slice(subtype.length);
  const parameters = new Map<string, string>();
  for (;;) {
    rest = rest.replace(space, '');
    if (rest === '') break;
    if (rest[0] !== ';') return undefined;
    rest = rest.slice(1).replace(space, '');
    if (rest === '') break; // a trailing `;` is harmless
    const name = token.exec(rest)?.[0];
    if (name === undefined || rest[name.length] !== '=') return undefined;
    rest = rest.slice(name.length + 1);
    const parameter = rest[0] === '"' ? quoted(rest) : token.exec(rest)?.[0];
    if (parameter === undefined) return undefined;
    const [text, length] = typeof parameter === 'string' ? [parameter, parameter.length] : parameter;
    rest = rest.slice(length);
    if (!parameters.has(name.toLowerCase())) parameters.set(name.toLowerCase(), text);
  }
  return { essence: `${type}/${subtype}`.toLowerCase(), parameters };
}

// A quoted string at the start of `text`: its unescaped value and how many characters it took.
function quoted(text: string): [string, number] | undefined {
  let value = '';
  for (let i = 1; i < text.length; i++) {
    const char = text[i] as string;
    if (char === '"') return [value, i + 1];
    if (char === '\\') {
      i++;
      if (i === text.length) return undefined;
      value += text[i] as string;
    } else value += char;
  }
  return undefined;
}
