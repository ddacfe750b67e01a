export { startLabTenant, type LabTenant, type LabTenantOptions } from './server';
export { LAB_CLIENT_ID, LAB_MFA_CODE, LAB_PASSWORD, LAB_TENANT_DOMAIN, LAB_TENANT_ID } from './constants';
