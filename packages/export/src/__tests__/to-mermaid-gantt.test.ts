import { kehilaMetiva } from '@maslul/kehila-metiva';
import { defineSchedule, solve } from '@maslul/timing';
import { describe, expect, it } from 'vitest';
import { toMermaidGantt } from '../index.js';
import { freshPlan, planWithFacts } from './fixtures.js';

interface Task {
  readonly name: string;
  readonly section: string | undefined;
  readonly tags: readonly string[];
  readonly id: string;
  readonly start: string;
  readonly end: string;
}

const TAGS = new Set(['crit', 'done', 'active', 'milestone']);
const decode = (text: string) =>
  text.replace(/#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

/**
 * A small reader of the gantt subset the export writes, strict where Mermaid's grammar is: a task
 * line is `name :data` with no `#` or `;` outside entity codes, and no colon in the name.
 */
function parseGantt(text: string) {
  const lines = text.split('\n');
  expect(lines[0]).toBe('gantt');
  expect(lines.at(-1)).toBe('');
  let title: string | undefined;
  let section: string | undefined;
  const keywords: string[] = [];
  const sections: string[] = [];
  const tasks: Task[] = [];
  for (const raw of lines.slice(1, -1)) {
    expect(raw.startsWith('  ')).toBe(true);
    const line = raw.slice(2);
    expect(line.replace(/#\d+;/g, '')).not.toMatch(/[#;]/);
    if (line.startsWith('title ')) title = decode(line.slice(6));
    else if (line.startsWith('section ')) {
      expect(line).not.toMatch(/:/);
      section = decode(line.slice(8));
      sections.push(section);
    } else if (!line.includes(':')) keywords.push(line);
    else {
      const [name = '', data = '', ...rest] = line.split(':');
      expect(rest).toEqual([]);
      const fields = data.split(', ');
      const tags = fields.filter((f) => TAGS.has(f));
      const [id = '', start = '', end = ''] = fields.slice(tags.length);
      expect(fields).toHaveLength(tags.length + 3);
      tasks.push({ name: decode(name.trimEnd()), section, tags, id, start, end });
    }
  }
  return { title, keywords, sections, tasks };
}

describe('toMermaidGantt', () => {
  it('writes every step once, in a section per track, in the program’s track order', () => {
    const plan = freshPlan();
    const gantt = parseGantt(toMermaidGantt(plan, { program: kehilaMetiva }));
    expect(gantt.title).toBe('Kehila Metiva: a thriving community');
    expect(gantt.keywords).toEqual(['dateFormat YYYY-MM-DD', 'inclusiveEndDates']);
    expect(gantt.tasks.map((t) => t.id).sort()).toEqual([...plan.order].sort());
    expect(gantt.sections).toEqual([
      'Long-term strategy',
      'Experiential pilot',
      'Support of the initiatives',
      'Convergence',
      'Steering committee',
    ]);
    for (const task of gantt.tasks) {
      const step = plan.steps[task.id as keyof typeof plan.steps];
      const track = kehilaMetiva.tracks.find((t) => t.id === step.group);
      expect(task.section).toBe(typeof track?.label === 'object' ? track.label.en : undefined);
      expect(task.name).toBe(step.label);
    }
  });

  it('places each task on its planned dates, one-day steps as milestones', () => {
    const plan = freshPlan();
    for (const task of parseGantt(toMermaidGantt(plan)).tasks) {
      const step = plan.steps[task.id as keyof typeof plan.steps];
      expect(task.start).toBe(step.start);
      const oneDay = step.start === step.finish;
      expect(task.end).toBe(oneDay ? '0d' : step.finish);
      expect(task.tags.includes('milestone')).toBe(oneDay);
    }
    const tasks = parseGantt(toMermaidGantt(plan)).tasks;
    expect(tasks.find((t) => t.id === 'S2')).toMatchObject({
      start: '2026-09-22',
      end: '2026-12-22',
    });
    expect(tasks.find((t) => t.id === 'Q')).toMatchObject({
      start: '2026-12-07',
      end: '2027-12-07',
    });
  });

  it('marks critical steps crit, recorded ones done and started ones active', () => {
    const { plan } = planWithFacts();
    const tasks = parseGantt(toMermaidGantt(plan, { program: kehilaMetiva })).tasks;
    for (const task of tasks) {
      const step = plan.steps[task.id as keyof typeof plan.steps];
      expect(task.tags.includes('crit')).toBe(step.critical);
      expect(task.tags.includes('done')).toBe(step.recorded.finish);
      expect(task.tags.includes('active')).toBe(step.recorded.start && !step.recorded.finish);
    }
    const tagsOf = (id: string) => tasks.find((t) => t.id === id)?.tags;
    expect(tagsOf('S1')).toContain('done');
    expect(tagsOf('S2')).toContain('active');
    // The program's target is S9 and C1: the quarterly meetings (Q) run on beside the critical path.
    expect(tagsOf('Q')).toEqual(['active']);
    expect(tagsOf('S9')).toEqual(['crit', 'milestone']);
    expect(tasks.filter((t) => t.tags.includes('crit')).length).toBeGreaterThan(0);
  });

  it('shows Hebrew labels and track names when asked', () => {
    const gantt = parseGantt(toMermaidGantt(freshPlan(), { program: kehilaMetiva, locale: 'he' }));
    expect(gantt.title).toBe('קהילה מיטיבה');
    expect(gantt.sections[0]).toBe('בניית תוכנית אסטרטגית - טווח ארוך');
    expect(gantt.tasks.find((t) => t.id === 'S1')?.name).toBe('מפגש ועדה מעצבת 1: חמישה אתגרים');
  });

  it('escapes what Mermaid cannot take in names, and makes ids it can', () => {
    const plan = solve(
      defineSchedule({
        'kick off': { label: 'Kickoff: #1; 100% ready', group: 'a: b' },
        '1st': { label: 'Title\nof the plan', after: 'kick off', group: 'a: b' },
        kick_off: { label: 'Section; the end', after: '1st' },
      }),
      { start: '2027-01-04' },
    );
    const text = toMermaidGantt(plan, { title: 'Plan #2; draft', axisFormat: '%Y-%m' });
    const gantt = parseGantt(text);
    expect(gantt.title).toBe('Plan #2; draft');
    expect(gantt.keywords).toContain('axisFormat %Y-%m');
    expect(gantt.sections).toEqual(['a: b']);
    expect(gantt.tasks.map((t) => [t.name, t.id, t.section])).toEqual([
      ['Section; the end', 'kick_off', undefined],
      ['Kickoff: #1; 100% ready', 'kick_off_2', 'a: b'],
      ['Title of the plan', 's1st', 'a: b'],
    ]);
    // A name that starts with a keyword does not read as one.
    expect(text).toContain('  #84;itle of the plan :');
  });
});
