import { Tag } from 'nhsuk-react-components';
import type { MdtReason } from '../../server/mdt/mdt-worklist';

/**
 * Why someone is on the MDT worklist: one tag per reason, each its own list item, so the reasons
 * never run together (on screen, when copied, or read aloud) and the list is named for the person.
 */
export function ReasonTags({ name, reasons }: { name: string; reasons: { reason: MdtReason; words: string }[] }) {
  return (
    <ul className="nhsuk-list carenav-tag-list" aria-label={`Why ${name} is on the list`}>
      {reasons.map((r) => (
        <li key={r.reason}>
          <Tag modifier={r.reason === 'highRisk' || r.reason === 'overdueTasks' ? 'red' : 'yellow'}>{r.words}</Tag>
        </li>
      ))}
    </ul>
  );
}
