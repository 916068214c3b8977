/**
 * Every section of a Solvimon integration, read-only (docs/solvimon-api.md §2), drawn from the table the
 * form edits (./form-fields.ts): each field under the form's label, its value as its kind reads, so a
 * field added there shows here too. Secrets only as "Set" / "Not set" (Decision 1). Mandates
 * (./mandates-view.tsx), custom tax codes and linked resources are lists the table does not hold; what
 * no one knows is under "Other fields" (./other-fields.tsx). Links from data go through
 * SafeExternalLink (http and https only).
 */
import { Code, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { valueAtPath, type SecretPath, type SolvimonIntegration } from '../../api/solvimon';
import { SafeExternalLink } from '../../components/safe-external-link';
import {
  AUTH_BLOCKS,
  AUTH_METHOD_FIELDS,
  AUTH_METHODS,
  PLAIN_SECRETS,
  SECTION_FIELDS,
  TAX_CODE_FIELD_LABELS,
  VARIANT_FIELDS,
  type ScalarField,
  type SectionId,
} from './form-fields';
import {
  applies,
  lowerFirst,
  SECTION_TITLES,
  sectionOfType,
  toFormValues,
  VARIANT_OBJECTS,
  type SolvimonFormValues,
} from './form-model';
import { solvimonTypeLabel } from './labels';
import { Mandate } from './mandates-view';
import { OtherFields } from './other-fields';
import {
  CopyableValue,
  Fact,
  Facts,
  NotSet,
  ReadTable,
  Secret,
  Section,
  YesNo,
} from './view-parts';

interface Scoped {
  section?: SectionId;
  variant?: string;
}
type Block = Scoped & { id: string; path: SecretPath; label: string };

const SECTIONS = Object.keys(VARIANT_FIELDS) as SectionId[];
const FIELDS: readonly ScalarField[] = [...Object.values(VARIANT_FIELDS), ...SECTION_FIELDS];
const SECRETS: readonly Block[] = PLAIN_SECRETS;
const BLOCKS: readonly Block[] = AUTH_BLOCKS;

/** A count said in its unit's fact: the delivery window reads "3 days", not "Days" and "3". */
const COUNTED_BY: Readonly<Record<string, string>> = { email_window_type: 'email_window_value' };
const COUNTS = new Set(Object.values(COUNTED_BY));

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isSet = (value: unknown) => value !== undefined && value !== null && value !== '';
const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Ids, keys and other values without spaces: monospace, to copy. */
const isIdLike = (field: ScalarField) =>
  field.kind === 'text' && (field.rule === 'noSpaces' || / id$/i.test(field.label));

/** A field's value as its kind reads: an option's label, Yes / No, a list, an id to copy. */
function FieldValue({
  field,
  integration,
}: {
  field: ScalarField;
  integration: SolvimonIntegration;
}) {
  const value = valueAtPath(integration, field.path);
  if (field.kind === 'switch' || typeof value === 'boolean') return <YesNo value={value} />;
  if (Array.isArray(value))
    return value.length === 0 ? <NotSet>None</NotSet> : <>{value.map(asText).join(', ')}</>;
  if (!isSet(value)) return <NotSet />;
  const text =
    field.kind === 'select'
      ? (field.optionLabels?.[asText(value)] ?? asText(value))
      : asText(value);
  if (isIdLike(field)) return <CopyableValue value={text} what={lowerFirst(field.label)} />;
  const count = FIELDS.find((f) => f.key === COUNTED_BY[field.key]);
  const n = count ? valueAtPath(integration, count.path) : undefined;
  if (typeof n !== 'number') return <>{text}</>;
  const unit = text.toLowerCase();
  return <>{`${n} ${n === 1 ? unit.replace(/s$/, '') : unit}`}</>;
}

/** The methods an authentication object holds: each with its non-secret field and its secret, set or not. */
function Credentials({ integration, block }: { integration: SolvimonIntegration; block: Block }) {
  const auth = valueAtPath(integration, block.path);
  const methods = AUTH_METHODS.filter((method) => isRecord(valueAtPath(auth, [method])));
  if (methods.length === 0) return <NotSet>No credentials</NotSet>;
  return (
    <Stack gap="sm">
      {methods.map((method) => {
        const fields = AUTH_METHOD_FIELDS[method];
        const shown = valueAtPath(auth, [method, fields.publicField]);
        return (
          <Facts key={method}>
            <Fact label="Method">{fields.label}</Fact>
            <Fact label={fields.publicLabel}>
              <CopyableValue
                value={typeof shown === 'string' ? shown : undefined}
                what={lowerFirst(fields.publicLabel)}
              />
            </Fact>
            <Fact label={fields.secretLabel}>
              <Secret
                integration={integration}
                path={[...block.path, method, fields.secretField]}
              />
            </Fact>
          </Facts>
        );
      })}
    </Stack>
  );
}

/**
 * What the table lists for a section (`variant` undefined) or one of its variants: the fields that
 * apply or hold a value and the secrets, `children`, each credentials block, then the other fields.
 */
function Scope({
  integration,
  values,
  section,
  variant,
  at,
  children,
}: {
  integration: SolvimonIntegration;
  values: SolvimonFormValues;
  section: SectionId;
  variant?: string;
  at: readonly string[];
  children?: ReactNode;
}) {
  const inScope = (item: Scoped) => item.section === section && item.variant === variant;
  const fields = FIELDS.filter(
    (field) =>
      inScope(field) &&
      !COUNTS.has(field.key) &&
      (applies({ when: field.when }, values) || isSet(valueAtPath(integration, field.path))),
  );
  return (
    <Stack gap="sm">
      <Facts>
        {fields.map((field) => (
          <Fact key={field.key} label={field.label}>
            <FieldValue field={field} integration={integration} />
          </Fact>
        ))}
        {SECRETS.filter(inScope).map((secret) => (
          <Fact key={secret.id} label={secret.label}>
            <Secret integration={integration} path={secret.path} />
          </Fact>
        ))}
        {children}
      </Facts>
      {BLOCKS.filter(inScope).map((block) => (
        <Section key={block.id} title={block.label} level={variant ? 4 : 3}>
          <Credentials integration={integration} block={block} />
        </Section>
      ))}
      <OtherFields value={valueAtPath(integration, at)} at={at} />
    </Stack>
  );
}

/** A section: its own fields, each variant present as a part of its own, mandates and tax codes. */
function SectionView({
  integration,
  section,
}: {
  integration: SolvimonIntegration;
  section: SectionId;
}) {
  const object = valueAtPath(integration, [section]);
  if (!isRecord(object))
    return <NotSet>No {SECTION_TITLES[section].toLowerCase()} settings</NotSet>;
  const values = toFormValues(integration);
  const mandates = integration.e_invoicing?.mandates ?? [];
  const codes = (integration.tax_calculation?.custom_tax_codes ?? [])
    .map(
      ({ field, value }) =>
        `${field ? (TAX_CODE_FIELD_LABELS[field] ?? field) : '(no field)'}: ${value ?? ''}`,
    )
    .join('; ');
  const scope = { integration, values, section };
  return (
    <Stack gap="sm">
      <Scope {...scope} at={[section]}>
        {section === 'e_invoicing' ? <Fact label="Mandates">{mandates.length}</Fact> : null}
        {section === 'tax_calculation' ? (
          <Fact label="Custom tax codes">{codes || <NotSet>None</NotSet>}</Fact>
        ) : null}
      </Scope>
      {Object.entries(VARIANT_OBJECTS[section])
        .filter(([, key]) => isRecord(object[key]))
        .map(([variant, key]) => (
          <Section
            key={key}
            title={VARIANT_FIELDS[section].optionLabels[variant] ?? variant}
            level={3}
          >
            <Scope {...scope} variant={variant} at={[section, key]} />
          </Section>
        ))}
      {section === 'e_invoicing'
        ? mandates.map((mandate, index) => <Mandate key={index} mandate={mandate} index={index} />)
        : null}
    </Stack>
  );
}

/** CUSTOMER → Customer. */
const inWords = (value: string) =>
  value.charAt(0) + value.slice(1).toLowerCase().replaceAll('_', ' ');

function LinkedResources({ integration }: { integration: SolvimonIntegration }) {
  const configs = integration.linked_resources_configurations ?? [];
  if (configs.length === 0) {
    return <NotSet>No Solvimon records link to records in the external system.</NotSet>;
  }
  return (
    <Stack gap="sm">
      <Text size="sm">
        A custom field on the Solvimon record holds the external id; the base URL followed by that
        value opens the external record.
      </Text>
      <ReadTable
        caption="Linked resources"
        columns={['Solvimon record', 'Custom field with the external id', 'Base URL']}
        rows={configs.flatMap((config) => {
          const type = config.resource_type ? inWords(config.resource_type) : '(no resource type)';
          const details = config.link_details ?? [];
          if (details.length === 0)
            return [[type, <NotSet key="none">No link details</NotSet>, null]];
          return details.map(({ custom_field_reference: field, base_url: url }) => [
            type,
            field ? <Code key="field">{field}</Code> : <NotSet key="field" />,
            url ? <SafeExternalLink key="url" href={url} /> : <NotSet key="url" />,
          ]);
        })}
      />
    </Stack>
  );
}

/**
 * The type's own section first (even when empty: it says so), then any other section the integration
 * carries, then its credentials and linked resources.
 */
export function SolvimonSectionsView({ integration }: { integration: SolvimonIntegration }) {
  const own = sectionOfType(integration.type);
  const others = SECTIONS.filter((key) => key !== own && isSet(integration[key]));
  return (
    <>
      {!own ? (
        <Section title={solvimonTypeLabel(integration.type)}>
          <Text size="sm">
            This console does not know the type {integration.type} yet: its settings are listed
            under “Other fields”.
          </Text>
        </Section>
      ) : null}
      {(own ? [own, ...others] : others).map((key) => (
        <Section key={key} title={SECTION_TITLES[key]}>
          <SectionView integration={integration} section={key} />
        </Section>
      ))}
      {BLOCKS.filter((block) => !block.section).map((block) => (
        <Section key={block.id} title={block.label}>
          <Stack gap="sm">
            <Credentials integration={integration} block={block} />
            <OtherFields value={valueAtPath(integration, block.path)} at={block.path} />
          </Stack>
        </Section>
      ))}
      <Section title="Linked resources">
        <LinkedResources integration={integration} />
      </Section>
    </>
  );
}
