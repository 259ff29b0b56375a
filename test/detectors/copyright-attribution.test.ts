import type { Media } from '../../shared/domain/post';
import { copyrightAttribution } from '../../shared/detectors/copyright-attribution';
import { testDetector } from '../support/test-detector';

const photo = (altText = 'Boats in the harbour at low tide', url = 'https://files.mastodon.social/media/harbourne/a1b2c3.jpg'): Media[] => [
  { type: 'image', url, altText },
];

// 52 words of invented newspaper prose, and a 30-word one: either side of "more than a short quotation".
const LONG_PASSAGE =
  'Harbourne has quietly become one of the most talked-about small towns on the coast, with a restored lido, a busy Saturday market and a seafront that fills with families on every sunny weekend. Shopkeepers report their best year in a decade, and the council has plans for a new harbour walk next spring.';
const SHORT_PASSAGE =
  'The lido reopened on Saturday after two years of repairs, and more than four hundred swimmers queued along the promenade to be first into the water.';
const VERSE = 'The tide goes out along the quay,\nthe gulls cry over Harbourne sand,\nthe lifeboat rests beside the sea,\nand lamps are lit across the land.';

testDetector(copyrightAttribution, {
  valid: [
    { name: "a photo with no sign of coming from anyone else (the council's own)", post: { text: 'New benches have been installed on the promenade.', media: photo('Two new oak benches facing the sea') } },
    { name: 'a photo credited "Photo: <name>"', post: { text: 'Sunrise over the quay this morning. Photo: Jo Ellis', media: photo() } },
    { name: 'a photo credited with ©', post: { text: 'The lido on opening day © Mark Penrose', media: photo() } },
    { name: 'a photo credited with a camera emoji and a fediverse handle', post: { text: 'Storm clouds over the breakwater 📷 @gullphoto@pixelfed.social', media: photo() } },
    { name: 'an image courtesy of a named museum', post: { text: 'The quay in 1905. Image courtesy of Harbourne Museum.', media: photo() } },
    { name: 'a photo by kind permission of a named newspaper', post: { text: 'Carnival 1968, reproduced by kind permission of the Harbourne Gazette.', media: photo() } },
    { name: 'a chart credited "Source: …"', post: { text: 'Rainfall this winter. Source: Met Office', media: photo('Bar chart of monthly rainfall') } },
    { name: 'a photo sent in by a named resident', post: { text: 'Frost on the quay, sent in by Priya Shah. Thank you Priya!', media: photo() } },
    { name: 'a photo sent in by a resident who is then named', post: { text: 'Photo taken by a local resident, Sam Okoro, from the cliff path.', media: photo() } },
    { name: 'thanks to a named person for the photo', post: { text: 'Thanks to Priya Shah for this lovely photo of the lifeboat launch.', media: photo() } },
    { name: 'a credit in the alt text', post: { text: 'The bandstand concert season starts on Sunday.', media: photo('Brass band on the bandstand. Photo: Tom Wills') } },
    { name: 'a platform-native repost of a photo', post: { text: 'Sunset racing on the bay', media: photo(), repostOf: { account: '@harbournesailing.bsky.social' } } },
    { name: 'a platform-native quote of another post', post: { text: 'Thanks for spreading the word! Shared from the sailing club.', quoteOf: { account: '@harbournesailing.bsky.social', text: 'Regatta this Saturday, all welcome.' } } },
    { name: "a photo from a source in attributionExempt", post: { text: 'Opening of the new library, photo shared by Kestrel Studio', media: photo() }, config: { attributionExempt: ['Harbourne Town Council', 'Kestrel Studio'] } },
    { name: "a photo shared from the council's own page", post: { text: 'This photo was shared from our own Facebook page.', media: photo() } },
    { name: 'a photo "taken from" a viewpoint, not a website', post: { text: 'This photo was taken from the top of the church tower.', media: photo() } },
    { name: 'a caption after "Photo:" rather than a credit', post: { text: 'Photo: volunteers at Saturday’s beach clean.', media: photo() } },
    { name: 'more photos on the council’s own page', post: { text: 'More photos from the day on our Facebook page.', media: photo() } },
    { name: 'thanks to a resident for something other than the photo', post: { text: 'Thanks to a resident for reporting this pothole, which is now fixed.', media: photo() } },
    { name: 'information from a resident, with an unrelated photo', post: { text: 'Information provided by a resident has helped us trace the owner.', media: photo() } },
    { name: 'a request for photos, with nothing attached', post: 'Send in your photos of the carnival! Photos sent in by residents will go on display at the library.' },
    { name: "a councillor's short statement in quotation marks", post: 'Cllr Alice Moreton said: "It is a great day for the harbour and for everyone who uses it."' },
    { name: 'a long statement attributed to the Mayor', post: `The Mayor said: "${LONG_PASSAGE}"` },
    { name: "the council's own statement in quotation marks", post: `Our statement on the lido: "${LONG_PASSAGE}"` },
    { name: 'a long quotation credited to a named newspaper', post: `According to the Harbourne Gazette: "${LONG_PASSAGE}"` },
    { name: 'a long quotation signed with the author’s name', post: `“${LONG_PASSAGE}” — Helen Marsh, Harbourne Civic Society` },
    { name: 'an unattributed quotation under forty words', post: `As reported in the press: "${SHORT_PASSAGE}"` },
    { name: 'a poem credited to its named author', post: `A poem by local writer Ann Treloar for Harbour Day:\n\n${VERSE}` },
    { name: "the council's own minutes quoted at length", post: `From the minutes of Full Council: "${LONG_PASSAGE}"` },
    { name: 'a long quotation under a named source label', post: `Harbourne Gazette: "${LONG_PASSAGE}"` },
    { name: 'a stock image credited to its photographer (left to the Town Clerk)', post: { text: 'Beach huts. Photo: Jo Ellis/Shutterstock', media: photo('Beach huts', 'https://image.shutterstock.com/huts.jpg') } },
    { name: 'apostrophes that are not quotation marks', post: "The council's plans for the town's harbour walk aren't final yet; residents' views are welcome until Friday, and we'll publish them all." },
    { name: 'a photographer named, then where it was seen', post: { text: 'Sunset over the bay by Kit Marsh, seen on Instagram. Thanks Kit!', media: [{ type: 'image', url: 'https://files.example/sunset.jpg' }] } },
    { name: 'a question to readers about a scam page', post: { text: 'Seen this on Facebook? The page asking for parking payments is a scam.', media: [{ type: 'image', url: 'https://files.example/scam.png' }] } },
    { name: "the council's own photo, spotted elsewhere", post: { text: 'Our photo of the Christmas lights was spotted on Instagram by the BBC!', media: [{ type: 'image', url: 'https://files.example/lights.jpg' }] } },
    { name: 'an invitation to follow the council elsewhere', post: { text: 'Follow us on Instagram for more pictures of the carnival.', media: [{ type: 'image', url: 'https://files.example/carnival.jpg' }] } },
    // Someone else's work, half-credited: what looks like it and is not.
    { name: 'a photo credited to a named group', post: { text: 'Photo: Jane Doe, shared from the Harbourne Walking Group', media: photo() } },
    { name: 'a named walking group as the source of a caption', post: { text: 'Frosty morning on the common, shared from the Harbourne Walking Group', media: photo() } },
    { name: 'information shared by a resident, with a photo', post: { text: 'Bridge repairs start Monday. Information shared from a resident helped us.', media: photo() } },
  ],
  invalid: [
    { name: 'a photo sent in by a resident', post: { text: 'A frosty morning on the quay. Photo sent in by a resident.', media: photo() }, expect: { severity: 'medium', reason: 'sent in by a resident', field: 'text' } },
    { name: 'a picture found online', post: { text: 'Throwback Thursday: a picture we found online of the lido in 1935.', media: photo() }, expect: { reason: 'found online' } },
    { name: 'an image from Google', post: { text: 'What the old station looked like (image from Google).', media: photo() }, expect: { reason: 'from Google', located: 'image from Google' } },
    { name: "a photo taken from a newspaper's website", post: { text: 'The flood of 1978, a photo taken from a newspaper’s website.', media: photo() }, expect: { reason: 'taken from a newspaper' } },
    { name: 'a photo shared from an unnamed local group', post: { text: 'This old photo of the harbour was shared from a local walking group.', media: photo() }, expect: { reason: 'shared from a local walking group' } },
    { name: 'a photo taken from a named newspaper’s website is copied, not credited', post: { text: 'The 1953 flood, in a photo taken from the Harbourne Echo website.', media: photo() }, expect: { reason: 'taken from the Harbourne Echo website' } },
    { name: 'a vague thanks to a resident is not a credit', post: { text: 'Thanks to a resident for this photo of the fireworks!', media: photo() }, expect: { reason: 'a resident' } },
    { name: 'a credit that names nobody', post: { text: 'Kingfisher on the river wall. Credit: a local resident', media: photo() }, expect: { reason: 'a local resident' } },
    { name: 'courtesy of an unnamed photographer', post: { text: 'The harbour lights, courtesy of a local photographer.', media: photo() }, expect: { reason: 'courtesy of a local photographer' } },
    { name: 'a sentence that opens with the source', post: { text: 'The lifeboat launch this morning. Sent in by one of our followers.', media: photo() }, expect: { reason: 'Sent in by one of our followers' } },
    { name: 'the source stated in the alt text', post: { text: 'Snow on the cliffs!', media: photo('Snowy cliff path. Picture sent in by a reader.') }, expect: { field: 'media[0].altText' } },
    { name: 'an image served from Shutterstock', post: { text: 'Beach hut bookings open on Monday.', media: photo('Beach huts', 'https://www.shutterstock.com/image-photo/beach-huts-600w-123456.jpg') }, expect: { severity: 'high', evidence: 'shutterstock.com', reason: 'Shutterstock' }, count: 1 },
    { name: 'an image served from Alamy', post: { text: 'Harbour Day is back.', media: photo('Harbour', 'https://c8.alamy.com/comp/ABC123/harbour.jpg') }, expect: { severity: 'high', reason: 'Alamy' } },
    { name: 'an image served from iStock', post: { text: 'Fish and chips on the quay every Friday.', media: photo('Fish and chips', 'https://media.istockphoto.com/id/99999/photo/chips.jpg') }, expect: { severity: 'high', reason: 'iStock' } },
    { name: 'an image served from Adobe Stock', post: { text: 'Spring clean week.', media: photo('Daffodils', 'https://stock.adobe.com/images/daffodils/12345') }, expect: { severity: 'high', reason: 'Adobe Stock' } },
    { name: 'an image served from Dreamstime', post: { text: 'Road closure.', media: photo('Road sign', 'https://thumbs.dreamstime.com/b/road-closed-sign-1234.jpg') }, expect: { severity: 'high', reason: 'Dreamstime' } },
    { name: 'an image served from 123RF', post: { text: 'Recycling changes.', media: photo('Bins', 'https://previews.123rf.com/images/bins/bins1234.jpg') }, expect: { severity: 'high', reason: '123RF' } },
    { name: 'an image served from Depositphotos', post: { text: 'Dog fouling reminder.', media: photo('Dog', 'https://st.depositphotos.com/1234/dog.jpg') }, expect: { severity: 'high', reason: 'Depositphotos' } },
    { name: "a stock library's file name on the council's own server", post: { text: 'Christmas lights switch-on, Friday 5pm.', media: photo('Fairy lights', 'https://www.harbourne-tc.example/uploads/shutterstock_1234567890.jpg') }, expect: { severity: 'high', reason: 'Shutterstock' } },
    { name: 'a Getty Images watermark described in the alt text', post: { text: 'Storm warning: the promenade is closed tonight.', media: photo('Waves over a sea wall with a Getty Images watermark') }, expect: { severity: 'high', reason: 'watermark', field: 'media[0].altText' } },
    { name: 'a watermark is flagged even when the post credits someone', post: { text: 'Storm warning. Photo: Jo Ellis', media: photo('Waves, Shutterstock watermark across the middle') }, expect: { severity: 'high', reason: 'watermark' } },
    { name: 'a stock image credited only to the council is still flagged', post: { text: 'Beach huts. Photo: Harbourne Town Council', media: photo('Beach huts', 'https://image.shutterstock.com/huts.jpg') }, expect: { severity: 'high' } },
    { name: 'a photo found on a social network', post: { text: 'We found this great photo on Facebook of the 1953 coronation party!', media: photo() }, expect: { reason: 'on Facebook' } },
    { name: 'a stock image carried as a link card', post: { text: 'Summer events guide', links: ['https://www.istockphoto.com/photo/summer-fair-gm123'] }, expect: { severity: 'high', field: 'links[0]' } },
    { name: 'a stock image in a quote post is still the council’s own media', post: { text: 'See you there!', media: photo('Bunting', 'https://image.shutterstock.com/bunting.jpg'), quoteOf: { account: '@harbournefair.bsky.social', text: 'Fair on Saturday' } }, expect: { severity: 'high' } },
    { name: 'a stock photo with no library named', post: { text: 'Apply for a beach hut licence.', media: photo('Stock photo of colourful beach huts') }, expect: { severity: 'medium', reason: 'Stock photo' } },
    { name: 'a newspaper cutting with no source', post: { text: 'Who remembers the great freeze? A newspaper cutting from our archive box.', media: photo('Yellowed newspaper article') }, expect: { reason: 'newspaper cutting' } },
    { name: 'a long quotation "as reported in the press"', post: `As reported in the press last week: "${LONG_PASSAGE}"`, expect: { severity: 'medium', reason: /5\d words in quotation marks/, evidence: /\(5\d words\)/ } },
    { name: 'a long quotation in curly marks with no source at all', post: `“${LONG_PASSAGE}”`, expect: { reason: 'does not say whose words' } },
    { name: 'a long quotation in British single marks', post: `A resident wrote: ‘${LONG_PASSAGE}’`, expect: { reason: 'names no author' } },
    { name: 'a poem sent in by a resident', post: `For Harbour Day, a poem sent in by a resident:\n\n"${VERSE.replace(/\n/g, ' ')}"`, expect: { reason: /poem/ } },
    { name: 'verse with no author named', post: `A poem for the new year:\n${VERSE}`, expect: { reason: 'reproduces a poem or song' } },
    { name: 'a photo spotted on Instagram', post: { text: 'Gorgeous sunset over the bay, spotted on Instagram!', media: [{ type: 'image', url: 'https://files.example/sunset.jpg' }] }, expect: { evidence: 'spotted on Instagram', reason: "someone else's" } },
    { name: 'a picture doing the rounds on a local group', post: { text: 'This snowy view of the church has been doing the rounds on a local Facebook group.', media: [{ type: 'image', url: 'https://files.example/snow.jpg' }] }, expect: { reason: 'doing the rounds' } },
    { name: 'a resident took the picture', post: { text: 'A local resident took this picture of the storm waves.', media: [{ type: 'image', url: 'https://files.example/waves.jpg' }] }, expect: { reason: "someone else's" } },
    { name: 'found on a nostalgia group, several words later', post: { text: 'We found this lovely old postcard of the pier on a nostalgia group.', media: [{ type: 'image', url: 'https://files.example/pier.jpg' }] }, expect: { reason: "someone else's" } },
    { name: '"we found this on" with no noun', post: { text: 'We found this on a community page and had to share it!', media: [{ type: 'image', url: 'https://files.example/x.jpg' }] }, expect: { reason: "someone else's" } },
    // Someone else's work, half-credited
    { name: 'a caption shared from an unnamed group', post: { text: 'Stunning view of the bridge in the snow, shared from a local walking group ❄️', media: photo() }, expect: { reason: 'shared from a local walking group' } },
    { name: 'a photo from a local Facebook group', post: { text: 'Pic from a local Facebook group 👍', media: photo() }, expect: { reason: 'local Facebook group' } },
    { name: 'a shot by an unnamed local photographer', post: { text: 'Great shot by a local photographer!', media: photo() }, expect: { reason: 'local photographer' } },
    { name: 'a poem a neighbour wrote, no author named', post: 'A poem a neighbour wrote for our Remembrance service:\n\nThey walked from Harbourne in the morning,\nthe lanes still wet with dew,\nthey left their ploughs and benches\nand the only world they knew.', expect: { reason: 'reproduces a poem' } },
    { name: 'a long quotation introduced as what the newsletter said', post: `The village newsletter said it best: "${LONG_PASSAGE}"`, expect: { reason: 'in quotation marks' } },
  ],
});
