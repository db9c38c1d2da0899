/** Where the bundled demo CRM is served. The manifest grants exactly this origin. */
export const DEMO_CRM_HOST = '127.0.0.1';
export const DEMO_CRM_PORT = 4178;
export const DEMO_CRM_ORIGIN = `http://${DEMO_CRM_HOST}:${DEMO_CRM_PORT}`;
export const DEMO_CRM_MATCH = `${DEMO_CRM_ORIGIN}/*`;

/** Where e2e tests serve saved CRM pages; granted only in the e2e build (see wxt.config.ts). */
export const E2E_FIXTURE_HOST = 'localhost';
export const E2E_FIXTURE_MATCH = `http://${E2E_FIXTURE_HOST}/*`;
