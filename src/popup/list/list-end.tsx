// One line of fixed height below the list, whatever it holds (nothing jumps): Load more while
// pages can come, why it stopped loading by itself, or the end of the list said plainly.
interface Props {
  count: number;
  canLoadMore: boolean;
  loadingMore: boolean;
  /** More is named, but the last page added nothing: only the button asks. */
  stalled: boolean;
  atEnd: boolean;
  onLoadMore(): void;
}

export function ListEnd({ count, canLoadMore, loadingMore, stalled, atEnd, onLoadMore }: Props) {
  return (
    <div class="list-end">
      {canLoadMore || loadingMore ? (
        <>
          {stalled && !loadingMore ? <span>Jira’s last page had no new issues.</span> : null}
          {/* aria-disabled, not disabled: a focused button keeps its focus while it loads. */}
          <button type="button" class="more" aria-disabled={loadingMore} onClick={() => !loadingMore && onLoadMore()}>
            {loadingMore ? 'Loading more…' : 'Load more'}
          </button>
        </>
      ) : atEnd ? (
        <span>End of the list: {count === 1 ? '1 issue' : `${count} issues`}.</span>
      ) : null}
    </div>
  );
}
