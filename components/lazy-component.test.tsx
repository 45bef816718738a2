// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import { lazyComponent } from './lazy-component';

// Runs pending effects and lets promises settle.
const tick = () => act(() => new Promise((r) => setTimeout(r, 0)));

function Hello({ name }: { name: string }) {
  return <p>hello {name}</p>;
}

describe('lazyComponent', () => {
  it('renders nothing until the code arrives, then the component with its props', async () => {
    let arrive!: (c: typeof Hello) => void;
    const load = vi.fn(() => new Promise<typeof Hello>((r) => (arrive = r)));
    const Lazy = lazyComponent(load);
    const el = document.createElement('div');
    act(() => render(<Lazy name="Ann" />, el));
    await tick();
    expect(el.innerHTML).toBe('');
    arrive(Hello);
    await tick();
    expect(el.innerHTML).toBe('<p>hello Ann</p>');
    render(<Lazy name="Bob" />, el);
    expect(el.innerHTML).toBe('<p>hello Bob</p>');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('loads once however many times it is preloaded or shown', async () => {
    const load = vi.fn(async () => Hello);
    const Lazy = lazyComponent(load);
    await Promise.all([Lazy.preload(), Lazy.preload()]);
    const el = document.createElement('div');
    render(<><Lazy name="a" /><Lazy name="b" /></>, el);
    // Already loaded: shown on the first render, no flash of nothing.
    expect(el.textContent).toBe('hello ahello b');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again on a later render when loading failed', async () => {
    const error = vi.spyOn(console, 'error').mockImplementation(() => {});
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValue(Hello);
    const Lazy = lazyComponent<{ name: string }>(load);
    const el = document.createElement('div');
    act(() => render(<Lazy name="x" />, el));
    await tick();
    expect(el.innerHTML).toBe('');
    expect(error).toHaveBeenCalled();
    render(null, el);
    act(() => render(<Lazy name="x" />, el));
    await tick();
    await tick();
    expect(el.innerHTML).toBe('<p>hello x</p>');
    expect(load).toHaveBeenCalledTimes(2);
    error.mockRestore();
  });

  it('shows the component when the code arrives between its first render and its effects', async () => {
    // As in the popup: Save preloads the panel, the answer renders it before the code is in.
    let arrive!: (c: typeof Hello) => void;
    const Lazy = lazyComponent(() => new Promise<typeof Hello>((r) => (arrive = r)));
    const preloaded = Lazy.preload();
    const el = document.createElement('div');
    render(<Lazy name="Cy" />, el); // effects wait for the next frame
    expect(el.innerHTML).toBe('');
    arrive(Hello);
    await preloaded;
    // Once Preact's effects run (after paint): wait for them, not a fixed time.
    await vi.waitFor(() => expect(el.innerHTML).toBe('<p>hello Cy</p>'), { timeout: 5_000, interval: 10 });
  });
});
