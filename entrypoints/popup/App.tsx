import { CaptureApp } from '@/components/capture/capture-app';
import { takeEarlyRead } from '@/lib/capture/early-read';

// Taken once per popup, outside render: a re-render must not lose or restart the read.
const early = takeEarlyRead();
// The code the fill needs (the result's check, the Topic) loads beside the page read, not after it.
if (early) void Promise.all([import('@/lib/capture/extraction-schema'), import('@/lib/capture/default-topic')]).catch(() => {});

/** The toolbar popup: the shared capture UI, closing after Save & Close. */
export const App = () => <CaptureApp early={early} />;
