import { idOnly, NoInput, read, subject, write } from '../use-cases/define';
import { takeSearch } from '../rate-limit/search-limit';
import { flagDischarge, FlagDischargeSchema } from './flag-discharge';
import { changeDischargeStatus, ChangeDischargeStatusSchema } from './change-discharge-status';
import { listDischarges, ListDischargesSchema } from './list-discharges';
import { getDischarge } from './get-discharge';
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
  setChecklistItemPathways,
  SetChecklistItemPathwaysSchema,
} from './checklist-template';
import { flagOptions } from './flag-options';
import { listPatientWork } from '../tasks/list-patient-work';

export const dischargesUseCases = {
  // Flagging identifies the person by exact NHS number and date of birth; the use case asks the policy.
  // Counted with searches: each flag is a look-up by NHS number and date of birth (bulk look-up protection).
  flag: write({
    name: 'discharges.flag',
    permission: 'discharge.flag',
    subject: subject.role,
    input: FlagDischargeSchema,
    limit: { take: takeSearch, what: 'look-ups of people' },
    run: async (c) => await flagDischarge(c.db, c.actor, c.input),
  }),
  flagOptions: read({
    name: 'discharges.flagOptions',
    permission: 'discharge.flag',
    subject: subject.role,
    input: NoInput,
    run: async (c) => await flagOptions(c.db, c.actor),
  }),
  list: read({
    name: 'discharges.list',
    permission: 'discharge.list',
    subject: subject.role,
    input: ListDischargesSchema,
    run: async (c) => await listDischarges(c.db, c.actor, c.input),
  }),
  get: read({
    name: 'discharges.get',
    permission: 'discharge.read',
    subject: subject.discharge,
    input: idOnly('dischargeId', 'Discharge'),
    run: async (c) => ({ ...(await getDischarge(c.db, c.input.dischargeId)), access: c.decision }),
  }),
  changeStatus: write({
    name: 'discharges.changeStatus',
    permission: 'discharge.manage',
    subject: subject.discharge,
    input: ChangeDischargeStatusSchema,
    run: async (c) => await changeDischargeStatus(c.db, c.actor, c.input),
  }),
  forPatient: read({
    name: 'discharges.forPatient',
    permission: 'patient.read',
    subject: subject.patient,
    input: idOnly('patientId', 'Person'),
    run: async (c) => await listPatientWork(c.db, c.input.patientId),
  }),
  checklist: read({
    name: 'discharges.checklist',
    permission: 'admin.manage',
    subject: subject.role,
    input: NoInput,
    run: async (c) => await listChecklist(c.db),
  }),
  addChecklistItem: write({
    name: 'discharges.addChecklistItem',
    permission: 'admin.manage',
    subject: subject.role,
    input: AddChecklistItemSchema,
    run: async (c) => await addChecklistItem(c.db, c.actor, c.input),
  }),
  removeChecklistItem: write({
    name: 'discharges.removeChecklistItem',
    permission: 'admin.manage',
    subject: subject.role,
    input: ChecklistItemSchema,
    run: async (c) => await removeChecklistItem(c.db, c.actor, c.input),
  }),
  setChecklistItemPathways: write({
    name: 'discharges.setChecklistItemPathways',
    permission: 'admin.manage',
    subject: subject.role,
    input: SetChecklistItemPathwaysSchema,
    run: async (c) => await setChecklistItemPathways(c.db, c.actor, c.input),
  }),
  moveChecklistItem: write({
    name: 'discharges.moveChecklistItem',
    permission: 'admin.manage',
    subject: subject.role,
    input: MoveChecklistItemSchema,
    run: async (c) => await moveChecklistItem(c.db, c.actor, c.input),
  }),
  setFollowUpWindow: write({
    name: 'discharges.setFollowUpWindow',
    permission: 'admin.manage',
    subject: subject.role,
    input: SetFollowUpWindowSchema,
    run: async (c) => await setFollowUpWindow(c.db, c.actor, c.input),
  }),
};
