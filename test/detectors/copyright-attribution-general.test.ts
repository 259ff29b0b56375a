import type { Post } from '../../shared/domain/post';
import { copyrightAttribution } from '../../shared/detectors/copyright-attribution';
import { testDetector } from '../support/test-detector';

// Cases written for #12 before the code, in words no corpus uses: a work from an unnamed maker after
// what it shows ("shot of the town from a local drone photographer"), a maker who drew or painted it
// unnamed, a caption after a colon that is not the source's name, verse whose first line ends in a
// colon, and the credits that must stay clean ("by kind permission of …"). Each finding failed before.
const withImage = (text: string): Partial<Post> => ({ text, media: [{ type: 'image', url: 'https://files.example/photo.jpg' }] });

testDetector(copyrightAttribution, {
  valid: [
    { name: 'a photo by kind permission of a named business', post: withImage('Our Christmas tree arrives Monday! Photo by kind permission of Holly Farm Trees.') },
    { name: 'a photo with kind permission from a named family', post: withImage('Photo with kind permission from the Penrose family.') },
    { name: 'a photo by a named local photographer', post: withImage('Lovely photo of the harbour by local photographer Jane Doe.') },
    { name: 'a shot of the pier from a viewpoint', post: withImage('Shot of the pier from the lifeboat station this morning.') },
    { name: 'a photo of the beach taken by the clerk', post: withImage('Photo of the beach from the cliff path, taken by our clerk.') },
    { name: 'photos of the carnival from a named archive', post: withImage('Photos of the carnival from the Harbourne Archive, with thanks.') },
    { name: 'drone footage from our own survey', post: withImage('Drone footage from our own survey of the beach.') },
    { name: 'a shot from a named club’s exhibition', post: withImage('Another shot from the Harbourne Camera Club exhibition.') },
    { name: 'a picture from a council event', post: withImage("Picture from Tuesday's tree planting on the green.") },
    { name: 'a photographer named, shared from a named group', post: withImage('Photo: Jo Bell, shared from the Harbourne Memories group 💙') },
    { name: 'a camera emoji and a name', post: withImage('📸 Amy Lau') },
    { name: 'a camera emoji crediting the council itself', post: withImage('📸: us! Our new van on its first day.') },
    { name: 'a local artist named after the verb', post: withImage('A local artist, Ann Treloar, painted this view of the quay.') },
  ],
  invalid: [
    // The group is where it was shared, not who made it: the photographer is still unnamed.
    { name: 'shared from a named group, no author', post: withImage('Shared from the Harbourne Memories group 💙'), expect: { reason: 'group' } },
    { name: 'a shot of the town from a local drone photographer', post: withImage('Gorgeous aerial shot of Harbourne from a local drone photographer 🚁'), expect: { severity: 'medium', reason: /someone else's \("shot of Harbourne from a local drone photographer/ } },
    { name: 'a photo of a place from a resident', post: withImage('Photo of the lifeboat launch from a resident — what a sight!'), expect: { reason: "someone else's" } },
    { name: 'a photo from a group, then a caption after a colon', post: withImage('Photo from a local history group: Harbourne pier in 1912.'), expect: { reason: 'local history group' } },
    { name: 'a local artist drew it', post: withImage('A local artist drew this lovely map of the town trail.'), expect: { reason: 'A local artist drew this' } },
    { name: 'one of our talented photographers took these', post: withImage('One of our talented photographers took these during the storm.'), expect: { reason: "someone else's" } },
    { name: 'a camera emoji and "via a mate on fb"', post: withImage('📸 via a mate on fb, what a sky!!'), expect: { reason: "someone else's" } },
    { name: 'verse whose first line ends in a colon', post: 'Here is a lovely poem for Remembrance:\nThey shall grow not old, as we that are left grow old:\nAge shall not weary them, nor the years condemn.\nAt the going down of the sun and in the morning\nWe will remember them.', expect: { reason: 'reproduces a poem or song' } },
  ],
});
