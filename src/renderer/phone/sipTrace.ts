import { debug } from 'jssip';
import { MAX_TRACE_BATCH, MAX_TRACE_LINE_LENGTH } from '../../core/ipc/contract';
import { contract } from '../contract/client';
import { useAppStore } from '../shared/appStore';

const FLUSH_DELAY_MS = 250;

/**
 * Turns JsSIP's debug output on and off with the SIP trace setting, and hands its lines to main,
 * which redacts them and writes them to the log file. Nothing goes to the console.
 */
export function connectSipTrace(): () => void {
  let pending: string[] = [];
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    flushTimer = null;
    while (pending.length > 0) {
      const lines = pending.splice(0, MAX_TRACE_BATCH);
      void contract.invoke('log:sip-trace', { lines });
    }
  };
  const forward = (...args: unknown[]) => {
    pending.push(
      args
        .map((arg) => (typeof arg === 'string' ? arg : safeJson(arg)))
        .join(' ')
        .slice(0, MAX_TRACE_LINE_LENGTH),
    );
    flushTimer ??= setTimeout(flush, FLUSH_DELAY_MS);
  };
  // Plain text, the namespace first, no colour markers. JsSIP's Logger binds each of its debug
  // instances to the console; the debug module reads the instance's `log` right after this call.
  debug.formatArgs = function (this: { namespace: string; log?: unknown }, args: unknown[]) {
    args[0] = `${this.namespace} ${String(args[0])}`;
    this.log = forward;
  };
  debug.log = forward;

  let tracing: boolean | null = null;
  const apply = () => {
    const wanted = useAppStore.getState().state?.ui.sipTrace === true;
    if (wanted === tracing) return;
    tracing = wanted;
    if (wanted) debug.enable('JsSIP:*');
    else debug.disable();
  };
  const unsubscribe = useAppStore.subscribe(apply);
  apply();
  return () => {
    unsubscribe();
    debug.disable();
    flush();
    if (flushTimer !== null) clearTimeout(flushTimer);
    pending = [];
  };
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
