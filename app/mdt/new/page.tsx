import { forbidden } from 'next/navigation';
import { can } from '../../../server/access/permissions';
import { pageCaller } from '../../lib/guard';
import { todayInEngland } from '../../../server/calendar/england-time';
import { MeetingForm } from './meeting-form';

export const metadata = { title: 'Record an MDT meeting' };

export default async function NewMeetingPage() {
  const { actor } = await pageCaller();
  if (!can(actor.role, 'mdt.work')) forbidden();
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1>Record an MDT meeting</h1>
        <p>Start with the date and who was there; then record the discussion of each person on the worklist.</p>
        <MeetingForm today={todayInEngland()} attendees={actor.name} />
      </div>
    </div>
  );
}
