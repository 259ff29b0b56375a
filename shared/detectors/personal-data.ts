import type { Severity } from '../domain/config';
import type { Sensitivity } from '../domain/finding';
import type { DetectionContext } from './context';
import type { Hit, PostDetector } from './detector';
import { RULE_META } from './meta';
import type { PostView } from './post-view';
import { findPersonalData, type PiiKind } from './text/pii/index';

const REPORT_TO_DPO =
  'tell the person concerned, and report it to the council\'s Data Protection Officer so that it is recorded in the data-breach log and assessed within 72 hours for reporting to the ICO.';

/** How serious each kind of personal data is (rulebook table), and what to do about it. */
const KINDS: Record<PiiKind, { severity: Severity; remediation: string }> = {
  'national-insurance': {
    severity: 'high',
    remediation: `Delete the post now (an edit can stay visible in the edit history and in reposts), ${REPORT_TO_DPO}`,
  },
  'nhs-number': {
    severity: 'high',
    remediation: `Delete the post now (an edit can stay visible in the edit history and in reposts), ${REPORT_TO_DPO}`,
  },
  'bank-details': {
    severity: 'high',
    remediation: `Delete the post now, ${REPORT_TO_DPO} Advise the person to alert their bank or card issuer.`,
  },
  'date-of-birth': {
    severity: 'high',
    remediation: `Delete the post, or edit out the date of birth if the person has not agreed to it being published; if they have not, ${REPORT_TO_DPO}`,
  },
  health: {
    severity: 'high',
    remediation: `Delete the post now: health and disability details are special-category data and need the person's explicit consent. ${capitalise(REPORT_TO_DPO)}`,
  },
  'criminal-record': {
    severity: 'high',
    remediation: `Delete the post now: criminal-offence data may only be published with a lawful basis the council does not have for social media. ${capitalise(REPORT_TO_DPO)}`,
  },
  child: {
    severity: 'high',
    remediation:
      "Delete the post, or edit it to remove the child's surname, age, school and street, unless a parent or guardian has given written consent for this post; if not, tell the parent or guardian and report it to the council's Data Protection Officer for the data-breach log.",
  },
  phone: {
    severity: 'medium',
    remediation:
      "Edit the post to remove the phone number, or delete it, unless its owner has agreed to it being published; point people to the council's published contacts instead.",
  },
  email: {
    severity: 'medium',
    remediation:
      "Edit the post to remove the email address, or delete it, unless its owner has agreed to it being published; point people to the council's published contacts instead.",
  },
  'home-address': {
    severity: 'medium',
    remediation:
      "Edit the post to remove the house number and street (or postcode), or delete it, unless the person has agreed; a street name alone is usually enough for a notice.",
  },
  vehicle: {
    severity: 'medium',
    remediation:
      'Edit the post to remove the registration; pass details of a vehicle complaint privately to the enforcement body (police, parking enforcement or DVLA) rather than publishing them.',
  },
};

/** The kinds whose very description is sensitive: withheld from any release, even masked. */
const SENSITIVE_KINDS: Partial<Record<PiiKind, Sensitivity>> = {
  health: 'special-category',
  'criminal-record': 'criminal-offence',
  child: 'child',
};

export const personalData: PostDetector = {
  meta: RULE_META['personal-data'],

  /**
   * Not on a post giving one of the council's published contacts: the patterns leave those alone by the council's
   * own list, and the model, which sees only that a number or an address is given, cannot tell them apart.
   */
  wordingApplies(view: PostView, context: DetectionContext): boolean {
    const text = view.ownText;
    const digits = text.replace(/\D+/g, '');
    const squashed = text.toUpperCase().replace(/\s+/g, '');
    const lower = text.toLowerCase();
    for (const phone of context.publishedPhones) if (digits.includes(phone.replace(/^0/, ''))) return false;
    for (const email of context.publishedEmails) if (lower.includes(email)) return false;
    for (const postcode of context.publishedPostcodes) if (squashed.includes(postcode)) return false;
    return true;
  },

  detect(view: PostView, context: DetectionContext): Hit[] {
    const hits: Hit[] = [];
    let reported: Set<string> | undefined;
    const year = Number.parseInt(view.post.createdAt.slice(0, 4), 10);
    for (const segment of view.segments) {
      for (const item of findPersonalData(segment.text, context, year)) {
        // The same number in the text and in an alt text is one disclosure.
        reported ??= new Set();
        if (reported.has(item.key)) continue;
        reported.add(item.key);
        const { severity, remediation } = KINDS[item.kind];
        const sensitivity = SENSITIVE_KINDS[item.kind];
        hits.push({
          evidence: item.evidence,
          reason: item.signal,
          location: segment.locate(item.start, item.end),
          severity,
          remediation,
          ...(sensitivity ? { sensitivity } : {}),
        });
      }
    }
    return hits;
  },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
