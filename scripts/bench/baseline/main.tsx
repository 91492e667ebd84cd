// The noise baseline of `npm run bench -- lighthouse` (scripts/bench/lighthouse.ts): the
// smallest React app, built by Vite and served by the app's own server like the app, so
// that what moves its score is the machine, not the app.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <main>
      <h1>Báo cáo của đơn vị</h1>
      <p>Chưa có báo cáo nào.</p>
    </main>
  </StrictMode>,
);
