import { useLayoutEffect, useRef } from 'react';
import { usePendingFocus } from './use-pending-focus';

// A list that is one answer (a group's entries, a field's photos), edited in place: every
// change hands the new list to the form. `valueRef` is the list as last handed over, so
// that async callbacks (undo, photos being added) build on it rather than on the value of
// an older render. `keyOf` tells an item apart from the others wherever it moves.
export function useListEditor<T>(
  value: T[],
  onChange: (next: T[]) => void,
  keyOf: (item: T) => string,
) {
  const valueRef = useRef(value);
  const focusAfterRender = usePendingFocus(value);

  useLayoutEffect(() => {
    valueRef.current = value;
  }, [value]);

  const commit = (next: T[]) => {
    valueRef.current = next;
    onChange(next);
  };

  // Swaps an item with its neighbour. `buttonId` names the move button of the position
  // the item moved to, backward (up, left) or forward (down, right).
  const move = (
    index: number,
    by: -1 | 1,
    buttonId: (to: number, isBackward: boolean) => string,
  ) => {
    const list = [...valueRef.current];
    const to = index + by;
    if (to < 0 || to >= list.length) return;
    [list[index], list[to]] = [list[to]!, list[index]!];
    commit(list);
    // Keep focus on the button that was pressed, or its twin once it is disabled.
    const isAtEnd = by === -1 ? to === 0 : to === list.length - 1;
    const movedKey = keyOf(list[to]!);
    focusAfterRender(buttonId(to, (by === -1) !== isAtEnd), (rendered) => {
      const item = rendered[to];
      return item !== undefined && keyOf(item) === movedKey;
    });
  };

  return { valueRef, commit, focusAfterRender, move };
}
