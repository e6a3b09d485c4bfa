import { computed, ref, watch } from 'vue';
import { me } from '../access/session';

/** The institutions whose overview the user may open (from their roles), and the chosen one. */
export function useInstitutionChoice() {
  const institutions = computed(() => {
    const seen = new Map<string, { code: string; name: string }>();
    for (const role of me.value?.user.roles ?? []) {
      if (role.institution) seen.set(role.institution.code, { code: role.institution.code, name: role.institution.name });
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  });
  const chosen = ref<string | null>(institutions.value[0]?.code ?? null);
  watch(institutions, (list) => {
    if (!chosen.value || !list.some((item) => item.code === chosen.value)) chosen.value = list[0]?.code ?? null;
  });
  return { institutions, chosen };
}
