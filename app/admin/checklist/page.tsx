import Link from 'next/link';
import { load, pageCaller } from '../../lib/guard';
import { AddItemForm, FollowUpWindowForm, ItemButtons, ItemPathways } from './checklist-forms';
import { pathwaysInWords } from '../../../server/discharges/checklist-template';

export const metadata = { title: 'Discharge checklist' };

export default async function ChecklistPage() {
  const { caller } = await pageCaller();
  const items = await load(caller.discharges.checklist());
  const followUp = items.find((i) => i.kind === 'follow_up');
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <span className="nhsuk-caption-l">Administration</span>
        <h1>Discharge checklist</h1>
        <p>
          Every risky discharge flagged from now on gets these tasks, in this order, in the person’s navigator team queue: each item only
          for the discharge-to-assess pathways it is for (no care package for someone going home without new support).
        </p>
        <ol className="nhsuk-list nhsuk-list--number carenav-checklist">
          {items.map((item, i) => (
            <li key={item.id}>
              <p className="nhsuk-u-margin-bottom-2">
                {item.kind === 'follow_up' ? `Follow-up contact within ${item.followUpHours ?? 24} hours of getting home` : item.title}
              </p>
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
                For {pathwaysInWords(item.kind === 'follow_up' ? '0123' : item.pathways)}
              </p>
              {item.kind !== 'follow_up' && <ItemPathways item={item} />}
              {item.kind !== 'follow_up' && <ItemButtons item={item} first={i === 0} last={items[i + 1]?.kind !== 'task'} />}
            </li>
          ))}
        </ol>
        <p className="nhsuk-body-s">
          The follow-up contact always comes last and cannot be removed: recording it is what closes the loop with whoever flagged the
          discharge.
        </p>
        <h2>Add an item</h2>
        <AddItemForm />
        <h2>Follow-up window</h2>
        <FollowUpWindowForm hours={followUp?.followUpHours ?? 24} />
        <p>
          <Link href="/admin">Back to organisations and users</Link>
        </p>
      </div>
    </div>
  );
}
