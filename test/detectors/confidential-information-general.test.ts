import { confidentialInformation } from '../../shared/detectors/confidential-information';
import { testDetector } from '../support/test-detector';

// Cases written for #12 before the code, in words no corpus uses: staff signed off or absent through
// illness, a head of service by title, posts cut with the holder named, news the post says it should
// not tell yet, and lawyers' advice in plain words. Each finding failed on the old code.

testDetector(confidentialInformation, {
  valid: [
    { name: 'the clerk on leave', post: 'The Town Clerk is on leave until Monday; the office is open as normal.' },
    { name: 'staff trained as first aiders', post: 'Mental health awareness week: our staff are trained Mental Health First Aiders.' },
    { name: 'staff signed off as first aiders', post: 'Staff have been signed off as first aiders after the course.' },
    { name: 'a play area signed off as safe', post: 'The groundsman signed off the new play area as safe yesterday.' },
    { name: 'a redundancy advice session', post: 'Redundancy advice drop-in with Citizens Advice, Thursday 2-4pm.' },
    { name: 'a road made redundant in history', post: 'Did you know? Mill Lane was made redundant as a through-road in 1960 when the bypass opened.' },
    { name: 'a new apprentice named', post: 'Jade Holloway has joined us as our new apprentice — welcome Jade!' },
    { name: 'a council that cannot comment, with nothing after', post: "We can't comment yet on the planning application; the district council decides it." },
    { name: 'a winner to be announced', post: 'The winner will be announced on Friday at the awards evening.' },
    { name: 'news that was made public on a day', post: 'The new opening hours were made public on Monday and start next week.' },
    { name: 'jobs that are being advertised', post: 'Two jobs are being advertised this month: assistant clerk and caretaker.' },
    { name: 'free legal advice for residents', post: 'Free legal advice clinic at the library every Tuesday.' },
    { name: 'a groundsman on the mower', post: 'Our groundsman Dai is on the mower all week, bear with us 🙏' },
    { name: 'a finger to the lips for quiet in the library', post: "🤫 Quiet please — the library's reading hour is 10–11am on Saturdays." },
    { name: 'an awarded tender in draft minutes', post: 'MINUTES (draft) item 9: RESOLVED to accept the lowest tender (Acme, £4,200). Contract awarded.' },
    { name: 'a closed item kept back in a reply', post: "Thanks Graham, it was a closed item, so we're not able to share what was discussed I'm afraid." },
    { name: 'a closed item with no decision to report', post: 'Draft minutes are online. The closed item was considered; there is no decision to report.' },
    { name: 'an item to be heard in closed session', post: "Part of the lease item will be heard in closed session because it involves the bidders' terms; the decision itself will be published afterwards." },
    { name: 'a closed decision already published', post: 'The sale agreed in closed session in January has now completed, and the decision notice is published on our website.' },
  ],
  invalid: [
    { name: 'a closed decision told, beside a promise to publish it', post: 'In closed session members agreed to dismiss the contractor; the decision will be published next week.', expect: { reason: 'closed or confidential session' } },
    { name: 'what was discussed, told by someone not able to say more', post: "We're not able to share the details, but in closed session members voted to sell the pavilion for £80,000.", expect: { reason: 'closed or confidential session' } },
    // Staff absent through illness
    { name: 'a head of service signed off with anxiety', post: 'Apologies for the slow replies — Simon Crabtree, our Head of Parks, is signed off for six weeks with anxiety.', expect: { severity: 'high', evidence: /our Head of Parks.*signed off for/, reason: 'discloses a staff matter' } },
    { name: 'the clerk by given name signed off for a fortnight', post: 'The office will be shut Tues as our clerk Jan is signed off for a fortnight.', expect: { reason: "'signed off for'" } },
    { name: 'a deputy clerk signed off until a month', post: 'Our Deputy Clerk, Pat Nolan, has been signed off until March, so please bear with us.', expect: { reason: "'signed off until'" } },
    { name: 'a head of service on long-term sick', post: 'Our Head of Facilities Dan Kerr is on long-term sick so the hall bookings are paused.', expect: { reason: 'long-term sick' } },
    { name: 'an officer absent through illness', post: 'Our Events Officer is absent through illness until further notice.', expect: { reason: 'absent through illness' } },
    { name: 'a manager on medical leave', post: 'Our Finance Manager, Lyn Cole, is off on medical leave after surgery.', expect: { reason: 'medical leave' } },
    { name: 'a groundsman "on the sick"', post: 'Our groundsman Dai is on the sick after his op, bear with us 🙏', expect: { reason: 'on the sick' } },
    // Posts cut, with the holder named
    { name: 'posts made redundant, one of them named', post: "Two posts are being made redundant in the spring, one of them Jade Holloway's. Sad news all round.", expect: { reason: "'made redundant'" } },
    { name: 'a named person whose job is going', post: "Sad to say Kevin Platt's job is going in the restructure — he's being made redundant in April.", expect: { reason: 'made redundant' } },
    { name: 'a role to be cut', post: "The assistant clerk's role will be cut at the end of March, we're sorry to lose Bev.", expect: { reason: 'role will be cut' } },
    // News the post says it should not tell
    { name: 'keep this one under your hat', post: 'keep this one under your hat til Friday — the Co-op is taking the old bank 🤐', expect: { reason: 'not yet public' } },
    { name: '"we shouldn\'t really say, but"', post: "We shouldn't really say, but the market is moving to the car park next year.", expect: { reason: 'leaks news' } },
    { name: 'hush hush and official later', post: 'Hush hush: the new Mayor will be Cllr Bhatt. Official on Monday.', expect: { reason: 'leaks a plan' } },
    { name: '"can\'t comment yet, but"', post: "Officially we can't comment yet, but the depot sale has gone through to Hartwell Homes.", expect: { reason: 'leaks news' } },
    // Legal advice in plain words
    { name: '"Legal have advised us"', post: 'Legal have advised us not to comment on the boundary case.', expect: { reason: 'legal advice' } },
    { name: 'the lawyers have told us', post: "The lawyers have told us the lease won't stand up, so we're backing down on the café.", expect: { reason: 'legal advice' } },
  ],
});
