// What a fresh clone has, and what the repository's files point at that it may lack.
//
// A clone has the files git tracks, nothing beside the repository and nothing a build or a run
// writes (dist/, docs/api/, .maslul-data/). A link, a relative path or the name of a document
// that is not among those is something a newcomer follows and does not find.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, extname, join, posix } from 'node:path';
import { root } from './snippets.js';

/** The files a clone has: tracked, plus new files not ignored (so a file being written is checked too). */
export function cloneFiles(): string[] {
  const out = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '-z'],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return out.split('\0').filter((file) => file !== '');
}

/** What one file points at that a clone lacks, one sentence each. */
export interface Finding {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}

const TEXT = new Set([
  '.md',
  '.ts',
  '.tsx',
  '.mts',
  '.cts',
  '.js',
  '.mjs',
  '.cjs',
  '.json',
  '.yml',
  '.yaml',
  '.sh',
  '.sql',
  '.html',
  '.css',
]);

/** The text files worth reading: sources, docs and configs (not the lockfile, not images). */
export function textFiles(files: readonly string[]): string[] {
  return files.filter(
    (file) =>
      (TEXT.has(extname(file)) || posix.basename(file) === 'run') &&
      !file.endsWith('package-lock.json'),
  );
}

// `[text](target)`, `![alt](target)` and `[label]: target` in Markdown.
const INLINE_LINK = /!?\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g;
const REFERENCE_LINK = /^[ \t]*\[[^\]\n]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/gm;
// A relative path that starts by going up: `../x`, `../../shared/y`.
const UP_PATH = /(?<![\w.\-/])((?:\.\.\/)+)([\w.\-@/]*)/g;
// The documents that lived beside the repository before they moved into docs/.
const OUTSIDE_DOCUMENTS = /\b(PROGRAM|DESIGN|STYLE)\.md\b/g;
// A path on one machine: a home folder or the folder a session worked in.
const MACHINE_PATH = /(?<![\w.])\/(?:home|Users|work)\/[\w.-]+/g;

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

/** True when `target` is a web address, an anchor or a mail link, not a file. */
const external = (target: string): boolean => /^(?:[a-z][a-z0-9+.-]*:|#|\/\/)/i.test(target);

/** The findings of one file, given the set of files (and their folders) a clone has. */
export function findingsOf(file: string, text: string, present: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  const folder = dirname(file);
  const add = (index: number, message: string) =>
    findings.push({ file, line: lineOf(text, index), message });

  if (file.endsWith('.md')) {
    for (const match of [...text.matchAll(INLINE_LINK), ...text.matchAll(REFERENCE_LINK)]) {
      const target = match[1] ?? '';
      if (external(target)) continue;
      const path = decodeURIComponent(target.replace(/[#?].*$/, ''));
      if (path === '') continue;
      const resolved = posix.normalize(posix.join(folder, path)).replace(/\/$/, '');
      if (resolved.startsWith('..'))
        add(
          match.index,
          `the link "${target}" points outside the repository: move what it names into it`,
        );
      else if (!present.has(resolved))
        add(match.index, `the link "${target}" names "${resolved}", which a clone does not have`);
    }
  }
  for (const match of text.matchAll(UP_PATH)) {
    const resolved = posix.normalize(posix.join(folder, `${match[1]}${match[2]}`));
    if (resolved.startsWith('..'))
      add(
        match.index,
        `"${match[0]}" goes outside the repository from ${file}: name a file inside it`,
      );
  }
  for (const match of text.matchAll(OUTSIDE_DOCUMENTS))
    add(match.index, `"${match[0]}" is not in a clone: name docs/${match[1]?.toLowerCase()}.md`);
  for (const match of text.matchAll(MACHINE_PATH))
    add(match.index, `"${match[0]}" is a path on one machine: name a path in the repository`);
  return findings;
}

/** Every finding in the repository. */
export function repositoryFindings(): Finding[] {
  const files = cloneFiles();
  const present = new Set<string>(files);
  for (const file of files)
    for (let folder = dirname(file); folder !== '.'; folder = dirname(folder)) present.add(folder);
  return textFiles(files).flatMap((file) =>
    findingsOf(file, readFileSync(join(root, file), 'utf8'), present),
  );
}
