// No DOM here, as on a server: rendering must not need `window`, `document` or frames.
import { createElement, type ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { useRunnable } from './index.js';
import type { planChain } from './test-support/chains.js';

function Plan(): ReactNode {
  const { value, status } = useRunnable<typeof planChain>('/api/plan', { initialValue: { title: 'Planning…' } });
  return (
    <section data-status={status}>
      <h1>{value?.title}</h1>
    </section>
  );
}

describe('useRunnable on a server', () => {
  it('renders to a string: idle, with the initial value, and touches no browser global', () => {
    expect(typeof window).toBe('undefined');
    expect(renderToString(createElement(Plan))).toBe('<section data-status="idle"><h1>Planning…</h1></section>');
  });
});
