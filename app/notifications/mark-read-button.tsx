'use client';

import { ActionButton } from '../components/action-button';
import { markReadAction } from './actions';

export function MarkReadButton({
  notificationId,
  label,
  hiddenContext,
}: {
  notificationId?: string;
  label: string;
  hiddenContext?: string;
}) {
  return <ActionButton action={markReadAction} fields={notificationId ? { notificationId } : {}} label={label} context={hiddenContext} />;
}
