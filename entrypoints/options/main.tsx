import { render } from 'preact';
import '@/components/lead-form/lead-form.css';
import '@/components/pipeline/pipeline.css';
import '@/components/options/options.css';
import { App } from './App';

render(<App />, document.getElementById('app')!);
