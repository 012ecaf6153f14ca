import type { ReactNode } from 'react';
import { SummaryList } from 'nhsuk-react-components';

/** One key and value in an NHS.UK summary list, for read-only details. */
export function SummaryRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <SummaryList.Row>
      <SummaryList.Key>{label}</SummaryList.Key>
      <SummaryList.Value>{children}</SummaryList.Value>
    </SummaryList.Row>
  );
}
