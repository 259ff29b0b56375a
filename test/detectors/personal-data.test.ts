import { describe, expect, it } from 'vitest';
import { personalData } from '../../shared/detectors/personal-data';
import { detectAll } from '../../shared/scanning/run-detectors';
import { makePost, testConfig } from '../support/fixtures';
import { originalField, testDetector } from '../support/test-detector';

// All personal data below is fictional: Ofcom drama-range phone numbers, `.example` email domains,
// NHS numbers in the never-issued 999 range, standard test cards and documentation IBANs.

testDetector(personalData, {
  valid: [
    // The council's own contacts (Harbourne: 01632 960001, clerk@harbourne-tc.example, HB4 7QT)
    { name: "the council's published phone, email and office address", post: 'The Town Hall, 1 Market Street, Harbourne HB4 7QT is open 9.30am to 1pm. Call 01632 960001 or email clerk@harbourne-tc.example.' },
    { name: 'the published phone number written in international form', post: 'From abroad, call +44 (0)1632 960 001.' },
    { name: "a councillor's official email on the council's domain", post: 'Cllr Alice Moreton chairs the Environment Committee: alice.moreton@harbourne-tc.example' },
    { name: "an email on a subdomain of the council's domain", post: 'Allotment queries to allotments@lists.harbourne-tc.example' },
    { name: 'fediverse handles, which are not email addresses', post: 'Follow @cllralicemoreton@mastodon.social and @walks@hiking.social for updates.' },
    { name: "a role mailbox of another organisation, which names no one", post: 'Hall bookings: bookings@harbourne-hall.example' },
    // Numbers that are not personal
    { name: 'a planning application number and the premises it concerns', post: 'Planning Committee will comment on application 6/2026/0123, change of use of 3 Fore Street to a café.' },
    { name: 'business premises named in a public notice', post: 'Good news: the café at 12 High Street is open again from Monday.' },
    { name: 'a ten-digit grant reference that passes mod-11', post: 'We have been awarded £25,000 (grant reference 999 007 9196) for new shelters.' },
    { name: 'a ten-digit reference that fails mod-11', post: 'Your booking 999 123 4567 is confirmed.' },
    { name: 'a reference number after an abbreviated "Ref."', post: 'Ref. 07700 900615 on your letter, please.' },
    { name: 'prices, years, percentages and times', post: 'Contract awarded for £176,950 in 2026; fees up 3% from 2025/26. Doors 7.30pm, 19:30 start, ends 10.30.' },
    { name: 'event dates written with hyphens and dots', post: 'Bin days change: 12-05-26, 19-05-26 and 01.06.2026. Works run 13-04-2026 to 22-05-2026.' },
    { name: 'a meeting id and a raffle code', post: 'Join online: meeting ID 817 2345 6789, passcode 0123 4567 89. Raffle ticket 0770 0900.' },
    { name: 'free national helplines outside the UK formats listed', post: 'Need to talk? Samaritans on 116 123, or call 0800 123 4567 free.' },
    { name: 'a run of digits too long to be a UK phone number', post: 'Serial 077009004171234 was recorded.' },
    { name: 'a sixteen-digit number that fails Luhn', post: 'Prize draw winning numbers: 4111 2222 3333 4444.' },
    { name: "HMRC's QQ specimen National Insurance number", post: 'Your NI number looks like QQ 12 34 56 C on the form.' },
    { name: 'a NINO-shaped code with a barred prefix', post: 'Stock code GB 12 34 56 A is back in the shop.' },
    // Dates that are not a living person's date of birth
    { name: 'a birth date of a historical figure', post: 'Our founder Edwin Marsh, born on 2 June 1840, built the first harbour wall.' },
    { name: 'a birth year without a date', post: 'Dorothy was born and bred in Harbourne.' },
    // Health and children mentioned without identifying anyone
    { name: 'a dementia café and a cancer charity', post: 'The Dementia Café meets on Tuesdays, and the Cancer Research UK shop is collecting books.' },
    { name: 'a talk on a health condition', post: 'Dr Amy Lau will give a talk on living with diabetes at the library.' },
    { name: 'a named person raising money for a health charity', post: 'Alice Moreton is raising money for Cancer Research this summer.' },
    { name: 'a named mental health first aider', post: 'Jane Smith is our new mental health first aider.' },
    { name: 'a named person described as charged with a task', post: 'Tom Harlow is charged with organising the summer fete.' },
    { name: 'a teacher named with her school', post: 'Mrs Jones from Harbourne Primary School led the assembly.' },
    { name: 'children described by age range', post: 'Children aged 5 to 11 go free; the Under 14s from Harbourne Academy won the cup.' },
    { name: 'an adult named with their age', post: 'Our thoughts are with the family of former Mayor Ken Hughes, who died on 3 March aged 88.' },
    // Addresses and vehicles not tied to a person
    { name: 'a house address that is only a location for works', post: 'Road closure outside 14 Mill Lane on Tuesday for resurfacing.' },
    { name: "the council's own vehicle registration", post: 'Our new van HX24 ABC joins the fleet next week.' },
    { name: 'Father Christmas at a street address', post: 'Meet Father Christmas at 1 Quay Street on Saturday!' },
    { name: 'a meeting place given with a name', post: 'Join Jane Smith at 12 High Street for the litter pick.' },
    { name: 'a business named after its address', post: 'Our thanks to Sue from 5 Fore Street Bakery for the cakes.' },
    // Words that name a condition only in another sense
    { name: 'accounts signed off by a named person', post: 'Alice has signed off the accounts for 2025/26.' },
    { name: 'an alarm disabled by a named person', post: 'Tom has disabled the alarm at the pavilion.' },
    { name: "a councillor's advice surgery", post: 'Cllr Bhatt will be at the surgery on Saturday from 10am; Cllr Raj Bhatt’s surgery is at the library.' },
    { name: 'a named person living with family', post: 'Mark Evans is living with his family in the old lifeboat house.' },
    { name: 'a Dementia Friend', post: 'Tom Harlow is a Dementia Friend and runs the memory café.' },
    { name: 'a year of a term of office', post: 'Tom Harlow, in year 2 of his term as Mayor, opened the fair.' },
    { name: 'an adult appointed with their age', post: 'Jo Bloggs, 45, has been appointed as our new Town Clerk.' },
    { name: 'complaints about named premises', post: 'Complaints about the Quay Café at 12 Harbour Street have been passed to the licensing team.' },
    // Personal data without an identifier: what looks like it and is not.
    { name: 'get-well wishes to a whole group', post: 'Get well soon to everyone who caught the bug at the flu clinic!' },
    { name: 'a house number after "of" that names a choir', post: 'Thanks to Jane Smith of 3 Counties Choir for singing at the fete.' },
    { name: 'a remark on experience, not on a body', post: 'With your experience, Mrs Akhtar, you would make a great volunteer.' },
    { name: 'a person who is 60, not a child', post: 'Happy birthday to Olivia Grant, who is 60 today!' },
    { name: 'the office off with the fairies', post: 'The office is off with the fairies today, sorry for the slow replies.' },
    { name: 'get-well wishes to everyone', post: 'Get well soon everyone! The flu jab clinic is on Tuesday.' },
    { name: 'get-well wishes to a club', post: 'Get well soon Harbourne FC! Three injuries in one match.' },
  ],

  invalid: [
    // Phone numbers
    { name: 'a mobile number outside the published contacts', post: 'Found a collie near the pier. Owner, please call Dave on 07700 900417.', expect: { severity: 'medium', evidence: '07700 9•• •••', reason: "UK mobile number 07700 9•• ••• outside the council's published contacts", located: '07700 900417' }, count: 1 },
    { name: 'a mobile number with hyphens', post: 'Text 07700-900-418 to volunteer.', expect: { reason: 'UK mobile number', located: '07700-900-418' } },
    { name: 'a mobile number with dots', post: 'Ring 07700.900.419 after 6pm.', expect: { reason: 'UK mobile number', located: '07700.900.419' } },
    { name: 'a mobile number unbroken after "Tel:"', post: 'Tel:07700900420', expect: { evidence: '07700 9•• •••', located: '07700900420' } },
    { name: 'a mobile number in the sentence after a reference word ("booking. Is …")', post: "I've asked the caretaker to ring you about the hall booking. Is 07700 900613 still the best number?", expect: { reason: 'UK mobile number', located: '07700 900613' } },
    { name: 'a mobile number after a reference word and a full stop on its own line', post: 'Re your planning.\n07700 900614 is the number to call.', expect: { reason: 'UK mobile number', located: '07700 900614' } },
    { name: 'a mobile number in +44 form', post: 'WhatsApp +44 7700 900421 for tickets.', expect: { evidence: '07700 9•• •••', located: '+44 7700 900421' } },
    { name: 'a mobile number in +44 (0) form', post: 'Call Sam on +44 (0)7700 900 422.', expect: { evidence: '07700 9•• •••', located: '+44 (0)7700 900 422' } },
    { name: 'a mobile number in 0044 form', post: 'From abroad: 0044 7700 900423.', expect: { located: '0044 7700 900423' } },
    { name: 'a landline with the area code in brackets', post: 'Bookings via Jean on (01632) 960555.', expect: { reason: 'UK landline number 01632 9•• •••', located: '(01632) 960555' } },
    { name: 'a London landline', post: 'Her daughter can be reached on 020 7946 0123.', expect: { reason: 'UK landline number 020 794• ••••', located: '020 7946 0123' } },
    { name: 'two numbers written side by side', post: 'Call 01632 960557 07700 900424 today.', expect: [{ evidence: '01632 9•• •••' }, { evidence: '07700 9•• •••' }], count: 2 },
    { name: 'a phone number in alt text', post: { text: 'Lost cat poster', media: [{ type: 'image', url: 'https://files.example/cat.jpg', altText: 'Poster: call 07700 900425' }] }, expect: { field: 'media[0].altText', located: '07700 900425' } },
    { name: 'the same number in the text and the alt text once', post: { text: 'Call 07700 900426', media: [{ type: 'image', url: 'https://files.example/p.jpg', altText: 'Call 07700 900426' }] }, expect: { field: 'text' }, count: 1 },
    // Email addresses
    { name: 'an email address outside the published contacts', post: 'Allotment applications go to our volunteer, Jenny: Jenny.Walsh@mailbox.example.', expect: { severity: 'medium', evidence: 'J•••@mailbox.example', reason: 'email address J•••@mailbox.example', located: 'Jenny.Walsh@mailbox.example' } },
    // Identity and bank numbers
    { name: 'a spaced National Insurance number', post: 'Thanks Mark, we have your marshal form (NI number JH 41 72 90 B).', expect: { severity: 'high', evidence: 'JH •• •• •• •', reason: 'National Insurance number' } },
    { name: 'a National Insurance number written without spaces', post: 'Payroll query for AB123456C.', expect: { severity: 'high', located: 'AB123456C' } },
    { name: 'a lower-case National Insurance number after the words', post: 'His national insurance number is ce 65 43 21 a.', expect: { evidence: 'CE •• •• •• •' } },
    { name: 'a spaced NHS number', post: 'Found: a purse with an NHS card, number 999 007 9196. Collect it from reception.', expect: { severity: 'high', evidence: '999 ••• ••••', reason: 'mod-11', located: '999 007 9196' } },
    { name: 'an unbroken NHS number in a post about the NHS', post: 'Her NHS number is 9990237573.', expect: { evidence: '999 ••• ••••' } },
    { name: 'a hyphenated NHS number without the word NHS', post: 'Patient ref for Jo: 999-031-6767.', expect: { evidence: '999 ••• ••••' } },
    { name: 'a card number passing Luhn', post: 'Thanks Jo, the £45 deposit was taken from your card 4111 1111 1111 1111.', expect: { severity: 'high', evidence: '4111 •••• •••• ••••', reason: 'Luhn' } },
    { name: 'a hyphenated Mastercard test number', post: 'Card used: 5555-5555-5555-4444', expect: { reason: 'Luhn', located: '5555-5555-5555-4444' } },
    { name: 'an Amex number in 4-6-5 groups', post: 'Paid with 3782 822463 10005.', expect: { reason: 'Luhn' } },
    { name: 'a spaced IBAN', post: 'Refund to Ms Lowe, IBAN GB82 WEST 1234 5698 7654 32.', expect: { severity: 'high', evidence: 'GB82 ••••', reason: 'mod-97' }, count: 1 },
    { name: 'a compact foreign IBAN', post: 'Twinning fees to DE89370400440532013000 please.', expect: { evidence: 'DE89 ••••' } },
    { name: 'a sort code with an account number', post: 'Pay Mr Patel back: sort code 12-34-56, account 87654321.', expect: { severity: 'high', evidence: 'sort code 12-••-••, account ••••••••' } },
    // Dates of birth
    { name: 'a birth date after "born on"', post: 'Happy 100th birthday to Doris, born on 24 April 1926!', expect: { severity: 'high', evidence: 'born on •• ••••• ••••', reason: 'date of birth' } },
    { name: 'a numeric date of birth after DOB', post: 'Lost wallet: bus pass, DOB 12/03/1987.', expect: { evidence: 'DOB ••/••/••••' } },
    { name: 'a date of birth stated with "is"', post: "Mr Patel's date of birth is 1 February 1960.", expect: { reason: 'date of birth' } },
    // Health, disability and offences
    { name: 'a named member of staff off sick', post: 'Staff update: our groundsman Pete Lyle is off sick with stress, so grass cutting is delayed.', expect: { severity: 'high', evidence: 'P••• L•••: off sick', reason: 'health or disability detail ("off sick") about a named person' }, count: 1 },
    { name: 'a diagnosis of a person named by first name', post: 'Margaret has been diagnosed with dementia and will leave the choir.', expect: { evidence: 'M•••••••: diagnosed' } },
    { name: 'a health detail given by pronoun after the name', post: 'Cllr Raj Bhatt sends his apologies as he is unwell.', expect: { evidence: 'Cllr R•• B••••: unwell' } },
    { name: 'a health detail about someone named in the previous sentence', post: 'Margaret Ellison has left the choir. She has dementia.', expect: { evidence: 'M••••••• E••••••: dementia' } },
    { name: 'a disability of a named person', post: 'Sue Park, who is registered blind, will cut the ribbon.', expect: { evidence: 'S•• P•••: blind' } },
    { name: 'a member of staff identified by role alone', post: 'Our caretaker is in hospital after a fall.', expect: { reason: 'identifiable person' } },
    { name: 'surgery after two auxiliaries', post: 'Tom Harlow has had hip surgery and is recovering at home.', expect: { evidence: 'T•• H•••••: hip surgery' } },
    { name: 'stress given as the reason for absence', post: 'Pete is off work with stress.', expect: { evidence: 'P•••: with stress' } },
    { name: 'a criminal conviction of a named person', post: 'John Carter was convicted of theft last year.', expect: { severity: 'high', reason: 'criminal-record detail ("convicted")' } },
    // Children
    { name: 'a child named with age and school', post: 'Congratulations to Lucy Marsh, aged 9, from Harbourne Primary School, whose poster won!', expect: { severity: 'high', evidence: 'L••• M••••', reason: 'a child identified by name (L••• M••••) with their age 9 and school' }, count: 1 },
    { name: 'a child named with age in brackets', post: 'Amelia Hart (8) won the colouring competition.', expect: { reason: 'age 8' } },
    { name: 'a child named after a hyphenated age', post: 'Well done to 10-year-old Oscar Reed for his poem.', expect: { evidence: 'O•••• R•••' } },
    { name: 'a child named with a school year and a primary school', post: 'Congratulations to Year 5 pupil Freya Long from Harbourne Primary School.', expect: { reason: 'school year 5 and school' } },
    { name: 'a child named with age and home street', post: 'Poppy Ellis, 7, of Mill Lane, collected the prize.', expect: { reason: 'home street' } },
    // Home addresses
    { name: 'a named resident with house number and street', post: 'Happy birthday to Doris Penrose of 3 Quay Terrace!', expect: { severity: 'medium', evidence: 'D•••• P••••••, • Q••• T••••••', reason: 'home address (house number and street) of a private person' } },
    { name: 'an address given as someone’s home', post: 'The residents of 14 Church Road have complained about the noise.', expect: { reason: 'home address', located: '14 Church Road' } },
    { name: 'a house number with a postcode not published by the council', post: 'Please return the keys to Mrs Brown, 22 Mill Lane, Harbourne HB4 9XY.', expect: { evidence: 'Mrs B••••' } },
    // Vehicles
    { name: 'a vehicle registration tied to a complaint', post: 'Parking complaint: the white van KX21 BHD left on the promenade has been referred to enforcement.', expect: { severity: 'medium', evidence: 'KX21 •••', reason: 'vehicle registration' } },
    { name: 'a registration written without a space', post: 'The car AB12CDE was reported abandoned on Mill Lane.', expect: { evidence: 'AB12 •••' } },
    // More than one item
    { name: "a child's age and health detail as two findings", post: 'Get well soon to Lily Carver, 9, who is in hospital after a fall.', expect: [{ reason: 'a child identified' }, { reason: 'health or disability detail ("in hospital")' }], count: 2 },
    { name: 'one finding per distinct item', post: 'Doris Penrose of 3 Quay Terrace, born on 24 April 1926, is on 07700 900427.', expect: [{ reason: 'home address' }, { reason: 'date of birth' }, { reason: 'UK mobile number' }], count: 3 },
    { name: 'an address tied to a noise complaint', post: "We've had reports of noise from 31 Alder Close late at night.", expect: { severity: 'medium', reason: 'home address' } },
    // Personal data without an identifier
    { name: 'get-well wishes to a named person', post: 'Get well soon to Connor Hale, who is in the Royal Infirmary after a fall on the ice.', expect: { severity: 'high', reason: /health or disability detail .* about a named person, C••••• H•••/ } },
    { name: 'a speedy recovery wished to a titled person', post: 'Wishing Mrs Patel a speedy recovery after her op.', expect: { reason: 'speedy recovery' } },
    { name: 'a named hospital stay', post: 'Our volunteer Sue is in Harbourne General Hospital after a fall.', expect: { reason: 'harbourne general hospital' } },
    { name: "a remark on a named person's eyesight", post: "With your eyesight, Mrs Akhtar, we're not surprised you missed the sign.", expect: { reason: 'your eyesight', evidence: 'Mrs A•••••' } },
    { name: "a remark on a named person's hearing, by given name", post: 'Sorry, Dave, with your hearing you probably missed the alarm.', expect: { reason: 'your hearing' } },
    { name: 'a member of staff off with their back', post: 'Bins may be late as our Lengthsman, Gareth, is off with their back again after the operation.', expect: { reason: 'off with their back' } },
    { name: 'an address of house number and street, no postcode, for an unfamiliar name', post: 'A parcel for Agnieszka Nowak of 69 Tenter Street was left at our office.', expect: { reason: 'home address', evidence: 'T••••• S•••••' } },
    { name: 'an address whose street has no suffix', post: 'A parcel for Keith Royle of 53 Cheapside was left at our office by mistake.', expect: { reason: 'home address' } },
    { name: 'a child named by relation, with "who is 6"', post: "Huw Jarman's grandson Cai, who is 6 and at the village school, raised £80!", expect: { severity: 'high', reason: 'a child identified by name (C••) with their age 6' } },
    { name: 'a child by a familiar name and "who is 10"', post: 'Congratulations to Olivia, who is 10, on her swimming badge!', expect: { reason: 'age 10' } },
    { name: 'get-well wishes to a lone given name', post: 'Get well soon Nerys! 💐', expect: { reason: 'get well soon' } },
    { name: 'a hospital stay in Welsh', post: "Dai's in Ysbyty Gwynedd after his op.", expect: { reason: 'ysbyty gwynedd' } },
    { name: 'taken to A&E', post: 'Mr Fenn has been taken to A&E after a fall.', expect: { reason: 'a&e' } },
    { name: 'an address on a Welsh street', post: 'Parcel for Mrs Jones at 14 Heol y Capel, please collect.', expect: { reason: 'home address' } },
    { name: 'a child named with "lil" and an age in brackets', post: 'Well done lil Cai (6) who won the colouring competition!', expect: { reason: 'age 6' } },
  ],
});

describe('personal-data evidence', () => {
  const findingsFor = (text: string) => detectAll(testConfig(), [makePost({ text })], [personalData]);

  it('never repeats the personal data it found', () => {
    // Prepare
    const text =
      'Refund for Ms Lowe (IBAN GB82 WEST 1234 5698 7654 32, card 4111 1111 1111 1111), NHS 999 055 4331, NI JH 41 72 90 B, mobile 07700 900428, email kim.lowe@mailbox.example.';
    const secrets = ['GB82WEST12345698765432', '4111111111111111', '9990554331', 'JH417290B', '07700900428', 'kim.lowe'];

    // Act
    const findings = findingsFor(text);

    // Assess
    expect(findings).toHaveLength(6);
    for (const finding of findings) {
      const shown = `${finding.evidence} ${finding.reason}`.replace(/\s/g, '').toLowerCase();
      for (const secret of secrets) expect(shown).not.toContain(secret.toLowerCase());
    }
  });

  it('points at the item in the original text', () => {
    const post = makePost({ text: 'Call 07700 900429 or email sam@mailbox.example' });
    const findings = detectAll(testConfig(), [post], [personalData]);
    const located = findings.map((f) => originalField(post, f.location!.field).slice(f.location!.start, f.location!.end));
    expect(located.sort()).toEqual(['07700 900429', 'sam@mailbox.example']);
  });

  it('gives high-severity findings a data-breach remediation', () => {
    const [finding] = findingsFor('NHS number 999 007 9196 found on a lost card.');
    expect(finding?.severity).toBe('high');
    expect(finding?.remediation).toMatch(/Data Protection Officer/);
    expect(finding?.clause).toMatch(/4f/);
  });

  it("treats a council's own published phone as its contact, whatever the configuration", () => {
    const config = testConfig({ publishedContacts: ['07700 900430'] });
    const findings = detectAll(config, [makePost({ text: 'Call the beach office on +44 7700 900430.' })], [personalData]);
    expect(findings).toEqual([]);
  });
});
