import { describe, expect, it } from 'vitest';
import { camelCase, pascalCase, plural, safeIdentifier, typeName, uniqueName } from '../../../generator/src/naming/names.js';

describe('naming', () => {
  it.each([
    ['event-cpm-imap', 'EventCpmImap', 'eventCpmImap'],
    ['listType', 'ListType', 'listType'],
    ['display_name', 'DisplayName', 'displayName'],
    ['URIList', 'URIList', 'uRIList'],
    ['not-utf-8', 'NotUtf8', 'notUtf8'],
    ['3gpp', 'T3gpp', 't3gpp'],
  ])('%s -> %s / %s', (xsd, pascal, camel) => {
    expect(pascalCase(xsd)).toBe(pascal);
    expect(camelCase(xsd)).toBe(camel);
  });

  it.each([
    ['operation', 'operations'],
    ['entry', 'entries'],
    ['altValue', 'altValues'],
    ['exists', 'exists'],
    ['class', 'classes'],
    ['alias', 'aliases'],
    ['index', 'indexes'],
    ['extensions', 'extensions'],
    ['key', 'keys'],
    ['box', 'boxes'],
  ])('plural(%s) = %s', (word, expected) => {
    expect(plural(word)).toBe(expected);
  });

  it('keeps type names off JavaScript globals', () => {
    expect(typeName('object')).toBe('ObjectType');
    expect(typeName('error')).toBe('ErrorType');
    expect(typeName('operation')).toBe('Operation');
  });

  it('makes names unique by numbering', () => {
    const taken = new Set(['a']);
    expect([uniqueName('a', taken), uniqueName('a', taken), uniqueName('b', taken)]).toEqual(['a2', 'a3', 'b']);
  });

  it('escapes reserved words for declarations', () => {
    expect(safeIdentifier('class')).toBe('class_');
    expect(safeIdentifier('not-utf-8')).toBe('notUtf8');
  });
});
