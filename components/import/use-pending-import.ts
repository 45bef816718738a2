// How many leads of a big committed import the background is still adding to the lead stores
// (docs/import.md), polled while there are any; `onChange` runs as parts land.
import { useEffect } from 'preact/hooks';
import { useSignal } from '@preact/signals';
import { send } from '@/lib/messaging/send';

const POLL_MS = 2000;

export function usePendingImport(onChange: () => void) {
  const pending = useSignal(0);
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      const next = (await send('import/pending', {}).catch(() => ({ pending: 0 }))).pending;
      if (stopped) return;
      if (next !== pending.value) {
        pending.value = next;
        onChange();
      }
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
