import { describe, expect, it } from 'vitest';
import { safePath } from '../app/lib/safe-path';
import { withDone } from '../app/lib/with-done';

describe('a confirmation added to the page an action returns to', () => {
  it('keeps the path, its other parameters and its fragment', () => {
    expect(withDone('/tasks?view=team#t1', 'picked-up')).toBe('/tasks?view=team&done=picked-up#t1');
  });

  it('never turns a path inside carenav into an address elsewhere', () => {
    for (const path of ['/.//evil.example', '/a/..//evil.example/x']) {
      // safePath lets these through (they start with one slash) ...
      expect(safePath(path, '/')).toBe(path);
      // ... and resolved they would begin "//", another site: they come back as the home page.
      expect(withDone(path, 'completed')).toBe('/?done=completed');
    }
  });
});
