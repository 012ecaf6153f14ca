import { z } from 'zod';
import { router } from '../init';
import { patientProcedure, permittedProcedure } from '../procedures';
import { mdtWorklist } from '../../mdt/mdt-worklist';
import { getMeeting, listMeetings, recordMeeting, RecordMeetingSchema } from '../../mdt/record-meeting';
import { recordDiscussion, RecordDiscussionSchema } from '../../mdt/record-discussion';
import { IdSchema } from '../../validation';

/** The weekly multidisciplinary team meeting of a navigator team. */
export const mdtRouter = router({
  worklist: permittedProcedure('mdt.work').query(({ ctx }) => mdtWorklist(ctx.db, ctx.actor)),
  meetings: permittedProcedure('mdt.work').query(({ ctx }) => listMeetings(ctx.db, ctx.actor)),
  meeting: permittedProcedure('mdt.work')
    .input(z.object({ meetingId: IdSchema('Meeting') }))
    .query(({ ctx, input }) => getMeeting(ctx.db, ctx.actor, input.meetingId)),
  recordMeeting: permittedProcedure('mdt.work')
    .input(RecordMeetingSchema)
    .mutation(({ ctx, input }) => recordMeeting(ctx.db, ctx.actor, input)),
  // About one person: the record procedure checks the actor may work on them, and audits.
  recordDiscussion: patientProcedure('mdt.work')
    .input(RecordDiscussionSchema)
    .mutation(({ ctx, input }) => recordDiscussion(ctx.db, ctx.actor, input)),
});
