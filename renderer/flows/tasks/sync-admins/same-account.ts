/** Windows account names compare without regard to case (CONTOSO\Admin is contoso\admin). */
export function isSameAccount(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return a.trim().toLocaleUpperCase() === b.trim().toLocaleUpperCase();
}
