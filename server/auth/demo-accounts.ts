// The demo accounts, for the sign-in page's hint in demo mode (the list itself lives with the seed).
export { DEMO_ACCOUNTS } from '../../db/seed/demo-accounts';
