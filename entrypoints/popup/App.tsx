import { CaptureApp } from '@/components/capture/capture-app';

/** The toolbar popup: the shared capture UI, closing after Save & Close. */
export const App = () => <CaptureApp />;
