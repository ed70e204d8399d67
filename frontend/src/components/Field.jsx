import { useId } from 'react';

/** A labelled input whose error sits next to it and is announced with it. */
export function Field({ label, name, error, hint, type = 'text', ...inputProps }) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint && hintId, error && errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        {...inputProps}
      />
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field-error" data-testid={`${name}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

/** A message about the whole form, such as a server error that belongs to no field. */
export function FormAlert({ children, tone = 'error' }) {
  if (!children) return null;
  return (
    <div className={`form-alert form-alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'} data-testid="form-alert">
      {children}
    </div>
  );
}

/** A labelled choice among `options` ({value, label}). */
export function SelectField({ label, options, ...selectProps }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} {...selectProps}>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
