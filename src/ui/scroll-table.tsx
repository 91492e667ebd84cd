// A table that scrolls sideways inside its own keyboard-reachable region (so the page
// never does at 360 px), with a sticky first column and a header row of column names.
import type { ReactNode } from 'react';

export function ScrollTable(props: {
  label: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  const [first, ...rest] = props.columns;
  return (
    <div className="table-scroll" role="region" aria-label={props.label} tabIndex={0}>
      <table>
        <thead>
          <tr>
            <th scope="col" className="sticky-col">
              {first}
            </th>
            {rest.map((column) => (
              <th scope="col" key={column}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{props.children}</tbody>
      </table>
    </div>
  );
}
