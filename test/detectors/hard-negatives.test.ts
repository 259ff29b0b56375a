import { describe, expect, it } from 'vitest';
import type { Post } from '../../shared/domain/post';
import { detectAll } from '../../shared/scanning/run-detectors';
import { RULE_IDS } from '../../shared/domain/finding';
import { makePost, testConfig } from '../support/fixtures';
import { recordCases } from '../support/test-detector';

/**
 * The rulebook's "leave alone" examples, each run through every rule at once: a Town Clerk must
 * see no finding at all for them. (Per-rule tables live beside each detector's tests.)
 */
const LEAVE_ALONE: { name: string; post: string | Partial<Post> }[] = [
  { name: "the council's published phone, email and office postcode", post: 'The Guildhall office, HB4 7QT, is open 10am to 2pm. Call 01632 960001 or email clerk@harbourne-tc.example.' },
  { name: "a councillor's official council email address", post: 'Questions about the budget? Email Cllr Raj Bhatt at cllr.bhatt@harbourne-tc.example.' },
  { name: 'business premises named in a public notice', post: 'The café at 12 High Street is open again after the flood repairs.' },
  { name: 'a planning application number', post: 'Planning Committee will consider application 6/2026/0123 on Tuesday at 7pm.' },
  { name: 'event times, prices and years', post: 'The 1924 pavilion reopens on Saturday 9 May at 10.30am. Tickets £4.50, children free.' },
  { name: 'a reference number that is not an NHS number', post: 'Our grant (reference 401 023 7712) pays for the new shelters.' },
  { name: 'a platform-native repost of a photo', post: { text: 'Sunset over the bay', media: [{ type: 'image', url: 'https://cdn.example/bay.jpg', altText: 'Sunset over the bay' }], repostOf: { account: '@baywatcher.bsky.social' } } },
  { name: 'a photo credited to its photographer', post: { text: 'Bluebells in Abbey Wood. Photo: Mina Osei', media: [{ type: 'image', url: 'https://cdn.example/bluebells.jpg', altText: 'Bluebells under beech trees' }] } },
  { name: "the council's own photo with no sign of coming from anyone else", post: { text: 'The new benches are in!', media: [{ type: 'image', url: 'https://cdn.example/benches.jpg', altText: 'Two wooden benches on the promenade' }] } },
  { name: 'neutral election information', post: 'Polling stations are open from 7am to 10pm on Thursday 6 May. Register to vote by 19 April: https://www.gov.uk/register-to-vote' },
  { name: 'results as declared by the returning officer', post: { text: 'The Returning Officer has declared the results of the Town Council election. Turnout was 34%.', createdAt: '2027-05-07T14:00:00Z' } },
  { name: 'a factual report of a council decision outside a pre-election period', post: 'Full Council agreed on Monday to fund a new skate park. Cllr Alice Moreton chaired the meeting.' },
  { name: "an office closure in the pre-election period that names only the office", post: { text: "The Mayor's office is closed on Friday for redecoration.", createdAt: '2027-04-14T09:00:00Z' } },
  { name: 'everyday uses of political words', post: 'Vote for your favourite hanging basket! The summer party is on the village green, and the conservation area walk follows. A labour of love by our volunteers.' },
  { name: 'place names that contain rude strings', post: 'The band plays Scunthorpe, Penistone, Cockermouth and Shitterton this spring, then Sussex, Essex and Middlesex.' },
  { name: 'ordinary words that contain rude strings', post: 'Free hearing assessment, a Pilates class, a grape-growing talk and our water analysis are all at the library.' },
  { name: "the council's standard removal notice", post: { text: 'We have removed a comment from this thread because it was offensive and breached our social media policy. Please keep comments respectful.', replyTo: { account: '@someone@mastodon.social' } } },
  { name: 'a polite correction of fact', post: { text: 'Thanks for asking, Carol. Just to clarify, hut fees went up by 3%, not 50%. The full price list is on our website.', replyTo: { account: '@carol.bsky.social' } } },
  { name: 'a full link to an ordinary site', post: 'Read the minutes at https://www.harbourne-tc.example/minutes/2027-01' },
  { name: 'an invitation to tender with no bids or prices', post: 'We are inviting tenders to resurface the promenade. Closing date noon on Friday 20 February.' },
  { name: 'a contract value reported after the award', post: 'Full Council awarded the promenade contract to Harbour Civils Ltd for £176,950.' },
  { name: 'Part 2 of a history series', post: 'Harbourne history, Part 2: the great storm of 1824.' },
  { name: 'a fediverse handle that looks like an email address', post: 'Waves at the harbour wall. 📷 @kestrelphoto@pixelfed.social', },
];

// The wording model learns them too: what the rulebook leaves alone, no rule's second opinion may find.
for (const rule of RULE_IDS) recordCases(rule, { valid: LEAVE_ALONE });

describe('the rulebook leaves these alone, under every rule', () => {
  for (const c of LEAVE_ALONE) {
    it(c.name, () => {
      const post = makePost(typeof c.post === 'string' ? { text: c.post } : c.post);
      const findings = detectAll(testConfig(), [post]);
      expect(findings.map((f) => `${f.rule}: ${f.evidence} — ${f.reason}`)).toEqual([]);
    });
  }
});
