import { redirect } from 'next/navigation';
import { getActor } from '../server/auth/get-actor';
import { CHANGE_PASSWORD_PATH } from './lib/guard';
import { ROLE_HOME } from '../server/access/permissions';

export default async function Home() {
  const actor = await getActor();
  redirect(!actor ? '/login' : actor.mustChangePassword ? CHANGE_PASSWORD_PATH : ROLE_HOME[actor.role]);
}
