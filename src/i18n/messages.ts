/** Every user-facing string. Each language file implements this interface, so a missing string fails the build. */
export interface Messages {
  welcome: {
    title: string;
    intro: string;
    features: { title: string; text: string }[];
    privacy: string;
    askButton: string;
    formsButton: string;
    meetingsButton: string;
    helpHint: string;
  };
  coming: { ask: string; forms: string; meetings: string };
  fallback: string;
  error: string;
  tenantRefused: string;
}
