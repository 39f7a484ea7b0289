import { describeInput } from '../../src/core/describeInput';
import { fail, ok, type Result } from '../../src/core/errors';
import {
  debugSchemas,
  invokeSchemas,
  isAsyncChannel,
  isDebugChannel,
  isInvokeChannel,
  isValueChannel,
  type AsyncChannel,
  type ChannelPayload,
  type ChannelResponse,
  type DebugChannel,
  type InvokeChannel,
} from '../../src/core/ipc/contract';
import { validatePayload } from '../../src/core/ipc/validatePayload';

type SyncChannel = Exclude<InvokeChannel, AsyncChannel>;
export type RequestHandlers = { [C in SyncChannel]: (payload: ChannelPayload<C>) => Result<unknown> };
export type AsyncRequestHandlers = { [C in AsyncChannel]: (payload: ChannelPayload<C>) => Promise<Result<ChannelResponse<C>>> };

/**
 * The one place a request from the renderer is checked before any handler runs. Nothing changes on
 * an unknown channel or a bad payload, and whatever a handler throws comes back as an error result,
 * never as an exception. A channel that changes the state answers with the new state.
 */
export class RequestDispatcher {
  constructor(
    private readonly handlers: RequestHandlers,
    private readonly asyncHandlers: AsyncRequestHandlers,
    private readonly state: () => unknown,
  ) {}

  invoke(channel: unknown, payload: unknown): Result<unknown> {
    try {
      if (!isInvokeChannel(channel)) return fail('unknown-channel', `Unknown channel ${describeChannel(channel)}.`);
      if (isAsyncChannel(channel)) return fail('channel-answers-later', `Channel "${channel}" answers asynchronously.`);
      return this.#run(channel, payload);
    } catch (error) {
      console.error(`The request ${describeChannel(channel)} failed:`, error);
      return fail('request-failed', describeError(error), describeChannel(channel));
    }
  }

  /** Every channel, the ones that answer later (a program runs, a dialog is open) included. */
  async request(channel: unknown, payload: unknown): Promise<Result<unknown>> {
    if (!isInvokeChannel(channel) || !isAsyncChannel(channel)) return this.invoke(channel, payload);
    try {
      return await this.#runAsync(channel, payload);
    } catch (error) {
      console.error(`The request ${channel} failed:`, error);
      return fail('request-failed', describeError(error), channel);
    }
  }

  async #runAsync<C extends AsyncChannel>(channel: C, payload: unknown): Promise<Result<ChannelResponse<C>>> {
    const checked = validatePayload(channel, invokeSchemas[channel] as never, payload) as Result<ChannelPayload<C>>;
    if (!checked.ok) return checked;
    return this.asyncHandlers[channel](checked.value);
  }

  #run<C extends SyncChannel>(channel: C, payload: unknown): Result<ChannelResponse<C>> {
    const checked = validatePayload(channel, invokeSchemas[channel] as never, payload) as Result<ChannelPayload<C>>;
    if (!checked.ok) return checked;
    const result = this.handlers[channel](checked.value);
    if (!result.ok) return result;
    return ok((isValueChannel(channel) ? result.value : this.state()) as ChannelResponse<C>);
  }
}

export function validateDebugRequest<C extends DebugChannel>(
  channel: unknown,
  payload: unknown,
): Result<{ channel: C; payload: ChannelPayload<C> }> {
  if (!isDebugChannel(channel)) return fail('unknown-channel', `Unknown channel ${describeChannel(channel)}.`);
  const checked = validatePayload(channel, debugSchemas[channel] as never, payload);
  return checked.ok ? ok({ channel: channel as C, payload: checked.value as ChannelPayload<C> }) : checked;
}

/** A channel name fit for a message: a known name as it is, anything else cut and described. */
function describeChannel(channel: unknown): string {
  return isInvokeChannel(channel) || isDebugChannel(channel) ? channel : describeInput(channel);
}

function describeError(error: unknown): string {
  return (error instanceof Error ? error.message : typeof error).slice(0, 300);
}
