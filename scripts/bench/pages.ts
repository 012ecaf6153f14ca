// Every page of the app (app/**/page.tsx), with real ids from the synthetic database and the user
// each is opened as. A page missing here fails the unit test that compares this list with app/.
import { Database } from '../../db/sqlite';
import type { Subjects } from './subjects';

export type As = 'navigator' | 'admin' | 'carer' | 'housing' | 'nobody';

/** Each page route, as under app/, and who opens it. */
export const PAGE_ROUTES: Record<string, As> = {
  '/': 'navigator',
  '/login': 'nobody',
  '/caseload': 'navigator',
  '/home': 'housing',
  '/patients': 'navigator',
  '/patients/new': 'navigator',
  '/patients/[id]': 'navigator',
  '/patients/[id]/about-me': 'navigator',
  '/patients/[id]/access': 'navigator',
  '/patients/[id]/care-team': 'navigator',
  '/patients/[id]/carers': 'navigator',
  '/patients/[id]/consent': 'navigator',
  '/patients/[id]/edit': 'navigator',
  '/patients/[id]/emergency-access': 'housing',
  '/patients/[id]/named-contact': 'navigator',
  '/patients/[id]/referrals/new': 'navigator',
  '/patients/[id]/tasks/new': 'navigator',
  '/patients/[id]/timeline/[eventId]/amend': 'navigator',
  '/patients/[id]/wellbeing': 'navigator',
  '/discharges': 'navigator',
  '/discharges/new': 'navigator',
  '/discharges/[id]': 'navigator',
  '/tasks': 'navigator',
  '/tasks/[id]': 'navigator',
  '/referrals': 'housing',
  '/referrals/[id]': 'housing',
  '/mdt': 'navigator',
  '/mdt/new': 'navigator',
  '/mdt/[id]': 'navigator',
  '/metrics': 'navigator',
  '/notifications': 'navigator',
  '/admin': 'admin',
  '/admin/access-reviews': 'admin',
  '/admin/checklist': 'admin',
  '/admin/organisations/new': 'admin',
  '/admin/services': 'admin',
  '/admin/services/[id]': 'admin',
  '/admin/users/new': 'admin',
  '/admin/users/[id]': 'admin',
  '/admin/users/clinical-review': 'admin',
  '/account': 'navigator',
  '/account/password': 'navigator',
  '/account/sessions': 'navigator',
  '/admin/carers': 'admin',
  '/carer': 'carer',
  '/carer/[patientId]/access': 'carer',
  // The invitation's secret travels after "#" (never sent to the server): the page is the same for every link.
  '/invitation': 'nobody',
};

export function pagePaths(database: string, s: Subjects): { route: string; path: string; as: As }[] {
  const sqlite = new Database(database, { readonly: true });
  const one = (query: string, ...params: unknown[]) =>
    sqlite
      .prepare(query)
      .pluck()
      .get(...params) as string;
  const team = s.navigator.organisation_id;
  // The id each dynamic segment takes: per route where routes differ, else per segment name.
  const person = s.heaviest.id;
  const byRoute: Record<string, string> = {
    '/discharges/[id]': one(
      'select d.id from discharges d join patients p on p.id = d.patient_id where p.caseload_organisation_id = ? limit 1',
      team,
    ),
    '/tasks/[id]': one("select id from tasks where assignee_organisation_id = ? and status = 'open' limit 1", team),
    // One the housing worker may open: the person's consent to share with housing is in force.
    '/referrals/[id]': one(
      `select r.id from referrals r where r.to_organisation_id = ? and r.status = 'sent' and (select decision from consents c
         where c.patient_id = r.patient_id and c.purpose = 'housing' order by c.decided_at desc limit 1) = 'granted' limit 1`,
      s.housingWorker.organisation_id,
    ),
    '/mdt/[id]': one('select id from mdt_meetings where organisation_id = ? limit 1', team),
    '/admin/services/[id]': one('select id from services limit 1'),
    '/admin/users/[id]': s.navigator.id,
  };
  const bySegment: Record<string, string> = {
    '[id]': person,
    '[eventId]': one(
      "select id from timeline_events where patient_id = ? and actor_user_id = ? and kind = 'note' limit 1",
      person,
      s.navigator.id,
    ),
    '[patientId]': one('select patient_id from carer_links where carer_user_id = ?', s.carer.id),
  };
  sqlite.close();
  return Object.entries(PAGE_ROUTES).map(([route, as]) => ({
    route,
    path: route.replace(/\[\w+\]/g, (segment) => byRoute[route] ?? bySegment[segment] ?? segment),
    as,
  }));
}
