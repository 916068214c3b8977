/**
 * Every section of a Solvimon integration, read-only (docs/solvimon-api.md §2). Secrets are shown only
 * as "Set" / "Not set" (Decision 1): `isSolvimonSecretSet` reads whether one is there, its value is
 * never rendered. Links from data go through SafeExternalLink (http and https only).
 */
import {
  Badge,
  Code,
  Group,
  List,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { useId, type ReactNode } from 'react';
import {
  isSolvimonSecretSet,
  SOLVIMON_SECTION_OF_TYPE,
  type SecretPath,
  type SolvimonAuthentication,
  type SolvimonIntegration,
  type SolvimonMandate,
} from '../../api/solvimon';
import { CopyButton } from '../../components/copy-button';
import { READABLE_TEXT } from '../../components/readable';
import { SafeExternalLink } from '../../components/safe-external-link';
import { isKnownSolvimonType, solvimonTypeLabel, solvimonVariantLabel } from './labels';

type JsonRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One fact of a description list: a label and its value. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed" fw={600} tt="uppercase" component="dt">
        {label}
      </Text>
      <Text size="sm" component="dd" m={0} style={{ wordBreak: 'break-word' }}>
        {children}
      </Text>
    </div>
  );
}

function NotSet({ children = 'Not set' }: { children?: ReactNode }) {
  return (
    <Text span size="sm" c="dimmed">
      {children}
    </Text>
  );
}

/** Text, or "Not set" for an absent or empty value. */
function Value({ value, mono = false }: { value: string | null | undefined; mono?: boolean }) {
  if (value === undefined || value === null || value === '') return <NotSet />;
  return mono ? (
    <Text span size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
      {value}
    </Text>
  ) : (
    <>{value}</>
  );
}

/** An id or key with a copy button. */
export function CopyableValue({ value, what }: { value: string | null | undefined; what: string }) {
  if (!value) return <NotSet />;
  return (
    <Group gap={4} wrap="nowrap" component="span">
      <Text span size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
        {value}
      </Text>
      <CopyButton value={value} label={`Copy ${what}`} />
    </Group>
  );
}

function YesNo({ value }: { value: boolean | null | undefined }) {
  if (value === undefined || value === null) return <NotSet />;
  return <>{value ? 'Yes' : 'No'}</>;
}

/** A secret: whether Solvimon holds one, never what it is. */
function Secret({ integration, path }: { integration: SolvimonIntegration; path: SecretPath }) {
  const set = isSolvimonSecretSet(integration, path);
  return (
    <Badge
      variant="outline"
      color={set ? 'teal' : 'gray'}
      c={READABLE_TEXT}
      tt="none"
      size="sm"
      radius="sm"
      title={
        set
          ? 'Solvimon holds a value; it is never shown. Edit the integration to replace or clear it.'
          : 'Solvimon holds no value for it.'
      }
    >
      {set ? 'Set' : 'Not set'}
    </Badge>
  );
}

/** A grid of Facts as one description list. */
export function Facts({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid
      cols={{ base: 1, sm: 2, lg: 3 }}
      spacing="md"
      verticalSpacing="sm"
      component="dl"
      m={0}
    >
      {children}
    </SimpleGrid>
  );
}

/** A titled part of the page; `level` 2 for a section, 3 inside one. */
export function Section({
  title,
  level = 2,
  children,
  action,
}: {
  title: string;
  level?: 2 | 3 | 4;
  children: ReactNode;
  action?: ReactNode;
}) {
  const id = useId();
  const body = (
    <>
      <Group justify="space-between" mb="sm" wrap="nowrap" align="flex-start">
        <Title order={level} size={level === 2 ? 'h4' : 'h5'} id={id}>
          {title}
        </Title>
        {action}
      </Group>
      {children}
    </>
  );
  return level === 2 ? (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={id}>
      {body}
    </Paper>
  ) : (
    <Paper withBorder p="sm" radius="sm" component="section" aria-labelledby={id}>
      {body}
    </Paper>
  );
}

const WORDS: Readonly<Record<string, string>> = {
  LIVE: 'Live',
  TEST: 'Test',
  PLATFORM: 'Platform',
  SYSTEM: 'System',
  ACCESS_KEY_AND_SECRET: 'Access key and secret',
  IAM_ROLE: 'IAM role',
  INVOICE_COMMITMENT: 'Invoice commitment',
  PRODUCT_FALLBACK: 'Product fallback',
  US: 'US',
  EU: 'EU',
  CUSTOMER: 'Customer',
  CONTACT: 'Contact',
  PRODUCT: 'Product',
};

/** A known enum value in words; anything else as Solvimon sent it. */
const word = (value: string | null | undefined): string | undefined =>
  value ? (WORDS[value] ?? value) : undefined;

const COMPARATORS: Readonly<Record<string, string>> = {
  EQUALS: 'equals',
  NOT_EQUALS: 'does not equal',
  IN: 'is one of',
  NOT_IN: 'is not one of',
  GREATER_THAN: 'is greater than',
  GREATER_THAN_OR_EQUALS: 'is at least',
  LESS_THAN: 'is less than',
  LESS_THAN_OR_EQUALS: 'is at most',
  EMPTY: 'is empty',
  NOT_EMPTY: 'is not empty',
  CONTAINS: 'contains',
  NOT_CONTAINS: 'does not contain',
};

const WITHOUT_VALUE = new Set(['EMPTY', 'NOT_EMPTY']);

const PERIODS: Readonly<Record<string, [string, string]>> = {
  DAY: ['day', 'days'],
  WEEK: ['week', 'weeks'],
  MONTH: ['month', 'months'],
  YEAR: ['year', 'years'],
};

function TextList({ items }: { items: readonly string[] | null | undefined }) {
  if (!items || items.length === 0) return <NotSet>None</NotSet>;
  return <>{items.join(', ')}</>;
}

// ---------------------------------------------------------------------------------------------
// authentication (the integration's own, and the ones inside Adyen's details)

/** The methods an authentication object holds, in words, with their non-secret fields. */
function AuthenticationFacts({
  integration,
  auth,
  at,
}: {
  integration: SolvimonIntegration;
  auth: SolvimonAuthentication | null | undefined;
  /** Where it sits in the integration, for the secret paths. */
  at: SecretPath;
}) {
  const methods: ReactNode[] = [];
  if (auth?.api_key) {
    methods.push(
      <Facts key="api_key">
        <Fact label="Method">API key</Fact>
        <Fact label="Header">
          <Value value={auth.api_key.header} mono />
        </Fact>
        <Fact label="Key">
          <Secret integration={integration} path={[...at, 'api_key', 'value']} />
        </Fact>
      </Facts>,
    );
  }
  if (auth?.client_credentials) {
    methods.push(
      <Facts key="client_credentials">
        <Fact label="Method">Client credentials</Fact>
        <Fact label="Client id">
          <Value value={auth.client_credentials.client_id} mono />
        </Fact>
        <Fact label="Client secret">
          <Secret integration={integration} path={[...at, 'client_credentials', 'client_secret']} />
        </Fact>
      </Facts>,
    );
  }
  if (auth?.username_password) {
    methods.push(
      <Facts key="username_password">
        <Fact label="Method">Username and password</Fact>
        <Fact label="Username">
          <Value value={auth.username_password.username} mono />
        </Fact>
        <Fact label="Password">
          <Secret integration={integration} path={[...at, 'username_password', 'password']} />
        </Fact>
      </Facts>,
    );
  }
  if (methods.length === 0) return <NotSet>No credentials</NotSet>;
  return <Stack gap="sm">{methods}</Stack>;
}

// ---------------------------------------------------------------------------------------------
// payment_gateway

function PaymentGateway({ integration }: { integration: SolvimonIntegration }) {
  const gateway = integration.payment_gateway;
  if (!gateway) return <NotSet>No payment gateway settings</NotSet>;
  const { stripe, adyen } = gateway;
  return (
    <Stack gap="sm">
      <Facts>
        <Fact label="Variant">
          <Value value={gateway.variant ? solvimonVariantLabel(gateway.variant) : null} />
        </Fact>
      </Facts>
      {stripe ? (
        <Section title="Stripe" level={3}>
          <Facts>
            <Fact label="Publishable key">
              <CopyableValue value={stripe.public_key} what="publishable key" />
            </Fact>
            <Fact label="Webhook signing secret">
              <Secret
                integration={integration}
                path={['payment_gateway', 'stripe', 'signing_secret']}
              />
            </Fact>
          </Facts>
          <OtherFields value={stripe} known={['public_key', 'signing_secret']} />
        </Section>
      ) : null}
      {adyen ? (
        <Section title="Adyen" level={3}>
          <Stack gap="sm">
            <Facts>
              <Fact label="Company account">
                <Value value={adyen.company_account} />
              </Fact>
              <Fact label="Environment">
                <Value value={word(adyen.environment)} />
              </Fact>
              <Fact label="Live URL prefix">
                <Value value={adyen.live_prefix} mono />
              </Fact>
              <Fact label="Merchant accounts">
                <TextList items={adyen.merchant_accounts} />
              </Fact>
              <Fact label="Client key">
                <CopyableValue value={adyen.public_key} what="client key" />
              </Fact>
              <Fact label="HMAC signing secret">
                <Secret
                  integration={integration}
                  path={['payment_gateway', 'adyen', 'signing_secret']}
                />
              </Fact>
              <Fact label="Ownership">
                <Value value={word(adyen.ownership)} />
              </Fact>
              <Fact label="Enabled payment methods">
                <TextList items={adyen.enabled_payment_methods} />
              </Fact>
            </Facts>
            {adyen.system_ownership_details ? (
              <Section title="System ownership details" level={4}>
                <Facts>
                  <Fact label="Account holder id">
                    <Value value={adyen.system_ownership_details.account_holder_id} mono />
                  </Fact>
                  <Fact label="Balance account id">
                    <Value value={adyen.system_ownership_details.balance_account_id} mono />
                  </Fact>
                  <Fact label="Legal entity id">
                    <Value value={adyen.system_ownership_details.legal_entity_id} mono />
                  </Fact>
                  <Fact label="Store id">
                    <Value value={adyen.system_ownership_details.store_id} mono />
                  </Fact>
                </Facts>
              </Section>
            ) : null}
            {adyen.balance_platform_details ? (
              <Section title="Balance platform" level={4}>
                <Stack gap="sm">
                  <Facts>
                    <Fact label="Account">
                      <Value value={adyen.balance_platform_details.account} mono />
                    </Fact>
                  </Facts>
                  <AuthenticationFacts
                    integration={integration}
                    auth={adyen.balance_platform_details.authentication}
                    at={['payment_gateway', 'adyen', 'balance_platform_details', 'authentication']}
                  />
                </Stack>
              </Section>
            ) : null}
            {adyen.legal_entity_manager_details ? (
              <Section title="Legal entity management" level={4}>
                <AuthenticationFacts
                  integration={integration}
                  auth={adyen.legal_entity_manager_details.authentication}
                  at={[
                    'payment_gateway',
                    'adyen',
                    'legal_entity_manager_details',
                    'authentication',
                  ]}
                />
              </Section>
            ) : null}
            <OtherFields
              value={adyen}
              known={[
                'company_account',
                'environment',
                'live_prefix',
                'merchant_accounts',
                'public_key',
                'signing_secret',
                'ownership',
                'system_ownership_details',
                'balance_platform_details',
                'legal_entity_manager_details',
                'enabled_payment_methods',
              ]}
            />
          </Stack>
        </Section>
      ) : null}
      <OtherFields value={gateway} known={['variant', 'stripe', 'adyen']} />
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// e_invoicing

type MandateCondition = NonNullable<
  NonNullable<SolvimonMandate['condition_groups']>[number]['conditions']
>[number];

function Condition({ condition }: { condition: MandateCondition }) {
  const comparator = condition.comparator_type ?? undefined;
  const words = comparator ? (COMPARATORS[comparator] ?? comparator) : 'compared with';
  const showValue = !comparator || !WITHOUT_VALUE.has(comparator);
  return (
    <>
      <Code>{condition.field || '(no field)'}</Code> {words}
      {showValue ? (
        <>
          {' '}
          <Code>{condition.value ?? ''}</Code>
        </>
      ) : null}
    </>
  );
}

function Mandate({ mandate, index }: { mandate: SolvimonMandate; index: number }) {
  const groups = mandate.condition_groups ?? [];
  const mappings = mandate.mappings ?? [];
  const formats = mandate.supported_file_formats ?? [];
  return (
    <Section title={mandate.name || `Mandate ${index + 1}`} level={3}>
      <Stack gap="sm">
        <Facts>
          <Fact label="Country">
            <Value value={mandate.country} />
          </Fact>
          <Fact label="PDF included in the e-invoice">
            <YesNo value={mandate.include_pdf_in_einvoice} />
          </Fact>
          <Fact label="Supported file formats">
            {formats.length === 0 ? (
              <NotSet>None listed</NotSet>
            ) : (
              formats.map((f) => [f.type, f.description].filter(Boolean).join(' — ')).join('; ')
            )}
          </Fact>
        </Facts>

        <div>
          <Title order={4} size="h6" mb={4}>
            When it applies
          </Title>
          {groups.length === 0 ? (
            <Text size="sm">No condition groups.</Text>
          ) : (
            <>
              <Text size="sm" mb={4}>
                It applies when any group matches; a group matches when all its conditions do.
              </Text>
              <List size="sm" spacing={4}>
                {groups.map((group, g) => {
                  const conditions = group.conditions ?? [];
                  return (
                    <List.Item key={g}>
                      <Text span size="sm" fw={600}>
                        Group {g + 1}
                      </Text>
                      {conditions.length === 0 ? (
                        <Text span size="sm">
                          : no conditions
                        </Text>
                      ) : (
                        <>
                          <Text span size="sm">
                            {' '}
                            (all of):
                          </Text>
                          <List size="sm" withPadding spacing={2}>
                            {conditions.map((condition, c) => (
                              <List.Item key={c}>
                                <Condition condition={condition} />
                              </List.Item>
                            ))}
                          </List>
                        </>
                      )}
                    </List.Item>
                  );
                })}
              </List>
            </>
          )}
        </div>

        <div>
          <Title order={4} size="h6" mb={4}>
            Field mappings
          </Title>
          {mappings.length === 0 ? (
            <Text size="sm">None: Solvimon’s defaults for this mandate apply.</Text>
          ) : (
            <>
              <Text size="sm" mb={4}>
                Merged with Solvimon’s defaults for this mandate.
              </Text>
              <Table.ScrollContainer minWidth={520} type="native">
                <Table verticalSpacing={4} fz="sm">
                  <Table.Caption className="visually-hidden">
                    Field mappings of {mandate.name || `mandate ${index + 1}`}
                  </Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">E-invoice field (UBL)</Table.Th>
                      <Table.Th scope="col">From Solvimon field</Table.Th>
                      <Table.Th scope="col">Description</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {mappings.map((m, i) => (
                      <Table.Tr key={i}>
                        <Table.Td>
                          <Code>{m.target ?? ''}</Code>
                        </Table.Td>
                        <Table.Td>
                          <Code>{m.source ?? ''}</Code>
                        </Table.Td>
                        <Table.Td>{m.description ?? ''}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </>
          )}
        </div>
        <OtherFields
          value={mandate}
          known={[
            'name',
            'country',
            'mappings',
            'condition_groups',
            'include_pdf_in_einvoice',
            'supported_file_formats',
          ]}
        />
      </Stack>
    </Section>
  );
}

function EInvoicing({ integration }: { integration: SolvimonIntegration }) {
  const einvoicing = integration.e_invoicing;
  if (!einvoicing) return <NotSet>No e-invoicing settings</NotSet>;
  const mandates = einvoicing.mandates ?? [];
  return (
    <Stack gap="sm">
      <Facts>
        <Fact label="Processor">
          <Value value={einvoicing.processor ? solvimonVariantLabel(einvoicing.processor) : null} />
        </Fact>
        <Fact label="Mandates">{mandates.length}</Fact>
      </Facts>
      {mandates.map((mandate, index) => (
        <Mandate key={index} mandate={mandate} index={index} />
      ))}
      <OtherFields value={einvoicing} known={['processor', 'mandates']} />
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// data_export

function DataExport({ integration }: { integration: SolvimonIntegration }) {
  const exp = integration.data_export;
  if (!exp) return <NotSet>No data export settings</NotSet>;
  const { s3, bigquery, gcs, snowflake } = exp;
  return (
    <Stack gap="sm">
      <Facts>
        <Fact label="Variant">
          <Value value={exp.variant ? solvimonVariantLabel(exp.variant) : null} />
        </Fact>
        <Fact label="Transport type">
          <Value value={exp.transport_type} />
        </Fact>
      </Facts>
      {s3 ? (
        <Section title="Amazon S3" level={3}>
          <Facts>
            <Fact label="Bucket">
              <Value value={s3.bucket_name} mono />
            </Fact>
            <Fact label="Path">
              <Value value={s3.bucket_path} mono />
            </Fact>
            <Fact label="Region">
              <Value value={s3.bucket_region} mono />
            </Fact>
            <Fact label="Authentication">
              <Value value={word(s3.authentication_type)} />
            </Fact>
            <Fact label="Role ARN">
              <Value value={s3.role_arn} mono />
            </Fact>
            <Fact label="External id">
              <Value value={s3.external_id} mono />
            </Fact>
          </Facts>
          <OtherFields
            value={s3}
            known={[
              'bucket_name',
              'bucket_path',
              'bucket_region',
              'authentication_type',
              'role_arn',
              'external_id',
            ]}
          />
        </Section>
      ) : null}
      {bigquery ? (
        <Section title="BigQuery" level={3}>
          <Facts>
            <Fact label="Project id">
              <Value value={bigquery.project_id} mono />
            </Fact>
            <Fact label="Dataset id">
              <Value value={bigquery.dataset_id} mono />
            </Fact>
            <Fact label="Dataset location">
              <Value value={bigquery.dataset_location} />
            </Fact>
            <Fact label="Staging bucket (GCS)">
              <Value value={bigquery.gcs_bucket_name} mono />
            </Fact>
            <Fact label="HMAC key access id">
              <Value value={bigquery.gcs_hmac_key_access_id} mono />
            </Fact>
            <Fact label="HMAC key secret">
              <Secret
                integration={integration}
                path={['data_export', 'bigquery', 'gcs_hmac_key_secret']}
              />
            </Fact>
          </Facts>
          <OtherFields
            value={bigquery}
            known={[
              'project_id',
              'dataset_id',
              'dataset_location',
              'gcs_bucket_name',
              'gcs_hmac_key_access_id',
              'gcs_hmac_key_secret',
            ]}
          />
        </Section>
      ) : null}
      {gcs ? (
        <Section title="Google Cloud Storage" level={3}>
          <Facts>
            <Fact label="Bucket">
              <Value value={gcs.bucket_name} mono />
            </Fact>
            <Fact label="Path">
              <Value value={gcs.bucket_path} mono />
            </Fact>
            <Fact label="Region">
              <Value value={gcs.bucket_region} mono />
            </Fact>
            <Fact label="Flattened">
              <YesNo value={gcs.flattening} />
            </Fact>
          </Facts>
          <OtherFields
            value={gcs}
            known={['bucket_name', 'bucket_path', 'bucket_region', 'flattening']}
          />
        </Section>
      ) : null}
      {snowflake ? (
        <Section title="Snowflake" level={3}>
          <Facts>
            <Fact label="Host">
              <Value value={snowflake.host} mono />
            </Fact>
            <Fact label="Role">
              <Value value={snowflake.role} mono />
            </Fact>
            <Fact label="Warehouse">
              <Value value={snowflake.warehouse} mono />
            </Fact>
            <Fact label="Database">
              <Value value={snowflake.database} mono />
            </Fact>
            <Fact label="Schema">
              <Value value={snowflake.schema} mono />
            </Fact>
          </Facts>
          <OtherFields
            value={snowflake}
            known={['host', 'role', 'warehouse', 'database', 'schema']}
          />
        </Section>
      ) : null}
      <OtherFields
        value={exp}
        known={['variant', 'transport_type', 's3', 'bigquery', 'gcs', 'snowflake']}
      />
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// tax_calculation

function TaxCalculation({ integration }: { integration: SolvimonIntegration }) {
  const tax = integration.tax_calculation;
  if (!tax) return <NotSet>No tax calculation settings</NotSet>;
  const codes = tax.custom_tax_codes ?? [];
  return (
    <Stack gap="sm">
      <Facts>
        <Fact label="Variant">
          <Value value={tax.variant ? solvimonVariantLabel(tax.variant) : null} />
        </Fact>
        <Fact label="Billing entity id">
          <CopyableValue value={tax.billing_entity_id} what="billing entity id" />
        </Fact>
        <Fact label="AvaTax company code">
          <Value value={tax.ava_tax?.company_code} mono />
        </Fact>
        <Fact label="Tax filing">
          {tax.enable_tax_filing === undefined || tax.enable_tax_filing === null ? (
            <NotSet />
          ) : tax.enable_tax_filing ? (
            'Enabled'
          ) : (
            'Not enabled'
          )}
        </Fact>
        <Fact label="Custom tax codes">
          {codes.length === 0 ? (
            <NotSet>None</NotSet>
          ) : (
            codes.map((c) => `${word(c.field) ?? '(no field)'}: ${c.value ?? ''}`).join('; ')
          )}
        </Fact>
      </Facts>
      {tax.ava_tax ? <OtherFields value={tax.ava_tax} known={['company_code']} /> : null}
      <OtherFields
        value={tax}
        known={['billing_entity_id', 'variant', 'ava_tax', 'custom_tax_codes', 'enable_tax_filing']}
      />
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// email_provider

function deliveryWindow(window: {
  type?: string | null;
  value?: number | null;
}): string | undefined {
  if (!window.type && window.value == null) return undefined;
  const period = window.type ? PERIODS[window.type] : undefined;
  const value = window.value ?? undefined;
  if (!period) return `${value ?? ''} ${window.type ?? ''}`.trim();
  return value === undefined
    ? `per ${period[0]}`
    : `${value} ${value === 1 ? period[0] : period[1]}`;
}

function EmailProvider({ integration }: { integration: SolvimonIntegration }) {
  const email = integration.email_provider;
  if (!email) return <NotSet>No email provider settings</NotSet>;
  return (
    <Stack gap="sm">
      <Facts>
        <Fact label="Variant">
          <Value value={email.variant ? solvimonVariantLabel(email.variant) : null} />
        </Fact>
        <Fact label="Delivery window">
          <Value value={email.delivery_window ? deliveryWindow(email.delivery_window) : null} />
        </Fact>
        <Fact label="Localized templates">
          <YesNo value={email.use_localized_templates} />
        </Fact>
      </Facts>
      {email.mailgun ? (
        <Section title="Mailgun" level={3}>
          <Facts>
            <Fact label="Domain">
              <Value value={email.mailgun.domain} mono />
            </Fact>
            <Fact label="Region">
              <Value value={word(email.mailgun.region)} />
            </Fact>
            <Fact label="Plan">
              <Value value={email.mailgun.plan} />
            </Fact>
          </Facts>
          <OtherFields value={email.mailgun} known={['domain', 'region', 'plan']} />
        </Section>
      ) : null}
      <OtherFields
        value={email}
        known={['variant', 'mailgun', 'delivery_window', 'use_localized_templates']}
      />
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// linked resources

function LinkedResources({ integration }: { integration: SolvimonIntegration }) {
  const configs = integration.linked_resources_configurations ?? [];
  if (configs.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No Solvimon records link to records in the external system.
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Text size="sm">
        A custom field on the Solvimon record holds the external id; the base URL followed by that
        value opens the external record.
      </Text>
      <Table.ScrollContainer minWidth={520} type="native">
        <Table verticalSpacing={4} fz="sm">
          <Table.Caption className="visually-hidden">Linked resources</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Solvimon record</Table.Th>
              <Table.Th scope="col">Custom field with the external id</Table.Th>
              <Table.Th scope="col">Base URL</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {configs.flatMap((config, c) => {
              const details = config.link_details ?? [];
              const type = word(config.resource_type) ?? '(no resource type)';
              if (details.length === 0) {
                return [
                  <Table.Tr key={`${c}`}>
                    <Table.Td>{type}</Table.Td>
                    <Table.Td colSpan={2}>
                      <NotSet>No link details</NotSet>
                    </Table.Td>
                  </Table.Tr>,
                ];
              }
              return details.map((detail, d) => (
                <Table.Tr key={`${c}.${d}`}>
                  <Table.Td>{type}</Table.Td>
                  <Table.Td>
                    {detail.custom_field_reference ? (
                      <Code>{detail.custom_field_reference}</Code>
                    ) : (
                      <NotSet />
                    )}
                  </Table.Td>
                  <Table.Td style={{ wordBreak: 'break-all' }}>
                    {detail.base_url ? <SafeExternalLink href={detail.base_url} /> : <NotSet />}
                  </Table.Td>
                </Table.Tr>
              ));
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}

// ---------------------------------------------------------------------------------------------
// fields this console does not know

/** Keys that may hold a credential in a field this console does not know: never shown. */
const SECRET_LIKE = /secret|password|token|^value$|private|credential/i;

/** A copy with every secret-looking value replaced, at any depth. */
function redacted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redacted);
  if (!isRecord(value)) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, v]) => [
      key,
      SECRET_LIKE.test(key) && (typeof v === 'string' || typeof v === 'number')
        ? '(hidden)'
        : redacted(v),
    ]),
  );
}

/** Fields of `value` outside `known`, read-only, as Solvimon sent them (secret-looking ones hidden). */
export function OtherFields({
  value,
  known,
  title = 'Other fields',
}: {
  value: unknown;
  known: readonly string[];
  title?: string;
}) {
  if (!isRecord(value)) return null;
  const extras = Object.entries(value).filter(
    ([key, v]) => !known.includes(key) && v !== undefined && v !== null,
  );
  if (extras.length === 0) return null;
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" mb={4}>
        {title} (not known to this console, kept as they are)
      </Text>
      <Facts>
        {extras.map(([key, v]) => {
          const shown = redacted(v);
          return (
            <Fact key={key} label={key}>
              {typeof shown === 'string' ? (
                shown
              ) : (
                <Code block style={{ maxHeight: 200, overflow: 'auto' }}>
                  {JSON.stringify(shown, null, 2)}
                </Code>
              )}
            </Fact>
          );
        })}
      </Facts>
    </div>
  );
}

// ---------------------------------------------------------------------------------------------
// the whole integration

const SECTION_VIEWS = {
  payment_gateway: { title: 'Payment gateway', View: PaymentGateway },
  e_invoicing: { title: 'E-invoicing', View: EInvoicing },
  data_export: { title: 'Data export', View: DataExport },
  tax_calculation: { title: 'Tax calculation', View: TaxCalculation },
  email_provider: { title: 'Email provider', View: EmailProvider },
} as const;

type SectionKey = keyof typeof SECTION_VIEWS;
const SECTION_KEYS = Object.keys(SECTION_VIEWS) as SectionKey[];

/** The fields the detail page shows in their own places; anything else is under "Other fields". */
export const SOLVIMON_SHOWN_FIELDS: readonly string[] = [
  'object_type',
  'id',
  'reference',
  'name',
  'description',
  'status',
  'message',
  'type',
  'authentication',
  'linked_resources_configurations',
  ...SECTION_KEYS,
];

/**
 * The type's own section first (even when empty: it says so), then any other section the integration
 * carries, then authentication and linked resources.
 */
export function SolvimonSectionsView({ integration }: { integration: SolvimonIntegration }) {
  const own = isKnownSolvimonType(integration.type)
    ? SOLVIMON_SECTION_OF_TYPE[integration.type]
    : undefined;
  const others = SECTION_KEYS.filter(
    (key) => key !== own && integration[key] !== undefined && integration[key] !== null,
  );
  const shown = own ? [own, ...others] : others;
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
      {shown.map((key) => {
        const { title, View } = SECTION_VIEWS[key];
        return (
          <Section key={key} title={title}>
            <View integration={integration} />
          </Section>
        );
      })}
      <Section title="Authentication">
        <AuthenticationFacts
          integration={integration}
          auth={integration.authentication}
          at={['authentication']}
        />
      </Section>
      <Section title="Linked resources">
        <LinkedResources integration={integration} />
      </Section>
    </>
  );
}
