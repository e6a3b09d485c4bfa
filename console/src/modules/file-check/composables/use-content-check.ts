import { computed, onBeforeUnmount, ref, shallowRef } from 'vue';
import { useI18n } from 'vue-i18n';
import { checkFile, DictionaryLoadError, type CheckOutcome, type CheckProgress, type CheckRequest } from '../check-file';

/**
 * A file's content checked in the browser by the same engine as processing, for "Bestand
 * controleren" and "Bestanden aanleveren" alike: progress while it reads, the outcome, a failure in
 * the user's words, and cancelling (also when the page is left).
 */
export function useContentCheck() {
  const { t } = useI18n();
  const running = ref(false);
  const progress = ref<CheckProgress | null>(null);
  const outcome = shallowRef<CheckOutcome | null>(null);
  const failure = ref<string | null>(null);
  let controller: AbortController | null = null;

  const percentage = computed(() => {
    const p = progress.value;
    return p && p.size > 0 ? Math.floor((p.bytesRead / p.size) * 100) : 0;
  });

  /** Forgets the last outcome and failure (a new file was chosen). */
  function reset(): void {
    outcome.value = null;
    failure.value = null;
  }

  function cancel(): void {
    controller?.abort();
  }

  /** Runs the check; true when it gave an outcome, false when it failed or was cancelled (`failure` says why). */
  async function run(request: Omit<CheckRequest, 'onProgress' | 'signal'>): Promise<boolean> {
    controller = new AbortController();
    const signal = controller.signal;
    running.value = true;
    progress.value = { pass: 1, bytesRead: 0, size: request.file.size };
    reset();
    try {
      const result = await checkFile({ ...request, onProgress: (p) => (progress.value = p), signal });
      // Findings are plain data read many times: kept out of Vue's deep reactivity.
      outcome.value = Object.freeze(result);
      return true;
    } catch (caught) {
      if (signal.aborted) failure.value = t('fileCheck.cancelled');
      else if (caught instanceof DictionaryLoadError) failure.value = t('fileCheck.loadFailed');
      else {
        failure.value = t('fileCheck.failed');
        console.error(caught);
      }
      return false;
    } finally {
      running.value = false;
      controller = null;
    }
  }

  onBeforeUnmount(cancel);
  return { running, progress, outcome, failure, percentage, run, reset, cancel };
}
