import { render, screen, within } from '@testing-library/react';
import { describe, expect, test } from 'vitest';
import { RetentionGrid } from './RetentionGrid.jsx';

describe('RetentionGrid', () => {
  test('shows each cohort with the share that returned in each later period', () => {
    render(
      <RetentionGrid
        interval="week"
        cohorts={[
          { period: '2026-01-05', size: 200, returning: [200, 50, 21] },
          { period: '2026-01-12', size: 0, returning: [0, 0] },
          { period: '2026-01-19', size: 40, returning: [40] },
        ]}
      />,
    );
    const grid = screen.getByTestId('retention-grid');
    expect(within(grid).getAllByRole('columnheader').map((h) => h.textContent)).toEqual([
      'Cohort',
      'Visitors',
      'Week 0',
      'Week 1',
      'Week 2',
    ]);
    const rows = within(grid).getAllByRole('row').slice(1);
    expect(within(rows[0]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['200', '100%', '25%', '11%']);
    expect(within(rows[1]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['0', '—', '—', '']);
    expect(within(rows[2]).getAllByRole('cell').map((c) => c.textContent)).toEqual(['40', '100%', '', '']);
  });
});
