import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { FilterChips } from './FilterChips.jsx';

const FILTERS = [
  { dimension: 'page', value: '/pricing' },
  { dimension: 'property:plan', value: 'pro' },
];

describe('FilterChips', () => {
  test('renders nothing without filters', () => {
    const { container } = render(<FilterChips filters={[]} onRemove={vi.fn()} onClear={vi.fn()} />);
    expect(container).toBeEmptyDOMElement();
  });

  test('labels each chip and removes the one whose button is pressed', async () => {
    const onRemove = vi.fn();
    render(<FilterChips filters={FILTERS} onRemove={onRemove} onClear={vi.fn()} />);
    const user = userEvent.setup();

    expect(screen.getAllByTestId('filter-chip').map((c) => c.textContent)).toEqual([
      'Page is /pricing×',
      'Property plan is pro×',
    ]);
    await user.click(screen.getByRole('button', { name: 'Remove filter: Property plan is pro' }));
    expect(onRemove).toHaveBeenCalledWith(FILTERS[1]);
  });

  test('can be cleared from the keyboard', async () => {
    const onClear = vi.fn();
    render(<FilterChips filters={FILTERS} onRemove={vi.fn()} onClear={onClear} />);
    const user = userEvent.setup();

    await user.tab();
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Clear all' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(onClear).toHaveBeenCalledTimes(1);
  });
});
