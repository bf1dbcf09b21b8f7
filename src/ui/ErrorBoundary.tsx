import { Component, type ErrorInfo, type ReactNode } from 'react';

/** Keeps a failing part of the page from blanking the rest: shows what broke and a way back. */
export class ErrorBoundary extends Component<{ where: string; children: ReactNode }, { error: Error | null }> {
  override state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.warn(`Error in ${this.props.where}:`, error, info.componentStack);
  }

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className="crash" role="alert">
        <strong>Something went wrong in {this.props.where}.</strong>
        <p>{this.state.error.message}</p>
        <p>Your text is saved locally and in the address.</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </div>
    );
  }
}
