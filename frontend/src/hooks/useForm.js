import { useState } from 'react';
import { ApiError } from '../api/index.js';
import { compactErrors } from '../lib/validation.js';

/**
 * Form state with client-side checks first and the server's verdict second: problem+json field errors
 * land next to their fields, and anything else becomes one message for the whole form.
 */
export function useForm({ initial, validate, submit, fieldAliases = {} }) {
  const [values, setValues] = useState(initial);
  const [errors, setErrors] = useState({});
  const [formError, setFormError] = useState(null);
  const [submitting, setSubmitting] = useState(false);

  function bind(name) {
    return {
      name,
      value: values[name],
      error: errors[name],
      onChange: (event) => {
        const value = event.target.value;
        setValues((current) => ({ ...current, [name]: value }));
        if (errors[name]) setErrors((current) => compactErrors({ ...current, [name]: null }));
      },
    };
  }

  async function onSubmit(event) {
    event.preventDefault();
    setFormError(null);
    const found = compactErrors(validate(values));
    setErrors(found);
    if (Object.keys(found).length > 0) {
      const first = Object.keys(found)[0];
      event.currentTarget.querySelector(`[name="${first}"]`)?.focus();
      return;
    }
    setSubmitting(true);
    try {
      await submit(values, { setValues });
    } catch (error) {
      if (!(error instanceof ApiError)) {
        setFormError('Something went wrong. Please try again.');
        return;
      }
      const byField = {};
      const unplaced = [];
      for (const [field, message] of Object.entries(error.fieldErrors())) {
        const name = fieldAliases[field] ?? field;
        if (name in values) byField[name] = message;
        else unplaced.push(message);
      }
      setErrors(byField);
      if (Object.keys(byField).length === 0 || unplaced.length > 0) {
        setFormError([error.userMessage(), ...unplaced].join(' '));
      }
    } finally {
      setSubmitting(false);
    }
  }

  return { values, errors, formError, submitting, bind, onSubmit, setErrors, setFormError, setValues };
}
