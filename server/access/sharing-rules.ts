import type { ConsentDecision, ConsentPurpose, OrganisationSector } from '../../db/schema';
import { formatDay } from '../calendar/england-time';

/** The latest decision recorded for a purpose: the one in force. */
export type ConsentInForce = { decision: ConsentDecision; decidedAt: number };

export type SharingRule =
  | { kind: 'direct_care' }
  | { kind: 'implied_unless_objected'; purpose: ConsentPurpose }
  | { kind: 'explicit_consent'; purpose: ConsentPurpose };

/**
 * The law on sharing for direct care, per sector of the organisation receiving the data.
 * Health bodies share for direct care on implied consent; adult social care too, with a duty
 * to share that stops if the person objects; housing and voluntary services are not direct
 * care providers, so they need explicit consent.
 */
export function sharingRuleFor(sector: OrganisationSector): SharingRule {
  switch (sector) {
    case 'primary':
    case 'secondary':
    case 'community':
      return { kind: 'direct_care' };
    case 'social':
      return { kind: 'implied_unless_objected', purpose: 'adult_social_care' };
    case 'housing':
      return { kind: 'explicit_consent', purpose: 'housing' };
    case 'voluntary':
      return { kind: 'explicit_consent', purpose: 'voluntary_services' };
  }
}

export type SharingVerdict = { allowed: true; because: string } | { allowed: false; because: string };

export const PURPOSE_LABELS: Record<ConsentPurpose, string> = {
  adult_social_care: 'adult social care',
  housing: 'housing',
  voluntary_services: 'voluntary services',
  named_carer: 'a named carer',
};

/** Whether the sharing rule for `sector` lets data flow, given the consents in force. */
export function checkSharing(sector: OrganisationSector, consents: Partial<Record<ConsentPurpose, ConsentInForce>>): SharingVerdict {
  const rule = sharingRuleFor(sector);
  switch (rule.kind) {
    case 'direct_care':
      return { allowed: true, because: 'sharing for direct care' };
    case 'implied_unless_objected': {
      const latest = consents[rule.purpose];
      if (latest && latest.decision !== 'granted') {
        return {
          allowed: false,
          because: `the person objected to sharing with ${PURPOSE_LABELS[rule.purpose]} on ${formatDay(latest.decidedAt)}`,
        };
      }
      return { allowed: true, because: `sharing with ${PURPOSE_LABELS[rule.purpose]} for direct care (no objection recorded)` };
    }
    case 'explicit_consent': {
      const latest = consents[rule.purpose];
      if (latest?.decision === 'granted') {
        return {
          allowed: true,
          because: `consent to share with ${PURPOSE_LABELS[rule.purpose]} given on ${formatDay(latest.decidedAt)}`,
        };
      }
      return {
        allowed: false,
        because: latest
          ? `consent to share with ${PURPOSE_LABELS[rule.purpose]} was ${latest.decision} on ${formatDay(latest.decidedAt)}`
          : `there is no consent to share with ${PURPOSE_LABELS[rule.purpose]}`,
      };
    }
  }
}
