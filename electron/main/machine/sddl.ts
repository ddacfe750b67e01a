/**
 * Reading a Windows security descriptor in SDDL form (as `FileSecurity.GetSecurityDescriptorSddlForm`
 * prints it) and deciding whether only administrators can change the object. Pure, so it is tested on
 * descriptors recorded on real servers.
 */

const systemSid = 'S-1-5-18';
const administratorsSid = 'S-1-5-32-544';
const trustedInstallerSid = 'S-1-5-80-956008885-3418522649-1831038044-1853292631-2271478464';

/** Who may own or write what steers the elevated app: the machine itself and its administrators. */
const trustedSids = new Set([systemSid, administratorsSid, trustedInstallerSid]);

/** SDDL's two-letter names of well-known SIDs (the ones a file system ACL can hold). */
const sidAliases: Readonly<Record<string, string>> = {
  AN: 'S-1-5-7',
  AO: 'S-1-5-32-548',
  AU: 'S-1-5-11',
  BA: administratorsSid,
  BG: 'S-1-5-32-546',
  BO: 'S-1-5-32-551',
  BU: 'S-1-5-32-545',
  CG: 'S-1-3-1',
  CO: 'S-1-3-0',
  IU: 'S-1-5-4',
  LS: 'S-1-5-19',
  NS: 'S-1-5-20',
  NU: 'S-1-5-2',
  OW: 'S-1-3-4',
  PU: 'S-1-5-32-547',
  RC: 'S-1-5-12',
  SO: 'S-1-5-32-549',
  SU: 'S-1-5-6',
  SY: systemSid,
  WD: 'S-1-1-0',
  AC: 'S-1-15-2-1',
};

const sidNames: Readonly<Record<string, string>> = {
  [systemSid]: 'SYSTEM',
  [administratorsSid]: 'Administrators',
  [trustedInstallerSid]: 'TrustedInstaller',
  'S-1-5-32-545': 'Users',
  'S-1-5-11': 'Authenticated Users',
  'S-1-1-0': 'Everyone',
  'S-1-3-0': 'CREATOR OWNER',
  'S-1-3-1': 'CREATOR GROUP',
  'S-1-3-4': 'OWNER RIGHTS',
  'S-1-5-4': 'INTERACTIVE',
  'S-1-5-32-547': 'Power Users',
};

/** Access-mask letters of SDDL, with their bits. */
const rightBits: Readonly<Record<string, number>> = {
  GA: 0x10000000,
  GR: 0x80000000,
  GW: 0x40000000,
  GX: 0x20000000,
  RC: 0x20000,
  SD: 0x10000,
  WD: 0x40000,
  WO: 0x80000,
  CC: 0x1,
  DC: 0x2,
  LC: 0x4,
  SW: 0x8,
  RP: 0x10,
  WP: 0x20,
  DT: 0x40,
  LO: 0x80,
  CR: 0x100,
  FA: 0x1f01ff,
  FR: 0x120089,
  FW: 0x120116,
  FX: 0x1200a0,
  KA: 0xf003f,
  KR: 0x20019,
  KW: 0x20006,
  KX: 0x20019,
};

/**
 * Rights that let a holder change a file or folder, its contents or its ACL: write data / add file (0x2),
 * append / add subfolder (0x4), write extended attributes (0x10), delete child (0x40), write attributes
 * (0x100), delete, WRITE_DAC, WRITE_OWNER, GENERIC_WRITE and GENERIC_ALL.
 */
const writeRights: ReadonlyArray<readonly [number, string]> = [
  [0x2, 'write data or add files'],
  [0x4, 'append data or add folders'],
  [0x10, 'write extended attributes'],
  [0x40, 'delete child'],
  [0x100, 'write attributes'],
  [0x10000, 'delete'],
  [0x40000, 'change permissions'],
  [0x80000, 'take ownership'],
  [0x40000000, 'generic write'],
  [0x10000000, 'generic all'],
];

export interface Ace {
  readonly type: string;
  readonly flags: string;
  readonly mask: number;
  readonly sid: string;
}

export interface SecurityDescriptor {
  readonly owner?: string;
  /** Undefined when the descriptor has no DACL (everyone may do everything). */
  readonly dacl?: readonly Ace[];
}

const allowTypes = new Set(['A', 'OA', 'XA', 'ZA']);
const denyTypes = new Set(['D', 'OD', 'XD']);

export function sidOf(token: string): string {
  return sidAliases[token] ?? token;
}

export function describeSid(sid: string): string {
  return sidNames[sid] ?? sid;
}

function maskOf(rights: string): number | undefined {
  if (/^0x[0-9a-f]+$/i.test(rights)) return Number.parseInt(rights.slice(2), 16);
  if (rights.length % 2 !== 0) return undefined;
  let mask = 0;
  for (let index = 0; index < rights.length; index += 2) {
    const bits = rightBits[rights.slice(index, index + 2)];
    if (bits === undefined) return undefined;
    mask = (mask | bits) >>> 0;
  }
  return mask;
}

/** Splits the DACL text into ACE bodies; nested parentheses (conditional ACEs) stay inside their ACE. */
function aceTexts(text: string): string[] | undefined {
  const result: string[] = [];
  let depth = 0;
  let start = -1;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '(') {
      if (depth === 0) start = index + 1;
      depth += 1;
    } else if (char === ')') {
      depth -= 1;
      if (depth < 0) return undefined;
      if (depth === 0) result.push(text.slice(start, index));
    } else if (depth === 0 && result.length === 0 && start < 0) {
      // DACL flags before the first ACE (P, AI, AR, NO_ACCESS_CONTROL).
      continue;
    } else if (depth === 0) {
      return undefined;
    }
  }
  return depth === 0 ? result : undefined;
}

/** Parses `O:…G:…D:…` (any section may be missing); throws on text that is not SDDL. */
export function parseSddl(sddl: string): SecurityDescriptor {
  const text = sddl.trim();
  const sections = new Map<string, string>();
  const starts: { key: string; at: number }[] = [];
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (char === '(') depth += 1;
    else if (char === ')') depth -= 1;
    else if (depth === 0 && text[index + 1] === ':' && 'OGDS'.includes(char ?? '')) starts.push({ key: char ?? '', at: index });
  }
  if (starts.length === 0 || starts[0]?.at !== 0) throw new Error('not a security descriptor');
  starts.forEach(({ key, at }, position) => sections.set(key, text.slice(at + 2, starts[position + 1]?.at ?? text.length)));

  const ownerText = sections.get('O');
  const owner = ownerText !== undefined && /^(S-\d+(-\d+)+|[A-Z]{2})$/.test(ownerText) ? sidOf(ownerText) : undefined;
  if (ownerText !== undefined && owner === undefined) throw new Error(`unreadable owner "${ownerText}"`);

  const daclText = sections.get('D');
  if (daclText === undefined || /NO_ACCESS_CONTROL/.test(daclText)) return owner === undefined ? {} : { owner };
  const bodies = aceTexts(daclText);
  if (bodies === undefined) throw new Error('unreadable DACL');
  const dacl = bodies.map((body): Ace => {
    const [type = '', flags = '', rights = '', , , sidText = ''] = body.split(';');
    const mask = maskOf(rights);
    if (mask === undefined) throw new Error(`unreadable rights "${rights}"`);
    if (!/^(S-\d+(-\d+)+|[A-Z]{2})$/.test(sidText)) throw new Error(`unreadable trustee "${sidText}"`);
    return { type, flags, mask, sid: sidOf(sidText) };
  });
  return owner === undefined ? { dacl } : { owner, dacl };
}

export type AclVerdict = { readonly ok: true } | { readonly ok: false; readonly problems: readonly string[] };

/**
 * Whether only administrators can change the object: its owner is Administrators, SYSTEM or
 * TrustedInstaller, and no allow ACE gives any write right to anyone else. Every allow ACE counts,
 * inherited or inherit-only too (an inherit-only write ACE hands write access to what is created
 * inside), and a deny ACE never excuses an allow ACE. An unreadable descriptor fails.
 */
export function evaluateAdminOnly(sddl: string): AclVerdict {
  let descriptor: SecurityDescriptor;
  try {
    descriptor = parseSddl(sddl);
  } catch (error) {
    return { ok: false, problems: [`its security descriptor cannot be read (${(error as Error).message})`] };
  }
  const problems: string[] = [];
  if (descriptor.owner === undefined) problems.push('it has no owner');
  else if (!trustedSids.has(descriptor.owner)) problems.push(`it is owned by ${describeSid(descriptor.owner)}, not by Administrators or SYSTEM`);
  if (descriptor.dacl === undefined) {
    problems.push('it has no access control list, so everyone may change it');
    return { ok: false, problems };
  }
  for (const ace of descriptor.dacl) {
    if (denyTypes.has(ace.type)) continue;
    if (!allowTypes.has(ace.type)) {
      problems.push(`it holds an access entry of unknown type "${ace.type}"`);
      continue;
    }
    if (trustedSids.has(ace.sid)) continue;
    const granted = writeRights.filter(([bit]) => (ace.mask & bit) !== 0).map(([, name]) => name);
    if (granted.length > 0) problems.push(`${describeSid(ace.sid)} may change it (${granted.join(', ')})`);
  }
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** The descriptor the installer and the app give the app's machine-wide folders: Administrators and SYSTEM only. */
export const adminOnlyFolderSddl = 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)';
/** The app's data folder: as above, and Users may read (so Explorer never offers to add the user to the ACL). */
export const dataFolderSddl = 'O:BAG:SYD:PAI(A;OICI;FA;;;SY)(A;OICI;FA;;;BA)(A;OICI;0x1200a9;;;BU)';
