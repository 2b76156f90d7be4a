// @vitest-environment happy-dom
// Deleting a connection drops its comment drafts, and only its own.
import { beforeEach, describe, expect, it } from 'vitest';
import { commentDraftKey } from '../shared/comment-draft-keys';
import { POPUP_SNAPSHOT_KEY } from '../shared/storage-keys';
import { forgetCommentDrafts } from './comment-drafts';

beforeEach(() => localStorage.clear());

describe('forgetCommentDrafts', () => {
  it.each([
    ['c1', ['c10', 'c1-b', 'c', 'C1']],
    ['c-acme', ['c-acme2', 'c-acm', 'c-acme_old']],
  ])('drops every draft of %s and keeps those of %j', (id, others) => {
    localStorage.setItem(commentDraftKey(id, 'WEB-1'), 'typed on WEB-1');
    localStorage.setItem(commentDraftKey(id, 'OPS-12'), 'typed on OPS-12');
    for (const other of others) localStorage.setItem(commentDraftKey(other, 'WEB-1'), `typed on ${other}`);
    localStorage.setItem(POPUP_SNAPSHOT_KEY, '{}');
    localStorage.setItem(`unrelated.${id}:WEB-1`, 'x');

    forgetCommentDrafts(id);

    expect(localStorage.getItem(commentDraftKey(id, 'WEB-1'))).toBeNull();
    expect(localStorage.getItem(commentDraftKey(id, 'OPS-12'))).toBeNull();
    for (const other of others) expect(localStorage.getItem(commentDraftKey(other, 'WEB-1'))).toBe(`typed on ${other}`);
    expect(localStorage.getItem(POPUP_SNAPSHOT_KEY)).toBe('{}');
    expect(localStorage.getItem(`unrelated.${id}:WEB-1`)).toBe('x');
  });

  it('does nothing when the browser refuses the storage', () => {
    const refusing = {
      get length(): number {
        throw new DOMException('denied', 'SecurityError');
      },
    } as unknown as Storage;
    expect(() => forgetCommentDrafts('c1', refusing)).not.toThrow();
  });
});

describe('commentDraftKey', () => {
  it('puts a separator after the connection id, so no connection’s key starts with another’s', () => {
    expect(commentDraftKey('c1', 'WEB-1')).toBe('cfj.draft.c1:WEB-1');
    expect(commentDraftKey('c10', 'WEB-1').startsWith('cfj.draft.c1:')).toBe(false);
  });
});
