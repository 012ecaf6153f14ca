import { eq } from 'drizzle-orm';
import type { Db } from '../client';
import { randomUUID } from 'node:crypto';
import { carerKeyOf, carerLinks, patients as patientsTable } from '../schema';
import type { ConsentPurpose, ContactMethod, RiskLevel, Sector } from '../schema';
import {
  insertCareTeamMember,
  insertConsent,
  insertOrganisation,
  insertPatient,
  insertTimelineEvent,
  insertUser,
  testNhsNumber,
} from '../factories';
import { DEMO_EMAIL_DOMAIN } from './demo-accounts';
import { seedDemoWork } from './demo-work';
import { seedDemoHistory } from './demo-history';

/** A small deterministic pseudo-random generator (mulberry32), so the demo is the same every time. */
export function seededRandom(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
    chance: (p: number) => next() < p,
  };
}

const GIVEN = [
  'Margaret',
  'Arthur',
  'Doris',
  'Kenneth',
  'Patricia',
  'Harold',
  'Joan',
  'Dennis',
  'Eileen',
  'Ronald',
  'Barbara',
  'Stanley',
  'Sheila',
  'Derek',
  'Maureen',
  'Leonard',
  'Iris',
  'Clifford',
  'Gwen',
  'Albert',
  'Hazel',
  'Norman',
  'Pauline',
  'Gordon',
  'Irene',
  'Trevor',
  'Valerie',
  'Bernard',
  'Winifred',
  'Cyril',
  'Nirmala',
  'Gurdev',
  'Olumide',
  'Agnieszka',
  'Desmond',
  'Beryl',
  'Mohammed',
  'Sadia',
  'Fergus',
  'Edna',
];
const FAMILY = [
  'Thompson',
  'Hughes',
  'Walker',
  'Robinson',
  'Wright',
  'Patel',
  'Clarke',
  'Harrison',
  'Begum',
  'Okafor',
  'Kowalski',
  'Jenkins',
  'Marsh',
  'Ashworth',
  'Lister',
  'Fairclough',
  'Brennan',
  'Sutcliffe',
  'Holroyd',
  'Khan',
  'Dobson',
  'Greenwood',
  'Pickles',
  'Atkinson',
  'Rhodes',
  'Singh',
  'Barker',
  'Haigh',
  'Stead',
  'Mensah',
];
const STREETS = [
  'Mill Lane',
  'Chapel Street',
  'Victoria Road',
  'Beech Grove',
  'Church Walk',
  'Station Road',
  'Moorside Close',
  'Albert Terrace',
  'Park View',
  'Canal Street',
];
const CONDITIONS = [
  'Heart failure',
  'COPD',
  'Type 2 diabetes',
  'Atrial fibrillation',
  'Chronic kidney disease stage 3',
  'Osteoarthritis',
  'Dementia (mild)',
  'Parkinson’s disease',
  'Hypertension',
  'Depression',
  'Macular degeneration',
  'Osteoporosis with previous hip fracture',
  'Stroke (2023), left-sided weakness',
  'Hearing loss',
];
const WHAT_MATTERS = [
  'Staying in my own home, near my garden.',
  'Seeing my grandchildren on Sundays.',
  'Getting back to the lunch club at the chapel.',
  'Keeping my dog, Bess, with me.',
  'Being able to get to the shops on my own again.',
  'Not going back into hospital.',
];
// In the person's own words, like what matters to them: any person may be given any of these.
const STRENGTHS = [
  'I know my medicines well and keep a list by the kettle.',
  'Good neighbours who check in on me daily.',
  'Determined: I do my exercises every morning.',
  'Close to my daughter, who lives ten minutes away.',
  'Sharp sense of humour; I enjoy company.',
];
const SHOULD_KNOW = [
  'Hard of hearing: please face me and speak clearly.',
  'Gets anxious about phone calls from unknown numbers; text first.',
  'Prefers to be called by first name.',
  'Daughter has lasting power of attorney for health and welfare.',
  'Please knock loudly and wait: it takes me a while to reach the door.',
];
const ACCESS = [
  'Key safe by the back door, code held by the care navigation team.',
  'Son (Paul) holds a spare key; lives on the same street.',
  'Neighbour at number 12 has a key.',
  'Door is usually unlocked in the day; ring the bell and call out.',
];
const NOTES: { sector: Sector; text: string; contact?: ContactMethod }[] = [
  {
    sector: 'primary',
    text: 'Phoned to check on breathing after the change to inhalers. Managing better; agreed review in 2 weeks.',
    contact: 'phone_call',
  },
  {
    sector: 'primary',
    text: 'Home visit: kitchen cold, boiler not working. Raised with housing. Meals on wheels discussed.',
    contact: 'home_visit',
  },
  { sector: 'primary', text: 'Medication review with the practice pharmacist: blister pack started.' },
  {
    sector: 'social',
    text: 'Care Act assessment started. Would like help with washing and dressing in the mornings.',
    contact: 'home_visit',
  },
  { sector: 'social', text: 'Care package agreed: two visits a day from Northshire Homecare.' },
  { sector: 'housing', text: 'Grab rails fitted in bathroom; stair rail quote requested.', contact: 'home_visit' },
  { sector: 'voluntary', text: 'Befriending volunteer matched; first visit Thursday.', contact: 'phone_call' },
  { sector: 'community', text: 'District nurse visit: leg ulcer dressing changed, healing well.', contact: 'home_visit' },
  { sector: 'primary', text: 'Text sent with the date of the memory clinic appointment.', contact: 'message' },
];

const DAY = 24 * 60 * 60_000;

/**
 * Loads the demo area: its organisations, the demo accounts (password "demo-password") and about
 * 40 people with care teams, consents and timelines. Deterministic for a given `now`.
 */
export async function seedDemo(db: Db, now = Date.now()): Promise<{ patients: number }> {
  const result = await seedDemoPeople(db, now);
  await seedDemoWork(db, now);
  await seedDemoHistory(db, now);
  return result;
}

async function seedDemoPeople(db: Db, now: number): Promise<{ patients: number }> {
  const rnd = seededRandom(20261121);
  return await db.transaction(async (tx) => {
    const navTeam = await insertOrganisation(tx, {
      name: 'Riverside Care Navigation Team',
      kind: 'navigator_team',
      phone: '0113 496 0100',
      email: 'riverside.navigators@example.nhs.uk',
      createdAt: now,
    });
    const practice = await insertOrganisation(tx, {
      name: 'Riverside Medical Practice',
      kind: 'gp_practice',
      odsCode: 'B86999',
      phone: '0113 496 0200',
      navigatorTeamId: navTeam.id,
      createdAt: now,
    });
    const otherPractice = await insertOrganisation(tx, {
      name: 'Hillside Surgery',
      kind: 'gp_practice',
      odsCode: 'B86998',
      phone: '0113 496 0300',
      navigatorTeamId: navTeam.id,
      createdAt: now,
    });
    const hospital = await insertOrganisation(tx, {
      name: 'Northgate Hospitals NHS Foundation Trust',
      kind: 'hospital_trust',
      odsCode: 'RXX',
      phone: '0113 496 0400',
      createdAt: now,
    });
    const socialCare = await insertOrganisation(tx, {
      name: 'Northshire Council Adult Social Care',
      kind: 'adult_social_care',
      phone: '0113 496 0500',
      createdAt: now,
    });
    const housing = await insertOrganisation(tx, { name: 'Northshire Homes', kind: 'housing', phone: '0113 496 0600', createdAt: now });
    const ageWell = await insertOrganisation(tx, {
      name: 'Age Well Northshire',
      kind: 'voluntary',
      phone: '0113 496 0700',
      createdAt: now,
    });
    const carersCentre = await insertOrganisation(tx, {
      name: 'Northshire Carers Centre',
      kind: 'voluntary',
      phone: '0113 496 0800',
      createdAt: now,
    });
    const community = await insertOrganisation(tx, {
      name: 'Northshire Community Health Team',
      kind: 'community_health',
      phone: '0113 496 0900',
      createdAt: now,
    });

    const email = (local: string) => `${local}@${DEMO_EMAIL_DOMAIN}`;
    const navigator = await insertUser(tx, {
      email: email('navigator'),
      name: 'Nadia Hussain',
      role: 'navigator',
      organisationId: navTeam.id,
      jobTitle: 'Care coordinator',
      phone: '0113 496 0101',
      createdAt: now,
    });
    const navigator2 = await insertUser(tx, {
      email: email('navigator2'),
      name: 'Sam Okoro',
      role: 'navigator',
      organisationId: navTeam.id,
      jobTitle: 'Social prescribing link worker',
      phone: '0113 496 0102',
      createdAt: now,
    });
    const gp = await insertUser(tx, {
      email: email('gp'),
      name: 'Dr Helen Marsh',
      role: 'gp_staff',
      organisationId: practice.id,
      jobTitle: 'GP partner',
      createdAt: now,
    });
    await insertUser(tx, {
      email: email('gp-hillside'),
      name: 'Dr Tom Reid',
      role: 'gp_staff',
      organisationId: otherPractice.id,
      jobTitle: 'Salaried GP',
      createdAt: now,
    });
    await insertUser(tx, {
      email: email('hospital'),
      name: 'Grace Adeyemi',
      role: 'hospital_staff',
      organisationId: hospital.id,
      jobTitle: 'Discharge coordinator, Ward 12',
      phone: '0113 496 0412',
      createdAt: now,
    });
    const socialWorker = await insertUser(tx, {
      email: email('socialworker'),
      name: 'Liam Walsh',
      role: 'social_worker',
      organisationId: socialCare.id,
      jobTitle: 'Social worker, older people’s team',
      phone: '0113 496 0511',
      createdAt: now,
    });
    const housingOfficer = await insertUser(tx, {
      email: email('housing'),
      name: 'Priya Shah',
      role: 'service_worker',
      organisationId: housing.id,
      jobTitle: 'Housing support officer',
      phone: '0113 496 0611',
      createdAt: now,
    });
    const voluntaryWorker = await insertUser(tx, {
      email: email('voluntary'),
      name: 'Jo Whitaker',
      role: 'service_worker',
      organisationId: ageWell.id,
      jobTitle: 'Community support worker',
      phone: '0113 496 0711',
      createdAt: now,
    });
    const carer = await insertUser(tx, { email: email('carer'), name: 'Karen Thompson', role: 'carer', createdAt: now });
    await insertUser(tx, {
      email: email('admin'),
      name: 'Alex Morgan',
      role: 'admin',
      organisationId: navTeam.id,
      jobTitle: 'System administrator',
      createdAt: now,
    });
    const districtNurse = await insertUser(tx, {
      email: email('community'),
      name: 'Beth Lawson',
      role: 'service_worker',
      organisationId: community.id,
      jobTitle: 'District nurse',
      phone: '0113 496 0911',
      createdAt: now,
    });

    const staffBySector: Record<Sector, { user: typeof navigator; orgId: string } | null> = {
      primary: { user: gp, orgId: practice.id },
      secondary: null,
      social: { user: socialWorker, orgId: socialCare.id },
      housing: { user: housingOfficer, orgId: housing.id },
      voluntary: { user: voluntaryWorker, orgId: ageWell.id },
      community: { user: districtNurse, orgId: community.id },
      carer: null,
    };

    const count = 40;
    for (let i = 0; i < count; i++) {
      const givenName = GIVEN[i % GIVEN.length] as string;
      const familyName = FAMILY[(i * 7) % FAMILY.length] as string;
      const age = rnd.int(66, 98);
      const birth = new Date(now - age * 365.25 * DAY - rnd.int(0, 360) * DAY);
      const risk: RiskLevel = rnd.pick(['low', 'medium', 'medium', 'high'] as const);
      const conditionCount = rnd.int(2, 5);
      const conditions = [...new Set(Array.from({ length: conditionCount }, () => rnd.pick(CONDITIONS)))];
      // Every sixth person is at the other practice, so the GP demo account cannot see them.
      const atOtherPractice = i % 6 === 5;
      const named = i % 4 === 3 ? navigator2 : navigator;
      const created = now - rnd.int(60, 400) * DAY;
      const patient = await insertPatient(tx, {
        nhsNumber: testNhsNumber(100000 + i * 37),
        givenName,
        familyName,
        dateOfBirth: birth.toISOString().slice(0, 10),
        address: `${rnd.int(1, 120)} ${rnd.pick(STREETS)}\nRiverside\nNorthshire`,
        postcode: `NS${rnd.int(1, 9)} ${rnd.int(1, 9)}${rnd.pick(['AB', 'DF', 'HJ', 'LN', 'PQ', 'RT'])}`,
        phone: `0113 496 ${String(1000 + i * 13).slice(0, 4)}`,
        registeredPracticeId: atOtherPractice ? otherPractice.id : practice.id,
        caseloadOrganisationId: navTeam.id,
        namedContactUserId: named.id,
        riskLevel: risk,
        conditions,
        communicationNeeds:
          i % 5 === 0
            ? 'Hearing aids; prefers face-to-face conversations.'
            : i % 7 === 0
              ? 'First language Punjabi; daughter interprets.'
              : '',
        homeAccessNotes: rnd.pick(ACCESS),
        aboutWhatMatters: rnd.pick(WHAT_MATTERS),
        aboutStrengths: rnd.pick(STRENGTHS),
        aboutEveryoneShouldKnow: rnd.pick(SHOULD_KNOW),
        nextAction: rnd.pick([
          'Check care package has started',
          'Review after memory clinic',
          'Chase stair rail quote',
          'Follow up befriending match',
          'Six-week review call',
          '',
        ]),
        createdAt: created,
        updatedAt: created,
      });
      await insertTimelineEvent(tx, {
        patientId: patient.id,
        kind: 'patient_created',
        summary: `Record created for ${givenName} ${familyName}`,
        actorUserId: named.id,
        organisationId: navTeam.id,
        sector: 'primary',
        occurredAt: created,
        recordedAt: created,
      });

      await insertCareTeamMember(tx, {
        patientId: patient.id,
        userId: named.id,
        name: named.name,
        role: named.jobTitle ?? 'Care navigator',
        organisationId: navTeam.id,
        organisationName: navTeam.name,
        phone: named.phone ?? '',
        addedAt: created,
      });
      if (!atOtherPractice) {
        await insertCareTeamMember(tx, {
          patientId: patient.id,
          userId: gp.id,
          name: gp.name,
          role: 'GP',
          organisationId: practice.id,
          organisationName: practice.name,
          phone: practice.phone ?? '',
          addedAt: created,
        });
      } else {
        await insertCareTeamMember(tx, {
          patientId: patient.id,
          name: 'Dr Tom Reid',
          role: 'GP',
          organisationName: otherPractice.name,
          phone: otherPractice.phone ?? '',
          addedAt: created,
        });
      }
      const consent = async (purpose: ConsentPurpose, decision: 'granted' | 'refused' | 'withdrawn', daysAgo: number, carerName = '') =>
        await insertConsent(tx, {
          patientId: patient.id,
          purpose,
          decision,
          method: 'verbal',
          carerName,
          decidedAt: now - daysAgo * DAY,
          recordedAt: now - daysAgo * DAY,
          recordedByUserId: named.id,
        });

      const sectors: Sector[] = ['primary'];
      if (i % 2 === 0) {
        await insertCareTeamMember(tx, {
          patientId: patient.id,
          userId: socialWorker.id,
          name: socialWorker.name,
          role: 'Social worker',
          organisationId: socialCare.id,
          organisationName: socialCare.name,
          phone: socialWorker.phone ?? '',
          addedAt: created + DAY,
        });
        sectors.push('social');
      }
      if (i % 3 === 0) {
        await insertCareTeamMember(tx, {
          patientId: patient.id,
          userId: housingOfficer.id,
          name: housingOfficer.name,
          role: 'Housing support officer',
          organisationId: housing.id,
          organisationName: housing.name,
          phone: housingOfficer.phone ?? '',
          addedAt: created + 2 * DAY,
        });
        await consent('housing', 'granted', rnd.int(20, 50));
        sectors.push('housing');
        // One person later withdrew housing consent: the housing officer stays listed but loses access.
        if (i === 9) await consent('housing', 'withdrawn', 3);
      }
      if (i % 5 === 1) {
        await insertCareTeamMember(tx, {
          patientId: patient.id,
          userId: voluntaryWorker.id,
          name: voluntaryWorker.name,
          role: 'Befriending coordinator',
          organisationId: ageWell.id,
          organisationName: ageWell.name,
          phone: voluntaryWorker.phone ?? '',
          addedAt: created + 3 * DAY,
        });
        await consent('voluntary_services', 'granted', rnd.int(10, 40));
        sectors.push('voluntary');
      }
      if (i % 4 === 2) {
        await insertCareTeamMember(tx, {
          patientId: patient.id,
          userId: districtNurse.id,
          name: districtNurse.name,
          role: 'District nurse',
          organisationId: community.id,
          organisationName: community.name,
          phone: districtNurse.phone ?? '',
          addedAt: created + 4 * DAY,
        });
        sectors.push('community');
      }
      if (i % 8 === 4) {
        await insertCareTeamMember(tx, {
          patientId: patient.id,
          name: 'Carers support worker',
          role: 'Carers’ support',
          organisationName: carersCentre.name,
          phone: carersCentre.phone ?? '',
          addedAt: created + 5 * DAY,
        });
      }
      // One person objected to sharing with adult social care.
      if (i === 4) await consent('adult_social_care', 'refused', 12);
      if (i === 0) {
        await consent('named_carer', 'granted', 30, 'Karen Thompson (daughter)');
        await tx
          .insert(carerLinks)
          .values({
            id: randomUUID(),
            carerUserId: carer.id,
            patientId: patient.id,
            relationship: 'Daughter',
            carerKey: carerKeyOf('Karen Thompson (daughter)'),
            createdAt: created,
          })
          .run();
        await insertTimelineEvent(tx, {
          patientId: patient.id,
          kind: 'appointment',
          summary: 'Appointment',
          body: 'District nurse visit at home: leg dressing',
          actorUserId: districtNurse.id,
          organisationId: community.id,
          sector: 'community',
          occurredAt: now + 2 * DAY + 3 * 60 * 60_000,
          recordedAt: now - DAY,
          carerVisible: true,
        });
      }

      const events = rnd.int(3, 9);
      let last = 0;
      for (let e = 0; e < events; e++) {
        const note = rnd.pick(NOTES.filter((n) => sectors.includes(n.sector)));
        const author = note.sector === 'primary' ? (rnd.chance(0.6) ? named : gp) : (staffBySector[note.sector]?.user ?? named);
        const orgId = author === named ? navTeam.id : (staffBySector[note.sector]?.orgId ?? navTeam.id);
        const at = now - rnd.int(1, 55) * DAY - rnd.int(0, 8) * 60 * 60_000;
        await insertTimelineEvent(tx, {
          patientId: patient.id,
          kind: note.contact ? 'contact' : 'note',
          contactMethod: note.contact ?? null,
          summary: note.contact
            ? { phone_call: 'Phone call', home_visit: 'Home visit', message: 'Message', clinic_visit: 'Clinic or office visit' }[
                note.contact
              ]
            : 'Note',
          body: note.text,
          actorUserId: author.id,
          organisationId: orgId,
          sector: note.sector,
          occurredAt: at,
          recordedAt: at + 30 * 60_000,
          carerVisible: note.contact === 'home_visit',
        });
        if (note.contact) last = Math.max(last, at);
      }
      if (last) {
        await tx.update(patientsTable).set({ lastContactAt: last }).where(eq(patientsTable.id, patient.id)).run();
      }
    }
    return { patients: count };
  });
}
