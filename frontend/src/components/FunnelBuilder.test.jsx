import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, test, vi } from 'vitest';
import { newStep } from '../lib/funnel.js';
import { FunnelBuilder } from './FunnelBuilder.jsx';

function setup(steps) {
  const onRun = vi.fn();
  render(<FunnelBuilder initialSteps={steps} onRun={onRun} />);
  return { onRun, user: userEvent.setup() };
}

describe('FunnelBuilder', () => {
  test('sends the steps as pageview:/path and event:name with the window', async () => {
    const { onRun, user } = setup();
    await user.clear(screen.getByLabelText('Step 1 page path'));
    await user.type(screen.getByLabelText('Step 1 page path'), '/pricing');
    await user.type(screen.getByLabelText('Step 2 event name'), 'signup');
    await user.selectOptions(screen.getByLabelText('Completed within'), '7d');
    await user.click(screen.getByRole('button', { name: 'Show funnel' }));

    expect(onRun).toHaveBeenCalledWith({ steps: ['pageview:/pricing', 'event:signup'], window: '7d' });
  });

  test('keeps between 2 and 8 steps', async () => {
    const { user } = setup();
    expect(screen.getByRole('button', { name: 'Remove step 1' })).toBeDisabled();

    for (let i = 0; i < 6; i += 1) await user.click(screen.getByRole('button', { name: 'Add step' }));

    expect(screen.getAllByTestId('funnel-step')).toHaveLength(8);
    expect(screen.getByRole('button', { name: 'Add step' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Remove step 1' })).toBeEnabled();
  });

  test('points at incomplete steps instead of running', async () => {
    const { onRun, user } = setup([newStep('pageview', 'pricing'), newStep('event', '')]);
    await user.click(screen.getByRole('button', { name: 'Show funnel' }));

    expect(onRun).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Step 1 page path')).toHaveAccessibleDescription('Page paths start with /.');
    expect(screen.getByLabelText('Step 2 event name')).toHaveAccessibleDescription('Enter an event name.');
  });

  test('reorders and removes steps', async () => {
    const { onRun, user } = setup([newStep('pageview', '/a'), newStep('pageview', '/b'), newStep('event', 'c')]);
    await user.click(screen.getByRole('button', { name: 'Move step 3 up' }));
    await user.click(screen.getByRole('button', { name: 'Remove step 1' }));
    await user.click(screen.getByRole('button', { name: 'Show funnel' }));

    expect(onRun).toHaveBeenCalledWith({ steps: ['event:c', 'pageview:/b'], window: '1d' });
  });
});
