import { personalData } from '../../shared/detectors/personal-data';
import { testDetector } from '../support/test-detector';

// Personal data said in plain words (#12), in voices the tuning corpora lack: each family with new
// wordings, and the hard negatives a clerk would leave alone.
testDetector(personalData, {
  valid: [
    { name: 'community service in general', post: 'Anyone given 100 hours community service can help at the rec under the probation scheme.' },
    { name: 'a court building', post: 'The Magistrates Court in Leicester is due to close in March.' },
    { name: 'someone at a business by number and street', post: "Sue's at 14 High Street Bakery on Saturdays if you want to order a cake." },
    { name: 'the owners of a shop', post: 'The owners of 5 Fore Street Stores are retiring after 30 years. Thank you both!' },
    { name: "a business's rent arrears at its premises", post: 'The café is behind on the rent at 7 High Street, and the landlord has agreed a plan.' },
    { name: 'a walk that meets at a house', post: 'Meet Mrs Joan Hebditch at 14 Abbey Close for the footpath walk on Sunday.' },
    // A building and a cause, with no one in it
    { name: 'a campaign to save a hospital', post: 'Save our cottage hospital: donate to the campaign today.' },
    { name: "a party's campaign for a hospital", post: 'Only the Greens will keep our community hospital open. Give to their appeal this week.' },
    // Lost property with no one named: every found-keys post in the corpus named the owner or a number
    { name: 'found keys, to ask at the office', post: 'Found: a set of keys on a red lanyard by the bus shelter. Ask at the town hall office.' },
    { name: 'found car keys handed in', post: 'FOUND 🔑 car keys in the Market Place car park on Saturday. Handed in at the library; describe the fob to claim them.' },
    // Numbers that are not homes
    { name: 'a bus by its number', post: 'The number 14 bus is diverted via Mill Lane until Friday.' },
    { name: 'an agenda item by its number', post: 'Sue Parker at item no. 4 gave the treasurer\'s report.' },
    { name: 'a house number without a person', post: 'The lamp post outside number 14 Chapel Road has been fixed.' },
    { name: 'a title and initials without a house number', post: 'Minutes taken by Mr B. Cairns, clerk to the council.' },
    { name: 'a business with initials and an address', post: 'Thanks to J. Smith & Sons, 4 Mill Lane, for the Christmas tree.' },
    // Ages that are not children's
    { name: 'an adult who turned 90', post: 'Happy birthday to Mrs Edna Pike, who turned 90 on Sunday!' },
    { name: 'a time after a name', post: 'Jack will open the doors (he is 7 minutes away), so please wait outside.' },
    { name: 'a volunteer and years of service', post: 'Our volunteer Jack Tully (he is 12 years into his litter picking) got a certificate.' },
    // Offences said of nobody in particular
    { name: 'a warning about fines', post: 'Fly-tipping is a crime: anyone caught will be fined up to £1,000.' },
    { name: 'a warning to the reader', post: 'Thanks Mr Fenwick. Anyone who leaves bags by the bins could be fined, so we have put up a sign.' },
    { name: 'a club fined by its league', post: 'Harbourne Rovers from the Sunday league have been fined for a late kick-off.' },
    // Illness said of nobody identifiable
    { name: 'a role off sick, in the health rule', post: 'The library will close early as the only member of staff on the desk is off sick.' },
    { name: 'a resident in general', post: 'Residents on Mill Lane who are unwell can ask for an assisted bin collection.' },
    // Mobility aids in general
    { name: 'mobility scooters in general', post: 'Mobility scooters can be charged free at the library. Ask at the counter.' },
    { name: 'your blue badge, said to everyone', post: 'Remember to display your blue badge in the Market Square car park.' },
  ],
  invalid: [
    { name: 'a named young man given community service, his age and street between', post: 'Ryan Trezise, 19, of Bay View has been given 80 hours community service for the damage to the bus shelter.', expect: { reason: 'criminal-record' } },
    { name: 'a named man due at the magistrates', post: 'Darren Coles from Parva Hill is due at Leicester Magistrates on 3 March.', expect: { reason: 'criminal-record' } },
    { name: "the owner of a house by number and street", post: "We've written to the owner of 27 Ennerdale Road about the hedge, third time now.", expect: { reason: 'home address' } },
    { name: "a volunteer's home: she's at a number and street", post: 'Maureen is happy to take two in her car: she is at 14 Coppice Close, just knock after 6.', expect: { reason: 'home address' } },
    { name: 'a found dog back home with its owner, at her address', post: 'Good news: the spaniel found on the Rec is back home with Mrs Joan Hebditch at 14 Abbey Close.', expect: { reason: 'home address' } },
    { name: 'rent arrears at a house number and street', post: "Sheila is struggling and she's behind on the rent at 7 Orchard Close. Any help welcome.", expect: { reason: 'home address' } },
    // A home by its number
    { name: 'a resident at number 7', post: 'Thanks to Brian Holt at number 7 for keeping an eye on the planters.', expect: { reason: 'home address (house number)' } },
    { name: 'a resident of no. 22', post: 'The hedge belongs to Margaret Hale of No. 22, so we have written to her.', expect: { reason: 'home address' } },
    { name: 'a flat in brackets', post: 'Parcel for Dilys Jones (flat 3) left at the office by mistake – pop in to collect.', expect: { reason: 'home address' } },
    { name: 'initials and an address after a label', post: 'Objector: Mrs K. L. Ashworth, 9 Tanner Street.', expect: { reason: /house number and street.*Mrs/ } },
    { name: 'initials and an address in brackets', post: 'Complaint received from Mr T Boyce (41 Riverside Walk) about the footpath.', expect: { reason: 'home address' } },
    // A child's age in an aside
    { name: "a child's age in a dash aside", post: 'Well done to Ava Lister – she is only 9! – for her poem in the library competition.', expect: { reason: 'a child identified by name' } },
    { name: 'a child who has just turned 6', post: 'Lost teddy found by the swings. Belongs to young Oscar, who has just turned 6, so please share!', expect: { reason: 'with their age' } },
    { name: 'a child with "age" in brackets', post: 'Winner of the colouring contest: Poppy Shaw (age 8). Brilliant work!', expect: { reason: 'a child' } },
    // A detail said of a person through a modifier
    { name: 'a named worker at the counter off sick', post: 'Sorry for the queue: Carol at the counter has been off sick all week.', expect: { reason: /health.*C••••/ } },
    { name: 'a resident from a street, then an appositive, convicted', post: 'Dean Hollis from Mill Lane, the man behind the graffiti on the bandstand, was convicted on Monday.', expect: { reason: 'criminal-record' } },
    { name: 'a named cleaner in the office recovering', post: 'Pam in the office is recovering from an operation, so replies may be slow.', expect: { reason: 'health' } },
    // An offence said to the person addressed
    { name: "you've been fined, to a titled name", post: "Spare us the lecture, Mrs Lacey: you've been fined twice for the hedge.", expect: { reason: 'criminal-record' } },
    { name: 'a man who got a caution, to a vocative', post: 'Funny, Gary, coming from a man who got a police caution for the bonfire.', expect: { reason: 'criminal-record' } },
    { name: 'given your conviction', post: 'Given your conviction for fly-tipping, Mr Dodd, we will not be taking advice on the tip.', expect: { reason: 'criminal-record' } },
    // A mobility aid or medicine said to a named person
    { name: 'your wheelchair, to a titled name', post: 'Mrs Ellis, if your wheelchair fits in the Co-op it fits in the Town Hall lift.', expect: { reason: 'your wheelchair' } },
    { name: 'your hearing aids, to a vocative', post: 'Maybe turn your hearing aids up next time, Derek, it was announced twice.', expect: { reason: 'health' } },
    { name: 'his walking stick, of a named man', post: 'Alan Brook says his walking stick got stuck in the new grating on the Parade.', expect: { reason: 'his walking stick' } },
  ],
});
