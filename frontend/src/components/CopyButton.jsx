import { useEffect, useState } from 'react';

async function copyText(text) {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  // Clipboard API is missing on plain-HTTP origins; fall back to a hidden textarea.
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  const copied = document.execCommand?.('copy');
  area.remove();
  if (!copied) throw new Error('copy failed');
}

export function CopyButton({ text, label = 'Copy', ...props }) {
  const [state, setState] = useState('idle');

  useEffect(() => {
    if (state === 'idle') return undefined;
    const timer = setTimeout(() => setState('idle'), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await copyText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <button type="button" className="button button-small" onClick={copy} {...props}>
      <span aria-live="polite">{state === 'copied' ? 'Copied!' : state === 'failed' ? 'Select and copy' : label}</span>
    </button>
  );
}

/** A block of code with a copy button. */
export function CodeBlock({ code, copyLabel, testId }) {
  return (
    <div className="code-block">
      <pre data-testid={testId}>
        <code>{code}</code>
      </pre>
      <CopyButton text={code} label={copyLabel} data-testid={testId && `${testId}-copy`} />
    </div>
  );
}
