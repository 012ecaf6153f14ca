import { z } from 'zod';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary as commonDictionary } from '@zxcvbn-ts/language-common';
import { dictionary as englishDictionary, translations } from '@zxcvbn-ts/language-en';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable" against an online attack and a slow hash (NCSC: block common passwords). */
export const PASSWORD_MIN_SCORE = 3;

export const PASSWORD_RULES =
  'Use at least 12 characters. Three or four unrelated words make a good password. Avoid common passwords, your name and your email address.';

/**
 * zxcvbn's feedback in words a care worker understands, each written to follow "Password: ".
 * The keys are zxcvbn's own; anything not listed here falls back to its English wording.
 */
const WARNINGS: Partial<Record<keyof typeof translations.warnings, string>> = {
  straightRow: 'a row of keys on the keyboard is easy to guess.',
  keyPattern: 'a keyboard pattern is easy to guess.',
  simpleRepeat: 'repeated letters or numbers like "aaa" are easy to guess.',
  extendedRepeat: 'repeated patterns like "abcabcabc" are easy to guess.',
  sequences: 'sequences like "abc" or "123" are easy to guess.',
  recentYears: 'recent years are easy to guess.',
  dates: 'dates are easy to guess.',
  topTen: 'this is one of the most common passwords.',
  topHundred: 'this is a very common password.',
  common: 'this is a very common password.',
  similarToCommon: 'this is too like a common password.',
  wordByItself: 'a single word is easy to guess.',
  namesByThemselves: 'a single name or surname is easy to guess.',
  commonNames: 'common names and surnames are easy to guess.',
  userInputs: 'it must not contain your name, email address or organisation.',
};
const SUGGESTIONS: Partial<Record<keyof typeof translations.suggestions, string>> = {
  l33t: 'Swapping letters for look-alikes, like "@" for "a", does not help.',
  reverseWords: 'Spelling a common word backwards does not help.',
  allUppercase: 'Capital letters throughout do not help.',
  capitalization: 'A capital first letter does not help.',
  dates: 'Avoid dates and years that mean something to you.',
  recentYears: 'Avoid recent years.',
  associatedYears: 'Avoid years that mean something to you.',
  sequences: 'Avoid sequences like "abc" or "123".',
  repeated: 'Avoid repeating words and letters.',
  longerKeyboardPattern: 'Avoid keyboard patterns.',
  anotherWord: 'Add another word or two.',
  useWords: 'Use three or four unrelated words, not a common phrase.',
  noNeed: 'Symbols, numbers and capital letters are not needed.',
};

// Building zxcvbn's ranked dictionaries takes a noticeable moment: once per process, on first use.
let factory: ZxcvbnFactory | undefined;
function checker(): ZxcvbnFactory {
  factory ??= new ZxcvbnFactory({
    translations: {
      ...translations,
      warnings: { ...translations.warnings, ...WARNINGS },
      suggestions: { ...translations.suggestions, ...SUGGESTIONS },
    },
    graphs: adjacencyGraphs,
    dictionary: { ...commonDictionary, ...englishDictionary },
  });
  return factory;
}

/** The words of a person's own details that a password must not lean on: their name, email address and organisation. */
function personalWords(userInputs: readonly (string | null | undefined)[]): string[] {
  const words = new Set<string>();
  for (const input of userInputs) {
    const value = input?.trim().toLowerCase();
    if (!value) continue;
    words.add(value);
    // "jo.bloggs@example.nhs.uk" → "jo", "bloggs", "example", "nhs"…; "Jo Bloggs" → "jo", "bloggs".
    for (const part of value.split(/[^\p{L}\p{N}]+/u)) if (part.length >= 3) words.add(part);
  }
  return [...words];
}

/** Letters and digits only, lower-case: "Jo Bloggs" and "jo.bloggs" both become "jobloggs". */
function squash(value: string): string {
  return value.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * Why a new password is not good enough, as one sentence naming the field, or null when it is.
 * NCSC guidance: length and a deny-list of common and guessable passwords, no composition rules.
 */
export function passwordPolicyProblem(
  password: string,
  userInputs: readonly (string | null | undefined)[] = [],
  label = 'Password',
): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `${label} must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (password.length > PASSWORD_MAX_LENGTH) return `${label} must be ${PASSWORD_MAX_LENGTH} characters or fewer`;
  // zxcvbn only ranks each personal word as guessable; a password built around the whole name,
  // email address or organisation ("Jo Bloggs 2024!") is refused outright.
  const compact = squash(password);
  const wholes = userInputs.map((input) => squash(input?.split('@')[0] ?? '')).filter((w) => w.length >= 4);
  if (wholes.some((whole) => compact.includes(whole))) {
    return `${label}: ${WARNINGS.userInputs} ${SUGGESTIONS.anotherWord}`;
  }
  const result = checker().check(password, personalWords(userInputs));
  if (result.score >= PASSWORD_MIN_SCORE) return null;
  const { warning, suggestions } = result.feedback;
  const advice = [warning ?? 'this password is too easy to guess.', suggestions[0] ?? 'Add another word or two.'];
  return `${label}: ${advice.join(' ')}`;
}

/**
 * The zod check for every schema that sets a password: adds the policy's message to `path`.
 * Use in an object's superRefine, so the person's own details (name, email) from the same form count.
 */
export function checkNewPassword(
  ctx: z.RefinementCtx,
  password: string,
  options: { path: string; label?: string; userInputs?: readonly (string | null | undefined)[] },
): void {
  const problem = passwordPolicyProblem(password, options.userInputs, options.label);
  if (problem) ctx.addIssue({ code: 'custom', path: [options.path], message: problem });
}

/** A new password's field on its own (no personal details to hand), e.g. where the use case adds them. */
export function newPasswordField(label = 'Password', missing = 'Enter a password') {
  return z.string({ error: missing }).superRefine((v, ctx) => {
    const problem = passwordPolicyProblem(v, [], label);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}
