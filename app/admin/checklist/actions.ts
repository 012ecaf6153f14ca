'use server';

import type { FormResult } from '../../../server/trpc/form-result';
import { AddChecklistItemSchema, SetChecklistItemPathwaysSchema } from '../../../server/discharges/checklist-template';
import { submit } from '../../lib/submit';

/** The pathway tick boxes share one name: their values become one field ("01"), empty when none is ticked. */
function withPathways(formData: FormData): FormData {
  formData.set(
    'pathways',
    formData
      .getAll('pathways')
      .filter((v) => typeof v === 'string')
      .join(''),
  );
  return formData;
}

export async function addChecklistItemAction(_prev: FormResult | null, formData: FormData) {
  return submit(withPathways(formData), AddChecklistItemSchema, (c, input) => c.discharges.addChecklistItem(input), {
    revalidate: () => '/admin/checklist',
    message: 'Item added.',
  });
}

export async function setChecklistItemPathwaysAction(_prev: FormResult | null, formData: FormData) {
  return submit(withPathways(formData), SetChecklistItemPathwaysSchema, (c, input) => c.discharges.setChecklistItemPathways(input), {
    revalidate: () => '/admin/checklist',
    message: 'Pathways saved.',
  });
}
