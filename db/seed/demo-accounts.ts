/** Demo accounts exist only in demo databases; the server refuses to start in production with any of them. */
export const DEMO_EMAIL_DOMAIN = 'demo.carenav.test';

export const DEMO_ACCOUNTS = [
  { email: `navigator@${DEMO_EMAIL_DOMAIN}`, role: 'navigator', who: 'Care navigator, Riverside care navigation team' },
  { email: `gp@${DEMO_EMAIL_DOMAIN}`, role: 'gp_staff', who: 'GP, Riverside Medical Practice' },
  { email: `hospital@${DEMO_EMAIL_DOMAIN}`, role: 'hospital_staff', who: 'Discharge coordinator, Northgate Hospitals' },
  { email: `socialworker@${DEMO_EMAIL_DOMAIN}`, role: 'social_worker', who: 'Social worker, Northshire adult social care' },
  { email: `housing@${DEMO_EMAIL_DOMAIN}`, role: 'service_worker', who: 'Housing officer, Northshire Homes' },
  { email: `voluntary@${DEMO_EMAIL_DOMAIN}`, role: 'service_worker', who: 'Support worker, Age Well Northshire' },
  { email: `carer@${DEMO_EMAIL_DOMAIN}`, role: 'carer', who: 'Family carer' },
  { email: `admin@${DEMO_EMAIL_DOMAIN}`, role: 'admin', who: 'Local system administrator' },
] as const;
