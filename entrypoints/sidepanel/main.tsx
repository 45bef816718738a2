import { render } from 'preact';
import '@/components/lead-form/lead-form.css';
import '@/components/pipeline/pipeline.css';
import '@/components/capture/side-panel.css';
import { SidePanel } from '@/components/capture/side-panel';

render(<SidePanel />, document.getElementById('app')!);
