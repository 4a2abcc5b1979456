// Names of prepared statements. A connection may be shared by stores of several schemas (a PGlite
// database, a `pg` pool), and a name that two texts shared would run the wrong one: the name is
// made from the text. PostgreSQL keeps 63 bytes of a name; these have 23.

/** Names made so far, by text: a store sends the same few texts again and again. */
const names = new Map<string, string>();

/**
 * The name a connection prepares `text` under: `maslul_` and a 64-bit hash of the text in
 * hexadecimal (cyrb53's two 32-bit lanes, both kept, over the text's UTF-16 code units).
 */
export function statementName(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = hashName(text);
    names.set(text, name);
  }
  return name;
}

function hashName(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ unit, 2654435761);
    h2 = Math.imul(h2 ^ unit, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507);
  h1 ^= Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507);
  h2 ^= Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  const hex = (n: number) => (n >>> 0).toString(16).padStart(8, '0');
  return `maslul_${hex(h2)}${hex(h1)}`;
}
