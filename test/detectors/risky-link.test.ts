import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { riskyLink, shortenerOf, SHORTENERS } from '../../shared/detectors/risky-link';
import { testDetector } from '../support/test-detector';

testDetector(riskyLink, {
  valid: [
    { name: 'a shortener named without a link ("we no longer use bit.ly")', post: "We've stopped using shortened links (bit.ly and the like): every link we post starts with www.harbourne-tc.example." },
    { name: "a shortener's bare home page", post: 'Scam texts often use https://bit.ly/ or tinyurl.com. to hide where they go.' },
    { name: 'a full link to an ordinary site', post: 'Agenda: https://www.harbourne-tc.example/meetings/2026-02-10' },
    { name: 'a full gov.uk link', post: 'Register to vote at https://www.gov.uk/register-to-vote before 20 April.' },
    { name: 'an NHS link on its real domain', post: 'Flu jabs: https://www.nhs.uk/vaccinations/flu-vaccine/' },
    { name: 'a t.co wrapper carried by the platform, not typed', post: { platform: 'x', text: 'Bin days change next week', links: ['https://t.co/AbC123xyz'] } },
    { name: 'times and decimals that look like hosts', post: 'Open 9.30am to 1pm; the fee rose 2.5% to £3.50.' },
    { name: 'an email address on an ordinary domain', post: 'Write to clerk@harbourne-tc.example.' },
    { name: 'a fediverse handle', post: 'Follow @walks@hiking.social for routes' },
    { name: 'a bare domain of an ordinary site', post: 'More at harbourne-museum.org.uk' },
    { name: 'a youtube short link, which always leads to YouTube', post: 'Watch the meeting: https://youtu.be/dQw4w9WgXcQ' },
    { name: 'a branded form link is left alone', post: 'Have your say: https://forms.office.com/r/Harbourne2026' },
  ],
  invalid: [
    { name: 'a bit.ly shortener', post: 'Newsletter: https://bit.ly/3Harbourne', expect: { severity: 'low', evidence: 'https://bit.ly/3Harbourne', reason: 'bit.ly', located: 'https://bit.ly/3Harbourne' } },
    { name: 'a shortener typed without a scheme', post: 'Survey at tinyurl.com/hbsurvey.', expect: { severity: 'low', located: 'tinyurl.com/hbsurvey' } },
    { name: 'a t.co link typed into the text', post: 'See https://t.co/xyz987 for details', expect: { reason: 't.co' } },
    { name: 'a shortener carried as a link card', post: { text: 'Join the waiting list', links: ['https://tinyurl.com/hbhuts'] }, expect: { field: 'links[0]', severity: 'low' } },
    { name: 'a shortener in alt text', post: { text: 'Poster', media: [{ type: 'image', url: 'https://files.example/p.jpg', altText: 'Poster: book at cutt.ly/hbfair' }] }, expect: { field: 'media[0].altText' } },
    { name: 'a bare IPv4 host', post: 'Survey: http://192.0.2.45/playpark', expect: { severity: 'medium', reason: 'IP address' } },
    { name: 'an IPv6 host', post: 'Survey: http://[2001:db8::1]/form', expect: { severity: 'medium', reason: 'IP address' } },
    { name: 'a punycode host', post: 'Pay at https://www.xn--harbune-tc-abc.example/pay', expect: { severity: 'medium', reason: 'punycode' } },
    { name: 'a host written in look-alike Cyrillic letters', post: 'Pay at https://www.hаrbourne-tc.example/pay', expect: { severity: 'medium', reason: 'look-alike' } },
    { name: 'a gov.uk imitation', post: 'Register at https://www.gov-uk.example/register', expect: { severity: 'medium', reason: 'gov.uk' } },
    { name: 'gov.uk as a subdomain of another site', post: 'Claim at https://gov.uk.refunds-online.example/claim', expect: { severity: 'medium', reason: 'gov.uk' } },
    { name: "a typo of the council's own domain", post: 'Pay at https://www.harbourne-tcc.example/pay', expect: { severity: 'medium', reason: 'harbourne-tc.example' } },
    { name: 'one finding per risky link', post: 'Two: https://bit.ly/a and https://ow.ly/b', expect: [{ evidence: 'bit.ly' }, { evidence: 'ow.ly' }], count: 2 },
    { name: 'a less common shortener', post: 'Details: https://x.gd/harbfete', expect: { severity: 'low', reason: 'x.gd' } },
  ],
});

describe('risky-link, looking a host up among the shorteners', () => {
  it('names the shortener a walk over all of them names', () => {
    const label = fc.constantFrom('bit', 'ly', 't', 'co', 'x', 'tinyurl', 'com', 'is', 'gd', 'v', 'shorturl', 'at', 'wp', 'me', 'www', 'a', '', 'linktr', 'ee', 'j', 'mp');
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 5 }).map((labels) => labels.join('.')), (host) => {
        // The reference: each shortener in the order listed, the first that the host is or is under
        const expected = [...SHORTENERS].find((s) => host === s || host.endsWith(`.${s}`));
        expect(shortenerOf(host)).toBe(expected);
      }),
      { numRuns: 3_000, seed: 41 },
    );
  });
});
