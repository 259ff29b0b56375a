import type { Media } from '../../shared/domain/post';
import { copyrightAttribution } from '../../shared/detectors/copyright-attribution';
import { testDetector } from '../support/test-detector';

// Someone else's work, half-credited in plain words (#12), in voices the tuning corpora lack: each
// family with new wordings, and the hard negatives a clerk would leave alone. Every post carries media.
const photo: Media[] = [{ type: 'image', url: 'https://files.mastodon.social/media/harbourne/c3d4e5.jpg', altText: 'The quay at dusk' }];
const video: Media[] = [{ type: 'video', url: 'https://files.mastodon.social/media/harbourne/f6a7b8.mp4' }];
const withMedia = (text: string, media: Media[] = photo) => ({ text, media });

testDetector(copyrightAttribution, {
  valid: [
    // Thanks that are not for a work
    { name: 'thanks to a resident who reported a pothole', post: withMedia('Fixed! Thanks to the resident who reported this pothole on Mill Lane.') },
    { name: 'thanks to everyone who came', post: withMedia('Thank you to everyone who came to the litter pick on Saturday!') },
    { name: 'thanks to a named resident who sent it in', post: withMedia('Thank you to Amy Lau who sent this in, what a sunset!') },
    // Works that are the council's own or credited
    { name: 'a video from our own drone', post: withMedia('Video from our own drone over the new sea wall.', video) },
    { name: 'a photo by a named photographer, shared from a group', post: withMedia('Photo by Kit Marsh, shared from the Harbourne Memories group.') },
    { name: "shared from the council's own page", post: withMedia('Shared from the Harbourne Town Council page: the new play park is open.') },
    // Online, but not where the work came from
    { name: 'found out more online', post: withMedia('We found out more online about the history of the lido, and it is fascinating.') },
    { name: 'seen this online? asked of the reader', post: withMedia('Spotted this scam text online? Report it to 7726.') },
    { name: 'a lost dog found on the green', post: withMedia('Found this lovely dog on the green this morning, is he yours?') },
    { name: 'a walking group invitation', post: withMedia('Join our local walking group every Tuesday, meet at the bandstand.') },
  ],
  invalid: [
    // Thanks to someone unnamed who sent, took or shared it
    { name: 'thanks to whoever took this', post: withMedia('What a sky over the harbour last night! Thanks to whoever took this 😍'), expect: { reason: 'whoever took this' } },
    { name: 'cheers to the dog walker who snapped it', post: withMedia('Frost on the common 🥶 Cheers to the dog walker who snapped this for us.'), expect: { reason: "someone else's" } },
    { name: 'shout-out to a kind neighbour who sent it in', post: withMedia('Shout out to the kind neighbour on Quay Street who sent us this one!'), expect: { reason: "someone else's" } },
    // The work from someone unnamed
    { name: 'a photo from one of our followers, a place after it', post: withMedia('Photo from one of our followers at Harbourne Point: the lifeboat coming home in the fog.'), expect: { reason: 'one of our followers' } },
    { name: 'a video from a grandad in the crowd', post: withMedia('Fireworks video from a lovely grandad in the crowd, thank you!', video), expect: { reason: 'a lovely grandad' } },
    { name: 'a snap from a keen-eyed walker', post: withMedia('Snap from a keen-eyed walker on the cliff path this morning 🐬'), expect: { reason: 'keen-eyed walker' } },
    // Found online
    { name: 'came across this gem on Facebook', post: withMedia('Came across this gem of the 1953 floods on Facebook. Who remembers?'), expect: { reason: 'Facebook' } },
    { name: 'dug out an old postcard online', post: withMedia('Dug out this old postcard of the pier online, look at the bathing huts!'), expect: { reason: 'online' } },
    { name: 'stumbled across it on the internet', post: withMedia('Stumbled across this aerial shot of the town on the internet 😮'), expect: { reason: 'internet' } },
    // Shared from a group or page
    { name: 'shared from a named nostalgia page, a caption after it', post: withMedia('Shared from the Brookside Nostalgia page: Harbourne Lido, summer 1962.'), expect: { reason: 'Nostalgia page' } },
    { name: 'reposted from a history group, a caption after a dash', post: withMedia('Reposted from a local history group — Fore Street in 1930.'), expect: { reason: 'Reposted from' } },
    { name: "taken from a walking group's feed", post: withMedia("Taken from a walking group's feed: Coombe Woods at dawn."), expect: { reason: 'Taken from' } },
  ],
});
