import { computed, type Ref } from 'vue';
import type { UploadFormQuery } from '../../../graphql/generated/graphql';
import { me } from '../../access/session';

/**
 * What the signed-in user may deliver, from their SUBMITTER roles: the choices of Bestanden
 * aanleveren's fields when a name is filled in by hand. The server checks it all again.
 */
export function useSubmitterChoices(form: Ref<UploadFormQuery | undefined>, chosen: { institutionCode: string; registry: string }) {
  const registries = computed(() => form.value?.registries ?? []);
  const submitterRoles = computed(() => (me.value?.user.roles ?? []).filter((role) => role.role === 'SUBMITTER' && role.institution));
  const institutionOptions = computed(() => {
    const seen = new Map<string, { code: string; name: string }>();
    for (const role of submitterRoles.value) if (role.institution) seen.set(role.institution.code, role.institution);
    return [...seen.values()].sort((a, b) => a.name.localeCompare(b.name));
  });
  const unitOptions = computed(() => form.value?.institutions.find((i) => i.code === chosen.institutionCode)?.units ?? []);
  const rolesHere = computed(() => submitterRoles.value.filter((role) => role.institution?.code === chosen.institutionCode));
  const registryOptions = computed(() => registries.value.filter((registry) => rolesHere.value.some((role) => role.registry?.code === registry.code)));
  /** `SubDelivery/version` values: versions are unique per sub-delivery, not per registry; only ACTIVE ones. */
  const dictionaryOptions = computed(() => {
    const registry = registries.value.find((r) => r.code === chosen.registry);
    if (!registry) return [];
    const roles = rolesHere.value.filter((role) => role.registry?.code === registry.code);
    const whole = roles.some((role) => !role.subDelivery);
    return registry.subDeliveries
      .filter((sub) => whole || roles.some((role) => role.subDelivery?.code === sub.code))
      .flatMap((sub) =>
        sub.dictionaryVersions
          .filter((version) => version.status === 'ACTIVE')
          .map((version) => ({ value: `${sub.code}/${version.version}`, label: `${sub.name} ${version.version}`, subDelivery: sub.code })),
      );
  });
  return { institutionOptions, unitOptions, registryOptions, dictionaryOptions };
}
