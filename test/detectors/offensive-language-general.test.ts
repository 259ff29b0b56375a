import { describe, expect, it } from 'vitest';
import { offensiveLanguage } from '../../shared/detectors/offensive-language';
import { findProfanityVariants } from '../../shared/detectors/text/lexicon/profanity-variants';
import { findGeneralisations } from '../../shared/detectors/text/prose/group-generalisations';
import { Segment } from '../../shared/detectors/text/segment';
import { testDetector } from '../support/test-detector';

// Discrimination without a slur and disguised profanity, written for #12 in voices the tuning posts do
// not use (a clerk's notice, a councillor's initialled post, a reply on a thread, a volunteer call, a
// Mayor's diary), each family in several wordings, beside the sincere posts that name the same groups.
const reply = { account: '@dee.r@mastodon.social' };

testDetector(offensiveLanguage, {
  valid: [
    { name: 'traders moved while the square is resurfaced', post: 'Market traders can set up shop somewhere else while the square is resurfaced.' },
    { name: 'a wheelchair users group', post: 'The wheelchair users group meets at the library on Thursday; the lift is working again.' },
    { name: 'gents and ladies toilets, nobody excluded', post: 'The new gents and ladies toilets at the rec are open, with baby change in both and an accessible loo.' },
    { name: 'proper weddings of every kind', post: 'The Guildhall hosts weddings and civil partnerships on any day of the week, Saturdays included.' },
    // Incapability: a service offered, a practical note, a challenged myth.
    { name: 'a phone line offered to older residents who prefer it', post: 'Older residents who would rather not book online can ring the office on 01632 960000 instead.' },
    { name: 'a lift offered to anyone who cannot manage the walk', post: 'The older residents’ lunch club is back. Transport for anyone who can’t manage the walk: ring the office.' },
    { name: 'a physical obstruction for wheelchair users', post: 'Wheelchair users can’t get past the van parked on the kerb on Mill Road. Please move it.' },
    { name: 'a myth about pensioners and apps challenged', post: 'It’s a myth that pensioners can’t be trusted with online banking: come to the digital café on Friday.' },
    { name: 'a road-safety message that drink and driving do not mix', post: 'Young drivers: drink and driving don’t mix. Plan your lift home this Christmas.' },
    // Stereotype constructions with no group: police advice, a practical rule.
    { name: 'police advice to keep sheds locked after break-ins', post: 'Police report three shed break-ins on the Mill Lane allotments this week. Please keep your sheds locked and tools out of sight.' },
    { name: 'the parking rules applying to everyone', post: 'A reminder that parking rules apply to everyone, including visitors to the church and the mosque on busy days.' },
    { name: 'Travellers moving on reported plainly', post: 'The Travellers have moved on from the recreation ground and the borough has cleared the site. The rec reopens on Monday.' },
    // Exclusion and preference: sincere posts that name the group.
    { name: 'a maternity-cover vacancy', post: 'We are recruiting a locum clerk for twelve months while ours is on maternity leave. Everyone welcome to apply.' },
    { name: 'a welcome for pregnant volunteers', post: 'Pregnant volunteers are very welcome on the fete committee; we’ll find you a seat at the tombola.' },
    { name: 'a lads and dads football session', post: 'Lads and dads football every Saturday at the rec, 10am. Everyone welcome, no need to book.' },
    { name: 'a licence required of volunteer drivers', post: 'Volunteer drivers wanted for the community minibus. Ideally you’ll have held a D1 licence for two years.' },
    { name: 'sorry, no dogs on the cricket square', post: 'Sorry, no dogs on the cricket square during matches. The rest of the park is fine.' },
    // Tokenism and blame: sincere congratulations.
    { name: 'congratulations to a first Asian Mayor', post: 'Congratulations to Cllr Anjali Rao, elected unanimously last night as our first Asian Mayor. A proud night for the town.' },
    { name: 'a first woman chair celebrated', post: 'Fifty years on, we are proud to welcome our first woman chair of the Finance Committee.' },
    { name: 'a quoted remark that the council rebuts', post: '"Women can’t chair a committee." Someone actually said that to us this week. Five women have chaired this council since 1974.' },
    // Takeover and not fitting in: inclusive posts.
    { name: 'a mosque open evening', post: 'The mosque on Station Road holds an open evening on Thursday: everyone welcome, of any faith or none.' },
    { name: 'a welcome pack in several languages', post: 'Our welcome pack for new arrivals is now in English, Polish and Urdu. Pick one up at the library.' },
    { name: 'a council flag policy stated without contempt', post: 'The council flies only the Union flag and the county flag on the Town Hall, under the flag policy adopted in 2024.' },
    // One person's disability: help offered.
    // Conditions, sexes, ceremonies and senses named sincerely.
    { name: 'a job advert that states its physical demands', post: 'Seasonal harbour assistant wanted: early starts and heavy lifting. Probably not the job for you if you hate mornings! Apply by 10 July.' },
    { name: 'support offered to anyone expecting', post: 'If you’re expecting, the Family Hub runs antenatal classes every Tuesday, and the Town Hall has a quiet room for feeding.' },
    { name: 'large print offered to anyone whose eyesight is poor', post: 'If your eyesight is poor, large-print copies of the planning drawings are at the library and we can read them to you.' },
    { name: 'a women’s crew and a men’s crew both celebrated', post: 'Well done to the women’s gig crew and the men’s crew, both through to the county final on Saturday!' },
    { name: 'weddings and civil partnerships priced alike', post: 'Weddings and civil partnerships at the Guildhall are the same price, £150, with the same choice of rooms.' },
    { name: 'a proper send-off for a retiring clerk', post: 'After 30 years, our clerk Margaret retires on Friday. Come and give her a proper send-off at the Guildhall, 4pm.' },
    { name: 'pensioners helped with a phone', post: 'Digital drop-in for pensioners: bring your phone and we’ll help you set up the parking app. It’s not rocket science once someone shows you.' },
    // A second round of sincere posts, beside the widened families.
    { name: 'callers told not to bother queuing but to ring', post: 'If you’re disabled, don’t bother queuing at the counter: ring us on 01632 960000 and we’ll come out to you.' },
    { name: 'a walk said to be too strenuous, with a shorter route', post: 'Young families: the summit walk is too strenuous for them, so we’ve marked a shorter route by the river.' },
    { name: 'residents told the app is hard, reported', post: 'Older residents told us the parking app is useless at showing which bays are free, so we have asked the supplier to fix it.' },
    { name: 'young children kept safe from a bonfire', post: 'Young children should be kept away from the bonfire; please keep them behind the rope.' },
    { name: 'a business called proper with no group', post: 'Congratulations to the Station Road car wash: a proper business, open seven days a week.' },
    { name: 'a group thanked for leaving a hall tidy', post: 'Thank you to the Islamic society, who always leave the hall spotless after iftar.' },
    { name: 'men and women invited to sign up', post: 'Helpers needed for the fete: men and women please sign up at the office.' },
    { name: "pensioners' bus passes not issued at the counter", post: "Sorry, no pensioners' bus passes can be issued at the Town Hall; apply online or at the library." },
    { name: 'a group for new mums cancelled', post: 'Sorry, no new mums group this week as the leader is unwell. Back next Tuesday.' },
    { name: 'an age limit with its reason', post: 'Sorry, no under-16s on the climbing wall unless accompanied by an adult.' },
    { name: 'an apprenticeship limited by its grant', post: 'Apprentice groundsperson wanted. Applicants must be under 25 under the terms of the apprenticeship grant.' },
    // Disguised profanity: ordinary words that look like a disguise.
    { name: 'accented words, hyphened words and words containing ass', post: 'Café naïve? The co-op’s e-mail on the class assessment in Sussex: a drop-in at the Crème de la Crème, re-opened by Zoë. Passes £5, a$50 fee.' },
    { name: 'a cockerel, a prickly hedge and Dick Turpin spelled plainly', post: 'The cockerel weathervane, a prickly hedge and a talk on Dick Turpin at the Cock & Bull.' },
    { name: 'a charging point for a mobility scooter', post: { text: 'If your mobility scooter needs charging while you’re at the meeting, there’s a socket by the door, Mr Adeyemi.', replyTo: reply } },
  ],
  invalid: [
    { name: "Travellers told a park needn't be for them", post: "Swings are in! Travellers needn't think it's for them.", expect: { reason: /race/ } },
    { name: 'worshippers sent to pray elsewhere', post: 'The hall is for the village. Muslims can pray elsewhere.', expect: { reason: /religion/ } },
    { name: 'the wheelchair brigade kept away', post: 'A village with one bus a day is no place for the wheelchair brigade: they would be stuck indoors.', expect: { reason: /disability/ } },
    // The ninth round: trans people excluded by "born", civil partnerships ranked below "proper weddings"
    { name: 'toilets for those born gents and ladies', post: 'New toilets at the rec are open. Gents and ladies. Born gents and born ladies, before anybody asks.', expect: { reason: /gender reassignment/ } },
    { name: 'Saturdays kept for proper weddings', post: "Saturdays are kept for proper weddings, so civil partnership 'ceremonies' will be on weekdays only.", expect: { reason: /civil partnership/ } },
    // Incapability, in other words and voices.
    { name: 'pensioners said to find a login as baffling as code', post: 'The new booking page is live. Pensioners, to whom a login screen is about as mysterious as hieroglyphics, can still ring us.', expect: { severity: 'high', reason: /age .*incapable/ } },
    { name: 'teenagers said not to be trusted', post: 'No new bins at the skate park. Teenagers round here cannot be trusted with anything that isn’t chained down. – JM', expect: { reason: /age .*incapable/ } },
    { name: 'the youth forum said to have no clue', post: 'The youth forum want a say on the precept. Young people haven’t the foggiest idea how a budget works. – Cllr P', expect: { reason: /age .*incapable/ } },
    { name: 'women and spreadsheets said not to mix', post: 'Gary will do the accounts again this year. Women and spreadsheets just don’t mix!', expect: { reason: /sex .*not to mix/ } },
    { name: 'disabled staff said to be out of their depth', post: 'We tried taking on disabled staff at the depot, but frankly they were out of their depth from day one.', expect: { reason: /disability .*incapable/ } },
    // Stereotypes.
    { name: 'Travellers arriving and valuables hidden', post: 'Travellers have pitched up on Cuckoo Lane again, so hide your purses and watch your tools.', expect: { reason: /race or nationality .*thieves/ } },
    { name: 'the church crowd above the parking rules', post: 'Parking rules somehow don’t apply to the Sunday worshippers at St Mark’s, judging by the verges.', expect: { reason: /religion or belief .*above the rules/ } },
    { name: 'blue badge holders doubted', post: 'Half the blue badge holders in the Co-op car park are about as disabled as I am. – RB', expect: { reason: /disability .*idle/ } },
    { name: 'the disabled said to be idle', post: 'We keep hearing the day centre is vital for disabled people. Most of them could be out working if they tried.', expect: { reason: /disability/ } },
    { name: 'a religion said to take over', post: 'Let the Sikhs have the car park for their festival and they’ll want the whole high street next year.', expect: { reason: /religion or belief .*take over/ } },
    { name: 'trans people said to be pushed on children', post: 'We won’t be hosting the trans awareness talk at the library. Trans activists can keep it away from the kids; children don’t need to see that.', expect: { reason: /gender reassignment .*take over/ } },
    { name: 'new arrivals said not to fit in', post: 'Plenty of new faces on the Heath estate since the hostel opened. Some of them won’t even learn the language, judging by the notices. Lock your bikes up.', expect: { reason: /race or nationality/ } },
    // Exclusion.
    { name: 'pregnant volunteers turned away', post: 'Afraid no pregnant volunteers on the bouncy castle rota this year. Plenty of other jobs going!', expect: { reason: /pregnancy .*(?:turned away|shut out)/ } },
    { name: 'an age group told not to apply', post: 'Stewards needed for the bonfire. Over-65s, please don’t apply; it’s a long night on your feet.', expect: { reason: /age .*(?:turned away|told not to take part|shut out)/ } },
    { name: 'a councillor hoping not to hire someone who may start a family', post: 'On the deputy clerk post: I’d rather we didn’t take on a young woman who’s likely to be starting a family in a year or two. – GD', expect: { reason: /pregnancy/ } },
    { name: 'maternity said to be unaffordable', post: 'We’re a parish council with two staff. We simply can’t afford another maternity leave.', expect: { reason: /pregnancy/ } },
    // Preference by sex or age.
    { name: 'stewards wanted, men preferred', post: 'Stewards wanted for the bonfire night car park. Men preferred, it gets rowdy.', expect: { reason: /sex .*preferred/ } },
    { name: 'a caretaker post said to suit a young man', post: 'Caretaker vacancy at the Memorial Hall, 10 hours a week. Would suit a strong young man.', expect: { reason: /(?:sex|age) .*preferred/ } },
    { name: 'a volunteer role for ladies ideally', post: 'Helpers needed on the tea urn at the flower show, ladies ideally.', expect: { reason: /sex .*preferred/ } },
    { name: 'an age limit on a volunteer role', post: 'Litter-pickers wanted for the spring clean. Applicants must be under 40.', expect: { reason: /age .*preferred/ } },
    // Blame and tokenism aimed through one person.
    { name: 'a committee blamed on a woman chairing it', post: 'Three meetings and still no decision on the bins. That’s what happens when you put a woman in charge.', expect: { reason: /sex .*blamed/ } },
    { name: 'a post said to be owed to sex', post: 'Welcome to our new Finance Officer. I’m sure being a woman had absolutely nothing to do with it.', expect: { reason: /sex .*owe a post/ } },
    { name: 'a chair said to be a diversity hire', post: 'Cllr Khan is the new chair of planning. A Muslim chair, naturally: a diversity hire if ever I saw one.', expect: { reason: /religion or belief .*owe a post/ } },
    // One person's disability doubted.
    { name: "a resident's bad back doubted", post: { text: 'Funny how your bad back never stops you at the bowls club, Brian.', replyTo: reply }, expect: { reason: /disability .*doubts one person/ } },
    { name: "a resident's walking stick doubted", post: { text: 'For a man with a walking stick you get round the car boot remarkably quickly, Mr Dale.', replyTo: reply }, expect: { reason: /disability/ } },
    { name: "a resident's wheelchair said to reach the pub", post: { text: 'Mrs Pike, if your wheelchair can take you to the Red Lion every night it can take you to the surgery.', replyTo: reply }, expect: { reason: /disability/ } },
    // Found on a third council's posts: conditions, the other sex, "real ones", a proper wedding, the senses.
    { name: 'a job said not to be for anyone pregnant', post: 'Allotment warden post now open. Lots of digging, so realistically not the role for you if you’re pregnant or planning a family.', expect: { reason: /pregnancy .*unsuitable/ } },
    { name: 'newcomers told an event is not their sort of thing', post: 'The carol concert is for proper locals. If you’ve only been here a few years, it probably isn’t your sort of thing.', expect: { reason: /race or nationality .*unsuitable/ } },
    { name: 'a boat said to be for the other sex', post: 'Sorry girls, the new gig is a heavy boat and it’s a men’s boat, always has been.', expect: { reason: /sex .*other sex/ } },
    { name: 'trans women said not to be real', post: 'The ladies’ toilets in the Guildhall stay for ladies. Biological women only, no exceptions.', expect: { reason: /gender reassignment .*(?:not to be real|as if trans people were not)/ } },
    { name: 'a civil partnership ranked below a marriage', post: 'Civil partners can use the small parlour. The main chamber is for a proper marriage.', expect: { reason: /marriage or civil partnership .*proper/ } },
    { name: "a resident told to leave reading to someone who can see", post: { text: 'Perhaps leave the small print to someone who can actually read it, Mr Penrose.', replyTo: reply }, expect: { reason: /disability .*sight/ } },
    { name: 'a generation sneered at without boomer', post: 'Typical snowflakes, complaining the skate park is too cold in January.', expect: { reason: /age .*generation/ } },
    { name: 'a rhetorical question doubting a group', post: 'The lesbian crew from the Anchor want a go at the regatta. Fair play, but can they really handle a proper swell?', expect: { reason: /sexual orientation .*incapable/ } },
    { name: 'an age group refused consideration', post: 'Lifeguard vacancies at the lido: no under-25s will be considered this season.', expect: { reason: /age .*(?:turned away|told not to take part|shut out)/ } },
    { name: 'a group said not to be allowed near children', post: 'People who have changed gender shouldn’t be volunteering with children at the holiday club.', expect: { reason: /gender reassignment/ } },
    // A second round, in voices of their own: the families widened by these posts.
    { name: 'the over-80s said to be unfit to drive', post: 'The over-80s really shouldn’t be driving into town on market day.', expect: { reason: /age .*(?:unsuitable|shouldn’t be driving)/ } },
    { name: 'a nationality said never to grasp the rules', post: 'Honestly, the Polish lads on the allotments never seem to grasp that bonfires are banned.', expect: { reason: /race or nationality .*incapable/ } },
    { name: 'women ruled out of a treasurer post', post: 'We need a treasurer who can add up, so probably not one of the ladies from the craft group this time.', expect: { reason: /sex .*turned away/ } },
    { name: 'asylum seekers told to be grateful', post: 'Asylum seekers in the hotel should be grateful for what they get and stop moaning about the food.', expect: { reason: /race or nationality/ } },
    { name: 'gay couples told to keep it to themselves', post: 'Gay couples are of course welcome at the dance, as long as they keep it to themselves.', expect: { reason: /sexual orientation/ } },
    { name: 'a religious society refused the hall', post: 'We’ll not be booking the Islamic society for the hall again; they always leave it in a state.', expect: { reason: /religion or belief .*turned away/ } },
    { name: 'a nationality’s business said not to be proper', post: 'Nothing against the Romanians, but the car wash on Station Road is hardly a proper business, is it?', expect: { reason: /race or nationality .*proper/ } },
    { name: 'a team said to be too physical for women', post: 'Sorry ladies, the bell-ringing team is a bit too physical for you.', expect: { reason: /sex .*incapable/ } },
    { name: 'a faith told not to bother', post: 'The Jehovah’s Witnesses can knock on someone else’s door; we’ve told them not to bother with the Town Hall.', expect: { reason: /religion or belief .*turned away/ } },
    { name: 'wheelchair users told not to bother', post: 'If you’re in a wheelchair, don’t bother with the Christmas market, it’s not set up for you and never will be.', expect: { reason: /disability .*(?:turned away|told not to take part)/ } },
    { name: 'menopausal staff said to take too much leave', post: 'Seriously, how many more ‘wellbeing days’ can the menopausal lot in the office take?', expect: { reason: /sex/ } },
    { name: 'pregnant staff said to be useless at lifting', post: 'Pregnant staff are lovely but useless at lifting chairs, so the set-up crew is lads only.', expect: { reason: /pregnancy .*incapable/ } },
    { name: 'autistic children kept at the back', post: 'Autistic kids at the Christmas party: please keep them at the back so the others can enjoy the show.', expect: { reason: /disability .*(?:turned away|told not to take part)/ } },
    // Disguised profanity, in spellings the lexicon does not hold.
    { name: 'an accented u in a word', post: 'What the fück happened to the Christmas lights?', expect: { severity: 'medium', evidence: /^f/, reason: "profanity 'fuck' with look-alike letters" } },
    { name: 'an accented i in a word', post: 'Absolute shïte turnout at the AGM.', expect: { reason: "profanity 'shite' with look-alike letters" } },
    { name: 'letters swapped', post: 'Some fcuk has nicked the hanging baskets.', expect: { reason: "profanity 'fuck'" } },
    { name: 'a sounds-like spelling', post: 'The phucking gritter has broken down again.', expect: { reason: "profanity 'fucking'" } },
    { name: 'a Northern spelling', post: 'Whoever left this fookin sofa by the beck, come and get it.', expect: { reason: "profanity 'fucking'" } },
    { name: 'a minced oath for an insult', post: 'The effing lights have failed again.', expect: { reason: "profanity 'fucking'" } },
    { name: 'a respelling of bollocks', post: 'Absolute bollox from the highways team.', expect: { reason: "profanity 'bollocks'" } },
    { name: 'an American insult', post: { text: 'Stop being a dumbass, Kev.', replyTo: reply }, expect: { reason: "profanity 'dumbass'" } },
    { name: 'an American insult masked with asterisks', post: 'Some a**hole has dumped a mattress in the brook.', expect: { reason: "profanity 'asshole' with letters masked" } },
    { name: 'an American insult with dollars for letters', post: 'Some a$$hole has dumped a mattress in the brook.', expect: { reason: "profanity 'asshole' with digits or symbols" } },
    { name: 'a compound insult split by a hyphen', post: 'Whichever dick-head parked on the green: move it.', expect: { reason: "profanity 'dickhead'" } },
    { name: 'hyphens for the masked letters', post: 'What the f--k is going on with the bins?', expect: { reason: "profanity 'fuck' with letters masked" } },
    { name: 'an ordinary word spelled out as an insult', post: 'Whoever nicked the planters is a p.r.i.c.k.', expect: { reason: "profanity 'prick' spelled with spaced letters" } },
  ],
});

describe('findGeneralisations', () => {
  it('names the construction and the group in its reason, and spans both', () => {
    // Prepare
    const segment = new Segment('text', 'Sorry, no mums-to-be on the cake stall.');
    // Act
    const [remark] = findGeneralisations(segment);
    // Assess
    expect(remark?.characteristics).toEqual(['pregnancy']);
    expect(remark?.signal).toBe("turned away ('Sorry, no'), said of 'mums-to-be'");
    expect(segment.text.slice(remark!.start, remark!.end)).toBe('Sorry, no mums-to-be');
  });

  it('leaves a post with no construction alone without looking for groups', () => {
    expect(findGeneralisations(new Segment('text', 'Pensioners, women, Muslims and Travellers all welcome at the fair.'))).toEqual([]);
  });
});

describe('findProfanityVariants', () => {
  it('leaves ordinary words with accents and symbols alone', () => {
    expect(findProfanityVariants(new Segment('text', 'Café, naïve, Zoë, assessment, class, Sussex, a$50 fee, 5*s review, @asher'))).toEqual([]);
  });
});
