import { describe, expect, it } from 'vitest';
import { hostileEngagement } from '../../shared/detectors/hostile-engagement';
import { wordGate } from '../../shared/detectors/text/prose/word-gate';
import { testDetector } from '../support/test-detector';

// Hard cases written for #12: arguing with people without swearing, in replies and in ordinary posts,
// in text-speak as well as in full, and the sincere thanks and notices that must stay clean.
const reply = { account: '@kim.h@mastodon.social' };

testDetector(hostileEngagement, {
  valid: [
    { name: 'sincere thanks to a named resident', post: { text: 'Thanks so much for your help with the litter pick, Kim!', replyTo: reply } },
    { name: 'emphatic thanks to everyone', post: 'Thank you SO much to everyone who came to the fun day 🎉' },
    { name: 'for once about the weather', post: 'For once the weather held for the carnival! Thanks to all our volunteers.' },
    { name: 'an invitation to the next meeting', post: "Maybe see you at the next meeting? It's on 4 March at the Town Hall." },
    { name: 'a third email acknowledged politely', post: { text: 'Hi Pat, your third email was passed to the clerk, who will reply by Friday.', replyTo: reply } },
    { name: "praise for a colleague's work", post: 'Our Deputy Clerk organised the fun day again this year. Brilliant!' },
    { name: "a club's win", post: 'Harbourne Rovers FC won again on Saturday. Brilliant!' },
    { name: 'at least as a number', post: 'At least 40 volunteers joined Harbourne Rovers FC for the clean-up. Thank you!' },
    { name: 'an apology for a missed message', post: { text: "Sorry Kim, we missed your message. We'll reply today.", replyTo: reply } },
    { name: 'a condemnation quoting the words it bans', post: 'We will not tolerate comments such as "nobody asked for your opinion" on this page.' },
    { name: 'a delay explained', post: { text: 'Thanks for flagging this, Dave. It took three weeks for the part to arrive, sorry.', replyTo: reply } },
    { name: 'a consultation that needs a survey', post: 'The consultation needs a survey and a working group to report by June.' },
    { name: 'an absolute star', post: { text: "Hi Kim, you're an absolute star for organising the quiz!", replyTo: reply } },
    { name: 'agreeing with a resident', post: { text: "Thanks Joanne, you're right that the queue got long on Tuesday. We've added a second volunteer.", replyTo: reply } },
    { name: 'owning a mistake', post: { text: "Margaret, you're right and we were wrong: the collection moved to Wednesday.", replyTo: reply } },
    { name: 'agreeing about one point of a complaint', post: { text: "Hi Sue, you're right about the empty pitches on Wednesdays; the committee meets in July.", replyTo: reply } },
    { name: 'agreeing with a resident by name', post: { text: "You're right Gary, fair point. We should have put the closure up last week.", replyTo: reply } },
    { name: 'nobody asked, before our own puddle ranking', post: "Nobody asked, but here's our ranking of this week's puddles. 1st: the entire playing field. Match is off ☔" },
    { name: 'Geordie praise for the parks team', post: "Green Flag for Vale Park again! Ta to the parks team, you're proper mint" },
    { name: 'keeping residents posted', post: "We'll keep you posted so you can plan your journey around the roadworks." },
    { name: 'a reading group', post: 'Words of one syllable: our reading group for new readers meets on Tuesdays.' },
    { name: 'an easily missed sign', post: { text: 'No worries Bethan, easily missed! The sign is by the gate.', replyTo: reply } },
    { name: 'a colleague thanked in draft minutes', post: 'Draft minutes item 5: the Clerk reported the new signs are up. Members thanked her. Brilliant.' },
    { name: 'thanks to a highways authority at least', post: 'Thanks to Kestrel County Highways for fixing the pothole so quickly; at least our buses can get through now.' },
  ],
  invalid: [
    { name: 'telling a resident nobody asked', post: { text: 'Nobody here asked what you think about the bunting, Gareth.', replyTo: reply }, expect: { reason: 'opinion is unwanted' } },
    { name: 'telling a resident their views are not needed', post: { text: 'Your views on the car park are not needed, thanks.', replyTo: reply }, expect: { reason: 'opinion is unwanted' } },
    { name: 'words of one syllable', post: { text: "We'll explain it in words of one syllable for you, Dave: the tip shuts at 4.", replyTo: reply }, expect: { reason: 'cannot keep up' } },
    { name: 'try to keep up', post: { text: 'Try to keep up, Sandra — the consultation closed last week.', replyTo: reply }, expect: { reason: 'cannot keep up' } },
    { name: 'mock thanks for the twelfth email', post: { text: 'Thank you SO much for your 12th email this week, Pat. Truly, where would we be without you.', replyTo: reply }, expect: { reason: 'sarcastically' } },
    { name: 'mocking how much someone writes', post: { text: 'Another essay from you, Brian! Did it take all day to write?', replyTo: reply }, expect: { reason: 'writes or complains' } },
    { name: "sarcasm at a councillor's attendance", post: 'Nice of Cllr Raj Bhatt to finally turn up to a meeting. Only took him six months.', expect: { reason: 'attendance' } },
    { name: "sarcasm at a resident's attendance in an ordinary post", post: "Great to see Alan Pike at the AGM for once. Maybe he'll stay awake next time.", expect: { reason: 'attendance' } },
    { name: 'a colleague by job title after a mishap', post: 'Our Deputy Clerk forgot to book the hall again. Brilliant.', expect: { evidence: 'Brilliant.', reason: /sarcasm about Our Deputy Clerk/ } },
    { name: 'a councillor by name after a vote', post: 'Alice Moreton voted against the new bins again. Who knew.', expect: { reason: /sarcasm about Alice Moreton/ } },
    { name: 'a club belittled beside our own work', post: 'Not sure what Harbourne Rovers FC are playing at, but at least our pitches are mown. Maybe they could borrow our groundsman.', expect: { reason: 'belittles another organisation' } },
    { name: 'a bus company needing a miracle', post: 'Kestrel Buses need a consultation and a small miracle to run on time.', expect: { reason: 'belittles another organisation' } },
    { name: 'a generation sneered at', post: { text: 'Ok boomer. Some of us have moved on since the 70s.', replyTo: reply }, expect: { reason: /age|keep up/ } },
    { name: 'stuck in the past', post: { text: 'Still living in the 1950s, Mr Pike? Join us in the 21st century.', replyTo: reply }, expect: { reason: 'cannot keep up' } },
    { name: 'a right plonker', post: { text: "Honestly Gary, you're a right plonker.", replyTo: reply }, expect: { reason: 'insults the person it answers' } },
    { name: 'a right Charlie', post: { text: "Well Dave, you're a right Charlie, aren't you.", replyTo: reply }, expect: { reason: 'insults the person it answers' } },
    { name: 'nobody asked, but thanks for sharing', post: { text: 'Nobody asked, but thanks for sharing, Brian.', replyTo: reply }, expect: { reason: 'put-down' } },
    { name: 'right before an insult, with no article', post: { text: "You're right clowns, the lot of you.", replyTo: reply }, expect: { reason: 'insults the person it answers' } },
    { name: 'disguised profanity aimed at someone', post: { text: "Honestly Gary, you're a total w@nker.", replyTo: reply }, expect: { reason: 'insults the person it answers' } },
    { name: "a remark on a resident's hearing", post: { text: "With your hearing, Mr Kent, you'll have missed the announcement anyway.", replyTo: reply }, expect: { reason: "remarks on a person's disability" } },
    { name: 'a verdict two sentences after the mishap, in draft minutes', post: 'DRAFT MINUTES item 6: the Clerk noted Cllr Moreton had failed to read the papers again. Members laughed. Genius.', expect: { evidence: 'Genius.', reason: /sarcasm about .* after a mishap/ } },
    { name: 'thanks a bunch to a bus company', post: 'Thanks a bunch Kestrel Buses for cancelling the 42 again.', expect: { reason: 'sarcastically' } },
    { name: 'mock thanks in Welsh and text-speak', post: { text: "@dai.j Diolch for ur 9th complaint this wk Dai 🙄🙄🙄 we'd be lost without u", replyTo: reply }, expect: { reason: 'sarcastically' } },
    { name: 'text-speak: nobody asked', post: { text: 'noone asked 4 ur opinion m8', replyTo: reply }, expect: { reason: 'opinion is unwanted' } },
    { name: 'text-speak: mock thanks with eye-rolls', post: { text: 'thx sooo much 4 ur 5th email 2day 🙄🙄', replyTo: reply }, expect: { reason: 'sarcastically' } },
  ],
});

describe('word gates', () => {
  it('match any of their words at a word start, and nothing else', () => {
    const gate = new RegExp(wordGate(['asked', 'at least', 'at last', 'so much', 'so']));
    expect(['nobody asked', 'at least ten', 'at last', 'so much', 'so'].every((t) => gate.test(t))).toBe(true);
    expect(['masked', 'that least', 'also'].some((t) => gate.test(t))).toBe(false);
  });

  it('escape characters that mean something in an expression', () => {
    expect(new RegExp(wordGate(['tl;dr', 'a.b'])).test('axb')).toBe(false);
    expect(new RegExp(wordGate(['a.b'])).test('a.b')).toBe(true);
  });
});
