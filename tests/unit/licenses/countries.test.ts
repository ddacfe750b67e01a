import { describe, expect, it } from 'vitest';
import { countries, countryLabel, findCountry } from '../../../shared/licenses/countries';

describe('countries', () => {
  it('holds every ISO 3166-1 alpha-2 country once, with a name', () => {
    expect(countries).toHaveLength(249);
    expect(new Set(countries.map((country) => country.code)).size).toBe(249);
    for (const country of countries) {
      expect(country.code).toMatch(/^[A-Z]{2}$/);
      expect(country.name.length).toBeGreaterThan(1);
    }
  });

  it('finds a country by its code in any case, and refuses region codes that are not countries', () => {
    expect(findCountry('de')).toEqual({ code: 'DE', name: 'Germany' });
    expect(findCountry(' us ')?.name).toBe('United States');
    expect(findCountry('EU')).toBeUndefined();
    expect(findCountry('UK')).toBeUndefined();
    expect(countryLabel('fr')).toBe('France (FR)');
  });

  it('is sorted by name for the country picker', () => {
    const names = countries.map((country) => country.name);
    expect(names).toEqual([...names].sort((left, right) => left.localeCompare(right, 'en')));
  });
});
