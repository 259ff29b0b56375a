import { personalData } from '../../shared/detectors/personal-data';
import { testDetector } from '../support/test-detector';

// Cases written for #12 before the code, in words and styles no corpus uses: a person's health said
// through the concern a post sends them, an operation named by the body part, a child's age in other
// places and in words, and an address whose owner is named after it. Each finding failed before.
// Every name, street and hospital is invented.

testDetector(personalData, {
  valid: [
    // Concern with no health detail, or a health word that is about no one
    { name: 'thoughts with a family after a death', post: 'Please keep the family of the late Mayor Ken Hughes in your thoughts this week.' },
    { name: 'thoughts with everyone after a flood', post: 'Our thoughts are with everyone affected by the floods.' },
    { name: 'love sent for a birthday', post: 'Sending love to Doris Penrose on her 90th birthday 🎂' },
    { name: 'good wishes for a new job', post: 'Wishing Alice Moreton all the best in her new job at the county council.' },
    { name: 'good wishes for a race', post: 'Wishing Raj Bhatt well in the marathon on Sunday!' },
    { name: 'thoughts after a bereavement', post: 'Our thoughts are with Alice Moreton and her family following the loss of her father.' },
    { name: 'a hospital unit opening', post: "Harbourne General Hospital's new heart unit opens on Monday." },
    { name: 'an operation that is a works job', post: 'The operation to clear the drains on Mill Lane went well.' },
    { name: 'recovering a cost, not from an illness', post: 'Alice Moreton is recovering the cost of the broken fence from the contractor.' },
    { name: 'a class for anyone recovering', post: "Join Sue Park for chair yoga, perfect if you're recovering from an op or just want to move more." },
    { name: 'a named person who put their back into it', post: 'Pete Lyle has put his back into the new flower beds — they look great!' },
    { name: 'a fall prevention class run by a named person', post: 'Sue Park organises the fall prevention class every Tuesday.' },
    { name: 'thoughts with everyone in hospital at Christmas', post: 'Thoughts with all those in hospital this Christmas — the Rotary will visit with gifts.' },
    { name: 'keeping a named person in mind for an award', post: 'Keep Tom Harlow in mind for the volunteer award.' },
    // Ages that are not a child's
    { name: 'an adult named with their age in words of service', post: 'Sam Whitaker, 11 years a councillor, steps down in May.' },
    { name: 'an adult named with age 34', post: 'Zara Qureshi, 34, has joined us as assistant clerk.' },
    { name: 'a team in a school year', post: 'Team Harbourne (Year 9) won the quiz at the Academy.' },
    { name: 'an age range of volunteers', post: 'Thanks to our 7 volunteers, aged 12 to 80, for the litter pick.' },
    { name: 'a bench ten years old', post: 'The 10 year old bench on the green is being replaced.' },
    { name: 'a chair named in brackets', post: 'Tom Harlow (Chair) opened the meeting at 7pm.' },
    // Addresses that are nobody's home
    { name: 'a bus stop at a numbered address', post: 'The new bus stop at 12 Wharf Road (the old post office) is now open.' },
    { name: 'a pothole at a numbered address', post: 'Complaints about the pothole at 3 Mill Lane have been passed to the highways team.' },
    { name: 'a café named by its owner after its address', post: "The café at 12 High Street (Mrs Akhtar's) opens again on Monday." },
    { name: 'a planning application naming the applicant', post: 'Planning application at 81 Lower Mill Street (Mr Fenn) for a rear extension — comments by Friday.' },
    { name: 'a street without a house number', post: 'Complaints about the hedge on Lower Mill Street have been passed to the enforcement team.' },
    { name: 'a date of birth of someone long dead', post: 'Edwin Marsh (d.o.b. 02/06/1840) built the harbour wall.' },
    { name: 'apologies in minutes for work', post: 'MINUTES item 4: Apologies — Cllr Bhatt (work commitments).' },
    { name: 'sympathy about the bins', post: "Hi Jean, sorry to hear about the bins — we've asked the contractor to come back." },
    { name: 'a tearoom at a numbered address', post: "Tilly's Tearoom at 7 Mill Lane reopens Saturday ☕" },
    { name: 'an age group in brackets', post: 'Under 9s (aged 7-9) training every Saturday at the rec.' },
  ],
  invalid: [
    // Health detail sent with concern
    { name: 'thoughts asked for after a heart op', post: 'Please keep Imran Qureshi in your thoughts after the heart op at Harbourne General on Tuesday — recovering well, we hear 💐', expect: { severity: 'high', evidence: /^I•••• Q••••••: .*heart op/, reason: /health or disability detail \(".*heart op"\) about a named person/ } },
    { name: 'prayers asked and chemo by pronoun', post: 'Keep Bryn Lewis in your prayers please, he starts chemo on Monday 🙏', expect: { reason: 'chemo' } },
    { name: 'love sent after a bypass op', post: 'Sending love to Derek Pyne, home after his bypass op and doing well ❤️', expect: { reason: 'bypass op' } },
    { name: 'good wishes after a cataract operation', post: 'Wishing Mrs Ellery all the best after her cataract operation.', expect: { evidence: 'Mrs E•••••' } },
    { name: 'remembered in thoughts while recovering', post: 'Please remember Dilys Morgan in your thoughts, recovering after her heart operation.', expect: { reason: 'recovering after' } },
    { name: 'best wishes after a heart attack', post: 'Best wishes to Ron Tilley, recovering in Harbourne General after a heart attack.', expect: { reason: 'health or disability detail' } },
    { name: 'a welcome back after pneumonia', post: 'Big welcome back to Stan Hope after his stint in the Royal Infirmary with pneumonia.', expect: { reason: 'health or disability detail' } },
    { name: 'get-well wishes to a treasurer laid up with shingles', post: "Get well soon to our treasurer Alan Hewitt, who's laid up with shingles.", expect: { evidence: 'A••• H•••••' } },
    // Health detail said of the person in other words
    { name: 'a knee op after a relative clause', post: 'Thoughts with our lollipop lady Pam Hodges, who had a knee op last week. Back soon Pam!', expect: { reason: 'knee op' } },
    { name: 'recuperating after a fall', post: 'Big hugs to Maureen Tully who is recuperating after a nasty fall on the ice.', expect: { reason: 'recuperating' } },
    { name: 'on the mend after a hospital stay', post: 'Our litter-pick hero Ken Abbott is on the mend after a spell in Harbourne Royal Infirmary 💪', expect: { reason: 'on the mend' } },
    { name: 'out of hospital, said with a possessive', post: "Ken Abbott's out of hospital and on the mend — thanks for all the cards!", expect: { reason: 'out of hospital' } },
    { name: 'home from hospital after a knee replacement', post: 'Great news: Harry Penrose is home from hospital after his knee replacement.', expect: { evidence: 'H•••• P••••••', reason: 'home from hospital' } },
    { name: 'recovering by pronoun after the name', post: 'Our thoughts are with Gwen Hale as she recovers from surgery.', expect: { reason: 'recovers from' } },
    { name: 'recovering well after an op', post: 'Arthur Crane is recovering well after his op, we hear.', expect: { reason: 'recovering well' } },
    { name: 'a knee to be operated on', post: 'Pete Lyle is having his knee operated on next week so the mowing will be late.', expect: { reason: 'operated on' } },
    { name: 'a condition in brackets after the name', post: 'Olwen Price (who has dementia) was found safe, thank you all for sharing.', expect: { reason: 'dementia' } },
    // A child's age in other places and words
    { name: 'a given name with the full name in brackets, then the age', post: 'Shout out to Zara (Zara Qureshi), 11, from Tenter Street Academy who designed our new recycling logo! 🏆', expect: { severity: 'high', evidence: 'Z••• Q••••••', reason: 'age 11' } },
    { name: 'the age inside the brackets', post: 'Zara (Zara Qureshi, 11) designed the logo.', expect: { reason: 'age 11' } },
    { name: '"just 7" after the name', post: 'Our youngest litter picker, Oscar Reed, just 7, filled three bags!', expect: { reason: 'age 7' } },
    { name: '"age 10" after the name', post: 'Congratulations to Evie Marsh, age 10, winner of the colouring contest.', expect: { reason: 'age 10' } },
    { name: 'an age between dashes', post: 'Evie Marsh - 10 - won the colouring contest 🖍️', expect: { reason: 'age 10' } },
    { name: 'an age in words before the name', post: 'Eleven-year-old Zara Qureshi designed our new logo!', expect: { reason: 'age 11' } },
    { name: 'an age in words between commas', post: 'Zara Qureshi, eleven, designed our new logo.', expect: { reason: 'age 11' } },
    { name: 'aged in words', post: 'Well done to Ollie Grant, aged nine, for his brilliant poem.', expect: { reason: 'age 9' } },
    { name: 'an age in years in brackets', post: 'Ollie Grant (9yrs) from Harbourne Primary won the poetry prize.', expect: { reason: 'age 9' } },
    { name: '"who is only 12" before a verb', post: 'Mia Hart who is only 12 raised £300 for the hospice!', expect: { reason: 'age 12' } },
    { name: 'a school year in brackets', post: 'Lily-Rose Carver (Y4) won the art prize.', expect: { reason: 'school year 4' } },
    { name: '"who turns 10"', post: 'Harry Dunn, who turns 10 next week, planted the first tree.', expect: { reason: 'age 10' } },
    { name: 'a capitalised age in words', post: 'Ten year old Leo Fisher found the missing cat!', expect: { reason: 'age 10' } },
    // An address with its owner named after it
    { name: 'a named owner in brackets after the address', post: 'Complaints about the hedge at 81 Lower Mill Street (the Mrs Akhtar property) have been passed to the enforcement team.', expect: { severity: 'medium', evidence: 'Mrs A•••••, •• L•••• M••• S•••••', reason: 'home address (house number and street) of a private person, Mrs A•••••' } },
    { name: '"home of" after the address', post: 'The overgrown garden at 12 Wharf Road, home of Mr Fenn, has been reported again.', expect: { evidence: 'Mr F•••' } },
    { name: "a possessive house in brackets", post: "Bins left out at 4 Coronation Avenue (Mrs Drew's house) are blocking the path.", expect: { evidence: 'Mrs D•••' } },
    { name: '"where X lives" after the address', post: "We've had calls about the dog barking at 22 Mill Lane, where Ken Abbott lives.", expect: { reason: 'home address' } },
    { name: '"owned by" after the address', post: 'The trees at 9 Church Close, owned by Mr Patel, will be inspected on Tuesday.', expect: { reason: 'home address' } },
    { name: 'a family named between dashes', post: "Enforcement notice served on 31 Alder Close — the Hendersons' house — for the untidy land.", expect: { reason: 'home address' } },
    { name: '"belonging to" without a comma', post: 'The fence at 7 Park Road belonging to Mrs Lowe is on the highway.', expect: { reason: 'home address' } },
    { name: 'a couple named in brackets', post: 'The caravan outside 18 Quay Terrace (Mr & Mrs Penrose) must be moved.', expect: { evidence: 'Mr P••••••' } },
    // Other styles: text-speak, draft minutes, prayers, a reply
    { name: '"in hosp" in text-speak', post: "sending luv 2 Mags Ellery who's in hosp after her fall 💐💐 get well soon hun x", expect: { reason: 'in hosp' } },
    { name: 'a detail in brackets after a councillor in draft minutes', post: 'MINUTES item 4: Apologies — Cllr Bhatt (in hospital following surgery).', expect: { evidence: 'Cllr B••••' } },
    { name: 'prayers for someone having an op', post: "🙏🙏 prayers for our caretaker Bryn who's having his op tomorrow 🙏🙏", expect: { reason: 'his op' } },
    { name: 'sympathy to the person addressed about a diagnosis', post: 'Hi Jean, sorry to hear about your diagnosis — we hope the treatment goes well. Cllr Bhatt sends his best.', expect: { reason: 'your diagnosis' } },
    { name: 'an age after the name at the end of a sentence', post: 'Congrats to our junior gardener of the year, Poppy Ellis, 9!!', expect: { reason: 'age 9' } },
    { name: 'an owner with an initial after "occupied by"', post: 'MINUTES item 6: Complaint re overgrown garden at 7 Mill Lane (occupied by Mr D Fenn) — noted.', expect: { evidence: 'Mr ' } },
    // A date of birth written with dots
    { name: 'a date of birth after "d.o.b."', post: 'Mabel (d.o.b. 03/03/1950) called about her bus pass.', expect: { reason: 'date of birth' } },
  ],
});
