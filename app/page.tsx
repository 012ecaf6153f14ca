import { redirect } from 'next/navigation';
import { getActor } from '../server/auth/get-actor';
import { CHANGE_PASSWORD_PATH } from './lib/guard';
import { landingFor } from './lib/landing';

export default async function Home() {
  const actor = await getActor();
  redirect(!actor ? '/login' : actor.mustChangePassword ? CHANGE_PASSWORD_PATH : landingFor(actor.role));
}
