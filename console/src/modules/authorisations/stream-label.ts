/** A link's stream as people name it: the registry, or registry/sub-delivery. */
export function streamLabel(link: { registry: { code: string }; subDelivery?: { code: string } | null }): string {
  return link.subDelivery ? `${link.registry.code}/${link.subDelivery.code}` : link.registry.code;
}
