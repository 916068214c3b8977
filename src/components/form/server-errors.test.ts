import { describe, expect, it } from 'vitest';
import { splitServerMessage } from './server-errors';

const fieldMap = {
  entityType: 'entityType',
  destination: 'destination',
  'credentials.type': 'credentialsType',
  credentials: 'credentialsType',
} as const;

describe('splitServerMessage', () => {
  it('puts "field: message" parts on their fields and the rest at the top', () => {
    expect(
      splitServerMessage(
        'entityType: is required; credentials.type: unknown type; Daily quota reached',
        fieldMap,
      ),
    ).toEqual({
      fieldErrors: [
        { field: 'entityType', message: 'Is required' },
        { field: 'credentialsType', message: 'Unknown type' },
      ],
      formErrors: ['Daily quota reached'],
    });
  });

  it('recognises a field named inside the sentence, and falls back to the whole message', () => {
    expect(
      splitServerMessage('The destination Foo is not supported', fieldMap).fieldErrors,
    ).toEqual([{ field: 'destination', message: 'The destination Foo is not supported' }]);
    expect(
      splitServerMessage('credentials.secret: too short', fieldMap).fieldErrors[0]?.field,
    ).toBe('credentialsType');
    expect(splitServerMessage('', fieldMap).formErrors).toEqual(['']);
  });
});
