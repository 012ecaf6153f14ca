import { idOnly, NoInput, read, subject, write } from '../use-cases/define';
import { sendReferral, SendReferralSchema } from './send-referral';
import { updateReferral, UpdateReferralSchema } from './update-referral';
import { listReferrals, ListReferralsSchema } from './list-referrals';
import { getReferralAsAllowed } from './get-referral';
import {
  AddOutcomeReasonSchema,
  RemoveOutcomeReasonSchema,
  addOutcomeReason,
  listOutcomeReasons,
  removeOutcomeReason,
} from './outcome-reasons';

export const referralsUseCases = {
  send: write({
    name: 'referrals.send',
    permission: 'referral.send',
    subject: subject.patient,
    input: SendReferralSchema,
    run: async (c) => await sendReferral(c.db, c.actor, c.input),
  }),
  list: read({
    name: 'referrals.list',
    permission: 'referral.list',
    subject: subject.role,
    input: ListReferralsSchema,
    run: async (c) => await listReferrals(c.db, c.actor, c.input),
  }),
  get: read({
    name: 'referrals.get',
    permission: 'referral.read',
    subject: subject.referral,
    input: idOnly('referralId', 'Referral'),
    run: async (c) => await getReferralAsAllowed(c.db, c.input.referralId, c.decision),
  }),
  outcomeReasons: read({
    name: 'referrals.outcomeReasons',
    permission: 'admin.manage',
    subject: subject.role,
    input: NoInput,
    run: async (c) => await listOutcomeReasons(c.db),
  }),
  addOutcomeReason: write({
    name: 'referrals.addOutcomeReason',
    permission: 'admin.manage',
    subject: subject.role,
    input: AddOutcomeReasonSchema,
    run: async (c) => await addOutcomeReason(c.db, c.actor, c.input),
  }),
  removeOutcomeReason: write({
    name: 'referrals.removeOutcomeReason',
    permission: 'admin.manage',
    subject: subject.role,
    input: RemoveOutcomeReasonSchema,
    run: async (c) => await removeOutcomeReason(c.db, c.actor, c.input),
  }),
  update: write({
    name: 'referrals.update',
    permission: 'referral.work',
    subject: subject.referral,
    input: UpdateReferralSchema,
    run: async (c) => await updateReferral(c.db, c.actor, c.input),
  }),
};
