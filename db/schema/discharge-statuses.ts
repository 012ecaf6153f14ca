// Plain values, no drizzle: pages' client code imports them (via server/discharges/discharge-fields).
export const DISCHARGE_STATUSES = ['flagged', 'planned', 'home', 'followed_up', 'closed'] as const;
export type DischargeStatus = (typeof DISCHARGE_STATUSES)[number];

/** Discharges still being worked: the worklist's default view (and its partial index, discharges.ts). */
export const ACTIVE_DISCHARGE_STATUSES = ['flagged', 'planned', 'home'] as const satisfies readonly DischargeStatus[];

/** Discharge-to-assess pathways (0: home, no new support … 3: new long-term care home placement). */
export const DISCHARGE_PATHWAYS = [0, 1, 2, 3] as const;
export type DischargePathway = (typeof DISCHARGE_PATHWAYS)[number];
