import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, test } from 'vitest';
import { Tabs } from './Tabs.jsx';

const TABS = [
  { id: 'browser', label: 'Browsers' },
  { id: 'os', label: 'OS' },
  { id: 'device', label: 'Devices' },
];

function Harness() {
  const [active, setActive] = useState('browser');
  return <Tabs tabs={TABS} active={active} onChange={setActive} label="Devices" />;
}

describe('Tabs', () => {
  test('only the active tab is in the Tab order and arrow keys move between tabs, wrapping around', async () => {
    render(<Harness />);
    const user = userEvent.setup();

    await user.tab();
    expect(screen.getByRole('tab', { name: 'Browsers' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'OS' })).toHaveAttribute('tabindex', '-1');

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'OS' })).toHaveFocus();
    expect(screen.getByRole('tab', { name: 'OS' })).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Devices' })).toHaveFocus();

    await user.keyboard('{Home}');
    expect(screen.getByRole('tab', { name: 'Browsers' })).toHaveAttribute('aria-selected', 'true');
  });
});
