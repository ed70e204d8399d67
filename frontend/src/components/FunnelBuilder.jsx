import { useState } from 'react';
import { MAX_STEPS, MIN_STEPS, WINDOWS, formatStep, moveStep, newStep, validateSteps } from '../lib/funnel.js';

/** Builds 2–8 funnel steps and a conversion window, and hands them over when they are complete. */
export function FunnelBuilder({ initialSteps, initialWindow = '1d', onRun }) {
  const [steps, setSteps] = useState(() => initialSteps ?? [newStep('pageview', '/'), newStep('event', '')]);
  const [window, setWindow] = useState(initialWindow);
  const [errors, setErrors] = useState({});

  function update(key, changes) {
    setSteps((current) => current.map((step) => (step.key === key ? { ...step, ...changes } : step)));
    setErrors((current) => ({ ...current, [key]: undefined }));
  }

  function submit(event) {
    event.preventDefault();
    const found = validateSteps(steps);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    onRun({ steps: steps.map(formatStep), window });
  }

  return (
    <form className="card funnel-builder" onSubmit={submit} noValidate aria-label="Funnel steps" data-testid="funnel-builder">
      <ol className="steps">
        {steps.map((step, index) => {
          const n = index + 1;
          const errorId = `step-${step.key}-error`;
          return (
            <li key={step.key} className="step" data-testid="funnel-step">
              <span className="step-number" aria-hidden="true">
                {n}
              </span>
              <label className="visually-hidden" htmlFor={`step-${step.key}-type`}>
                Step {n} type
              </label>
              <select id={`step-${step.key}-type`} value={step.type} onChange={(e) => update(step.key, { type: e.target.value })}>
                <option value="pageview">Page visited</option>
                <option value="event">Event triggered</option>
              </select>
              <label className="visually-hidden" htmlFor={`step-${step.key}-value`}>
                Step {n} {step.type === 'pageview' ? 'page path' : 'event name'}
              </label>
              <input
                id={`step-${step.key}-value`}
                value={step.value}
                placeholder={step.type === 'pageview' ? '/pricing' : 'signup'}
                onChange={(e) => update(step.key, { value: e.target.value })}
                aria-invalid={errors[step.key] ? true : undefined}
                aria-describedby={errors[step.key] ? errorId : undefined}
              />
              <span className="step-actions">
                <button type="button" className="icon-button" aria-label={`Move step ${n} up`} disabled={index === 0} onClick={() => setSteps((s) => moveStep(s, index, -1))}>
                  ↑
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Move step ${n} down`}
                  disabled={index === steps.length - 1}
                  onClick={() => setSteps((s) => moveStep(s, index, 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove step ${n}`}
                  disabled={steps.length <= MIN_STEPS}
                  onClick={() => setSteps((s) => s.filter((x) => x.key !== step.key))}
                >
                  ×
                </button>
              </span>
              {errors[step.key] && (
                <p id={errorId} className="field-error step-error">
                  {errors[step.key]}
                </p>
              )}
            </li>
          );
        })}
      </ol>
      <div className="funnel-actions">
        <button
          type="button"
          className="button button-secondary"
          disabled={steps.length >= MAX_STEPS}
          onClick={() => setSteps((s) => [...s, newStep('pageview', '')])}
        >
          Add step
        </button>
        <label className="inline-label">
          Completed within
          <select value={window} onChange={(e) => setWindow(e.target.value)}>
            {WINDOWS.map((w) => (
              <option key={w.id} value={w.id}>
                {w.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" data-testid="funnel-run">
          Show funnel
        </button>
      </div>
      {steps.length >= MAX_STEPS && <p className="muted">A funnel has at most {MAX_STEPS} steps.</p>}
    </form>
  );
}
