import { useEffect } from 'react';

export function useDocumentTitle(title) {
  useEffect(() => {
    document.title = title ? `${title} · Tracking System` : 'Tracking System';
  }, [title]);
}
