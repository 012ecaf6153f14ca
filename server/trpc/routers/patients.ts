import { router } from '../init';
import { patientProcedure, permittedProcedure, rateLimitedProcedure } from '../procedures';
import { takeSearch } from '../../rate-limit/search-limit';
import { createPatient, CreatePatientSchema } from '../../patients/create-patient';
import { searchPatients, SearchPatientsSchema } from '../../patients/search-patients';
import { getPatient } from '../../patients/get-patient';
import { updatePatient, UpdatePatientSchema } from '../../patients/update-patient';
import { changeNamedContact, ChangeNamedContactSchema } from '../../patients/change-named-contact';
import { addCareTeamMember, AddCareTeamMemberSchema } from '../../patients/add-care-team-member';
import { removeCareTeamMember, RemoveCareTeamMemberSchema } from '../../patients/remove-care-team-member';
import { listCaseload, ListCaseloadSchema } from '../../patients/list-caseload';
import { listNavigators, listPractices, listStaff } from '../../patients/list-options';

export const patientsRouter = router({
  // Every look-up by NHS number counts towards one per-user limit (bulk look-up protection).
  create: rateLimitedProcedure('patient.create', takeSearch, 'look-ups of people')
    .input(CreatePatientSchema)
    .mutation(({ ctx, input }) => createPatient(ctx.db, ctx.actor, input)),
  search: rateLimitedProcedure('patient.search', takeSearch, 'searches for people')
    .input(SearchPatientsSchema)
    .query(({ ctx, input }) => searchPatients(ctx.db, ctx.actor, input)),
  caseload: permittedProcedure('caseload.view')
    .input(ListCaseloadSchema)
    .query(({ ctx, input }) => listCaseload(ctx.db, ctx.actor, input)),
  practices: permittedProcedure('patient.create').query(({ ctx }) => listPractices(ctx.db)),
  staff: permittedProcedure('careTeam.edit').query(({ ctx }) => listStaff(ctx.db)),
  get: patientProcedure('patient.read').query(({ ctx, input }) => ({ ...getPatient(ctx.db, input.patientId), access: ctx.decision })),
  navigators: patientProcedure('patient.assignNamedContact').query(({ ctx, input }) =>
    listNavigators(ctx.db, getPatient(ctx.db, input.patientId).patient.caseloadOrganisationId),
  ),
  update: patientProcedure('patient.edit')
    .input(UpdatePatientSchema)
    .mutation(({ ctx, input }) => updatePatient(ctx.db, ctx.actor, input)),
  changeNamedContact: patientProcedure('patient.assignNamedContact')
    .input(ChangeNamedContactSchema)
    .mutation(({ ctx, input }) => changeNamedContact(ctx.db, ctx.actor, input)),
  addCareTeamMember: patientProcedure('careTeam.edit')
    .input(AddCareTeamMemberSchema)
    .mutation(({ ctx, input }) => addCareTeamMember(ctx.db, ctx.actor, input)),
  removeCareTeamMember: patientProcedure('careTeam.edit')
    .input(RemoveCareTeamMemberSchema)
    .mutation(({ ctx, input }) => removeCareTeamMember(ctx.db, ctx.actor, input)),
});
