/**
 * Test connection (docs/solvimon-api.md §1, §4): Solvimon tests credentials it is given, not the stored
 * ones (they cannot be read back), for the kind of integration named in the query. The credentials
 * typed here live only in this dialog's state: never put in a draft, the URL or storage, and gone when
 * the dialog closes (the form unmounts, and the mutation holding them is dropped at once).
 */
import { Button, Group, Loader, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import type {
  SolvimonAuthentication,
  SolvimonIntegration,
  SolvimonTestConnectionParams,
} from '../../api/solvimon';
import { Dialog } from '../../components/dialog';
import { ErrorState } from '../../components/error-state';
import { SubmitButton } from '../../components/form';
import { Notice } from '../../components/notice';
import { useSolvimonTestConnection } from '../../queries/solvimon-integrations';
import { solvimonIntegrationLabel, solvimonKindLabel } from './labels';

type Method = 'api_key' | 'client_credentials' | 'username_password';

const METHODS: ReadonlyArray<{ value: Method; label: string }> = [
  { value: 'api_key', label: 'API key' },
  { value: 'client_credentials', label: 'Client credentials' },
  { value: 'username_password', label: 'Username and password' },
];

/** What test-connection is told about the integration: its type, and its processor or variant. */
function testConnectionParamsOf(integration: SolvimonIntegration): SolvimonTestConnectionParams {
  const params: SolvimonTestConnectionParams = { integration_type: integration.type };
  const processor = integration.e_invoicing?.processor;
  const variant = integration.tax_calculation?.variant;
  if (integration.type === 'E_INVOICING' && processor) params.e_invoicing_processor = processor;
  if (integration.type === 'TAX_CALCULATION' && variant) params.tax_calculation_variant = variant;
  return params;
}

interface Fields {
  header: string;
  key: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

type Errors = Partial<Record<keyof Fields, string>>;

/** The form's start: the stored method and its non-secret fields; secrets always empty. */
function initialOf(integration: SolvimonIntegration): { method: Method; fields: Fields } {
  const auth = integration.authentication;
  const method: Method = auth?.client_credentials
    ? 'client_credentials'
    : auth?.username_password
      ? 'username_password'
      : 'api_key';
  return {
    method,
    fields: {
      header: auth?.api_key?.header ?? '',
      key: '',
      clientId: auth?.client_credentials?.client_id ?? '',
      clientSecret: '',
      username: auth?.username_password?.username ?? '',
      password: '',
    },
  };
}

const REQUIRED: Record<Method, ReadonlyArray<[keyof Fields, string]>> = {
  api_key: [
    ['header', 'Enter the header the key is sent in'],
    ['key', 'Enter the API key'],
  ],
  client_credentials: [
    ['clientId', 'Enter the client id'],
    ['clientSecret', 'Enter the client secret'],
  ],
  username_password: [
    ['username', 'Enter the username'],
    ['password', 'Enter the password'],
  ],
};

function authenticationOf(method: Method, fields: Fields): SolvimonAuthentication {
  switch (method) {
    case 'api_key':
      return { api_key: { header: fields.header.trim(), value: fields.key } };
    case 'client_credentials':
      return {
        client_credentials: {
          client_id: fields.clientId.trim(),
          client_secret: fields.clientSecret,
        },
      };
    case 'username_password':
      return {
        username_password: { username: fields.username.trim(), password: fields.password },
      };
  }
}

const NO_AUTOFILL = { autoComplete: 'off', spellCheck: false } as const;

/** The form inside the open dialog: its state (and the credentials) end when it unmounts. */
function TestConnectionForm({
  integration,
  onClose,
}: {
  integration: SolvimonIntegration;
  onClose: () => void;
}) {
  const initial = initialOf(integration);
  const [method, setMethod] = useState<Method>(initial.method);
  const [fields, setFields] = useState<Fields>(initial.fields);
  const [errors, setErrors] = useState<Errors>({});
  const test = useSolvimonTestConnection();

  const set = (name: keyof Fields) => (value: string) => {
    setFields((current) => ({ ...current, [name]: value }));
    setErrors((current) => ({ ...current, [name]: undefined }));
    // A result is about what was sent: once the input changes, it no longer applies.
    if (!test.isPending) test.reset();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (test.isPending) return;
    const missing: Errors = {};
    for (const [name, message] of REQUIRED[method]) {
      if (fields[name].trim() === '') missing[name] = message;
    }
    setErrors(missing);
    if (Object.keys(missing).length > 0) return;
    test.mutate({
      authentication: authenticationOf(method, fields),
      params: testConnectionParamsOf(integration),
    });
  };

  const result = test.data;
  return (
    <form onSubmit={submit} noValidate aria-label="Credentials to test">
      <Stack>
        <Text size="sm">
          Solvimon cannot read back the credentials it stores, so enter the ones to test for this
          integration ({solvimonKindLabel(integration)}). Nothing you enter here is saved.
        </Text>
        <Radio.Group
          label="Authentication method"
          value={method}
          onChange={(value) => {
            const next = METHODS.find((m) => m.value === value);
            if (next) {
              setMethod(next.value);
              // The secret inputs are uncontrolled and come back empty: so do their values, so a
              // key typed before switching away is never sent unseen.
              setFields((current) => ({ ...current, key: '', clientSecret: '', password: '' }));
              setErrors({});
              if (!test.isPending) test.reset();
            }
          }}
        >
          <Group gap="md" mt={4}>
            {METHODS.map((m) => (
              <Radio key={m.value} value={m.value} label={m.label} />
            ))}
          </Group>
        </Radio.Group>

        {method === 'api_key' ? (
          <>
            <TextInput
              label="Header"
              description="The HTTP header the key is sent in, e.g. Authorization"
              value={fields.header}
              onChange={(e) => set('header')(e.currentTarget.value)}
              error={errors.header}
              {...NO_AUTOFILL}
            />
            <PasswordInput
              label="API key"
              // Uncontrolled: a controlled input mirrors what is typed into its value attribute.
              onChange={(e) => set('key')(e.currentTarget.value)}
              error={errors.key}
              {...NO_AUTOFILL}
            />
          </>
        ) : method === 'client_credentials' ? (
          <>
            <TextInput
              label="Client id"
              value={fields.clientId}
              onChange={(e) => set('clientId')(e.currentTarget.value)}
              error={errors.clientId}
              {...NO_AUTOFILL}
            />
            <PasswordInput
              label="Client secret"
              // Uncontrolled: a controlled input mirrors what is typed into its value attribute.
              onChange={(e) => set('clientSecret')(e.currentTarget.value)}
              error={errors.clientSecret}
              {...NO_AUTOFILL}
            />
          </>
        ) : (
          <>
            <TextInput
              label="Username"
              value={fields.username}
              onChange={(e) => set('username')(e.currentTarget.value)}
              error={errors.username}
              {...NO_AUTOFILL}
            />
            <PasswordInput
              label="Password"
              // Uncontrolled: a controlled input mirrors what is typed into its value attribute.
              onChange={(e) => set('password')(e.currentTarget.value)}
              error={errors.password}
              {...NO_AUTOFILL}
            />
          </>
        )}

        {result ? (
          result.successful ? (
            <Notice tone="success" role="status" title="The connection works">
              <Text size="sm">
                {result.message || 'Solvimon connected with these credentials.'}
              </Text>
            </Notice>
          ) : (
            <Notice tone="danger" role="alert" title="The connection failed">
              <Text size="sm">
                {result.message || 'Solvimon could not connect with these credentials.'}
              </Text>
            </Notice>
          )
        ) : null}
        {test.isError ? (
          <ErrorState error={test.error} title="Could not test the connection" />
        ) : null}

        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={test.isPending}>
            Done
          </Button>
          {/* Busy but never disabled while it runs: a disabled button would drop keyboard focus. */}
          <SubmitButton
            aria-disabled={test.isPending || undefined}
            aria-busy={test.isPending || undefined}
            data-disabled={test.isPending || undefined}
            leftSection={test.isPending ? <Loader size={12} color="currentColor" /> : undefined}
          >
            {result || test.isError ? 'Test again' : 'Test connection'}
          </SubmitButton>
        </Group>
      </Stack>
    </form>
  );
}

/** "Test connection…" and its dialog. */
export function TestConnectionButton({ integration }: { integration: SolvimonIntegration }) {
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button variant="default" onClick={open}>
        Test connection…
      </Button>
      <Dialog
        opened={opened}
        onClose={close}
        title={`Test the connection of “${solvimonIntegrationLabel(integration)}”`}
      >
        {opened ? <TestConnectionForm integration={integration} onClose={close} /> : null}
      </Dialog>
    </>
  );
}
