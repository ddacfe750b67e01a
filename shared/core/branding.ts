// No zod here: the renderer's first screen reads these strings, and zod loads with the task pages that parse.
export const brandings = ['azureAd', 'entra'] as const;
export type Branding = (typeof brandings)[number];

/** Product strings that differ between the Azure AD and the Microsoft Entra branding. */
export interface ProductStrings {
  readonly windowTitle: string;
  readonly productName: string;
  readonly welcomeHeading: string;
  readonly cloudDirectory: string;
  readonly connectPageTitle: string;
}

export const productStrings: Readonly<Record<Branding, ProductStrings>> = {
  azureAd: {
    windowTitle: 'Microsoft Azure Active Directory Connect',
    productName: 'Azure AD Connect',
    welcomeHeading: 'Welcome to Azure AD Connect',
    cloudDirectory: 'Azure AD',
    connectPageTitle: 'Connect to Azure AD',
  },
  entra: {
    windowTitle: 'Microsoft Entra Connect',
    productName: 'Microsoft Entra Connect',
    welcomeHeading: 'Welcome to Microsoft Entra Connect',
    cloudDirectory: 'Microsoft Entra ID',
    connectPageTitle: 'Connect to Microsoft Entra ID',
  },
};

export const defaultBranding: Branding = 'azureAd';
