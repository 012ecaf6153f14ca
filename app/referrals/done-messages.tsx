import Link from 'next/link';

/** What a hand-over answer confirms, wherever the button was (`?done=handoff-…`). */
export const HANDOFF_DONE = {
  'handoff-accept': 'Hand-over accepted: you are now the person’s named contact. Whoever offered it has been told.',
  'handoff-decline': 'Hand-over declined. Whoever offered it has been told, and stays the named contact.',
  'handoff-withdraw': 'Hand-over withdrawn. The person it was offered to has been told.',
};

/** What `/referrals` confirms after finishing a referral or answering a hand-over. */
export const REFERRALS_DONE = {
  ...HANDOFF_DONE,
  completed: (
    <>
      Referral completed. The referrer has been told the outcome. You can find it again under{' '}
      <Link href="/referrals?view=completed">Completed</Link>.
    </>
  ),
  declined: (
    <>
      Referral declined. The referrer has been told why. You can find it again under <Link href="/referrals?view=completed">Completed</Link>
      .
    </>
  ),
};

/** What a referral's page confirms after a step taken on it. */
export const REFERRAL_DONE = {
  accepted: 'You have picked up this referral: you are its owner, and the referrer has been told.',
  started: 'Work started. The referrer has been told.',
  cancelled: 'Referral cancelled. The team it was sent to has been told.',
};
