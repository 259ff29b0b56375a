import { hostileEngagement } from '../../shared/detectors/hostile-engagement';
import { testDetector } from '../support/test-detector';

// Sarcasm and belittling without a fixed phrase, written for #12 before the signals were built:
// for each signal several wordings in other styles (replies, ordinary posts, draft minutes, text-speak),
// and the sincere posts that share its words and must stay clean.
const reply = { account: '@kim.h@mastodon.social' };

testDetector(hostileEngagement, {
  valid: [
    // Repetition: a count of complaints, "again", "nothing better to do".
    { name: 'a count of complaints about a street, aimed at nobody', post: "We've had a third complaint this week about dog fouling on Mill Lane. Please bag it and bin it." },
    { name: 'nothing better to do than a stroll', post: "Nothing better to do on a Sunday than a stroll round the farmers' market!" },
    { name: 'snowing again', post: "Oh look, it's snowing again! The gritters are out tonight on Fore Street and Quay Road." },
    { name: 'a councillor back again to light the bonfire', post: 'Alice Moreton is back again this year to light the bonfire on the Green. Gates open 6pm.' },
    // Length of what someone wrote.
    { name: "a pupil's essay praised", post: "Lovely essay by Year 6 pupil Mia Gill on the war memorial — all four pages of it are in the library's display." },
    { name: 'a long plan summarised', post: "The draft Local Plan is long (all 40 pages of it), so we've written a one-page summary." },
    // Attendance.
    { name: 'an apology to someone who came to a meeting', post: { text: "If you came to the meeting and found the door locked, we're sorry, Mr Pike. It won't happen again.", replyTo: reply } },
    { name: 'a single meeting missed, and how to send views', post: "Can't make a single meeting this term? You can still email your views to the Clerk." },
    // Condescension and infantilising.
    { name: 'God bless the volunteers', post: 'God bless all our volunteers this Christmas, and thank you.' },
    { name: 'bless the bakers of a club', post: 'Bless the bakers at Harbourne Rovers FC, who made 200 mince pies for the fun day!' },
    { name: 'crayons at a craft morning', post: "Crayons, glue and glitter: bring the kids to our Christmas craft morning. We'll send crayons home with every child." },
    { name: 'a guide to how the new bins work', post: 'Still trying to work out how the new bins work? Our guide explains it step by step.' },
    // Discovery, slowness.
    { name: 'a water company finding a bigger leak', post: 'Severn Water have discovered that the leak is larger than first thought; the road stays closed until Friday.' },
    { name: 'better late than never for the lights', post: 'Better late than never! The Christmas lights are finally up on Fore Street.' },
    { name: 'a bus company thanked for restoring a service', post: 'Kestrel Buses have finally restored the Sunday service — thank you for listening to residents.' },
    // "Classic …", "Typical …".
    { name: 'a classic car show', post: 'Classic Car Show returns to the Quay on Sunday! Free entry.' },
    { name: 'a classic day in our own town', post: 'Classic Harbourne. Sunshine, ice cream and a brass band 🎺' },
    { name: 'classic FM', post: "Classic FM's Jenny Ray opens the festival on Friday." },
    // "Optional", "apparently".
    { name: 'fancy dress optional', post: 'Fancy dress is optional for the fun run!' },
    { name: 'booking optional for some sessions', post: 'Booking is optional for some sessions and essential for others.' },
    { name: 'apparently the tallest tree', post: "Apparently this is the tallest tree we've had! Thanks to Harbourne Rovers FC for helping put it up." },
    // Habit, routine, scare quotes.
    { name: 'a named event in quotes', post: 'Cllr Bhatt opened the "Harbourne in Bloom" garden trail this morning.' },
    { name: 'a bin lorry like clockwork', post: 'The bin lorry comes every Tuesday like clockwork. Thank you, crews!' },
    { name: 'a market back again in quotes', post: 'Our "Makers Market" is back again this Saturday!' },
    { name: 'another day, another pothole fixed', post: 'Another day, another pothole fixed! Thanks to our Lengthsman.' },
    // Lectures, newcomers.
    { name: 'no volunteers needed', post: "We don't need volunteers for the bonfire this year: the scouts have it covered." },
    { name: 'university lectures', post: 'Lectures from the University of Harbourne return in January: free entry.' },
    { name: 'newcomers welcomed', post: "New to Harbourne? Whether you've lived here five minutes or fifty years, the library welcomes you." },
    // Thanks with praise.
    { name: 'sincere thanks to a highways authority, as ever', post: 'Thanks to Westshire Highways for resurfacing Mill Lane. Great work, as ever 👏' },
    { name: 'sincere thanks to a club, as always', post: 'A big thank you to Harbourne Rovers FC for helping at the fun day. Brilliant effort, as always!' },
    { name: 'sincere thanks for extra trains', post: 'Thanks to Kestrel Rail for running extra trains after the fireworks. Top service!' },
    // Sarcastic vocatives' words used sincerely.
    { name: 'a Sherlock Holmes trail', post: 'Sherlock Holmes trail for kids at the library this half term.' },
    { name: "Einstein's Garden", post: "Einstein's Garden science show comes to the Pavilion." },
    // Opinions noted.
    { name: 'feedback noted and passed on', post: { text: 'Your feedback has been noted and passed to the Clerk. Thank you.', replyTo: reply } },
    { name: 'volunteers wanted later', post: "When we want volunteers for the bunting, we'll post here first." },
    // Wisdom.
    { name: 'a benefactor remembered', post: 'In her wisdom and kindness, Mrs Gill left the garden to the village in 1952.' },
    // Too hard, too far.
    { name: 'help with a complicated form', post: { text: "If the form is too complicated for you, call us and we'll fill it in with you.", replyTo: reply } },
    { name: 'a walk too far', post: 'Is the walk too far for you? The minibus leaves from the Square at 10.' },
    // Some of us.
    { name: 'some of us at the fete', post: 'Some of us will be at the fete on Saturday: come and say hello!' },
    // Suggestions and generations.
    { name: 'residents invited to try the park and ride', post: 'Maybe residents could try the park and ride on Saturday: the town centre will be busy.' },
    { name: 'a snowflake craft session', post: 'Snowflake craft session for under-5s at the library on Friday ❄️' },
    // Written after the signals, where their words could be sincere.
    { name: 'a form that was too complicated, simplified', post: { text: "We know the old form was too complicated for you, so we've simplified it.", replyTo: reply } },
    { name: 'some of us work weekends', post: { text: "Some of us work weekends too, Kim, so we'll reply on Monday.", replyTo: reply } },
    { name: 'a drop-in suggested to the reader', post: { text: 'Perhaps you could try attending the drop-in on Tuesday, where the planners can explain.', replyTo: reply } },
    { name: 'not that anyone asked, in fun', post: "Not that anyone asked, but Cllr Moreton's favourite walk is the cliff path 😄" },
    { name: 'fancy dress optional at a club quiz', post: 'Apparently fancy dress is optional at Harbourne Rovers FC’s quiz night — come as you are!' },
    { name: 'a Mastermind champion congratulated', post: 'Well done, Mastermind champion Jo Reed!' },
    { name: 'typical of a club to win', post: 'Typical Harbourne Rovers FC! Another win and another clean sheet. Congratulations!' },
    { name: 'thanks for an update on a cancellation', post: 'Thanks to Kestrel Rail for the update on the cancelled 8:10. Top service, as usual 👏' },
    { name: 'volunteers praised after a cancellation', post: 'Kestrel Rail cancelled the 8:10 because of the storm, so our volunteers drove everyone home. Brilliant effort, as always 👏' },
    { name: 'a link fixed again', post: { text: "Ah, sorry Kim, we've fixed the link again. Try now!", replyTo: reply } },
    { name: 'a club top of the league again', post: 'Well, well: Harbourne Rovers FC are top of the league again!' },
    { name: 'a surprising fact discovered', post: 'Who knew? Harbourne Rovers FC have discovered that their founder played for England in 1901.' },
    { name: 'nothing better to do on Saturday', post: { text: 'Have you got nothing better to do on Saturday? Come to the fete!', replyTo: reply } },
    { name: 'a slow clock like clockwork', post: 'Our Clerk, Mrs Gill, has noticed that the clock on the Town Hall is slow again. Regular as clockwork, it loses a minute a week.' },
    // Polite, firm, sorry.
    { name: 'a firm correction repeated politely', post: { text: "As we've said before, Mr Pike, the car park is free after 6pm. The sign is being replaced.", replyTo: reply } },
    { name: 'a contractor criticised politely', post: 'Westshire Highways have not yet fixed the lights on Mill Lane. We have asked them for a date.' },
  ],
  invalid: [
    // Repetition mocked.
    { name: 'the same resident again, with a count', post: { text: "Ah, Mr Pike again. That's the fourth email since Monday. Have you not got anything better to do?", replyTo: reply }, expect: { reason: /complains|better to do|again/ } },
    { name: 'text-speak: the fifth complaint this month', post: { text: 'well well its Trevor again 😂 5th complaint about the hedge this month', replyTo: reply }, expect: { reason: /complains|again/ } },
    { name: 'anything you do not complain about', post: { text: "Is there anything you don't complain about, Janet?", replyTo: reply }, expect: { reason: 'complains' } },
    { name: 'guess who emailed again, in an ordinary post', post: 'Guess who has emailed again? Yes, Mr Okafor, for the sixth time this week. Some people really do have nothing better to do.', expect: { reason: /complains|better to do|again/ } },
    // Length mocked.
    { name: 'all the words of it, and where is the question', post: { text: 'What a gripping read, Derek — all 2,000 words of it. Was there a question in there somewhere?', replyTo: reply }, expect: { reason: 'writes' } },
    { name: 'a novel and a publisher', post: { text: 'Fascinating novel, Sue. Did you want a reply or a publisher?', replyTo: reply }, expect: { reason: 'writes' } },
    { name: 'the sound of his own voice', post: 'Cllr Webb spoke for forty minutes on the bench. He does love the sound of his own voice.', expect: { reason: 'sound of' } },
    // Attendance.
    { name: 'the odd meeting', post: 'If Cllr Dyer turned up to the odd meeting, he might know the budget was agreed in March.', expect: { reason: 'attendance' } },
    { name: 'even one consultation event', post: { text: "Maybe if you'd attended even one consultation event you'd know the plans changed.", replyTo: reply }, expect: { reason: 'attendance' } },
    { name: 'not a single meeting in two years', post: 'Mrs Lowe, who has not been to a single meeting in two years, now has views on the agenda.', expect: { reason: 'attendance' } },
    // Infantilising.
    { name: 'a diagram for a highways authority', post: "We'd draw Kestrel Highways a diagram, but they'd probably lose it.", expect: { reason: /talks down|belittles/ } },
    { name: 'a picture book for a resident', post: { text: 'We can send you the picture-book version if that helps, Nigel.', replyTo: reply }, expect: { reason: /talks down|keep up/ } },
    { name: 'bless a councillor who still thinks', post: 'Bless Cllr Dyer, he still thinks the precept is a kind of bird.', expect: { reason: /talks down|sneers/ } },
    { name: 'someone sent round to explain how a timetable works', post: 'Perhaps Gullway Coaches would like us to pop round and explain how a timetable works?', expect: { reason: /talks down|belittles/ } },
    // Slowness discovered.
    { name: 'a highways authority realising the obvious', post: 'Breaking news: Westshire Highways have realised that potholes get bigger if you leave them. Who knew?', expect: { reason: /belittles|sarcasm/ } },
    { name: 'a bus company finally working it out', post: 'Kestrel Buses have finally worked out that people go to work in the morning. Only took them ten years.', expect: { reason: /belittles|sarcasm|attendance/ } },
    // Classic, typical, facts.
    { name: 'typical first name in a reply', post: { text: 'Typical Gordon. Never one to let a good grievance go.', replyTo: reply }, expect: { reason: /sneers|typical/i } },
    { name: 'classic company name', post: 'Classic Kestrel Highways. Cones out, nobody working.', expect: { reason: /Kestrel Highways/ } },
    { name: 'the facts spoiling a good story', post: { text: "Don't let the facts spoil a good story, Mrs Akhtar.", replyTo: reply }, expect: { reason: 'facts' } },
    // Optional for some, beneath them.
    { name: 'reading papers beneath a councillor', post: 'Cllr Shah was sent the papers a week ago, but reading them is apparently beneath her.', expect: { reason: /sarcas|beneath/ } },
    { name: 'deadlines a suggestion for some', post: 'Our Finance Officer asked for receipts in June; it seems deadlines are just a suggestion for some councillors.', expect: { reason: /sarcas|for some/ } },
    { name: 'answering the phone optional over there', post: 'We told Kestrel Buses about the broken shelter in May. Evidently answering the phone is optional over there.', expect: { reason: /sarcas|optional/ } },
    // Habit and scare quotes.
    { name: 'another Monday, another urgent concern', post: "Another Monday, another 'urgent concern' from Cllr Dyer.", expect: { reason: /sneers|habit|again/ } },
    { name: 'concerns again, regular as clockwork', post: "Mr Pike has 'concerns' again. Regular as clockwork.", expect: { reason: /sneers|habit|again/ } },
    { name: 'objecting? must be Tuesday', post: 'Cllr Bhatt objecting to something? Must be a Tuesday.', expect: { reason: /sneers|habit/ } },
    // Lectures and newcomers.
    { name: 'advice from people here longer than a fortnight', post: { text: "We'll take advice on running the market from people who've been here longer than a fortnight, thanks.", replyTo: reply }, expect: { reason: /lecture|newcomer|opinion/ } },
    { name: 'spare us the lecture', post: { text: 'Spare us the lecture, Colin.', replyTo: reply }, expect: { reason: /lecture|opinion/ } },
    { name: 'no telling from someone who moved here last spring', post: { text: "We really don't need telling how to run a bonfire by someone who moved here last spring.", replyTo: reply }, expect: { reason: /lecture|opinion|newcomer/ } },
    // Mock thanks to an organisation.
    { name: 'a fortnight to paint one line', post: 'A big thank you to Westshire Highways for closing Mill Lane for a fortnight to paint one white line. Outstanding effort 👏👏', expect: { reason: /sarcas|thanks/ } },
    { name: 'ninety minutes for eight miles, marvellous as always', post: "Thanks to Gullway Coaches for the 'express' to Harbourne: 90 minutes for 8 miles. Marvellous, as always.", expect: { reason: /sarcas|thanks/ } },
    { name: 'top service as usual after a cancellation', post: 'Cheers, Kestrel Rail, for cancelling the last train home again. Top service, as usual.', expect: { reason: /sarcas|thanks/ } },
    // Sarcastic vocatives.
    { name: 'well spotted, Sherlock', post: { text: 'Well spotted, Sherlock. The sign has been there since 2019.', replyTo: reply }, expect: { reason: 'mock' } },
    { name: 'nice one, Einstein', post: { text: 'Nice one, Einstein — the tip is shut on Christmas Day.', replyTo: reply }, expect: { reason: 'mock' } },
    { name: 'thanks, Captain Obvious', post: { text: 'Thanks, Captain Obvious.', replyTo: reply }, expect: { reason: 'mock' } },
    // Opinion dismissed.
    { name: 'feedback noted and binned', post: { text: 'Your feedback has been noted. And filed in the bin.', replyTo: reply }, expect: { reason: 'opinion' } },
    { name: "when we want your views we'll ask", post: { text: "When we want your views on the bunting, Trevor, we'll ask for them.", replyTo: reply }, expect: { reason: 'opinion' } },
    { name: 'not that anyone asked', post: { text: 'Thanks for your input. Not that anyone asked.', replyTo: reply }, expect: { reason: 'opinion' } },
    // Wisdom.
    { name: 'the Clerk in her infinite wisdom', post: 'The Clerk, in her infinite wisdom, has booked the hall for the wrong date.', expect: { reason: 'wisdom' } },
    { name: 'a highways authority in their wisdom, cones on the cycle lane', post: 'Westshire Highways, in their infinite wisdom, have put the cones on the cycle lane.', expect: { reason: 'wisdom' } },
    // Too hard for someone.
    { name: 'the form too complicated for someone', post: { text: 'Sorry the form was too complicated for you, Mr Grey.', replyTo: reply }, expect: { reason: /keep up|too/ } },
    { name: 'a two-page agenda too much for a councillor', post: 'Apparently a two-page agenda is too much for Cllr Webb to read.', expect: { reason: /keep up|too/ } },
    // A patronising suggestion, a generation sneered at.
    { name: 'perhaps a councillor could try reading the papers', post: 'Perhaps Cllr Webb could try reading the papers before the meeting.', expect: { reason: 'talks down' } },
    { name: 'such a snowflake', post: { text: "Don't be such a snowflake, Tom. It's a bonfire.", replyTo: reply }, expect: { evidence: /snowflake/ } },
    // Some of us.
    { name: 'some of us have actual jobs', post: { text: 'Some of us have actual jobs, Darren.', replyTo: reply }, expect: { reason: 'some of us' } },
    { name: 'some of us read the agenda', post: 'Some of us read the agenda before the meeting, Cllr Webb.', expect: { reason: 'some of us' } },
  ],
});
