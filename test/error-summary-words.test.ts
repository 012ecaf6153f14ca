import { describe, expect, it } from 'vitest';
import { summaryLine } from '../app/lib/summary-line';

// #17 item 12: the error summary names each field once, by the label the page shows.
describe('a line of the error summary', () => {
  it('does not repeat a field name the message already gives ("My strengths: My strengths…")', () => {
    expect(summaryLine('My strengths', 'My strengths must be 2000 characters or fewer')).toBe(
      'My strengths must be 2000 characters or fewer',
    );
    expect(summaryLine('Life satisfaction', 'Life satisfaction: choose a score from 0 to 10')).toBe(
      'Life satisfaction: choose a score from 0 to 10',
    );
    expect(summaryLine('Reason for the referral', 'Enter the reason for the referral')).toBe('Enter the reason for the referral');
    expect(summaryLine('Carer’s email address', 'Enter an email address')).toBe('Enter an email address');
    expect(summaryLine('Notes (optional)', 'Notes must be 1000 characters or fewer')).toBe('Notes must be 1000 characters or fewer');
  });

  it('names the field by its label when the message does not', () => {
    expect(summaryLine('Who will do it', 'Choose someone already involved in this person’s care, or a team queue')).toBe(
      'Who will do it: Choose someone already involved in this person’s care, or a team queue',
    );
    expect(summaryLine('How urgent is it?', 'Choose how urgent it is')).toBe('How urgent is it? Choose how urgent it is');
    expect(summaryLine(undefined, 'Choose a reason')).toBe('Choose a reason');
  });
});
