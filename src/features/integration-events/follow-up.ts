/**
 * What a support engineer does next about an integration event, as m3ter's own Console offers it
 * (docs/m3ter-api.md §8): validation and perform errors → the run; a missing account mapping → create
 * the mapping, pre-filled; an authentication error → the config, to fix its connection; a disabled
 * integration → the config, to enable it. An unknown event, or one without the ids its follow-up
 * needs, has none (the row still shows, with its raw details one click away).
 */
import { readIntegrationEvent, type IntegrationEventFacts, type M3terEvent } from '../../api';
import { RUN_ENTITY_TYPES, type RunEntityType } from '../../api';

/** `/mappings/new`'s pre-fill (its search parameters, external-mappings/search-schema.ts). */
interface MappingPrefill {
  m3terEntity: string;
  m3terId: string;
  externalSystem?: string;
  externalTable?: string;
  integrationConfigId?: string;
}

export type FollowUp =
  | { kind: 'run'; label: string; runId: string }
  | { kind: 'history'; label: string; entityType: RunEntityType; entityId: string }
  | { kind: 'create-mapping'; label: string; prefill: MappingPrefill }
  | { kind: 'config'; label: string; configId: string };

/** `bill` → `Bill`: the run history's spelling of an entity type, or undefined for another type. */
export function runEntityType(value: string | undefined): RunEntityType | undefined {
  const lower = value?.trim().toLowerCase();
  return RUN_ENTITY_TYPES.find((t) => t.toLowerCase() === lower);
}

function toRun(facts: IntegrationEventFacts): FollowUp | null {
  if (facts.integrationRunId) {
    return { kind: 'run', label: 'Go to the run', runId: facts.integrationRunId };
  }
  const entityType = runEntityType(facts.entityType);
  if (entityType && facts.entityId) {
    return {
      kind: 'history',
      label: `Go to the ${entityType}’s run history`,
      entityType,
      entityId: facts.entityId,
    };
  }
  return null;
}

function toMapping(facts: IntegrationEventFacts): FollowUp | null {
  const m3terId = facts.m3terId ?? facts.accountId;
  if (!m3terId) return null;
  const prefill: MappingPrefill = { m3terEntity: facts.m3terEntity ?? 'Account', m3terId };
  const externalSystem = facts.externalSystem ?? facts.destination;
  if (externalSystem) prefill.externalSystem = externalSystem;
  if (facts.externalTable) prefill.externalTable = facts.externalTable;
  if (facts.integrationConfigId) prefill.integrationConfigId = facts.integrationConfigId;
  return { kind: 'create-mapping', label: 'Create external mapping', prefill };
}

function toConfig(facts: IntegrationEventFacts, label: string): FollowUp | null {
  return facts.integrationConfigId
    ? { kind: 'config', label, configId: facts.integrationConfigId }
    : null;
}

/** The follow-up of an event given its facts (`readIntegrationEvent(event.m3terEvent)`). */
export function followUpOf(eventName: string, facts: IntegrationEventFacts): FollowUp | null {
  switch (eventName) {
    case 'integration.validation.error':
    case 'integration.perform.error':
      return toRun(facts);
    case 'integration.missingaccountmapping.error':
      return toMapping(facts);
    case 'integration.authentication.error':
      return toConfig(facts, 'Fix the connection');
    case 'integration.disabled.error':
      return toConfig(facts, 'Enable the integration');
    default:
      return null;
  }
}

/** The follow-up of an event, or null when it has none. Pure. */
export function followUpFor(event: Pick<M3terEvent, 'eventName' | 'm3terEvent'>): FollowUp | null {
  return followUpOf(event.eventName, readIntegrationEvent(event.m3terEvent));
}
