/** A trip plan of `days` days, about 200 bytes of JSON a day. */
export function tripPlan(days: number): object {
  return {
    destination: 'Lisbon',
    summary: 'Trams, tiles and custard tarts: a slow week by the Tagus.',
    days: Array.from({ length: days }, (_, i) => ({
      day: i + 1,
      title: `Day ${i + 1}: Alfama and the river`,
      activities: ['Tram 28 to the castle at opening time', `Lunch at tasca number ${i}`, 'Sunset at a miradouro with a ginjinha'],
    })),
  };
}

/** `text` cut into pieces of `size` characters, as a model streams it. */
export function pieces(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size));
  return out;
}
