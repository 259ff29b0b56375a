import { describe, expect, it } from 'vitest';
import { offensiveLanguage } from '../../shared/detectors/offensive-language';
import { findSwearWords } from '../../shared/detectors/text/lexicon/swear-words';
import { foldLookalikes } from '../../shared/detectors/text/normalise';
import { Segment } from '../../shared/detectors/text/segment';
import { testDetector } from '../support/test-detector';

// Hard cases written for #12 in styles the sample corpus lacks: discrimination without a slur for each
// protected characteristic, disguised and compound profanity, and the look-alikes that must stay clean.
const reply = { account: '@kim.h@mastodon.social' };

testDetector(offensiveLanguage, {
  valid: [
    { name: 'an accessibility note that a path is not suitable for wheelchairs', post: 'Wheelchair users: the riverside path is not suitable because of the steps. Use the Mill Lane route instead.' },
    { name: 'a condemnation that names the groups it protects', post: 'We will not tolerate abuse aimed at Polish families, disabled residents or anyone else.' },
    { name: 'a complaint reported in quotation marks', post: 'A resident complained that "pensioners can\'t cope with the app". We have added a phone line.' },
    { name: 'an over-60s session open to all', post: 'Over-60s swim session every Monday, 9am. All welcome.' },
    { name: 'a practical reason hedged with some', post: "Some older people can't manage the stairs, so the meeting is in the ground-floor room." },
    { name: 'a service built around a need', post: "Disabled residents can't always get to the office, so we now do home visits." },
    { name: 'a women-only session', post: 'Women-only swim sessions return on Tuesday evenings.' },
    { name: 'abuse of a group said to be unwelcome', post: 'Racist abuse of Eastern European traders is not welcome here and will be reported to the police.' },
    { name: 'a group said to be very welcome', post: 'Muslim families are very welcome at the iftar on Friday.' },
    { name: 'same-sex couples booking a civil partnership', post: 'Same-sex couples can now book the Town Hall for civil partnerships.' },
    { name: 'a myth about older people challenged', post: "It's a myth that older people can't use smartphones: come to our digital café." },
    { name: 'a rule with its reason', post: "Young people aren't allowed in the skate park after 9pm because of the curfew order." },
    { name: 'volunteers asked to stay away from a hazard', post: 'Volunteers should stay away from the roped-off area.' },
    { name: 'a club not welcome until its fees are paid', post: 'Harbourne Rovers are not welcome to use the pitch until the fees are paid.' },
    { name: 'help offered with your help', post: 'Let the clerk know if you need a hearing loop; with your help we can get it right.' },
    { name: 'ordinary words a masked insult could be', post: 'A prick of light on the horizon, a weathercock on the church and Dick Whittington at the panto.' },
    { name: 'a compound that only starts like an insult', post: 'Cockpit tours at the air museum, cockles on the quay and a knobbly knees contest.' },
    { name: 'mild oaths in their innocent senses', post: "Sod's law: the lift broke the week of its inspection. A bloody nose at the match, Bloody Mary at the bar, and the Mayor cut the first sod." },
    { name: 'a job that would suit someone without a car', post: 'Caretaker wanted. The job would suit someone without a car, as the hall is on the bus route.' },
    { name: 'a colleague congratulated on a baby', post: 'Congratulations to Sam in the office, who is off having a baby in May! Her maternity cover starts in April.' },
    { name: 'the idiom that names swearing', post: 'Complaints about language at the bus shelter again. Keep the effing and jeffing down please, there are little ones about.' },
  ],
  invalid: [
    { name: 'a job that would suit someone with no plans for a family', post: 'Market Manager wanted: weekend working, so it would suit someone without young children or plans to start a family.', expect: { reason: /pregnancy/ } },
    { name: 'not someone who will be off having a baby', post: "Assistant Clerk job is online. We need someone for the long haul, not someone who's going to be off having a baby in six months.", expect: { reason: /pregnancy/ } },
    { name: 'a job that would really suit a young lad', post: 'Saturday market assistant wanted. Would really suit a strong young lad looking for weekend cash.', expect: { reason: /sex|age/ } },
    { name: 'mild British profanity in frustration', post: 'Bloody hell. Four hours of budget meeting and the precept is set.', expect: { reason: "profanity 'bloody'" } },
    { name: 'told to sod off', post: 'Lee, sod off with that. The toilets are cleaned twice a day.', expect: { reason: "profanity 'sod'" } },
    { name: 'an asterisked compound at a thief', post: 'Some sh*thouse has had the padlock off the allotment shed again.', expect: { reason: /profanity 'shithouse'/ } },
    { name: 'a minced oath aimed at a task', post: 'Brown lines are paths, blue lines are streams. Not effing hard, is it?', expect: { reason: /profanity/ } },
    { name: 'an age group told not to apply', post: 'Over-70s need not apply for the litter-pick rota; it is too much for them.', expect: { severity: 'high', reason: /age .*need not apply/ } },
    { name: 'disabled residents told to stay away', post: 'Sorry, but disabled residents should stay away from the fun run this year.', expect: { reason: /disability .*stay away/ } },
    { name: 'a nationality said to be unwelcome', post: 'Polish families are not welcome on the allotments.', expect: { evidence: 'Polish families are not welcome', reason: 'race or nationality' } },
    { name: 'a religion said to have no place', post: 'The youth club is no place for Muslim kids.', expect: { reason: 'religion or belief' } },
    { name: 'pregnant staff said not to be trusted', post: "Pregnant staff can't be trusted with the float at the fete.", expect: { reason: /pregnancy.*incapable/ } },
    { name: 'older people said to be unable to manage', post: "Older people just can't manage the new parking machines.", expect: { reason: 'age' } },
    { name: 'sexual orientation and a hedge word', post: "Gay couples aren't really welcome at the harvest supper.", expect: { reason: 'sexual orientation' } },
    { name: 'deaf residents sent elsewhere', post: 'Deaf residents might want to go elsewhere for the quiz night.', expect: { reason: /disability.*elsewhere/ } },
    { name: 'civil partners said not to count', post: "Married couples only at the dinner dance; civil partners don't count.", expect: { reason: 'marriage or civil partnership' } },
    { name: 'gender reassignment and a ban', post: "Transgender swimmers are banned from the women's session.", expect: { reason: 'gender reassignment' } },
    { name: 'a religious group refused bookings', post: 'Jewish groups will not be given the hall on Saturdays any more.', expect: { reason: 'religion or belief' } },
    { name: 'a group turned away as object', post: 'We won’t be accepting breastfeeding mothers in the café area.', expect: { evidence: /accepting breastfeeding mothers/, reason: /pregnancy.*turned away/ } },
    { name: 'a group said to hold everyone back', post: "Please don't bring wheelchair users on the guided walk; they just hold everyone back.", expect: { reason: /disability.*hold everyone back/ } },
    { name: 'not designed for a group, who then cannot cope', post: "The app isn't designed for pensioners, they cant cope with screens.", expect: { reason: /age.*isn't designed for/ } },
    { name: 'a preference against a nationality', post: 'Stalls go to local traders first, not Romanians who disappear by Christmas.', expect: { reason: /race or nationality.*ranked below/ } },
    { name: 'a sex stereotype about work', post: "Volunteers wanted to lift the staging. Lads please, it isn't women's work.", expect: { reason: /sex.*stereotype/ } },
    { name: "a remark aimed at one person's sight", post: { text: "With your eyesight, Mr Kent, it's no wonder you missed the sign.", replyTo: reply }, expect: { reason: /disability.*with your eyesight/ } },
    { name: 'asking someone if they are blind', post: { text: 'Are you blind? The sign is right in front of you.', replyTo: reply }, expect: { reason: 'disability' } },
    { name: 'a generation sneered at', post: { text: 'Ok boomer. Some of us live in this century.', replyTo: reply }, expect: { reason: 'age' } },
    { name: 'a masked insult that is an ordinary word unmasked', post: { text: "Honestly Gary, you're a complete pr*ck.", replyTo: reply }, expect: { evidence: 'pr*ck', reason: "profanity 'prick' with letters masked" } },
    { name: 'a compound insult', post: 'Whichever cockwomble parked across the gates: move it.', expect: { reason: "profanity 'cockwomble'" } },
    { name: 'a masked compound insult', post: 'Some tw*tface has nicked the planters again.', expect: { reason: "profanity 'twatface' with letters masked" } },
    { name: 'British slang', post: 'Which gobshite left the gate open?', expect: { reason: "profanity 'gobshite'" } },
    { name: 'a Greek letter inside a word', post: 'What a fυcking mess the fair left.', expect: { reason: "'fucking' with look-alike letters" } },
    { name: 'a Cyrillic shha for an h', post: 'Sһite weather for the carnival.', expect: { reason: "'shite' with look-alike letters" } },
  ],
});

describe('look-alike folding', () => {
  it('reads capital Greek letters as the Latin letters they look like, one for one', () => {
    expect(foldLookalikes('ΗΝΥ')).toBe('hny');
    expect(foldLookalikes('Sһit')).toBe('shit');
  });

  it('finds an insult in a text folded from several scripts', () => {
    const found = findSwearWords(new Segment('text', 'ΒΟLLOCKS to the rain'));
    expect(found.map((m) => [m.entry.word, m.disguise])).toEqual([['bollocks', 'look-alike']]);
  });
});
