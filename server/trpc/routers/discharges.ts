import { router } from '../init';
import { dischargeProcedure, patientProcedure, permittedProcedure, rateLimitedProcedure } from '../procedures';
import { takeSearch } from '../../rate-limit/search-limit';
import { flagDischarge, FlagDischargeSchema } from '../../discharges/flag-discharge';
import { changeDischargeStatus, ChangeDischargeStatusSchema } from '../../discharges/change-discharge-status';
import { listDischarges, ListDischargesSchema } from '../../discharges/list-discharges';
import { getDischarge } from '../../discharges/get-discharge';
import {
  addChecklistItem,
  AddChecklistItemSchema,
  ChecklistItemSchema,
  listChecklist,
  moveChecklistItem,
  MoveChecklistItemSchema,
  removeChecklistItem,
  setFollowUpWindow,
  SetFollowUpWindowSchema,
} from '../../discharges/checklist-template';
import { flagOptions } from '../../discharges/flag-options';
import { listPatientWork } from '../../tasks/list-patient-work';

export const dischargesRouter = router({
  // Flagging identifies the person by exact NHS number and date of birth; the use case asks the policy.
  // Counted with searches: each flag is a look-up by NHS number and date of birth (bulk look-up protection).
  flag: rateLimitedProcedure('discharge.flag', takeSearch, 'look-ups of people')
    .input(FlagDischargeSchema)
    .mutation(({ ctx, input }) => flagDischarge(ctx.db, ctx.actor, input)),
  flagOptions: permittedProcedure('discharge.flag').query(({ ctx }) => flagOptions(ctx.db, ctx.actor)),
  list: permittedProcedure('discharge.list')
    .input(ListDischargesSchema)
    .query(({ ctx, input }) => listDischarges(ctx.db, ctx.actor, input)),
  get: dischargeProcedure('discharge.read').query(({ ctx, input }) => ({
    ...getDischarge(ctx.db, input.dischargeId),
    access: ctx.decision,
  })),
  changeStatus: dischargeProcedure('discharge.manage')
    .input(ChangeDischargeStatusSchema)
    .mutation(({ ctx, input }) => changeDischargeStatus(ctx.db, ctx.actor, input)),
  forPatient: patientProcedure('patient.read').query(({ ctx, input }) => listPatientWork(ctx.db, input.patientId)),
  checklist: permittedProcedure('admin.manage').query(({ ctx }) => listChecklist(ctx.db)),
  addChecklistItem: permittedProcedure('admin.manage')
    .input(AddChecklistItemSchema)
    .mutation(({ ctx, input }) => addChecklistItem(ctx.db, ctx.actor, input)),
  removeChecklistItem: permittedProcedure('admin.manage')
    .input(ChecklistItemSchema)
    .mutation(({ ctx, input }) => removeChecklistItem(ctx.db, ctx.actor, input)),
  moveChecklistItem: permittedProcedure('admin.manage')
    .input(MoveChecklistItemSchema)
    .mutation(({ ctx, input }) => moveChecklistItem(ctx.db, ctx.actor, input)),
  setFollowUpWindow: permittedProcedure('admin.manage')
    .input(SetFollowUpWindowSchema)
    .mutation(({ ctx, input }) => setFollowUpWindow(ctx.db, ctx.actor, input)),
});
