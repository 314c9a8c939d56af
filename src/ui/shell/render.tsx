import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';

/** Mounts a page into the template's #root. */
export function renderPage(page: ReactNode): void {
  const container = document.getElementById('root');
  if (!container) throw new Error('The page template has no #root element');
  createRoot(container).render(<StrictMode>{page}</StrictMode>);
}
