import atlas from 'world-atlas/countries-110m.json';
import { describe, expect, test } from 'vitest';
import { NUMERIC_TO_ALPHA2, alpha2Of, countryName } from './countries.js';

describe('atlas ids to alpha-2', () => {
  test('maps the numeric codes of well-known countries', () => {
    expect(NUMERIC_TO_ALPHA2['840']).toBe('US');
    expect(NUMERIC_TO_ALPHA2['826']).toBe('GB');
    expect(NUMERIC_TO_ALPHA2['276']).toBe('DE');
    expect(NUMERIC_TO_ALPHA2['036']).toBe('AU');
    expect(NUMERIC_TO_ALPHA2['156']).toBe('CN');
  });

  test('names every shape of the atlas but the two that no database codes', () => {
    const unnamed = atlas.objects.countries.geometries
      .filter((shape) => alpha2Of(shape) === null)
      .map((shape) => shape.properties.name);
    expect(unnamed.sort()).toEqual(['N. Cyprus', 'Somaliland']);
  });

  test('gives each shape its own code', () => {
    const codes = atlas.objects.countries.geometries.map(alpha2Of).filter(Boolean);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toContain('XK');
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
  });

  test('reads ids given as numbers, as some atlas builds do', () => {
    expect(alpha2Of({ id: 36 })).toBe('AU');
    expect(alpha2Of({ id: '999' })).toBeNull();
  });
});

describe('countryName', () => {
  test('names countries in the requested language', () => {
    expect(countryName('GB', 'en')).toBe('United Kingdom');
    expect(countryName('DE', 'de')).toBe('Deutschland');
  });

  test('falls back to the code for codes without a name', () => {
    expect(countryName('', 'en')).toBe('');
    expect(countryName('not a code', 'en')).toBe('not a code');
  });
});
