import { z } from 'zod';
import { timestamp } from '../bounds';
import type { ProfilePresence } from '../presence/profilePresence';
import { ProfileSchema } from '../profiles/model';

/**
 * `profile:activating`: what colleagues are to see, sent by main before it saves a profile chosen
 * by hand, so the page can publish without waiting for the disk; if the save is refused, main sends
 * the presence it kept. The page checks it as it arrives.
 * A module of its own, so the page's first view does not load every request's schema.
 */
export const ProfileActivatingSchema = z
  .object({
    profile: ProfileSchema.pick({ id: true, name: true, number: true, status: true }).strict(),
    message: ProfileSchema.shape.statusMessage,
    until: timestamp().nullable(),
  })
  .strict() satisfies z.ZodType<ProfilePresence>;
