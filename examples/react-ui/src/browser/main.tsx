// Runs in the browser: bundled by esbuild (see bundle-page.ts) when the page first asks for it.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { TripPlanner } from './trip-planner.js';

const root = document.getElementById('root');
if (root === null) throw new Error('The page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <TripPlanner />
  </StrictMode>,
);
