import { MantineProvider } from '@mantine/core';
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { SOLVIMON_SECTION_OF_TYPE, type SolvimonIntegration } from '../../api/solvimon';
import {
  AUTH_BLOCKS,
  PLAIN_SECRETS,
  SECTION_FIELDS,
  VARIANT_FIELDS,
  type ScalarField,
  type SectionId,
} from './form-fields';
import { SolvimonSectionsView } from './sections-view';

const SECRET = 'hunter2-never-shown';

const sample = (field: ScalarField): unknown =>
  field.kind === 'switch'
    ? true
    : field.kind === 'integer'
      ? 2
      : field.kind === 'list'
        ? ['one', 'two']
        : field.kind === 'select'
          ? field.options[0]
          : `${field.key}-value`;

function setAt(root: Record<string, unknown>, path: readonly string[], value: unknown) {
  let at = root;
  path.slice(0, -1).forEach((key) => {
    at[key] ??= {};
    at = at[key] as Record<string, unknown>;
  });
  at[path[path.length - 1] ?? ''] = value;
}

const typeOf = (section: SectionId) =>
  Object.entries(SOLVIMON_SECTION_OF_TYPE).find(([, s]) => s === section)?.[0] ?? '';

interface Scoped {
  section?: string;
  variant?: string;
}
type Listed = Scoped & { label: string; path: readonly string[] };
const BLOCKS: readonly Listed[] = AUTH_BLOCKS;
const SECRETS: readonly Listed[] = PLAIN_SECRETS;

const inScope = (section: SectionId, variant: string) => (item: Scoped) =>
  item.section === undefined || (item.section === section && (item.variant ?? variant) === variant);

/** Every variant of every section the form offers. */
const VARIANTS = Object.values(VARIANT_FIELDS).flatMap((field) =>
  field.options.map((variant) => [field.section, variant] as const),
);

/** The value shown under a fact's label. */
const fact = (label: string) => {
  const [term] = screen.getAllByText(label, { selector: 'dt' });
  return term?.nextElementSibling;
};

describe('SolvimonSectionsView: the form’s table', () => {
  it.each(VARIANTS)(
    'shows every field of %s · %s under the form’s label, secrets only as set, and what the table does not know',
    (section, variant) => {
      const integration: Record<string, unknown> = {
        id: 'intg_t',
        reference: 'r',
        type: typeOf(section),
      };
      const fields = [VARIANT_FIELDS[section], ...SECTION_FIELDS].filter(inScope(section, variant));
      for (const field of fields) setAt(integration, field.path, sample(field));
      setAt(integration, VARIANT_FIELDS[section].path, variant);
      const secrets = SECRETS.filter(inScope(section, variant));
      for (const secret of secrets) setAt(integration, secret.path, SECRET);
      const blocks = BLOCKS.filter(inScope(section, variant));
      for (const block of blocks)
        setAt(integration, block.path, { api_key: { header: 'X-Key', value: SECRET } });
      setAt(integration, [section, 'future_field'], 'kept');

      render(
        <MantineProvider>
          <SolvimonSectionsView integration={integration as SolvimonIntegration} />
        </MantineProvider>,
      );

      for (const field of fields) {
        if (field.key === 'email_window_value') continue; // said with the delivery window
        expect(fact(field.label), field.key).not.toHaveTextContent(/^Not set$/);
      }
      expect(fact(VARIANT_FIELDS[section].label)).toHaveTextContent(
        VARIANT_FIELDS[section].optionLabels[variant] ?? variant,
      );
      for (const secret of secrets) expect(fact(secret.label)).toHaveTextContent(/^Set$/);
      for (const block of blocks) {
        const region = screen.getByRole('region', { name: block.label });
        expect(within(region).getByText('X-Key')).toBeVisible();
      }
      expect(fact('future_field')).toHaveTextContent('kept');
      expect(document.body.innerHTML).not.toContain(SECRET);
    },
  );

  it('says the delivery window in words, and lists unknown fields nested in known objects', () => {
    render(
      <MantineProvider>
        <SolvimonSectionsView
          integration={{
            id: 'intg_t',
            reference: 'r',
            type: 'EMAIL_PROVIDER',
            email_provider: {
              variant: 'MAILGUN',
              delivery_window: { type: 'WEEK', value: 3, grace: 'P1D' },
              mailgun: { domain: 'mg.example.com', api_token: 'tok-secret' },
            },
            authentication: { api_key: { header: 'X-Key', rotated: 'yesterday' } },
          }}
        />
      </MantineProvider>,
    );
    expect(fact('Delivery window')).toHaveTextContent(/^3 weeks$/);
    expect(screen.queryByText('Number of them', { selector: 'dt' })).not.toBeInTheDocument();
    expect(fact('delivery_window.grace')).toHaveTextContent('P1D');
    expect(fact('api_token')).toHaveTextContent('(hidden)');
    expect(fact('api_key.rotated')).toHaveTextContent('yesterday');
    expect(document.body.innerHTML).not.toContain('tok-secret');
  });
});
