import { z } from 'zod';
import type { Result } from '../errors';
import { ActivationLengthSchema } from '../profiles/activation';
import { ProfileDraftSchema, ProfileSchema } from '../profiles/model';
import { LanguageSchema } from '../settings/schema';
import type { AppState } from '../state/appState';
import type { DebugChannel, InvokeChannel } from './channels';

export * from './channels';

/** Requests the renderer may make. Main validates each payload against its schema before any handler runs. */
export const invokeSchemas = {
  'state:get': z.null(),
  'profile:activate': z
    .object({ profileId: z.string().min(1), length: ActivationLengthSchema, temporaryMessage: z.string().nullable() })
    .strict(),
  'profile:create': ProfileDraftSchema,
  'profile:update': ProfileSchema,
  'profile:delete': z.object({ profileId: z.string().min(1) }).strict(),
  'ui:update': z.object({ language: LanguageSchema.optional(), showProfileNumbers: z.boolean().optional() }).strict(),
  'notice:dismiss': z.object({ noticeId: z.string().min(1) }).strict(),
} satisfies Record<InvokeChannel, z.ZodType>;

/** Only the browser shell answers these: they stand in for the OS (clock, tray clicks, resume). */
export const debugSchemas = {
  'debug:clock-advance': z.object({ ms: z.number().int().positive() }).strict(),
  'debug:tray-click': z.object({ itemId: z.string().min(1) }).strict(),
  'debug:resume': z.null(),
} satisfies Record<DebugChannel, z.ZodType>;

export type ChannelPayload<C extends InvokeChannel | DebugChannel> = z.infer<(typeof invokeSchemas & typeof debugSchemas)[C]>;

/** What `window.softphone` is, in Electron (preload) and in the browser shell (bridge script) alike. */
export interface SoftphoneApi {
  invoke<C extends InvokeChannel>(channel: C, payload: ChannelPayload<C>): Promise<Result<AppState>>;
  onStateChanged(listener: (state: AppState) => void): () => void;
}

export interface SoftphoneDebugApi {
  invoke<C extends DebugChannel>(channel: C, payload: ChannelPayload<C>): Promise<Result<AppState>>;
}
