import * as z from '../zod';
import { issuesFromZod, PostValidationError } from './errors';

export const PLATFORMS = ['mastodon', 'bluesky', 'facebook', 'instagram', 'x', 'youtube', 'rss', 'other'] as const;
export const PlatformSchema = z.enum(PLATFORMS);
export type Platform = z.infer<typeof PlatformSchema>;

/** Each platform as people name it, for what they read ("on Mastodon", "on the website feed"). */
export const PLATFORM_TITLES: Record<Platform, string> = {
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
  facebook: 'Facebook',
  instagram: 'Instagram',
  x: 'X',
  youtube: 'YouTube',
  rss: 'a website feed',
  other: 'another platform',
};

/** The platform's name as people read it; a value that is not a platform is shown as it is. */
export function platformTitle(platform: string): string {
  return Object.hasOwn(PLATFORM_TITLES, platform) ? PLATFORM_TITLES[platform as Platform] : platform;
}

export const MEDIA_TYPES = ['image', 'video', 'gif', 'audio', 'other'] as const;

export const MediaSchema = z.object({
  type: z.enum(MEDIA_TYPES),
  url: z.optional(z.string()),
  altText: z.optional(z.string()),
});

const AccountRefSchema = z.object({ account: z.string().check(z.minLength(1, 'must not be empty')) });

/** The canonical post of the rulebook: every connector produces it, every detector reads it. */
export const PostSchema = z.object({
  id: z.string().check(z.minLength(1, 'must not be empty')),
  platform: PlatformSchema,
  account: z.string().check(z.minLength(1, 'must not be empty')),
  accountName: z.optional(z.string()),
  createdAt: z.iso.datetime({ offset: true, message: 'expected an ISO-8601 timestamp such as 2026-01-05T09:15:00Z' }),
  text: z.string(),
  url: z.optional(z.string()),
  media: z.optional(z.array(MediaSchema)),
  links: z.optional(z.array(z.string())),
  replyTo: z.optional(AccountRefSchema),
  repostOf: z.optional(AccountRefSchema),
  quoteOf: z.optional(z.extend(AccountRefSchema, { text: z.optional(z.string()) })),
});

export type Post = z.infer<typeof PostSchema>;
export type Media = z.infer<typeof MediaSchema>;

/** Parses one canonical post, or throws a PostValidationError naming the field and the value. */
export function parsePost(input: unknown): Post {
  const result = PostSchema.safeParse(input);
  if (!result.success) throw new PostValidationError('invalid post', issuesFromZod(result.error, input));
  return result.data;
}
