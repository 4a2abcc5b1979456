// Fenced code blocks in Markdown or TSDoc text: shared by the TSDoc example check and the docs test.

/** Languages whose blocks are TypeScript. */
export const typescriptLanguages = new Set(['ts', 'typescript', 'tsx']);

/**
 * Every fenced block in `text`: its language, its flags (the words after the language), its code
 * and the 0-based line of its first code line.
 */
export function fencesOf(text) {
  const lines = text.split('\n');
  const fences = [];
  let open;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const match = /^\s*(`{3,}|~{3,})\s*([\w-]*)\s*(.*)$/.exec(line);
    if (!open && match) {
      open = {
        marker: match[1],
        language: match[2],
        flags: match[3].split(/\s+/).filter(Boolean),
        start: i + 1,
        code: [],
      };
    } else if (open && match?.[1].startsWith(open.marker) && !match[2]) {
      fences.push({
        language: open.language,
        flags: open.flags,
        line: open.start,
        code: open.code.join('\n'),
      });
      open = undefined;
    } else if (open) {
      open.code.push(line);
    }
  }
  return fences;
}
