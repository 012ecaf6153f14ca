import { z } from 'zod';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { organisations, services, type ServiceCategory } from '../../db/schema';
import type { Actor } from '../access/actor';
import { writeAudit } from '../audit/write-audit';
import { Invalid } from '../errors';
import { newId } from '../ids';

/**
 * The parts of an Open Referral UK / HSDS 3 service that the directory uses. Everything else in
 * the feed is ignored; anything here may be missing or untidy, as real feeds are.
 */
const Text = z.string().trim();
const Phone = z.object({ number: z.union([Text, z.number()]).optional(), extension: z.union([Text, z.number()]).nullish() }).passthrough();
const OrukService = z
  .object({
    id: z.union([Text.min(1), z.number()]).transform(String),
    name: Text.min(1).max(200),
    description: Text.nullish(),
    status: Text.nullish(),
    email: Text.nullish(),
    url: Text.nullish(),
    eligibility_description: Text.nullish(),
    organization: z.object({ name: Text.min(1) }).passthrough(),
    phones: z.array(Phone).nullish(),
    contacts: z.array(z.object({ email: Text.nullish(), phones: z.array(Phone).nullish() }).passthrough()).nullish(),
    service_areas: z.array(z.object({ name: Text.nullish(), description: Text.nullish() }).passthrough()).nullish(),
    service_at_locations: z
      .array(
        z
          .object({
            location: z
              .object({
                name: Text.nullish(),
                addresses: z
                  .array(z.object({ city: Text.nullish(), postal_code: Text.nullish(), address_1: Text.nullish() }).passthrough())
                  .nullish(),
              })
              .passthrough()
              .nullish(),
          })
          .passthrough(),
      )
      .nullish(),
    attributes: z
      .array(z.object({ taxonomy_term: z.object({ name: Text.nullish(), code: Text.nullish() }).passthrough().nullish() }).passthrough())
      .nullish(),
    taxonomies: z.array(z.object({ name: Text.nullish() }).passthrough()).nullish(),
  })
  .passthrough();
type OrukService = z.infer<typeof OrukService>;

/** What each part of a feed record is called in the report, in an administrator's words. */
const FIELD_WORDS: Record<string, string> = {
  id: 'The service’s id',
  name: 'The service’s name',
  'organization.name': 'The name of the organisation that runs it',
  organization: 'The organisation that runs it (“organization”)',
  description: 'The description',
  status: 'The status',
  email: 'The email address',
  url: 'The web address',
  eligibility_description: 'Who it is for (“eligibility_description”)',
  phones: 'The phone numbers',
  contacts: 'The contacts',
  service_areas: 'The areas it covers (“service_areas”)',
  service_at_locations: 'Where it is (“service_at_locations”)',
  attributes: 'The categories (“attributes”)',
  taxonomies: 'The categories (“taxonomies”)',
};

/**
 * Why a record was skipped, naming the field in words ("The service’s name is missing"), never a
 * validator's own message ("Invalid input: expected string, received undefined").
 */
export function skipReason(issue: z.core.$ZodIssue): string {
  const path = issue.path.filter((p): p is string => typeof p === 'string');
  if (path.length === 0) return 'It is not a service: each record must be an object with an id, a name and an organization';
  const field = FIELD_WORDS[path.join('.')] ?? FIELD_WORDS[path[0] ?? ''] ?? `The “${path.join('.')}” field`;
  const missing = (issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined;
  if (missing || (issue.code === 'too_small' && issue.origin === 'string')) return `${field} is missing`;
  if (issue.code === 'too_big' && issue.origin === 'string') return `${field} is longer than ${String(issue.maximum)} characters`;
  if (issue.code === 'invalid_type' && issue.expected === 'array') return `${field} should be a list`;
  if (issue.code === 'invalid_type' && issue.expected === 'object') return `${field} should have its own fields (an object)`;
  if (issue.code === 'invalid_type' && issue.expected === 'string') return `${field} should be text`;
  return `${field} is not in a form carenav can read`;
}

export type ImportReport = {
  created: number;
  updated: number;
  skipped: { index: number; id: string; name: string; reason: string }[];
};

// Category from the feed's taxonomy terms, then the service's own words; most ORUK feeds are
// voluntary and community directories, so that is the default.
const CATEGORY_WORDS: [ServiceCategory, RegExp][] = [
  ['carers_support', /\bcarers?\b/i],
  ['mental_health', /mental health|counsel|talking therap|wellbeing service/i],
  ['adult_social_care', /social care|care act|social work|reablement/i],
  ['housing', /housing|tenan|homeless|adaptation|warm home/i],
  ['community_health', /district nurs|community health|physiotherap|occupational therap|nursing/i],
  ['navigator_team', /navigat|social prescrib|care coordinat/i],
];

function categoryOf(s: OrukService): ServiceCategory {
  const terms = [
    ...(s.attributes ?? []).flatMap((a) => [a.taxonomy_term?.name, a.taxonomy_term?.code]),
    ...(s.taxonomies ?? []).map((t) => t.name),
  ];
  for (const text of [terms.filter(Boolean).join(' '), `${s.name} ${s.description ?? ''}`]) {
    const hit = CATEGORY_WORDS.find(([, re]) => re.test(text));
    if (hit) return hit[0];
  }
  return 'voluntary_community';
}

// Feeds store phone numbers untidily (e.g. with quotation marks inside the string).
const cleanPhone = (p: z.infer<typeof Phone>) => {
  const number = String(p.number ?? '')
    .replace(/["']/g, '')
    .trim();
  return number ? `${number}${p.extension ? ` ext. ${String(p.extension)}` : ''}` : '';
};

const clip = (text: string | null | undefined, max: number) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, max);

function fieldsOf(s: OrukService) {
  const phone = [...(s.phones ?? []), ...(s.contacts ?? []).flatMap((c) => c.phones ?? [])].map(cleanPhone).find(Boolean) ?? '';
  const email = s.email || s.contacts?.find((c) => c.email)?.email || '';
  const address = s.service_at_locations?.flatMap((l) => l.location?.addresses ?? [])[0];
  const area = address ? [address.city, address.postal_code].filter(Boolean).join(' ') : (s.service_areas?.[0]?.name ?? '');
  return {
    name: s.name,
    providerName: clip(s.organization.name, 200),
    category: categoryOf(s),
    area: clip(area, 200),
    description: clip(s.description, 2000),
    eligibility: clip(s.eligibility_description, 1000),
    contact: clip([phone && `Phone ${phone}`, email && `Email ${email}`, s.url && `Web ${s.url}`].filter(Boolean).join(' · '), 500),
    active: !s.status || s.status === 'active',
  };
}

/** The service records in a feed: an array, a `/services` page (`contents`), or one service. */
function recordsOf(feed: unknown): unknown[] {
  if (Array.isArray(feed)) return feed;
  if (feed && typeof feed === 'object') {
    const page = feed as { contents?: unknown; services?: unknown };
    if (Array.isArray(page.contents)) return page.contents;
    if (Array.isArray(page.services)) return page.services;
    if ('id' in feed || 'name' in feed) return [feed];
  }
  throw new Invalid(
    'file',
    'The file is not an Open Referral services feed: expected a list of services, a page with "contents", or one service',
  );
}

/**
 * Imports an Open Referral UK (HSDS 3) services feed into the directory: each record is validated,
 * then created or updated by the feed's id; bad records are skipped with the reason. A service is
 * linked to the carenav organisation of the same name, so referrals to it reach that team's inbox.
 */
export async function importOrukFeed(db: Db, actor: Actor | null, feed: unknown, now = Date.now()): Promise<ImportReport> {
  const records = recordsOf(feed);
  const report: ImportReport = { created: 0, updated: 0, skipped: [] };
  await db.transaction(async (tx) => {
    const orgByName = new Map(
      (await tx.select({ id: organisations.id, name: organisations.name }).from(organisations).all()).map((o) => [
        o.name.toLowerCase(),
        o.id,
      ]),
    );
    const seen = new Set<string>();
    for (const [index, record] of records.entries()) {
      const parsed = OrukService.safeParse(record, { reportInput: true });
      const raw = (record && typeof record === 'object' ? record : {}) as { id?: unknown; name?: unknown };
      const label = {
        index,
        id: typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : '',
        name: typeof raw.name === 'string' ? raw.name.slice(0, 200) : '',
      };
      if (!parsed.success) {
        const reason = [...new Set(parsed.error.issues.map(skipReason))].join('; ');
        report.skipped.push({ ...label, reason });
        continue;
      }
      const s = parsed.data;
      if (seen.has(s.id)) {
        report.skipped.push({ ...label, reason: 'The same id appears earlier in this file' });
        continue;
      }
      seen.add(s.id);
      const fields = fieldsOf(s);
      const linked = orgByName.get(fields.providerName.toLowerCase());
      const existing = await tx
        .select({ id: services.id, organisationId: services.organisationId })
        .from(services)
        .where(eq(services.externalId, s.id))
        .get();
      if (existing) {
        // An administrator may have linked the service by hand: keep that unless the feed names a carenav organisation.
        await tx
          .update(services)
          .set({ ...fields, organisationId: linked ?? existing.organisationId, updatedAt: now })
          .where(eq(services.id, existing.id))
          .run();
        report.updated++;
      } else {
        await tx
          .insert(services)
          .values({ id: newId(), externalId: s.id, ...fields, organisationId: linked ?? null, createdAt: now, updatedAt: now })
          .run();
        report.created++;
      }
    }
    const detail = `Open Referral import: ${report.created} created, ${report.updated} updated, ${report.skipped.length} skipped`;
    if (actor?.access?.audit) {
      actor.access.audit.detail(detail);
      return;
    }
    // From the command line (no call, no executor): the import's row is written here.
    await writeAudit(tx, actor, {
      action: 'directory.import',
      patientId: null,
      outcome: 'granted',
      rule: actor ? 'admin.manage' : 'command_line',
      reason: detail,
    });
  });
  return report;
}

/** How many services the directory holds (for the import page). */
export const countServices = async (db: Db) =>
  (await db
    .select({ n: sql<number>`count(*)` })
    .from(services)
    .get())!.n;

export const ImportFeedSchema = z.object({
  feed: z
    .string({ error: 'Choose a JSON file to import' })
    .min(1, 'Choose a JSON file to import')
    .max(5_000_000, 'The file is too large: at most 5 MB'),
});

/** The import as the admin page and the API call it: the feed as JSON text. */
export async function importFeedText(db: Db, actor: Actor | null, input: z.infer<typeof ImportFeedSchema>): Promise<ImportReport> {
  let feed: unknown;
  try {
    feed = JSON.parse(input.feed);
  } catch {
    throw new Invalid('file', 'The file is not valid JSON: export the feed again from the directory');
  }
  return await importOrukFeed(db, actor, feed);
}
