/**
 * The rules a mapping must meet before it is sent, shared by the single-mapping form and bulk create so
 * both say the same thing about the same input.
 *
 * m3ter's rule for every text field of ExternalMappingRequest (docs/m3ter-api.md §5.1): not empty, no leading or
 * trailing whitespace, no control characters. On top of it, the console checks what it can know from
 * the mapping configuration (entities, systems, tables) and the org's integration configs, because
 * m3ter would otherwise accept a mapping no integration ever reads.
 */
import {
  isUuid,
  type ExternalMappingConfiguration,
  type ExternalSystem,
  type IntegrationConfig,
} from '../../api';

/** The editable fields of a mapping, as the form holds them. `integrationConfigId` '' = none. */
export interface MappingFields {
  m3terEntity: string;
  m3terId: string;
  externalSystem: string;
  externalTable: string;
  externalId: string;
  integrationConfigId: string;
}

export type MappingFieldName = keyof MappingFields;

/** The fields in the order the staged form asks for them. */
export const MAPPING_FIELD_ORDER: readonly MappingFieldName[] = [
  'm3terEntity',
  'm3terId',
  'externalSystem',
  'externalTable',
  'externalId',
  'integrationConfigId',
];

export const MAPPING_FIELD_LABELS: Record<MappingFieldName, string> = {
  m3terEntity: 'm3ter entity',
  m3terId: 'm3ter id',
  externalSystem: 'External system',
  externalTable: 'External table',
  externalId: 'External id',
  integrationConfigId: 'Integration config',
};

/** Longest text the console sends; m3ter states no limit, this only stops accidental pastes. */
const MAX_MAPPING_TEXT = 200;

const CONTROL_CHAR = /\p{Cc}/u;

function describeControlChar(char: string): string {
  if (char === '\t') return 'a tab';
  if (char === '\n' || char === '\r') return 'a line break';
  return `control character U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/**
 * m3ter's text rule, as a message for the field; null when the value passes. `what` names the field in
 * the "required" message ("the external id").
 */
export function mappingTextIssue(value: string, what: string): string | null {
  if (value.trim() === '') return `Enter ${what}.`;
  const control = CONTROL_CHAR.exec(value);
  if (control) {
    return `Remove ${describeControlChar(control[0])} (position ${control.index + 1}): m3ter does not accept control characters.`;
  }
  if (value !== value.trimStart())
    return 'Remove the space at the start: m3ter does not accept it.';
  if (value !== value.trimEnd()) return 'Remove the space at the end: m3ter does not accept it.';
  if (value.length > MAX_MAPPING_TEXT) return `Keep it to ${MAX_MAPPING_TEXT} characters or fewer.`;
  return null;
}

/** What the checks can know beyond the value itself. Anything absent is not checked. */
export interface MappingRuleContext {
  configuration?: ExternalMappingConfiguration | undefined;
  /** The org's integration configs, to check a linked config exists and sends to the system. */
  configs?: readonly IntegrationConfig[] | undefined;
  /**
   * The values the mapping has now (edit): they stay acceptable even when the configuration no longer
   * lists them, so an old mapping can be corrected one field at a time.
   */
  current?: MappingFields | undefined;
}

export function sameName(a: string, b: string): boolean {
  return a.localeCompare(b, undefined, { sensitivity: 'accent' }) === 0;
}

/** The configuration's entry for a system name (exact name first, then ignoring case). */
export function findSystem(
  configuration: ExternalMappingConfiguration | undefined,
  name: string,
): ExternalSystem | undefined {
  const systems = configuration?.externalSystems ?? [];
  return systems.find((s) => s.name === name) ?? systems.find((s) => sameName(s.name, name));
}

/** Integration configs a mapping to `system` may link to: those whose destination is that system. */
export function configsForSystem(
  configs: readonly IntegrationConfig[],
  system: string,
): IntegrationConfig[] {
  if (system.trim() === '') return [];
  return configs.filter((c) => sameName(c.destination, system));
}

function listed(values: readonly string[], value: string): boolean {
  return values.includes(value);
}

/**
 * The first problem with one field, or null. Checks only that field (plus what it depends on: the
 * table on the system, the linked config on the system), so the staged form can ask field by field.
 */
export function mappingFieldIssue(
  name: MappingFieldName,
  values: MappingFields,
  context: MappingRuleContext = {},
): string | null {
  const { configuration, configs, current } = context;
  const value = values[name];
  const unchanged = current !== undefined && current[name] === value;
  switch (name) {
    case 'm3terEntity': {
      const issue = mappingTextIssue(value, 'the m3ter entity');
      if (issue) return issue;
      const entities = configuration?.m3terEntities;
      if (entities && !unchanged && !listed(entities, value)) {
        return `m3ter does not map "${value}". Choose one of: ${entities.join(', ')}.`;
      }
      return null;
    }
    case 'm3terId': {
      const issue = mappingTextIssue(value, 'the m3ter id');
      if (issue) return issue;
      if (!isUuid(value)) {
        return 'Enter the id of the m3ter entity, a UUID like 3f2a6c1e-8b4d-4e5f-9a6b-7c8d9e0f1a2b.';
      }
      return null;
    }
    case 'externalSystem': {
      const issue = mappingTextIssue(value, 'the external system');
      if (issue) return issue;
      if (configuration && !unchanged && !findSystem(configuration, value)) {
        const names = configuration.externalSystems.map((s) => s.name).join(', ');
        return `"${value}" is not an external system of this organisation. Choose one of: ${names}.`;
      }
      return null;
    }
    case 'externalTable': {
      const issue = mappingTextIssue(value, 'the external table');
      if (issue) return issue;
      const system = findSystem(configuration, values.externalSystem);
      const sameAsBefore =
        unchanged && current !== undefined && current.externalSystem === values.externalSystem;
      if (system && !system.allowCustomExternalTables && !sameAsBefore) {
        const tables = system.tables ?? [];
        if (!listed(tables, value)) {
          return `${system.name} has no table "${value}". Choose one of: ${tables.join(', ')}.`;
        }
      }
      return null;
    }
    case 'externalId':
      return mappingTextIssue(value, 'the external id');
    case 'integrationConfigId': {
      if (value === '') return null;
      if (!isUuid(value)) return 'Not an integration config id (expected a UUID).';
      if (configs && !(unchanged && current?.externalSystem === values.externalSystem)) {
        const config = configs.find((c) => c.id === value);
        if (!config) return 'No integration config with this id.';
        if (!sameName(config.destination, values.externalSystem)) {
          return `This config sends to ${config.destination}, not ${values.externalSystem || 'the chosen system'}.`;
        }
      }
      return null;
    }
  }
}

/** Every field's first problem; an empty object when the mapping may be sent. */
export function mappingIssues(
  values: MappingFields,
  context: MappingRuleContext = {},
): Partial<Record<MappingFieldName, string>> {
  const issues: Partial<Record<MappingFieldName, string>> = {};
  for (const name of MAPPING_FIELD_ORDER) {
    const issue = mappingFieldIssue(name, values, context);
    if (issue) issues[name] = issue;
  }
  return issues;
}

/**
 * The identity m3ter's integrations look a mapping up by: the same m3ter entity and id mapped twice to
 * one system's table is (almost always) a mistake. Case-insensitive on names, exact on ids.
 */
export function duplicateKey(
  values: Pick<MappingFields, 'm3terEntity' | 'm3terId' | 'externalSystem' | 'externalTable'>,
): string {
  return [
    values.m3terEntity.toLowerCase(),
    values.m3terId.toLowerCase(),
    values.externalSystem.toLowerCase(),
    values.externalTable.toLowerCase(),
  ].join('\u0000');
}
