import { useId, useState } from 'react';
import { exportCsv } from '../api/index.js';

export const DATASETS = [
  { id: 'events', label: 'Raw events' },
  { id: 'pages', label: 'Pages' },
  { id: 'referrers', label: 'Sources' },
  { id: 'browsers', label: 'Browsers' },
  { id: 'countries', label: 'Countries' },
  { id: 'regions', label: 'Regions' },
  { id: 'cities', label: 'Cities' },
];

function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Downloads a CSV; the request needs the Bearer header, so it is fetched as a blob first. */
export function ExportButton({ query }) {
  const id = useId();
  const [dataset, setDataset] = useState('pages');
  const [state, setState] = useState({ busy: false, error: null });

  async function download() {
    setState({ busy: true, error: null });
    try {
      const { blob, filename } = await exportCsv(query, dataset);
      saveBlob(blob, filename);
      setState({ busy: false, error: null });
    } catch (error) {
      setState({ busy: false, error: error.userMessage?.() ?? 'Export failed.' });
    }
  }

  return (
    <div className="export">
      <label htmlFor={id} className="visually-hidden">
        Export dataset
      </label>
      <select id={id} value={dataset} onChange={(e) => setDataset(e.target.value)}>
        {DATASETS.map((d) => (
          <option key={d.id} value={d.id}>
            {d.label}
          </option>
        ))}
      </select>
      <button type="button" className="button button-small button-secondary" onClick={download} disabled={state.busy} data-testid="export-csv">
        {state.busy ? 'Exporting…' : 'Export CSV'}
      </button>
      {state.error && (
        <span className="field-error" role="alert">
          {state.error}
        </span>
      )}
    </div>
  );
}
