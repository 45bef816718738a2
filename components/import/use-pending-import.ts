// How many leads of a big committed import the background is still handing to the sync queue
// (docs/import.md), polled while there are any, starting from the count the commit answered.
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { send } from '@/lib/messaging/send';

const POLL_MS = 1000;

export function usePendingImport(initial: number) {
  const pending = useSignal(initial);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      // A failed ask (the worker restarting) keeps the last count and asks again.
      const next = (await send('import/pending', {}).catch(() => ({ pending: pending.value }))).pending;
      if (stopped) return;
      pending.value = next;
      if (next > 0) timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, []);
  return pending;
}
