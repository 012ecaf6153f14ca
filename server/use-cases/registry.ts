import { accessUseCases } from '../break-glass/use-cases';
import { accountUseCases } from '../account/use-cases';
import { adminUseCases } from '../admin/use-cases';
import { carerInvitationsUseCases } from '../carers/carer-invitations-use-cases';
import { carerUseCases } from '../carers/carer-use-cases';
import { consentUseCases } from '../consent/use-cases';
import { directoryUseCases } from '../directory/use-cases';
import { dischargesUseCases } from '../discharges/use-cases';
import { handoffsUseCases } from '../handoffs/use-cases';
import { mdtUseCases } from '../mdt/use-cases';
import { metricsUseCases } from '../metrics/use-cases';
import { notificationsUseCases } from '../notifications/use-cases';
import { patientsUseCases } from '../patients/use-cases';
import { referralsUseCases } from '../referrals/use-cases';
import { tasksUseCases } from '../tasks/use-cases';
import { timelineUseCases } from '../timeline/use-cases';
import { wellbeingUseCases } from '../wellbeing/use-cases';
import type { AnyUseCase } from './define';

/**
 * Every use case carenav has, by area: the API is generated from this (server/trpc/app-router.ts),
 * and the authorization tests enumerate it.
 */
export const USE_CASES = {
  patients: patientsUseCases,
  timeline: timelineUseCases,
  consent: consentUseCases,
  admin: adminUseCases,
  carer: carerUseCases,
  discharges: dischargesUseCases,
  tasks: tasksUseCases,
  notifications: notificationsUseCases,
  directory: directoryUseCases,
  referrals: referralsUseCases,
  handoffs: handoffsUseCases,
  carerInvitations: carerInvitationsUseCases,
  access: accessUseCases,
  metrics: metricsUseCases,
  wellbeing: wellbeingUseCases,
  mdt: mdtUseCases,
  account: accountUseCases,
} as const;

/** Every use case by its name ("referrals.get"). */
export const USE_CASES_BY_NAME: Record<string, AnyUseCase> = Object.fromEntries(
  Object.values(USE_CASES).flatMap((area) => Object.values(area as Record<string, AnyUseCase>).map((uc) => [uc.name, uc])),
);
