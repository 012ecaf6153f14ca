// Plain values, no drizzle: pages' client code imports them (via server/discharges/discharge-fields).
export const DISCHARGE_STATUSES = ['flagged', 'planned', 'home', 'followed_up', 'closed'] as const;
export type DischargeStatus = (typeof DISCHARGE_STATUSES)[number];

/** Discharges still being worked: the worklist's default view (and its partial index, discharges.ts). */
export const ACTIVE_DISCHARGE_STATUSES = ['flagged', 'planned', 'home'] as const satisfies readonly DischargeStatus[];
