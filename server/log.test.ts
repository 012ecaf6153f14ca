import { describe, expect, it } from 'vitest';
import { errorMessage, routeOf } from './log';

describe('the request log', () => {
  it('keeps the route and drops the query string and fragment, which may carry an NHS number, a name or a token', () => {
    const input = encodeURIComponent(JSON.stringify({ query: '943 476 5919', name: 'Winifred Ashby' }));
    expect(routeOf(`/api/trpc/patients.search?input=${input}`)).toBe('/api/trpc/patients.search');
    expect(routeOf('/api/trpc/patients.search,patients.get?batch=1&input=%7B%7D')).toBe('/api/trpc/patients.search,patients.get');
    expect(routeOf('/invitation#secret-token')).toBe('/invitation');
    expect(routeOf('/patients/0b5c1c7e-0000-4000-8000-000000000000?tab=timeline')).toBe('/patients/0b5c1c7e-0000-4000-8000-000000000000');
    expect(routeOf('http://localhost:3000/caseload?sort=risk')).toBe('/caseload');
  });
});

describe('an error in the log', () => {
  it('is a refused query’s database message, never its SQL values (a name or NHS number searched for)', () => {
    const cause = new Error('Connection terminated unexpectedly');
    const failed = new Error('Failed query: select * from patients where nhs_number = $1\nparams: 9434765919', { cause });
    expect(errorMessage(failed)).toBe('a database query failed: Connection terminated unexpectedly');
    expect(errorMessage(new Error('Failed query: select 1\nparams: Margaret'))).toBe('a database query failed');
    expect(errorMessage(new Error('plain'))).toBe('plain');
    expect(errorMessage('text')).toBe('text');
  });
});
