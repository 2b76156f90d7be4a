// Which connection (or all) and which list the popup shows, remembered per connection in
// storage.local for the next opening.
import { useState } from 'preact/hooks';
import type { ListRef, PopupScope, SavedQuery } from '../../shared/issues';
import type { PopupState } from '../../shared/protocol/issues';
import { popupStateItem } from '../../shared/storage-items';
import { ASSIGNED, chooseList, type Boot } from '../boot';
import { writeLocal } from '../ext';

export function useViewChoice(init: Boot) {
  const [scope, setScope] = useState<PopupScope>(init.scope);
  const [list, setList] = useState<ListRef>(init.list);
  const [lists, setLists] = useState(init.lists);

  function remember(nextScope: PopupScope, nextLists: Record<string, ListRef>) {
    writeLocal({ [popupStateItem.key]: { scope: nextScope, lists: nextLists } satisfies PopupState });
  }

  return {
    scope,
    list,
    lists,
    setScope,
    setList,
    setLists,
    /** Another connection (or all): its remembered list. */
    chooseScope(next: PopupScope, savedQueries: SavedQuery[]) {
      setScope(next);
      setList(chooseList(next, lists, savedQueries));
      remember(next, lists);
    },
    /** Another list of the connection shown, remembered for it. */
    chooseList(next: ListRef) {
      setList(next);
      if (scope.kind === 'connection') {
        const nextLists = { ...lists, [scope.connectionId]: next };
        setLists(nextLists);
        remember(scope, nextLists);
      }
    },
    /** A saved query shown here that was removed or changed in the options page: the list follows. */
    followSavedQueries(saved: SavedQuery[]) {
      setList((l) => {
        if (l.kind !== 'saved') return l;
        const q = saved.find((x) => x.id === l.queryId);
        return q ? { kind: 'saved', queryId: q.id, name: q.name, jql: q.jql } : ASSIGNED;
      });
    },
  };
}
