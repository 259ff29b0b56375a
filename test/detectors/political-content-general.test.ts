import { politicalContent } from '../../shared/detectors/political-content';
import { testDetector } from '../support/test-detector';

// Cases written for #12 before the code, in words no corpus uses: a vote asked for a party's candidate
// in a leaflet's words rather than "vote for", and, inside the pre-election period (29 March – 6 May
// 2027 for the test council, whose councillors are Alice Moreton and Raj Bhatt), a councillor praised
// by given name in the sentences after it, or a candidate introduced by what they hope to become.
// Each finding failed on the old code.
const inPeriod = '2027-04-20T10:00:00Z';

testDetector(politicalContent, {
  valid: [
    { name: 'a vote for the best scarecrow', post: 'Give your vote for the best scarecrow at the library!' },
    { name: 'a survey vote for new bins', post: 'Give the new bins your vote in our survey.' },
    { name: 'a neutral list of candidates', post: 'Candidates for Quay ward: Sam Whitaker (Green), Tom Hart (Labour), Priya Shah (Conservative). Polling day is 6 May.' },
    { name: 'support asked for a fun run', post: 'Please give Sam your support at the fun run on Saturday!' },
    { name: 'a candidate who asked us to share a hustings date', post: 'The Green Party candidate Sam Whitaker has asked us to share the hustings date: 28 April, 7pm at the hall.' },
    { name: 'a vote asked for a dog in a show', post: 'Give Lucy your vote in the dog show — best rescue category!' },
    { name: 'a vote asked for a garden entry', post: 'Give your vote to the Harbourne in Bloom entry on the council website!' },
    { name: 'a volunteer thanked in the period', post: { text: 'What would we do without our volunteers? Another brilliant week!', createdAt: inPeriod } },
    { name: "a councillor's given name praised outside the period", post: 'What would we do without Alice? Another brilliant week of getting things done 👏👏' },
    { name: 'another person with a councillor’s given name in the period', post: { text: 'Raj Patel from the bakery won the cake competition — brilliant week for him!', createdAt: inPeriod } },
    { name: "a councillor's given name in a place name in the period", post: { text: 'Alice Springs documentary screening at the library Friday.', createdAt: inPeriod } },
    { name: 'polling information in the period', post: { text: "The Mayor's office is closed Friday. Polling stations open 7am-10pm on 6 May.", createdAt: inPeriod } },
    { name: 'polling cards in the period', post: { text: 'Polling cards are going out this week. Lost yours? Ring the elections office.', createdAt: inPeriod } },
    { name: 'a vote for the town in a competition', post: 'Vote Harbourne for Coastal Town of the Year! https://example.org/vote' },
    { name: 'a story title with a councillor’s given name in the period', post: { text: 'Alice in Wonderland at the library this Saturday, free for kids!', createdAt: inPeriod } },
    { name: 'a declared result with party labels', post: 'Result: Sam Whitaker (Green) elected for Quay ward with 412 votes. Turnout 31%.' },
    { name: 'every candidate listed with their party in the period', post: { text: 'Candidates for Quay ward: Sam Whitaker (Green), Tom Hart (Labour), Priya Shah (Conservative). Polling day is 6 May.', createdAt: inPeriod } },
  ],
  invalid: [
    // A vote asked for a party's candidate, at any date
    { name: 'a party candidate introduced and "give X your vote"', post: 'Introducing Sam Whitaker, the Green Party candidate for every ward 🌱 Give Sam your vote!', expect: { severity: 'high', evidence: /Give Sam your vote/, reason: 'a request for votes for a person' } },
    { name: 'a candidate whose given name no list holds', post: 'Introducing Lena Marsh, the Green Party candidate for Quarry ward 🌱 Give Lena your vote!', expect: { reason: 'Give Lena your vote' } },
    { name: '"X needs your vote"', post: "Meet Jo Bloggs, Labour's candidate for Quay ward. Jo needs your vote on 6 May!", expect: { reason: 'Jo needs your vote' } },
    { name: '"lend your vote to"', post: 'Lend your vote to Tom Hart, the Lib Dem candidate for Harbour ward.', expect: { reason: 'Lend your vote to Tom Hart' } },
    { name: '"make sure he gets your vote"', post: "Reform UK's Dan Cole is standing in Harbour ward. Make sure he gets your vote.", expect: { reason: 'Make sure he gets your vote' } },
    { name: 'an X next to a name with a party in brackets', post: 'Put your X next to Sam Whitaker (Green) on Thursday!', expect: { reason: 'Put your X next to Sam Whitaker' } },
    { name: '"deserves your vote" after a party’s possessive', post: "The Lib Dems' Tom Hart deserves your vote on Thursday.", expect: { reason: 'Tom Hart deserves your vote' } },
    { name: '"give him your X"', post: 'Sam Whitaker for Quay ward! Green Party. Polling day Thursday — give him your X 🌱', expect: { reason: 'give him your X' } },
    { name: 'a bare given name after "Vote"', post: 'Lucy Marsh (Labour) is the only candidate who will fix the potholes. Vote Lucy!', expect: { reason: 'party campaigning' } },
    { name: '"back" a person for a ward', post: 'Back Tom Hart for Quay ward on 6 May 🗳️', expect: { reason: 'asks people to back Tom Hart' } },
    { name: '"needs YOUR vote" in capitals', post: '🌹🌹 Lab candidate Jo Bloggs needs YOUR vote on Thurs 🌹🌹', expect: { reason: 'Jo Bloggs needs YOUR vote' } },
    { name: '"make sure Dan gets ur vote" in text-speak', post: "Polling day tmrw!! Make sure Dan gets ur vote, he's Reform's man for Quay ward 💪", expect: { reason: 'Make sure Dan gets ur vote' } },
    // A councillor praised by given name in the period
    { name: 'praise in the sentence after the name', post: { text: 'What would we do without Alice? Another brilliant week of getting things done 👏👏', createdAt: inPeriod }, expect: { severity: 'high', reason: 'councillor or candidate Alice Moreton during the pre-election period' } },
    { name: 'praise two sentences after the name', post: { text: 'Alice again! Out at 7am clearing the drains on Mill Lane. Legend.', createdAt: inPeriod }, expect: { reason: 'Alice Moreton' } },
    { name: '"done it again" and "without him"', post: { text: "Raj has done it again — the new crossing is open. Couldn't have happened without him.", createdAt: inPeriod }, expect: { reason: 'Raj Bhatt' } },
    { name: '"who else but"', post: { text: 'Who else but Alice would give up her Saturday for the litter pick? 🙌', createdAt: inPeriod }, expect: { reason: 'Alice Moreton' } },
    { name: '"where would we be without"', post: { text: 'Where would Harbourne be without Raj? The crossing, the benches, the lights — all him.', createdAt: inPeriod }, expect: { reason: 'Raj Bhatt' } },
    { name: "a councillor's page promoted by given name", post: { text: "Check out Raj's new Facebook page for updates on the crossing!", createdAt: inPeriod }, expect: { reason: 'Raj Bhatt' } },
    { name: 'a person labelled with a party in the period', post: { text: 'Sam Whitaker (Green) visited the food bank today to help out.', createdAt: inPeriod }, expect: { reason: 'Sam Whitaker' } },
    { name: 'candidates introduced as a group, then one by name', post: { text: 'Meet your candidates for Quay ward: Tom Hart is a retired teacher who loves the beach.', createdAt: inPeriod }, expect: { reason: 'Tom Hart' } },
    // A candidate introduced by what they hope to become
    { name: 'a person hoping to represent a ward', post: { text: "Say hello to Lucy Marsh, who's hoping to represent Quay ward after 6 May!", createdAt: inPeriod }, expect: { reason: 'Lucy Marsh' } },
  ],
});
