import { CaptureApp } from '@/components/capture/capture-app';
import { takeEarlyRead } from '@/lib/capture/early-read';

// Taken once per popup, outside render: a re-render must not lose or restart the read.
const early = takeEarlyRead();
// The Topic code the fill needs loads beside the page read, not after it.
if (early) void import('@/lib/capture/default-topic').catch(() => {});

/** The toolbar popup: the shared capture UI, closing after Save & Close. */
export const App = () => <CaptureApp early={early} />;
