/**
 * An e-invoicing mandate, read-only: its facts, the condition groups that say when it applies and its
 * field mappings. The form's side is ./form-mandates.tsx; comparisons read as the form names them.
 */
import { Code, List, Stack, Text } from '@mantine/core';
import type { SolvimonMandate } from '../../api/solvimon';
import { COMPARATOR_LABELS } from './form-fields';
import { comparatorTakesValue } from './form-model';
import { OtherFields } from './other-fields';
import { Fact, Facts, NotSet, Part, ReadTable, Section, YesNo } from './view-parts';

type MandateCondition = NonNullable<
  NonNullable<SolvimonMandate['condition_groups']>[number]['conditions']
>[number];

function Condition({ condition }: { condition: MandateCondition }) {
  const comparator = condition.comparator_type ?? undefined;
  const words = comparator
    ? (COMPARATOR_LABELS[comparator]?.replace(/ \(.*\)$/, '') ?? comparator)
    : 'compared with';
  return (
    <>
      <Code>{condition.field || '(no field)'}</Code> {words}
      {!comparator || comparatorTakesValue(comparator) ? (
        <>
          {' '}
          <Code>{condition.value ?? ''}</Code>
        </>
      ) : null}
    </>
  );
}

/** A mandate: where it applies, when, and how its e-invoice fields are filled. */
export function Mandate({ mandate, index }: { mandate: SolvimonMandate; index: number }) {
  const groups = mandate.condition_groups ?? [];
  const mappings = mandate.mappings ?? [];
  const formats = mandate.supported_file_formats ?? [];
  const name = mandate.name || `Mandate ${index + 1}`;
  return (
    <Section title={name} level={3}>
      <Stack gap="sm">
        <Facts>
          <Fact label="Country">{mandate.country || <NotSet />}</Fact>
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
        <Part title="When it applies">
          {groups.length === 0
            ? 'No condition groups.'
            : 'It applies when any group matches; a group matches when all its conditions do.'}
        </Part>
        {groups.length > 0 ? (
          <List size="sm" spacing={4}>
            {groups.map(({ conditions = [] }, g) => (
              <List.Item key={g}>
                <Text span size="sm" fw={600}>
                  Group {g + 1}
                </Text>
                {conditions?.length ? ' (all of):' : ': no conditions'}
                {conditions?.length ? (
                  <List size="sm" withPadding spacing={2}>
                    {conditions.map((condition, c) => (
                      <List.Item key={c}>
                        <Condition condition={condition} />
                      </List.Item>
                    ))}
                  </List>
                ) : null}
              </List.Item>
            ))}
          </List>
        ) : null}
        <Part title="Field mappings">
          {mappings.length === 0
            ? 'None: Solvimon’s defaults for this mandate apply.'
            : 'Merged with Solvimon’s defaults for this mandate.'}
        </Part>
        {mappings.length > 0 ? (
          <ReadTable
            caption={`Field mappings of ${mandate.name || `mandate ${index + 1}`}`}
            columns={['E-invoice field (UBL)', 'From Solvimon field', 'Description']}
            rows={mappings.map((m) => [
              <Code key="t">{m.target ?? ''}</Code>,
              <Code key="s">{m.source ?? ''}</Code>,
              m.description ?? '',
            ])}
          />
        ) : null}
        <OtherFields value={mandate} at={['e_invoicing', 'mandates', String(index)]} />
      </Stack>
    </Section>
  );
}
