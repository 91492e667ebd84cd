import { Component, type ReactNode } from 'react';
import { vi } from '@/i18n/vi';

// A render crash shows a calm message; typed text is already in IndexedDB (autosave).
export class ErrorBoundary extends Component<
  { children: ReactNode; message?: string },
  { hasError: boolean }
> {
  override state = { hasError: false };

  static getDerivedStateFromError() {
    return { hasError: true };
  }

  override render() {
    if (!this.state.hasError) return this.props.children;
    return (
      <div className="panel" role="alert">
        <p>{this.props.message ?? vi.errors.generic}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {vi.errors.reload}
        </button>
      </div>
    );
  }
}
