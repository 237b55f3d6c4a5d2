import { Link } from 'react-router';
import { EmptyState } from '../ui/empty-state.tsx';

export function Component() {
  return (
    <EmptyState title="Page not found">
      <p>
        <Link to="/">Back to the overview</Link>
      </p>
    </EmptyState>
  );
}
