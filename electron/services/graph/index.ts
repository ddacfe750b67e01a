export { GraphClient, type GraphClientConfig, type Organization } from './graph-client';
