import { confidentialInformation } from '../../shared/detectors/confidential-information';
import { testDetector } from '../support/test-detector';

// Confidential business in plain words (#12), in voices the tuning corpora lack: each family with new
// wordings, and the hard negatives a clerk would leave alone.
testDetector(confidentialInformation, {
  valid: [
    // Absence without a member of staff named
    { name: 'the office short-staffed, nobody named', post: 'The office is short-staffed this week, so please bear with us on the phones.' },
    { name: 'a resident wished well', post: 'Get well soon to Brenda, who runs the Tuesday craft club at the hub!' },
    { name: 'a named member of staff on holiday', post: 'Carol on the front desk is on holiday next week, so the counter opens at 10.' },
    // Suspensions and inquiries that are not about a post-holder
    { name: 'a bus service suspended', post: 'The 42 bus service has been suspended while the county looks into the bridge.' },
    { name: 'a complaint looked into, nobody named', post: 'Thanks for raising the bin collections. We are looking into what happened on Tuesday.' },
    // Posts that are recruited, not cut
    { name: 'a youth worker post advertised', post: "We're recruiting! The youth worker post will go to advert next week, closing date 1 May." },
    { name: 'a new post going live', post: 'Our new library assistant post is going live on the jobs page on Monday. Apply by 12 June.' },
    { name: 'a post office closing', post: 'The post office will be closed on Saturday for a stocktake.' },
    // Closed items announced, not disclosed
    { name: 'an exempt item on the agenda', post: 'Agenda item 12 (exempt, staffing) will be taken with the press and public excluded.' },
    { name: 'a history series part two', post: 'Part 2 of our harbour history series: the herring fleet in 1900.' },
    { name: 'closed session and the meeting ending', post: 'Members went into closed session for item 9. The meeting closed at 9.15pm.' },
    {
      name: 'a closed item explained, its minutes to come once approved',
      post: "Hi Jan, the market hall item was taken in closed session because it concerns a tenant's finances, so we can't share the detail. Anything that can be made public will be in the minutes once they're approved.",
    },
    {
      name: 'a closed item whose outcome waits for the clerk',
      post: "Clerk's terms: members considered the honorarium review as an exempt item, the public having been excluded. The outcome will be reported once it has been agreed with the Clerk.",
    },
    { name: 'a closed item with no decision reported', post: 'Item 14 (a staffing matter) was taken in closed session, and no decision on it is reported here.' },
    { name: 'a quote agreed by name, with its price, at a meeting', post: "bus shelter roof: council agreed jr ashby's quote of £1,980 at last nights meeting. work in october half term" },
    { name: 'a quote accepted by name, with its price, after the award', post: "Bus shelter: the council accepted Roseland Joinery's quote of £8,400. Work starts in August." },
    { name: 'an opinion confided, no business in it', post: "Between ourselves, I wouldn't want the fun run moved again; the Green suits everyone." },
    // Legal advice taken, its content not told
    { name: 'legal advice taken, the decision to come in public', post: 'The council has taken legal advice on the claimed bridleway and will decide its position in public at the March meeting.' },
    {
      name: 'legal advice said to be privileged',
      post: 'Allotment lease: we have sought legal advice, which is legally privileged and will be considered in closed session. A public report on the options is online.',
    },
    // Secrets that are fun, and notices of when news may be told (ninth round)
    { name: 'a surprise party kept quiet', post: "🤫 SURPRISE PARTY 🤫 Our Town Clerk Jo reaches 25 years with us on Friday! Drinks at the Anchor from 6pm, and don't breathe a word 🥂" },
    { name: 'Secret Santa in the office', post: 'Office Secret Santa today 🎅🤫 Nobody is owning up to the singing fish.' },
    { name: 'a reveal with no clues', post: 'The switch-on star will be revealed on Friday at 7pm. And no, we are not giving clues 🤐' },
    { name: "a trail's answers now out", post: "The secret's out 🤐 The Easter trail answers are on our website now. Well done everyone!" },
    { name: 'an embargo told to journalists, nothing under it', post: 'Journalists: the festival programme is under embargo until 00:01 on Thursday. Press packs from the office.' },
    // Closed items taken, their outcomes kept back
    { name: 'an item discussed in closed session, its outcome kept back', post: "Yes, the lifeboat station was discussed in closed session on Tuesday. No, I can't tell you what we decided." },
    { name: 'a confidential session, a decision still to come', post: "It's a commercial negotiation, so members considered it in a confidential session, and when there's a decision we can share it'll be here first." },
    { name: 'nothing decided behind closed doors', post: 'The examiner and a referendum come later, so nothing is being decided behind closed doors.' },
    { name: 'a closed item, a statement once terms are agreed', post: 'Item 11 (café lease) was considered in closed session. A statement will follow once terms have been agreed with the tenant.' },
    { name: 'a resident in hospital, by title', post: "Please think of neighbours when burning garden waste: smoke set off Mrs Armstrong's asthma, and she was in hospital with it last winter." },
  ],
  invalid: [
    // Their twins, which do disclose
    { name: 'a surprise hushed, with the money in it', post: "🤫 Surprise news: the council has agreed to buy the old bank for £240,000. Don't breathe a word till Friday!", expect: { reason: 'not yet public' } },
    { name: 'an embargo over a grant told', post: 'The grant news is under embargo until Friday, but we have been awarded £12,000 for the play park!', expect: { reason: 'not yet public' } },
    { name: 'discussed in closed session, and what was agreed', post: 'The lifeboat station was discussed in closed session on Tuesday and members agreed to sell it to the RNLI.' },
    { name: 'a member of staff by title in hospital', post: 'The office is closed this week because our clerk, Mrs Armstrong, is in hospital.' },
    { name: 'business confided between ourselves', post: 'Between you and me, we need to sell the paddock before the district does. Nothing is public yet.', expect: { reason: 'not yet public' } },
    // Legal advice taken, and what it says
    { name: 'legal advice taken, and its view', post: 'We have taken legal advice on the bridleway claim and, in short, we would probably lose at an inquiry.', expect: { reason: 'legal advice' } },
    // A named member of staff absent in a post about the service
    { name: 'a receptionist by given name, off with her nerves', post: 'Phones are on voicemail this morning as Linda from reception is off with her nerves again. Sorry all.' },
    { name: 'a named worker signed off, with the hub short', post: "Hub opening hours are cut this week: Dave's signed off for a fortnight." },
    { name: 'a named librarian in hospital', post: 'The library will shut at noon on Thursday because Gwen is in hospital. Thanks for your patience.' },
    // A post-holder suspended, let go or investigated
    { name: 'the groundsman stood down pending an inquiry', post: 'The groundsman has been stood down pending an investigation into the mower fire.' },
    { name: 'the market manager let go', post: 'Yes, our market manager was let go last week. We will say more when we can.' },
    { name: 'the youth worker suspended while the council looks into it', post: 'The youth worker is suspended while the council looks into the trip complaint.' },
    // A post cut before it is announced
    { name: "a named warden's job cut", post: "Bad news: Phil's beach warden job is being cut from April, so enjoy his litter picks while you can." },
    { name: 'the deputy clerk post to go', post: 'The deputy clerk post will be deleted in the new structure, members heard.' },
    { name: "the café assistant's hours reduced", post: 'The hall café assistant hours are being reduced from January.' },
    // A closed or exempt item with its outcome
    { name: 'an exempt item with a category and an outcome', post: 'Minutes, 4 March.\nItem 8 (confidential – contracts): members chose Coastway Ltd for the toilets.' },
    { name: 'a Part 2 item and the decision in the next sentence', post: 'The closed item on Tuesday was the boatyard lease. We are not renewing it from June.' },
    { name: 'a Part 2 item and the people not told', post: "Part 2 business last night was the kiosk. The Pascoes haven't been told, so mum's the word." },
  ].map((c) => ({ ...c, expect: { severity: 'high' as const } })),
});
