import { createHash } from 'node:crypto';
import type { CloudUser } from './sync-state';

/**
 * The large-tenant seed: synchronized users as a bigger forest's export would leave them (the lab sync
 * server exports only its own 200 users). Deterministic: the same count gives the same users, ids and
 * usage locations on every machine.
 */
export interface GeneratedUser extends CloudUser {
  /** The usage location the user starts with (a quarter have none). */
  seedUsageLocation: string | null;
}

const GIVEN_NAMES = [
  'Aaron', 'Abigail', 'Adrian', 'Aisha', 'Alan', 'Alice', 'Amir', 'Ana', 'Anders', 'Anna', 'Ben', 'Bianca', 'Carlos', 'Chloe', 'Chen',
  'Daniel', 'Diana', 'Elena', 'Emil', 'Emma', 'Farah', 'Felix', 'Grace', 'Hana', 'Hugo', 'Ines', 'Ivan', 'Jana', 'Jonas', 'Julia',
  'Kai', 'Karim', 'Lara', 'Leo', 'Lina', 'Lucas', 'Maya', 'Mateo', 'Mia', 'Nadia', 'Noah', 'Olga', 'Omar', 'Paula', 'Priya', 'Rafael',
  'Sara', 'Sven', 'Tara', 'Yusuf',
] as const;

const SURNAMES = [
  'Abbott', 'Adams', 'Alvarez', 'Andersen', 'Baker', 'Banerjee', 'Becker', 'Bernard', 'Brooks', 'Bruno', 'Campbell', 'Carter', 'Castro',
  'Chavez', 'Clarke', 'Cohen', 'Costa', 'Dahl', 'Davies', 'Diaz', 'Dubois', 'Edwards', 'Eriksen', 'Evans', 'Fischer', 'Fontaine', 'Fraser',
  'Garcia', 'Gomez', 'Graham', 'Gupta', 'Hansen', 'Harris', 'Hoffmann', 'Hughes', 'Ibrahim', 'Ito', 'Jansen', 'Jensen', 'Johnson', 'Kaur',
  'Keller', 'Khan', 'Kim', 'Klein', 'Kowalski', 'Larsen', 'Laurent', 'Lee', 'Lehmann', 'Lopez', 'Martin', 'Meyer', 'Miller', 'Moreau',
  'Morgan', 'Murphy', 'Nagy', 'Nakamura', 'Nguyen', 'Nielsen', 'Novak', 'Okafor', 'Olsen', 'Ortiz', 'Patel', 'Perez', 'Petrov', 'Pham',
  'Quinn', 'Ramos', 'Reyes', 'Richter', 'Rossi', 'Russo', 'Sato', 'Schmidt', 'Schneider', 'Silva', 'Singh', 'Smith', 'Sousa', 'Suzuki',
  'Tanaka', 'Taylor', 'Thomas', 'Torres', 'Vargas', 'Vogel', 'Wagner', 'Walker', 'Wang', 'Weber', 'White', 'Wilson', 'Wong', 'Wright',
  'Yamamoto', 'Young', 'Zimmermann',
] as const;

const DEPARTMENTS = ['Sales', 'Engineering', 'Finance', 'Human Resources', 'Marketing', 'Support'] as const;
const LOCATIONS = ['US', 'GB', 'DE', 'US', 'FR', 'NL', 'US', 'CA', 'SE'] as const;
const CITIES: Record<string, string> = { US: 'Seattle', GB: 'London', DE: 'Berlin', FR: 'Paris', NL: 'Amsterdam', CA: 'Toronto', SE: 'Stockholm' };
const COUNTRY_NAMES: Record<string, string> = {
  US: 'United States', GB: 'United Kingdom', DE: 'Germany', FR: 'France', NL: 'Netherlands', CA: 'Canada', SE: 'Sweden',
};

/** The generated user whose address the cloud-only shared mailbox "Front Desk" still holds (an Engineering user). */
export const FORMER_FRONT_DESK_INDEX = 4321;

function guidFrom(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function generatedUser(index: number): GeneratedUser {
  const given = GIVEN_NAMES[index % GIVEN_NAMES.length] ?? 'Lab';
  const surname = SURNAMES[Math.floor(index / GIVEN_NAMES.length) % SURNAMES.length] ?? 'User';
  const round = Math.floor(index / (GIVEN_NAMES.length * SURNAMES.length));
  const alias = `${given}.${surname}${round === 0 ? '' : round + 1}`.toLowerCase();
  const objectGuid = guidFrom(`lab-tenant/generated-user/${index}`);
  const location = index % 4 === 3 ? null : (LOCATIONS[index % LOCATIONS.length] ?? 'US');
  const department = DEPARTMENTS[index % DEPARTMENTS.length] ?? 'Sales';
  const country = location ?? 'US';
  return {
    immutableId: Buffer.from(objectGuid.replace(/-/g, ''), 'hex').toString('base64'),
    objectGuid,
    userPrincipalName: `${alias}@contoso.com`,
    displayName: `${given} ${surname}${round === 0 ? '' : ` ${round + 1}`}`,
    givenName: given,
    surname,
    mail: `${alias}@contoso.com`,
    department,
    jobTitle: department === 'Engineering' ? 'Engineer' : 'Specialist',
    city: CITIES[country] ?? 'Seattle',
    country: COUNTRY_NAMES[country] ?? 'United States',
    onPremisesSamAccountName: alias.slice(0, 20),
    onPremisesDistinguishedName: `CN=${given} ${surname},OU=${department},OU=Users,OU=CORP,DC=contoso,DC=com`,
    onPremisesDomainName: 'contoso.com',
    seedUsageLocation: location,
  };
}

export function generatedUsers(count: number): GeneratedUser[] {
  return Array.from({ length: count }, (_unused, index) => generatedUser(index));
}

/**
 * Proxy addresses held by mail-enabled objects that are not users of the list (the shared mailbox
 * "Front Desk"): a user whose own address is among them gets `UniquenessViolation` when licensed.
 */
export function takenProxyAddresses(scaleUsers: number): Set<string> {
  const taken = new Set(['frontdesk@contoso.com']);
  if (scaleUsers > FORMER_FRONT_DESK_INDEX) taken.add((generatedUser(FORMER_FRONT_DESK_INDEX).mail ?? '').toLowerCase());
  return taken;
}
