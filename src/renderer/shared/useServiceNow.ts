import { useEffect, useState } from 'react';
import { useAppStore } from './appStore';

/** The services' clock as the renderer best knows it, ticking every `intervalMs`. */
export function useServiceNow(intervalMs = 15_000): number {
  const serviceNow = useAppStore((store) => store.state?.now ?? 0);
  const receivedAt = useAppStore((store) => store.receivedAt);
  const [localNow, setLocalNow] = useState(() => Date.now());
  useEffect(() => {
    const handle = setInterval(() => setLocalNow(Date.now()), intervalMs);
    return () => clearInterval(handle);
  }, [intervalMs]);
  return serviceNow + Math.max(0, localNow - receivedAt);
}
