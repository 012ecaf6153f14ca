import { describe, expect, it } from 'vitest';
import { testNhsNumber, withCheckDigit } from '../../db/factories';
import { formatNhsNumber, isValidNhsNumber, normaliseNhsNumber } from './nhs-number';
import { NhsNumberSchema } from './nhs-number-schema';

describe('NHS number modulus-11 check', () => {
  it('accepts a valid number and rejects the same number with a wrong check digit', () => {
    expect(isValidNhsNumber('9434765919')).toBe(true);
    expect(isValidNhsNumber('9434765918')).toBe(false);
  });

  it('accepts the spaces and dashes people type', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('943-476-5919')).toBe(true);
    expect(normaliseNhsNumber(' 943 476-5919 ')).toBe('9434765919');
  });

  it('rejects wrong lengths and non-digits', () => {
    for (const bad of ['', '943476591', '94347659190', '94347659a9', 'abcdefghij']) expect(isValidNhsNumber(bad)).toBe(false);
  });

  it('rejects a stem whose check digit would be 10', () => {
    // A stem whose weighted sum leaves remainder 1 needs check digit 10, which cannot exist.
    let stem = '';
    for (let i = 0; i < 1000 && !stem; i++) {
      const s = `999${String(i).padStart(6, '0')}`;
      if (withCheckDigit(s) === null) stem = s;
    }
    expect(stem).not.toBe('');
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`${stem}${d}`)).toBe(false);
  });

  it('treats a check result of 11 as 0', () => {
    // A stem whose weighted sum divides by 11 gives 11 - 0 = 11, written as check digit 0.
    let found = '';
    for (let i = 0; i < 1000 && !found; i++) {
      const s = `999${String(i).padStart(6, '0')}`;
      let sum = 0;
      for (let k = 0; k < 9; k++) sum += Number(s[k]) * (10 - k);
      if (sum % 11 === 0) found = s;
    }
    expect(found).not.toBe('');
    expect(isValidNhsNumber(`${found}0`)).toBe(true);
    expect(isValidNhsNumber(`${found}1`)).toBe(false);
  });

  it('generates valid numbers only in the 999 test range', () => {
    for (let i = 0; i < 200; i++) {
      const n = testNhsNumber(i * 13);
      expect(n.startsWith('999')).toBe(true);
      expect(isValidNhsNumber(n)).toBe(true);
    }
  });

  it('gives a message naming the NHS number for each problem', () => {
    const messages = (v: unknown) => {
      const r = NhsNumberSchema.safeParse(v);
      return r.success ? [] : r.error.issues.map((i) => i.message);
    };
    expect(messages('')).toContain('Enter the NHS number');
    expect(messages('12345')).toContain('NHS number must be 10 digits');
    expect(messages('9434765918')).toContain('NHS number is not valid: check the digits');
    expect(messages(9434765919)).toContain('Enter the NHS number');
    expect(NhsNumberSchema.parse('943 476 5919')).toBe('9434765919');
  });

  it('formats for display as 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
});
