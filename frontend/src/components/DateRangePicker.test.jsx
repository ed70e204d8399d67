import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { DateRangePicker } from './DateRangePicker.jsx';

const LAST_7 = { preset: '7d', from: '2026-02-22', to: '2026-02-28' };

function setup(range = LAST_7) {
  const onChange = vi.fn();
  render(<DateRangePicker range={range} tz="Europe/Paris" onChange={onChange} />);
  return { onChange, user: userEvent.setup() };
}

describe('DateRangePicker', () => {
  test('offers every preset and shows the dates and time zone in use', () => {
    setup();
    const select = screen.getByLabelText('Date range');
    expect([...select.options].map((o) => o.textContent)).toEqual([
      'Today',
      'Yesterday',
      'Last 7 days',
      'Last 30 days',
      'This month',
      'Custom range',
    ]);
    expect(select).toHaveValue('7d');
    expect(screen.getByTestId('date-range-dates')).toHaveTextContent('2026-02-22 → 2026-02-28');
    expect(screen.getByTestId('time-zone')).toHaveTextContent('Europe/Paris');
  });

  test('choosing a preset applies it at once', async () => {
    const { onChange, user } = setup();
    await user.selectOptions(screen.getByLabelText('Date range'), 'yesterday');
    expect(onChange).toHaveBeenCalledWith({ preset: 'yesterday' });
  });

  test('a custom range starts from the current dates and applies only when valid', async () => {
    const { onChange, user } = setup();
    await user.selectOptions(screen.getByLabelText('Date range'), 'custom');
    expect(onChange).not.toHaveBeenCalled();

    const from = screen.getByLabelText('From');
    const to = screen.getByLabelText('To');
    expect(from).toHaveValue('2026-02-22');
    expect(to).toHaveValue('2026-02-28');

    await user.clear(from);
    await user.type(from, '2026-03-05');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The start date must be on or before the end date.');
    expect(onChange).not.toHaveBeenCalled();

    await user.clear(from);
    await user.type(from, '2026-02-01');
    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(onChange).toHaveBeenCalledWith({ preset: 'custom', from: '2026-02-01', to: '2026-02-28' });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  test('a single-day range shows one date', () => {
    setup({ preset: 'today', from: '2026-02-28', to: '2026-02-28' });
    expect(screen.getByTestId('date-range-dates')).toHaveTextContent(/^2026-02-28$/);
  });
});
