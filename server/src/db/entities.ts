import { DictionaryVersion } from '../dictionaries/dictionary-version.entity';
import { Institution } from '../institutions/institution.entity';
import { InstitutionUnit } from '../institutions/institution-unit.entity';
import { DeadlineRule } from '../registries/deadline-rule';
import { Registry } from '../registries/registry.entity';
import { SubDelivery } from '../registries/sub-delivery.entity';

/** Every entity, listed explicitly: no folder scanning, so tsc output and swc-run tests see the same set. */
export const entities = [Institution, InstitutionUnit, Registry, SubDelivery, DeadlineRule, DictionaryVersion];
