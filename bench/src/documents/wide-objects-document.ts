/** How long a {@link wideObjectsDocument} is: about this many characters, or exactly this many items. */
export type WideObjectsSize = { readonly bytes: number } | { readonly items: number };

/**
 * A deterministic JSON object holding one wide array of small records, one per
 * line, as a model lists items: `{ "items": [ { "id": 1, "name": "…", "tags":
 * ["a"] }, … ] }`. Names mix ASCII, accented letters, CJK and an emoji; one to
 * three tags each.
 */
export function wideObjectsDocument(size: WideObjectsSize): string {
  const items: string[] = [];
  let length = 24;
  for (let id = 0; ; id++) {
    if ('items' in size && items.length === size.items) break;
    const item = `    { "id": ${id}, "name": ${JSON.stringify(nameOf(id))}, "tags": ${JSON.stringify(tagsOf(id)).replaceAll(',', ', ')} }`;
    if ('bytes' in size && length + item.length + 2 > size.bytes && items.length > 0) break;
    items.push(item);
    length += item.length + 2;
  }
  return `{\n  "items": [\n${items.join(',\n')}\n  ]\n}`;
}

const first = ['Ada', 'Grace', 'José', 'Zoë', 'Linus', 'Søren', '美咲', 'Ngozi', 'Olek', 'Priya', 'Émile'];
const last = ['Lovelace', 'Hopper', 'Martí', 'Nguyễn', 'Torvalds', 'Kierkegaard', '山田', 'Okafor', 'Nowak', 'Rao 🌊'];
const tags = ['a', 'river', 'delta', 'flood-plain', 'tributary', 'weir', 'b'];

function nameOf(id: number): string {
  return `${first[id % first.length] as string} ${last[(id * 7) % last.length] as string}`;
}

function tagsOf(id: number): string[] {
  return Array.from({ length: 1 + (id % 3) }, (_, k) => tags[(id + k * 3) % tags.length] as string);
}
