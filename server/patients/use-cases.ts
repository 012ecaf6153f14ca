import { idOnly, NoInput, read, subject, write } from '../use-cases/define';
import { takeSearch } from '../rate-limit/search-limit';
import { createPatient, CreatePatientSchema } from './create-patient';
import { searchPatients, SearchPatientsSchema } from './search-patients';
import { getPatient } from './get-patient';
import { recordPermissions } from '../access/record-actions';
import { updatePatient, UpdatePatientSchema } from './update-patient';
import { changeNamedContact, ChangeNamedContactSchema } from './change-named-contact';
import { addCareTeamMember, AddCareTeamMemberSchema } from './add-care-team-member';
import { removeCareTeamMember, RemoveCareTeamMemberSchema } from './remove-care-team-member';
import { listCaseload, ListCaseloadSchema } from './list-caseload';
import { listMyPeople } from './list-my-people';
import { listNavigators, listPractices, searchStaff, StaffSearchSchema } from './list-options';

export const patientsUseCases = {
  // Every look-up by NHS number counts towards one per-user limit (bulk look-up protection).
  create: write({
    name: 'patients.create',
    permission: 'patient.create',
    subject: subject.role,
    input: CreatePatientSchema,
    limit: { take: takeSearch, what: 'look-ups of people' },
    run: async (c) => await createPatient(c.db, c.actor, c.input),
  }),
  search: read({
    name: 'patients.search',
    permission: 'patient.search',
    subject: subject.role,
    input: SearchPatientsSchema,
    limit: { take: takeSearch, what: 'searches for people' },
    run: async (c) => await searchPatients(c.db, c.actor, c.input),
  }),
  caseload: read({
    name: 'patients.caseload',
    permission: 'caseload.view',
    subject: subject.role,
    input: ListCaseloadSchema,
    run: async (c) => await listCaseload(c.db, c.actor, c.input),
  }),
  // The people I work with (care team, named contact, my practice), for a home page: a few, by name.
  mine: read({
    name: 'patients.mine',
    permission: 'patient.read',
    subject: subject.role,
    input: NoInput,
    run: async (c) => await listMyPeople(c.db, c.actor),
  }),
  practices: read({
    name: 'patients.practices',
    permission: 'patient.create',
    subject: subject.role,
    input: NoInput,
    run: async (c) => await listPractices(c.db),
  }),
  // Staff to add to a care team: the first matches of what was typed, never the whole directory.
  staff: read({
    name: 'patients.staff',
    permission: 'careTeam.edit',
    subject: subject.role,
    input: StaffSearchSchema.default({ search: '' }),
    run: async (c) => await searchStaff(c.db, c.input),
  }),
  get: read({
    name: 'patients.get',
    permission: 'patient.read',
    subject: subject.patient,
    input: idOnly('patientId', 'Person'),
    run: async (c) => ({ ...(await getPatient(c.db, c.input.patientId)), access: c.decision, ...recordPermissions(c.decide) }),
  }),
  navigators: read({
    name: 'patients.navigators',
    permission: 'patient.assignNamedContact',
    subject: subject.patient,
    input: idOnly('patientId', 'Person'),
    run: async (c) => await listNavigators(c.db, (await getPatient(c.db, c.input.patientId)).patient.caseloadOrganisationId),
  }),
  update: write({
    name: 'patients.update',
    permission: 'patient.edit',
    subject: subject.patient,
    input: UpdatePatientSchema,
    run: async (c) => await updatePatient(c.db, c.actor, c.input),
  }),
  changeNamedContact: write({
    name: 'patients.changeNamedContact',
    permission: 'patient.assignNamedContact',
    subject: subject.patient,
    input: ChangeNamedContactSchema,
    run: async (c) => await changeNamedContact(c.db, c.actor, c.input),
  }),
  addCareTeamMember: write({
    name: 'patients.addCareTeamMember',
    permission: 'careTeam.edit',
    subject: subject.patient,
    input: AddCareTeamMemberSchema,
    run: async (c) => await addCareTeamMember(c.db, c.actor, c.input),
  }),
  removeCareTeamMember: write({
    name: 'patients.removeCareTeamMember',
    permission: 'careTeam.edit',
    subject: subject.patient,
    input: RemoveCareTeamMemberSchema,
    run: async (c) => await removeCareTeamMember(c.db, c.actor, c.input),
  }),
};
