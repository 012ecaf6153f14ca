/**
 * The written definition of every measure: shown on /metrics above each one and copied into
 * docs/measures.md (a test keeps the two the same). Change a definition here and in the docs
 * together, and say so in the changelog: a measure is only useful if everyone computes it alike.
 */
export const MEASURES = {
  flagToContact: {
    title: 'Risky discharge flag to first contact after getting home',
    definition:
      'For each risky discharge flagged in the period (for people in scope) whose person got home: the time from the flag to the first contact after getting home. A contact is a timeline entry of type contact (phone call, visit, message) dated at or after the moment they got home, or the recorded follow-up of the discharge, whichever is earlier. Reported as the median and the 90th percentile (nearest rank) in hours. Discharges not home yet are excluded; those home but not yet contacted are counted separately. The trend shows the median per week of flagging (weeks start on Monday, England time); the week still under way is left out of the trend until it ends.',
  },
  highRiskFollowUp: {
    title: 'High-risk discharges followed up within 24 and 48 hours',
    definition:
      'Of the high-risk discharges whose person got home in the period: the share with a first contact (as above) within 24 hours, and within 48 hours, of getting home. A discharge never followed up counts as not followed up once its window has closed; one still inside its window with no contact yet is left out until the window closes.',
  },
  referralResponse: {
    title: 'Referral response time against target, by service and urgency',
    definition:
      'Referrals sent in the period, by receiving service and urgency. The response time runs from sending to the first response (accepted or declined). The median is over referrals that have had a response. A referral is within target when the response came at or before its target time (urgent 4 hours, soon 2 working days, routine 10 working days unless the service sets others); one with no response past its target counts as missed; one with no response not yet due is left out of the share.',
  },
  referralOutcomes: {
    title: 'Referral outcomes',
    definition:
      'Referrals closed in the period (completed or declined; cancelled referrals are excluded): the share completed successfully, completed but not successful (by the reason given), and declined (by the reason given), out of all closed.',
  },
  handoffs: {
    title: 'Hand-offs per person, and how long each waited to be accepted',
    definition:
      'Hand-offs started in the period for people in scope: hand-overs of the named contact, and referrals to a care navigator team. Per person divides the number of hand-offs by the people in scope. The wait runs from the offer (or sending) to acceptance; the median is over accepted hand-offs. Declined and withdrawn ones count as hand-offs but have no wait.',
  },
  involvement: {
    title: 'Organisations and professionals involved per person, and one named contact',
    definition:
      'For each active person in scope: the number of different staff (professionals) and of their organisations who recorded anything on the person’s timeline in the period (carenav’s automatic entries and family carers are not counted). Reported as the mean, median and highest per person. Also the share of people with exactly one named contact (carenav allows at most one, so the rest have none).',
  },
  tellItOnce: {
    title: 'Tell it once: “about me” reused in referrals',
    definition:
      'Referrals sent in the period for people in scope: how many sent “what the person wants” exactly as their “about me” said it (reused unchanged), and how many had it re-entered or changed.',
  },
  workload: {
    title: 'Workload: people per named contact, open and overdue tasks',
    definition:
      'A snapshot now (the period does not apply): for each named contact, the active people in scope they are named contact for, and those people’s open tasks (open or in progress) and overdue tasks (open or in progress past their due time); then the same for everyone in scope, with tasks per person.',
  },
  wellbeing: {
    title: 'Wellbeing (ONS4): mean change from baseline',
    definition:
      'People in scope with a baseline ONS4 and a follow-up answered in the period: for each question (life satisfaction, worthwhile, happiness, anxiety, each 0–10), the mean of the latest follow-up in the period minus the first baseline. Higher is better for the first three; for anxiety a fall is an improvement.',
  },
} as const;

export type MeasureId = keyof typeof MEASURES;
export const MEASURE_IDS = Object.keys(MEASURES) as MeasureId[];
