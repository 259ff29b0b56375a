import { describe, expect, it } from 'vitest';
import { confidentialInformation } from '../../shared/detectors/confidential-information';
import { detectAll } from '../../shared/scanning/run-detectors';
import { makePost, testConfig } from '../support/fixtures';
import { testDetector } from '../support/test-detector';

testDetector(confidentialInformation, {
  valid: [
    { name: 'news told once its embargo has lifted', post: 'Press release: the embargo has now lifted, so we can tell you that Harbourne has won Best Kept Village 2026!' },
    { name: 'news after the embargo, in other words', post: 'Now that the embargo is over: £2.4 million from the Heritage Fund to restore the Corn Exchange!' },
    { name: 'a contract the council resolved to award, with its price', post: 'Last night the Council resolved to award the grass-cutting contract to Greensward Ltd at £14,250 a year, the lowest of three quotes received.' },
    { name: 'part 2 of a history series', post: 'Harbourne history, Part 2: the great flood of 1893, which filled the Market Square. Read the article: https://www.harbourne-tc.example/history/flood' },
    { name: 'part 2 of a walking series', post: 'Part 2 of our coastal walks series: the cliff path to Gull Point, with a map.' },
    // A marker alone discloses nothing, however it is written: the wording model must not read it as a disclosure either
    { name: 'a bare "Part 2"', post: 'Part 2' },
    { name: 'a bare "in camera"', post: 'In camera.' },
    { name: 'a public agenda announcing a confidential item', post: 'Full Council, Tuesday 7pm. Item 9 is a confidential item on staffing: the press and public will be asked to leave for it.' },
    { name: 'a privacy promise', post: 'We respect your confidentiality: read our privacy notice before you fill in the survey.' },
    { name: 'a confidential helpline', post: 'Feeling low? All calls to the Samaritans helpline are strictly confidential.' },
    { name: 'confidential waste shredding', post: 'Confidential waste shredding day at the depot on Saturday, 9am to noon.' },
    { name: 'a tender closing date', post: 'The tender closes on Friday at noon. Documents: https://www.harbourne-tc.example/tenders' },
    { name: 'an invitation to tender with an estimated value', post: 'We are inviting tenders for grounds maintenance, estimated value £40,000 a year.' },
    { name: 'a contract value reported after the award', post: 'Full Council awarded the play park contract to Oakfield Play Ltd for £84,500. Work starts in May.' },
    { name: 'quotes reported with the award', post: 'Three quotes were received for the fence and the contract was awarded to Bay Fencing for £6,200.' },
    { name: 'an offer invited for a property sale', post: 'Offers over £250,000 are invited for the old toll house by 30 April.' },
    { name: 'staff sickness that identifies nobody', post: 'Due to staff sickness the office will close at noon today. Sorry for the inconvenience.' },
    { name: 'staff policies on the website', post: 'Our grievance procedure and disciplinary policy are on our website under Governance.' },
    { name: 'a planning appeal dismissed', post: 'The planning appeal for 5 Mill Lane was dismissed by the inspector.' },
    { name: 'redundant buildings', post: 'The old toilets on the quay are redundant and will be demolished in March.' },
    { name: 'a free legal advice clinic', post: 'Free legal advice clinic at the library every Tuesday with Citizens Advice.' },
    { name: 'a date not announced yet', post: "The fireworks date hasn't been announced yet, so watch this space!" },
    { name: 'a scam warning', post: "Never share your PIN. Don't share it with anyone, even if they say they are from the bank." },
    { name: 'a request to share', post: 'Please share this post so everyone knows about the road closure!' },
    { name: 'a teaser', post: 'Sneak peek at the new bandstand lights. Top secret until the switch-on!' },
    { name: 'a retirement announced with thanks', post: 'Mrs Okoro retires on Friday after 20 years as our caretaker. Thank you!' },
    { name: 'between as a preposition', post: 'Between 9am and 5pm the office is open; between ourselves and the district council the bins are covered.' },
    { name: 'where to address private and confidential letters', post: 'Private and confidential letters should be addressed to the Clerk at the Town Hall.' },
    { name: 'an investigation by the fire service', post: 'The investigation into the fire at the old mill is continuing, says the fire service.' },
    { name: 'firms invited to bid with a guide price', post: 'Firms can bid for the contract until 30 June; guide price £50,000.' },
    { name: 'scam advice not to tell anyone a PIN', post: "Don't tell anyone your PIN or passcode, even someone from the bank." },
    { name: "a closed session in someone else's quoted post", post: { text: 'Our statement on the lifeboat house is on the website.', quoteOf: { account: '@chronicle@news.social', text: 'In a closed session, members agreed to buy the lifeboat house for £240,000.' } } },
    // Confidential business in plain words: what looks like it and is not.
    { name: 'the clerk off with the Mayor to an awards do', post: 'The clerk is off with the Mayor to London for the awards.' },
    { name: 'a finger to the lips in a quiet library', post: '🤫 Quiet please: exam week at the library, silent study upstairs.' },
    { name: 'a budget range in an invitation to tender', post: 'Tenders are invited for grass cutting: budget between £10,000 and £12,000. Closing date 30 October.' },
    { name: 'café prices', post: 'The café at 12 High Street: coffee £2.50, tea £1.80.' },
  ],
  invalid: [
    { name: 'a decision from a Part 2 session', post: 'Finance Committee update: in the Part 2 session, members agreed to buy the old chapel for £180,000.', expect: { severity: 'high', reason: "closed or confidential session ('Part 2')" }, count: 1 },
    { name: 'a decision taken in camera', post: 'Members met in camera last night and decided to end the café lease.', expect: { reason: "'in camera'" } },
    { name: 'an exempt item', post: 'Exempt item: councillors approved a £12,000 settlement with a former employee.', expect: { reason: "'Exempt item'" } },
    { name: 'a closed session reported', post: 'In a closed session last night, councillors agreed to sell the old library for £300,000.', expect: { evidence: /^In a closed session last night/ } },
    { name: 'material labelled strictly confidential', post: 'Strictly confidential - draft staffing restructure below.', expect: { evidence: 'Strictly confidential', reason: 'labels confidential' } },
    { name: 'material marked not for publication', post: 'Not for publication: the draft budget shows a 9% precept rise.', expect: { evidence: 'Not for publication' } },
    { name: 'a named member of staff off sick, masked', post: 'Staff news: our groundsman Tom Ridley is off sick with stress until further notice.', expect: { evidence: /^our groundsman T•• R••••• … off sick$/, reason: "staff matter ('off sick')" } },
    { name: 'a post-holder suspended', post: 'The Clerk has been suspended pending a disciplinary hearing.', expect: { reason: 'identifiable member of staff' } },
    { name: 'a post-holder made redundant', post: 'The deputy clerk has been made redundant.', expect: { evidence: 'The deputy clerk … made redundant' } },
    { name: 'a titled member of staff on sick leave', post: 'Update: Mrs Kaur, our cleaner, is on long-term sick leave.', expect: { evidence: /M•• K••• … long-term sick/ } },
    { name: "the council's solicitor's advice", post: 'Beach hut leases: our solicitor has advised that we would lose in court, so we are looking at a settlement.', expect: { reason: "legal advice to the council ('our solicitor has advised')" } },
    { name: "counsel's opinion", post: "Counsel's opinion is that the lease is void.", expect: { reason: 'legal advice' } },
    { name: 'legal advice the council received', post: 'Legal advice we have received says the footpath closure is unlawful.', expect: { reason: 'legal advice' } },
    { name: 'bids listed with prices before the award', post: 'Tenders for the roof closed today. Four bids came in: £42,000, £39,500, £44,100 and £47,800. Councillors decide in March.', expect: { reason: '4 bid prices before the contract is awarded', evidence: /^Four bids came in/ } },
    { name: 'the lowest tender named', post: 'The lowest tender for the sea wall was £310,000 from Coastal Build.', expect: { reason: 'a bid price' } },
    { name: 'quotes received with prices in the next sentence', post: 'We received three quotes for the bus shelter. Prices: £8,200, £7,950 and £9,100.', expect: { reason: '3 bid prices' } },
    { name: 'an embargo lifted only later in the week', post: 'Embargoed until Friday, when the embargo lifts: the new leisure centre will be on Mill Field.', expect: { reason: 'not yet public' } },
    { name: 'an embargoed plan', post: 'EMBARGOED until Monday: the new leisure centre will be on Mill Field.', expect: { evidence: 'EMBARGOED', reason: 'not yet public' } },
    { name: 'do not share yet', post: "Please don't share yet: the Christmas market is moving to the quay.", expect: { evidence: "Please don't share yet" } },
    { name: 'keep it to yourselves', post: 'Keep it to yourselves, but the skate park is going on Cliff Road.', expect: { evidence: 'Keep it to yourselves' } },
    { name: 'between you and me', post: 'Between you and me, the library is closing next year.', expect: { evidence: 'Between you and me' } },
    { name: 'a leak of something not announced', post: "Psst, it hasn't been announced yet, but the lido reopens in June!", expect: { reason: 'not been announced' } },
    { name: 'the press and public excluded while members agreed', post: 'The public and press were excluded while members agreed the settlement figure of £45,000.', expect: { reason: 'closed or confidential session' } },
    { name: 'a named former clerk masked in the evidence', post: 'Exempt item: members approved a £15,000 settlement with the former clerk, Jane Kaur.', expect: { evidence: /^Exempt item: .*former clerk, J••• K•••\.$/ } },
    { name: 'a post-holder off work with stress', post: 'Our clerk is off work with stress, please bear with us.', expect: { evidence: 'Our clerk … off work with stress' } },
    { name: 'advice from the council’s lawyers', post: "We've been advised by our lawyers that the lease is invalid.", expect: { reason: 'legal advice' } },
    { name: 'firms and their bids', post: 'Two firms bid for the contract: Acme at £22,000 and Brightway at £19,500.', expect: { reason: '2 bid prices' } },
    { name: "don't tell anyone", post: "Don't tell anyone, but the carnival is moving to August.", expect: { evidence: "Don't tell anyone" } },
    { name: 'a plan said not to be public yet', post: 'This is not public yet, but the pool is closing in October.', expect: { evidence: 'This is not public yet' } },
    { name: 'closed-session business in alt text', post: { text: 'Minutes photo', media: [{ type: 'image', url: 'https://files.example/m.jpg', altText: 'Photo of the exempt minutes: members agreed to sell the depot' }] }, expect: { field: 'media[0].altText' } },
    {
      name: 'a staff matter that the post also says not to share',
      post: "Staff update, please don't share yet: our gardener Ben Ashdown is off sick until further notice, so mowing will be late.",
      expect: [{ reason: 'staff matter' }, { reason: 'not yet public' }],
      count: 2,
    },
    // Confidential business in plain words
    { name: 'an identifiable member of staff off with an illness', post: 'Bins may be late this week as our Events Coordinator, Jade, is off with their back again after the operation.', expect: { severity: 'high', reason: "staff matter ('off with their back" } },
    { name: 'a member of staff by given name and workplace, off with flu', post: 'Jo from the office is off with flu, so replies may be slow.', expect: { reason: 'staff matter' } },
    { name: "bidders' prices side by side before a decision", post: 'Play area quotes are in: Fernleigh £42,100, PlayCo £38,950, Timberworks £51,000. Decision next month!', expect: { reason: 'bid prices before the contract is awarded' } },
    { name: 'firms priced without the word bid', post: "Three firms priced the play area: Fernleigh £42,100 and PlayCo £38,950. We'll decide in May.", expect: { reason: '2 bid prices' } },
    { name: 'news flagged as a leak in words', post: "Big news coming about the swimming pool… you didn't hear it from us 👀", expect: { reason: 'leaks news', evidence: "you didn't hear it from us" } },
    { name: 'news flagged only by a zipped mouth', post: '🤐 Big changes coming to the market square this summer…', expect: { reason: 'marks its news as a secret (🤐)' } },
    { name: 'a request to keep something quiet', post: 'Keep it schtum, but the Christmas market is moving to the park 🎄', expect: { reason: 'not yet public' } },
    { name: 'a decision in closed session, in plain words', post: 'In closed session last night, members gave the go-ahead to buy the old chapel.', expect: { reason: 'closed or confidential session' } },
    { name: 'an item marked confidential in draft minutes', post: 'Draft minutes. Item 9 (confidential): members agreed to sell the depot.', expect: { reason: "'(confidential)'" } },
    { name: 'a request to keep news under your hat, in text-speak', post: 'pls keep this under ur hat but the market is moving 🤫', expect: { reason: 'not yet public' } },
    { name: 'what the solicitor reckons', post: "Our solicitor reckons we'd lose the boundary case.", expect: { reason: 'legal advice' } },
  ],
});

describe('confidential-information, on a very long post', () => {
  const findingsIn = (text: string) => detectAll(testConfig(), [makePost({ text })], [confidentialInformation]);

  it('reports each of thousands of sentences that disclose something, once', () => {
    expect(findingsIn('Our solicitor advised us. '.repeat(2_000))).toHaveLength(2_000);
    expect(findingsIn('In the Part 2 session members agreed the sale. '.repeat(2_000))).toHaveLength(2_000);
  });

  it('reports nothing for thousands of markers that disclose nothing', () => {
    expect(findingsIn('part 2 '.repeat(5_000))).toEqual([]);
  });
});
