import { redirect } from 'next/navigation';
import { getActor } from '../server/auth/get-actor';
import { ROLE_HOME } from '../server/access/permissions';

export default async function Home() {
  const actor = await getActor();
  redirect(actor ? ROLE_HOME[actor.role] : '/login');
}
