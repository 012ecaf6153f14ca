import { describe, expect, it } from 'vitest';
import { routeOf } from './log';

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
