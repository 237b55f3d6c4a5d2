import type { FilterChange, ListChange } from '../filter-draft.ts';

function Changes<T extends string | number>({
  label,
  change,
}: {
  label: string;
  change: ListChange<T>;
}) {
  if (change.added.length === 0 && change.removed.length === 0) return null;
  return (
    <div className="stack-sm">
      <h3>{label}</h3>
      <div className="chip-list">
        {change.added.map((x) => (
          <span key={`+${x}`} className="chip chip-add">
            + {x}
          </span>
        ))}
        {change.removed.map((x) => (
          <span key={`-${x}`} className="chip chip-remove">
            − {x}
          </span>
        ))}
      </div>
    </div>
  );
}

export function FilterPreview({ change }: { change: FilterChange }) {
  if (change.none) return <p>Nothing changes.</p>;
  return (
    <div className="stack" data-testid="filter-preview">
      {change.allowAll ? (
        <p>
          Allow all: <strong>{change.allowAll.from ? 'on' : 'off'}</strong> →{' '}
          <strong>{change.allowAll.to ? 'on' : 'off'}</strong>
          {change.allowAll.to
            ? ' — every device that dials in is accepted; the lists below are ignored.'
            : ''}
        </p>
      ) : null}
      <Changes label="Device IDs" change={change.deviceIDs} />
      <Changes label="IP addresses" change={change.IPAddrs} />
      <Changes label="Subnet masks" change={change.subnetMasks} />
    </div>
  );
}
