import type { Post } from '../domain/post';
import { carriedLinks, linksInSegment, type LinkRef } from './text/links';
import { Segment } from './text/segment';
import type { WordingReading } from './wording/model';

/**
 * A post prepared for the detectors: its prose normalised once, its links extracted once.
 * Everything is computed on first use, so a rule that needs nothing pays nothing.
 */
export class PostView {
  readonly post: Post;
  #text: Segment | undefined;
  #segments: Segment[] | undefined;
  #links: LinkRef[] | undefined;
  /** What the wording model made of the post, once it has been asked: the engine reads a post once for all rules. */
  wording: WordingReading | undefined;

  constructor(post: Post) {
    this.post = post;
  }

  /** The post's own text. */
  get text(): Segment {
    this.#text ??= new Segment('text', this.post.text);
    return this.#text;
  }

  /** Every piece of prose the post carries: its text, the quoted text, and each image's alt text. */
  get segments(): Segment[] {
    if (this.#segments === undefined) {
      const segments = [this.text];
      const quoted = this.post.quoteOf?.text;
      if (quoted) segments.push(new Segment('quoteOf.text', quoted));
      this.post.media?.forEach((m, i) => {
        if (m.altText) segments.push(new Segment(`media[${i}].altText`, m.altText));
      });
      this.#segments = segments;
    }
    return this.#segments;
  }

  /** Prose the council itself wrote: the text and alt texts, not a quoted post. */
  get ownSegments(): Segment[] {
    return this.segments.filter((s) => s.field !== 'quoteOf.text');
  }

  /** The council's own prose (`ownSegments`), normalised, as one text: a line per segment. */
  get ownText(): string {
    return this.ownSegments.map((s) => s.text).join('\n');
  }

  /** Every link: typed into any segment, or carried by the platform (`links`). */
  get links(): LinkRef[] {
    if (this.#links === undefined) {
      const links: LinkRef[] = [];
      for (const segment of this.segments) for (const link of linksInSegment(segment)) links.push(link);
      if (this.post.links) for (const link of carriedLinks(this.post.links)) links.push(link);
      this.#links = links;
    }
    return this.#links;
  }
}
