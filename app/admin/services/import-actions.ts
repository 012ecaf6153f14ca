'use server';

import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { serverCaller } from '../../../server/auth/request-context';
import { toFormResult, type FormResult } from '../../../server/trpc/form-result';
import type { ImportReport } from '../../../server/directory/import-oruk';

export type ImportState = FormResult & { report?: ImportReport; fileName?: string };

/** Uploads an Open Referral UK file: the one form in carenav that takes a file. */
export async function importFeedAction(_prev: ImportState | null, formData: FormData): Promise<ImportState> {
  const { caller, actor } = await serverCaller();
  if (!actor) redirect('/login');
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, fieldErrors: { file: ['Choose a JSON file to import'] }, message: 'There is a problem', at: Date.now() };
  }
  try {
    const report = await caller.directory.importFeed({ feed: await file.text() });
    revalidatePath('/admin/services');
    return { ok: true, report, fileName: file.name, at: Date.now() };
  } catch (error) {
    return toFormResult(error, { file: file.name });
  }
}
