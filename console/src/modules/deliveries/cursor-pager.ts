import { computed, ref } from 'vue';

/**
 * Previous/next over a Relay-style connection whose cursors are opaque: the `after` of every page
 * seen so far is kept, so "previous" needs no backward cursor. `reset()` when the filter changes.
 */
export function useCursorPager() {
  const cursors = ref<(string | null)[]>([null]);
  const index = ref(0);
  const after = computed(() => cursors.value[index.value] ?? null);

  function next(endCursor: string | null | undefined): void {
    if (!endCursor) return;
    cursors.value = [...cursors.value.slice(0, index.value + 1), endCursor];
    index.value++;
  }
  function previous(): void {
    if (index.value > 0) index.value--;
  }
  function reset(): void {
    cursors.value = [null];
    index.value = 0;
  }
  return { after, page: computed(() => index.value + 1), next, previous, reset };
}
