import { computed } from 'vue';
import { me } from '../access/session';
import { isHubStaff } from './hub-staff';
import { useInstitutionParam } from './use-institution-param';

/**
 * The institutions whose overview the user may open (from their roles), and the chosen one, kept in
 * the address (`?instelling=`). Hub staff hold no institution role: they may choose any institution,
 * and none is chosen until they do; others get their first institution unless the address names another of theirs.
 */
export function useInstitutionChoice() {
  const param = useInstitutionParam();
  const institutions = computed(() => {
    const seen = new Map<string, { code: string; name: string }>();
    for (const role of me.value?.user.roles ?? []) {
      if (role.institution) seen.set(role.institution.code, { code: role.institution.code, name: role.institution.name });
    }
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  });
  const chosen = computed<string | null>({
    get: () => {
      if (isHubStaff()) return param.value;
      const code = param.value;
      return code && institutions.value.some((item) => item.code === code) ? code : (institutions.value[0]?.code ?? null);
    },
    set: (code) => {
      param.value = code;
    },
  });
  return { institutions, chosen };
}
