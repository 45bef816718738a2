import { CaptureApp } from '@/components/capture/capture-app';
import { takeEarlyRead } from '@/lib/capture/early-read';
import { prefetchFillCode } from '@/lib/capture/fill-code';

// Taken once per popup, outside render: a re-render must not lose or restart the read.
const early = takeEarlyRead();
// The Topic and phone code the fill needs load beside the page read, not after it.
if (early) prefetchFillCode();

/** The toolbar popup: the shared capture UI, closing after Save & Close. */
export const App = () => <CaptureApp early={early} />;
