import { describe, expect, it } from 'vitest';
import { appRouter } from '../trpc/app-router';
import { ACTION_WORDS, describeAction } from './action-words';

describe('audit action words', () => {
  it('every procedure has plain words for "who has seen this record"', () => {
    const paths = Object.keys((appRouter as unknown as { _def: { procedures: Record<string, unknown> } })._def.procedures);
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((p) => !(p in ACTION_WORDS))).toEqual([]);
  });

  it('says when a write did not save, and falls back to the action for anything unknown', () => {
    expect(describeAction('patients.update:failed')).toBe('Changed details on the record (not saved)');
    expect(describeAction('timeline.note')).toBe('Wrote to the timeline');
    expect(describeAction('something.new')).toBe('something.new');
  });
});
