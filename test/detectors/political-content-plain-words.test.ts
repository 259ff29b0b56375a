import { politicalContent } from '../../shared/detectors/political-content';
import { testDetector } from '../support/test-detector';

// Campaigning in a council's own words (#12), written in voices the tuning corpora lack: each family
// with new wordings, and the hard negatives a clerk would leave alone. Harbourne (test fixtures):
// councillors Alice Moreton and Raj Bhatt, polling day 6 May 2027, pre-election period from 29 March.
const IN_PERIOD = '2027-04-12T10:00:00Z';
const OUTSIDE = '2026-11-02T10:00:00Z';
const CANDIDATES = { candidates: [{ name: 'Lena Marsh', party: 'Harbourne First' }, { name: 'Tom Speke', party: 'Quayside Alliance' }] };

testDetector(politicalContent, {
  valid: [
    // A vote for someone: contests and plain information
    { name: 'a vote for a councillor in a bake-off', post: { text: 'Vote for Alice in the Great Harbourne Bake Off final! Voting closes Friday.', createdAt: OUTSIDE } },
    { name: 'a vote on a play park design', post: { text: 'Vote for the pirate ship design for the new play park, poll closes Sunday.', createdAt: OUTSIDE } },
    { name: 'a vote for a float in the carnival', post: { text: 'Vote for me, says Bertie the scarecrow, in this year\'s scarecrow contest 🎃', createdAt: OUTSIDE } },
    // Hashtags and colours
    { name: 'a hashtag with a place and a year', post: { text: 'What a weekend! #Harbourne2027 #CarnivalTime', createdAt: OUTSIDE } },
    { name: 'lights turned blue for a charity', post: { text: 'We are turning the Town Hall blue tonight for World Autism Acceptance Week 💙', createdAt: IN_PERIOD } },
    { name: 'keep Harbourne tidy', post: { text: '#KeepHarbourneTidy: litter pick on Saturday, meet at the bandstand.', createdAt: IN_PERIOD } },
    // Reminders that are practical
    { name: 'remember photo ID when you vote', post: { text: 'Remember to bring photo ID when you vote on 6 May. Polling stations are open 7am to 10pm.', createdAt: IN_PERIOD } },
    { name: 'remember that polling stations have moved', post: { text: 'Remember that polling stations have moved this year: check your polling card before 6 May.', createdAt: IN_PERIOD } },
    { name: 'remember what the park was like, in a survey', post: { text: 'Remember what the park was like before the flood when you vote in our play area survey!', createdAt: OUTSIDE } },
    { name: 'remember the bin change', post: { text: 'Remember who to call about the bins: the district council on 01632 960001.', createdAt: OUTSIDE } },
    // Money raised for a community campaign
    { name: "proceeds to a community group's campaign fund", post: { text: 'All proceeds from the quiz go to the Save Our Library campaign fund. Thank you all!', createdAt: OUTSIDE } },
    { name: 'money raised for a lifeboat appeal', post: { text: 'Money raised at the cake sale goes to the RNLI appeal fund.', createdAt: OUTSIDE } },
    // Support asked for a cause
    { name: 'the food bank deserves your support', post: { text: 'The food bank deserves your support this winter: drop-off at the Town Hall.', createdAt: IN_PERIOD } },
    { name: 'a club that needs your vote in an award', post: { text: 'Harbourne Rovers need your vote for Club of the Year in the county awards!', createdAt: OUTSIDE } },
    // Candidacy words that are not the poster's
    { name: 'the Mayor standing down', post: { text: "After six years I'm standing down as Mayor in May. Thank you, Harbourne.", createdAt: OUTSIDE } },
    { name: 'standing in the queue', post: { text: "I'm standing in the queue for the new café and it's worth it!", createdAt: OUTSIDE } },
    // A party named without mockery
    { name: 'better late than never, no party', post: { text: 'The 42 bus timetable is finally back online. Better late than never!', createdAt: OUTSIDE } },
    { name: 'a party group proposing a motion', post: { text: 'The Liberal Democrat group proposed the motion on the harbour wall; it was carried unanimously.', createdAt: OUTSIDE } },
    // Inside the period: neutral wording
    { name: 'good luck to every candidate', post: { text: 'Good luck to all the candidates tomorrow, and thank you to our polling station staff.', createdAt: IN_PERIOD } },
    { name: 'good luck to a child in exams, inside the period', post: { text: 'Good luck to Jack and everyone sitting their GCSEs this week!', createdAt: IN_PERIOD } },
    { name: 'a post signed by the clerk, inside the period', post: { text: 'The office is closed on Monday for the bank holiday. Have a lovely weekend. Sue', createdAt: IN_PERIOD } },
    { name: 'a councillor signs off outside the period', post: { text: 'Mayor\'s diary: opened the new footbridge today. What a town! Alice', createdAt: OUTSIDE } },
  ],
  invalid: [
    // A vote for a person or a local party, disguised or plain
    { name: 'a vote call with a symbol inside the name', post: { text: 'By-election next Thursday 🗳️ V0t3 L3n@ 🌹', createdAt: OUTSIDE }, config: CANDIDATES, expect: { reason: /votes for candidate Lena Marsh, with digits or symbols/ } },
    { name: 'a vote call with "!" for "i"', post: { text: 'Thursday: v0te T0m Sp!ke', createdAt: OUTSIDE }, config: CANDIDATES, expect: { reason: /votes for candidate Tom Speke/ } },
    { name: 'a disguised vote for a candidate by name', post: { text: 'Between us, v0te L3na M4rsh on the 6th 😉', createdAt: OUTSIDE }, config: CANDIDATES, expect: { reason: /votes for candidate Lena Marsh, with digits/ } },
    { name: 'a vote 4 a councillor by given name', post: { text: 'Polls open Thursday. Vote 4 Raj, he gets things done!', createdAt: OUTSIDE }, expect: { reason: 'Raj Bhatt' } },
    { name: 'a disguised vote for a local party', post: { text: 'v0te f0r Quay Alliance on the 6th, they actually live here!', createdAt: OUTSIDE }, expect: { reason: 'local party' } },
    { name: "a vote for a candidate's configured party", post: { text: 'Vote Quayside Alliance on 6 May!', createdAt: OUTSIDE }, config: CANDIDATES, expect: { reason: 'local party' } },
    // A candidate's name in a hashtag; a party's colours as a slogan
    { name: "a candidate's hashtag in leetspeak", post: { text: 'Quay ward, you know what to do 😉 #L3na4Quay', createdAt: OUTSIDE }, config: CANDIDATES, expect: { reason: /campaign hashtag for Lena Marsh/ } },
    { name: "a councillor's re-election hashtag", post: { text: 'Another pothole fixed! #ReElectMoreton', createdAt: OUTSIDE }, expect: { reason: 'Alice Moreton' } },
    { name: 'team hashtag for a candidate', post: { text: 'Out on the doorstep today #TeamSpeke', createdAt: OUTSIDE }, config: CANDIDATES, expect: { reason: 'Tom Speke' } },
    { name: 'a colour slogan beside a vote', post: { text: 'Vote on 6 May and #TurnHarbourneBlue 💙', createdAt: OUTSIDE }, expect: { reason: "party's colours" } },
    // "Remember who … when you vote"
    { name: 'remember who saved the pool', post: { text: 'Remember who saved the swimming pool when you go to the polls on 6 May.', createdAt: OUTSIDE }, expect: { reason: 'steers' } },
    { name: 'worth remembering on polling day, after an attack', post: { text: 'The county has had ten years to fix the sea wall and done nothing. Worth remembering on 6th May 🗳️', createdAt: OUTSIDE }, expect: { reason: 'steers' } },
    { name: 'bear that in mind at the ballot box', post: { text: 'Some councillors voted to close the library. Bear that in mind at the ballot box.', createdAt: OUTSIDE }, expect: { reason: 'steers' } },
    { name: "don't forget who, in May", post: { text: "Don't forget who turned up to the flood meetings, come May.", createdAt: OUTSIDE }, expect: { reason: 'steers' } },
    // Money for a campaign
    { name: "raffle money for a candidate's party", post: { text: 'Raffle tonight at the Legion, all money raised goes to the Harbourne First campaign fund!', createdAt: OUTSIDE }, config: CANDIDATES, expect: { reason: 'election campaign' } },
    { name: 'proceeds to an election fund', post: { text: 'Cream teas on Sunday, proceeds towards the re-election fund 🍰', createdAt: OUTSIDE }, expect: { reason: 'election campaign' } },
    { name: "takings to a party's fighting fund", post: { text: 'Takings from the bar are going into the Green Party fighting fund.', createdAt: OUTSIDE }, expect: { reason: /campaign/ } },
    // Backing a named candidate
    { name: 'a councillor deserves your vote', post: { text: 'Cllr Raj Bhatt is standing again for Quay ward. He deserves your vote.', createdAt: OUTSIDE }, expect: { reason: 'vote' } },
    { name: 'a candidate has our backing', post: { text: 'Lena Marsh is the Harbourne First candidate for the by-election and she has our backing.', createdAt: OUTSIDE }, config: CANDIDATES, expect: { reason: 'Lena Marsh' } },
    { name: 'give her your vote', post: { text: 'Alice has been a brilliant councillor. Give her your vote at the election!', createdAt: OUTSIDE }, expect: { reason: 'vote' } },
    // The poster's own candidacy
    { name: "the Mayor's own candidacy", post: { text: "Big news: I'm standing for Quay ward in May! Re-elect me and let's finish the job.", createdAt: OUTSIDE }, expect: { reason: "poster's own candidacy" } },
    { name: 'vote for me on polling day', post: { text: 'Please vote for me on Thursday, polling stations open at 7.', createdAt: OUTSIDE }, expect: { reason: "poster's own candidacy" } },
    // A party mocked
    { name: 'a party finally catching up', post: { text: 'Nice to see Reform UK finally catching up with the rest of us on the bus cuts.', createdAt: OUTSIDE }, expect: { reason: 'attacks a political party' } },
    { name: 'a party that has done nothing', post: { text: 'The Conservatives have run the county for twelve years and achieved absolutely nothing for our coast.', createdAt: OUTSIDE }, expect: { reason: 'Conservatives' } },
    { name: 'about time, to a party', post: { text: 'The Labour group have backed our motion on the ferry. About time too.', createdAt: OUTSIDE }, expect: { reason: 'Labour' } },
    // Inside the period
    { name: 'fingers crossed for a councillor on polling night', post: { text: "Count's under way! Fingers crossed for Raj 🤞", createdAt: IN_PERIOD }, expect: { reason: /luck.*pre-election period/ } },
    { name: 'best of luck to a candidate by given name', post: { text: 'Best of luck to Lena tomorrow, she has worked so hard!', createdAt: IN_PERIOD }, config: CANDIDATES, expect: { reason: 'Lena Marsh' } },
    { name: "a councillor's handle at the end of a sentence", post: { text: 'For the best sunset photos, follow our Deputy Mayor at @rajbhatt.bsky.social.', createdAt: IN_PERIOD }, expect: { reason: /social media account of councillor Raj Bhatt/ } },
    { name: "a diary signed by a councillor, inside the period", post: { text: "Mayor's diary: judged the Easter bonnets and opened the new footbridge. I do love this town. Alice", createdAt: IN_PERIOD }, expect: { reason: /signed by councillor or candidate Alice Moreton/ } },
  ],
});
