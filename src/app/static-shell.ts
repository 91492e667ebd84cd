// The first screen as static HTML, put into index.html's #root at build time
// (vite.config.ts): the header and the report list's frame paint before any script has
// run or IndexedDB has answered. React then renders the same frame in its place (App,
// ReportListPage before the store has read), so nothing moves; the list's cards fill
// in below. tests/e2e/first-load.spec.ts compares the two. Relative imports: the build
// config loads this file.
import { vi } from '../i18n/vi.ts';
import { hrefs } from './routes.ts';

const escape = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function staticShell(): string {
  return [
    `<a class="skip-link" href="#main">${escape(vi.skipToContent)}</a>`,
    '<header class="app-header">',
    `<a href="${hrefs.list}" class="app-name">${escape(vi.appName)}</a>`,
    `<span class="app-title">${escape(vi.appTitle)}</span>`,
    '<span class="header-tools">',
    '<span class="online-indicator online" role="status">',
    '<span aria-hidden="true" class="dot"></span>',
    `<span class="online-text">${escape(vi.pwa.online)}</span>`,
    '</span>',
    '<span class="install-slot install-in-header"></span>',
    `<a href="${hrefs.settings}" class="header-link">${escape(vi.settingsLink)}</a>`,
    '</span>',
    '</header>',
    '<div class="pwa-notices"></div>',
    '<main id="main" tabindex="-1">',
    '<span class="install-slot install-in-list"></span>',
    '<div class="report-list">',
    '<div class="list-head">',
    `<h1 tabindex="-1">${escape(vi.list.heading)}</h1>`,
    `<button type="button">+ ${escape(vi.list.create)}</button>`,
    '</div>',
    '<div role="status" aria-live="polite" class="notice-area"></div>',
    `<p class="list-loading">${escape(vi.list.loading)}</p>`,
    '</div>',
    '</main>',
  ].join('');
}
