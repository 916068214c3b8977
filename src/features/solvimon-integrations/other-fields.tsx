/**
 * What Solvimon sent that this console does not know, shown read-only where it was found and kept as it
 * is on save. "Known" is every path the form edits (./form-fields.ts) or the detail draws by hand, so a
 * field added to the table leaves "Other fields" for its own place in the form and the detail.
 * Secret-looking values are hidden at any depth.
 */
import { Code, Text } from '@mantine/core';
import {
  AUTH_BLOCKS,
  AUTH_METHOD_FIELDS,
  AUTH_METHODS,
  PLAIN_SECRETS,
  SECTION_FIELDS,
  VARIANT_FIELDS,
  type SectionId,
} from './form-fields';
import { looksSecret } from '../../lib/drafts';
import { emptyMandate, VARIANT_OBJECTS } from './form-model';
import { Fact, Facts } from './view-parts';

type Path = readonly string[];
type JsonRecord = Record<string, unknown>;

const isRecord = (value: unknown): value is JsonRecord =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const MANDATE_KEYS = [...Object.keys(emptyMandate()), 'supported_file_formats'];

/** Every path the page shows in its own place: the table's, and the parts drawn by hand. */
const KNOWN: readonly Path[] = [
  ...['object_type', 'id', 'reference', 'name', 'description', 'status', 'message', 'type'].map(
    (key) => [key],
  ),
  ...[...Object.values(VARIANT_FIELDS), ...SECTION_FIELDS, ...PLAIN_SECRETS].map((f) => f.path),
  ...AUTH_BLOCKS.flatMap((block) =>
    AUTH_METHODS.flatMap((method) => [
      [...block.path, method, AUTH_METHOD_FIELDS[method].publicField],
      [...block.path, method, AUTH_METHOD_FIELDS[method].secretField],
    ]),
  ),
  ['e_invoicing', 'mandates'],
  ...MANDATE_KEYS.map((key) => ['e_invoicing', 'mandates', '*', key]),
  ['tax_calculation', 'custom_tax_codes'],
  ['linked_resources_configurations'],
];

/** The objects with a part of their own, which lists their other fields itself. */
const OWN_PARTS: readonly Path[] = [
  ...(Object.keys(VARIANT_OBJECTS) as SectionId[]).flatMap((section) => [
    [section],
    ...Object.values(VARIANT_OBJECTS[section]).map((key) => [section, key]),
  ]),
  ...AUTH_BLOCKS.filter((block) => !('section' in block)).map((block) => block.path),
];

/** Whether `path` is `pattern` or leads into it (`*` stands for any array index). */
const leadsTo = (pattern: Path, path: Path) =>
  path.every((key, i) => pattern[i] === key || pattern[i] === '*');

/** The fields of `value` (at `at` in the integration) that no known path covers, by their path from it. */
function otherFields(value: unknown, at: Path): Array<[string, unknown]> {
  if (!isRecord(value)) return [];
  return Object.entries(value).flatMap(([key, v]): Array<[string, unknown]> => {
    const path = [...at, key];
    const is = (pattern: Path) => pattern.length === path.length && leadsTo(pattern, path);
    if (v === undefined || v === null || KNOWN.some(is) || OWN_PARTS.some(is)) return [];
    if (isRecord(v) && KNOWN.some((pattern) => leadsTo(pattern, path)))
      return otherFields(v, path).map(([inner, x]) => [`${key}.${inner}`, x]);
    return [[key, v]];
  });
}

/**
 * Keys that may hold a credential in a field this console does not know: never shown. The drafts'
 * rule, `value` (what an authentication method calls its secret) and anything named a credential.
 */
const isSecretLike = (key: string): boolean =>
  looksSecret(key) || key === 'value' || /credential/i.test(key);

/** The value of `key` with every secret-looking value replaced, itself included, at any depth. */
function redacted(key: string, value: unknown): unknown {
  if (isSecretLike(key) && (typeof value === 'string' || typeof value === 'number'))
    return '(hidden)';
  if (Array.isArray(value)) return value.map((item) => redacted('', item));
  if (!isRecord(value)) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, redacted(k, v)]));
}

/** Fields of `value` (at `at` in the integration) this console does not know, as Solvimon sent them. */
export function OtherFields({ value, at }: { value: unknown; at: Path }) {
  const extras = otherFields(value, at);
  if (extras.length === 0) return null;
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" mb={4}>
        Other fields (not known to this console, kept as they are)
      </Text>
      <Facts>
        {extras.map(([key, v]) => {
          const shown = redacted(key.slice(key.lastIndexOf('.') + 1), v);
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
