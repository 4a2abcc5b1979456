import type { Issue } from '@maslul/timing';
import { checkDefinitionId } from './definition-id.js';
import { checkItemKinds } from './item-kind-checks.js';
import type { Draft } from './track-builder.js';

function checkSteps(draft: Draft, issues: Issue[]): void {
  const seen = new Set<string>();
  draft.steps.forEach((step) => {
    const path = ['steps', step.id];
    checkDefinitionId(step.id, 'step', path, issues);
    if (seen.has(step.id)) {
      issues.push({
        code: 'duplicate-step',
        path,
        rule: 'core.unique-step',
        step: step.id,
        message: `Step "${step.id}" is declared twice; give each step its own id.`,
      });
    }
    seen.add(step.id);
    if (step.by.length === 0) {
      issues.push({
        code: 'no-role',
        path: [...path, 'by'],
        rule: 'core.roles',
        step: step.id,
        message: `Step "${step.id}" names no role that may record it; nothing is open by default.`,
      });
    }
    step.by.forEach((role, k) => {
      if (!(role in draft.roles)) {
        issues.push({
          code: 'unknown-role',
          path: [...path, 'by', k],
          rule: 'core.known-role',
          step: step.id,
          message: `Step "${step.id}" may be recorded by "${role}", which is not a role of this program. Roles: ${Object.keys(
            draft.roles,
          )
            .map((r) => `"${r}"`)
            .join(', ')}.`,
        });
      }
    });
    (step.skip?.by ?? []).forEach((role, k) => {
      if (!(role in draft.roles)) {
        issues.push({
          code: 'unknown-role',
          path: [...path, 'optional', 'by', k],
          rule: 'core.known-role',
          step: step.id,
          message: `Step "${step.id}" may be skipped by "${role}", which is not a role of this program.`,
        });
      }
    });
    if (step.skip?.by.length === 0) {
      issues.push({
        code: 'no-role',
        path: [...path, 'optional', 'by'],
        rule: 'core.roles',
        step: step.id,
        message: `Step "${step.id}" is optional but names no role that may skip it; give optional: true (its own roles) or optional: { by: [...] }.`,
      });
    }
    for (const dependency of step.after) {
      if (typeof dependency === 'object' && dependency.step === '') {
        issues.push({
          code: 'no-previous-step',
          path: [...path, 'after'],
          rule: 'core.after',
          step: step.id,
          message: `Step "${step.id}" is the first of track "${step.track}", so a bare duration has no step to follow; write after: { step: "...", lag: ... }.`,
        });
      }
    }
    if (step.kind === 'span' && step.duration === undefined && step.fixed === undefined) {
      issues.push({
        code: 'invalid-step',
        path: [...path, 'duration'],
        rule: 'core.span-end',
        step: step.id,
        message: `Span "${step.id}" has neither a duration nor an "until" date; give one, e.g. duration: about(3, "months") or until: "2027-03-31".`,
      });
    }
    if (step.kind === 'series' && step.count === undefined) {
      issues.push({
        code: 'unbounded-series',
        path: [...path, 'repeat'],
        rule: 'core.series-count',
        step: step.id,
        message: `Series "${step.id}" needs a COUNT, so the runtime knows when it is done.`,
      });
    }
  });
}

function checkTracks(draft: Draft, issues: Issue[]): void {
  const seen = new Set<string>();
  draft.tracks.forEach((track) => {
    checkDefinitionId(track.id, 'track', ['tracks', track.id], issues);
    if (seen.has(track.id)) {
      issues.push({
        code: 'duplicate-track',
        path: ['tracks', track.id],
        rule: 'core.unique-track',
        message: `Track "${track.id}" is declared twice.`,
      });
    }
    seen.add(track.id);
    if (track.steps.length === 0) {
      issues.push({
        code: 'empty-track',
        path: ['tracks', track.id],
        rule: 'core.track-steps',
        message: `Track "${track.id}" has no steps; add at least one.`,
      });
    }
  });
  if (draft.tracks.length === 0) {
    issues.push({
      code: 'empty-program',
      path: ['tracks'],
      rule: 'core.track-steps',
      message: `Program "${draft.id}" has no tracks; add one with .track(id, label, (t) => t.milestone(...)).`,
    });
  }
}

/**
 * Every issue of a draft, found at once when the program is built: its version and id, its
 * tracks and steps, its item kinds, who may end it and its target. Timing (unknown references,
 * cycles, durations) is the schedule's to check.
 */
export function checkDraft(draft: Draft): Issue[] {
  const issues: Issue[] = [];
  if (!Number.isInteger(draft.version) || draft.version < 1) {
    issues.push({
      code: 'invalid-version',
      path: ['version'],
      rule: 'core.version',
      message: `Program "${draft.id}" has version ${JSON.stringify(draft.version)}; give a whole number from 1.`,
    });
  }
  checkDefinitionId(draft.id, 'program', ['id'], issues);
  checkTracks(draft, issues);
  checkSteps(draft, issues);
  checkItemKinds(draft, issues);
  for (const how of ['cancel', 'close'] as const) {
    for (const role of draft.ending?.[how]?.by ?? []) {
      if (!(role in draft.roles)) {
        issues.push({
          code: 'unknown-role',
          path: ['ending', how, 'by'],
          rule: 'core.known-role',
          message: `"run.${how}" names role "${role}", which the program does not declare in .roles(...).`,
        });
      }
    }
  }
  const known = new Set(draft.steps.map((step) => step.id));
  (draft.target ?? []).forEach((step, i) => {
    if (!known.has(step)) {
      issues.push({
        code: 'unknown-step',
        path: ['target', i],
        rule: 'core.known-step',
        step,
        message: `The program's target "${step}" is not a step of this program.`,
      });
    }
  });
  return issues;
}
