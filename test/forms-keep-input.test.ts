import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// #17 item 5: every form keeps every value after an error. React resets a form after its action and
// reads a select's, radio's or checkbox's default only when it mounts, so a form that is not
// remounted per answer forgets every choice. The one way to post to an action is ActionForm
// (app/components/action-form.tsx), keyed by the answer; these checks keep a new form from
// forgetting.

const root = join(__dirname, '..');
const app = join(root, 'app');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const actionForms = sources(app)
  .map((path) => ({ file: relative(root, path), text: readFileSync(path, 'utf8') }))
  .filter(({ file, text }) => /\buseActionState\b/.test(text) && file !== 'app/components/action-form.tsx');

describe('forms keep what was typed and chosen after an error (#17 item 5)', () => {
  it('finds the forms', () => {
    expect(actionForms.length).toBeGreaterThan(25);
  });

  for (const { file, text } of actionForms) {
    describe(file, () => {
      it('posts through ActionForm, never a bare <form> (which forgets selects, radios and checkboxes)', () => {
        expect(text).toMatch(/<ActionForm\b/);
        expect(text).not.toMatch(/<form\b/);
      });

      it('starts a choice that shows or hides fields from the kept value (useKeptValue), not from a stale useState', () => {
        expect(text).not.toMatch(/useState\(\s*fieldValue\(/);
      });

      it('ticks each checkbox as it was sent (fieldChecked, or fieldIncludes for a group sharing a name)', () => {
        const items = text.match(/<Checkboxes\.Item\b[^>]*>/g) ?? [];
        for (const item of items) expect(item).toMatch(/defaultChecked=\{field(Checked|Includes)\(/);
      });
    });
  }
});
