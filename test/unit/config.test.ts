import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, describeConfig, loadConfig } from '../../src/config';

const GUID = '11111111-2222-4333-8444-555555555555';

function problems(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('configuration', () => {
  it('starts locally with no variables at all: embedded store, anonymous, Playground on port 56150', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3978);
    expect(c.COSMOS_ENDPOINT).toBeUndefined();
    expect(c.anonymous).toBe(true);
    expect(c.PLAYGROUND).toBe('on');
    expect(c.PLAYGROUND_PORT).toBe(56150);
    expect(c.COSMOS_DATABASE).toBe('opari');
    expect(c.ALLOWED_TENANTS).toEqual([]);
    expect(c.publicUrl).toBe('http://localhost:3978');
  });

  it('reads a full production configuration', () => {
    const c = loadConfig({
      PORT: '8080',
      BOT_ID: GUID,
      BOT_PASSWORD: 'secret',
      BOT_TYPE: 'SingleTenant',
      BOT_TENANT_ID: GUID,
      CASE_KEYS: 'k1:' + Buffer.alloc(32, 1).toString('base64'),
      COSMOS_ENDPOINT: 'https://opari.documents.azure.com:443/',
      COSMOS_DATABASE: 'opari-prod',
      ALLOWED_TENANTS: `${GUID}, 22222222-2222-4333-8444-555555555555`,
      PUBLIC_URL: 'https://opari.example.fi/',
      PLAYGROUND: 'off',
      LOG_LEVEL: 'warn',
    });
    expect(c.PORT).toBe(8080);
    expect(c.anonymous).toBe(false);
    expect(c.ALLOWED_TENANTS).toHaveLength(2);
    expect(c.publicUrl).toBe('https://opari.example.fi');
    expect(c.COSMOS_KEY).toBeUndefined(); // → managed identity
  });

  it('treats empty strings as unset', () => {
    const c = loadConfig({ BOT_ID: '', COSMOS_ENDPOINT: '', ALLOWED_TENANTS: '' });
    expect(c.anonymous).toBe(true);
    expect(c.COSMOS_ENDPOINT).toBeUndefined();
  });

  it('names every wrong variable in one report', () => {
    const p = problems({ PORT: 'eighty', BOT_TYPE: 'Single', LOG_LEVEL: 'loud', PLAYGROUND: 'yes', ALLOWED_TENANTS: 'contoso', COSMOS_ENDPOINT: 'not a url' });
    const names = p.map((x) => x.split(':')[0]);
    expect(names).toEqual(expect.arrayContaining(['PORT', 'BOT_TYPE', 'LOG_LEVEL', 'PLAYGROUND', 'ALLOWED_TENANTS', 'COSMOS_ENDPOINT']));
    expect(p.find((x) => x.startsWith('PORT'))).toContain('"eighty"');
  });

  it('requires the password and tenant that the bot identity type needs', () => {
    const keys = 'k1:' + Buffer.alloc(32, 1).toString('base64');
    expect(
      problems({ BOT_ID: GUID, BOT_TYPE: 'SingleTenant', CASE_KEYS: keys })
        .map((x) => x.split(':')[0])
        .sort(),
    ).toEqual(['BOT_PASSWORD', 'BOT_TENANT_ID']);
    expect(problems({ BOT_ID: GUID, BOT_TYPE: 'MultiTenant', BOT_PASSWORD: 'x', CASE_KEYS: keys })).toEqual([]);
    expect(problems({ BOT_ID: GUID, BOT_TYPE: 'UserAssignedMsi', BOT_TENANT_ID: GUID, CASE_KEYS: keys })).toEqual([]);
    // With a real bot identity, case data must not be encrypted with a throw-away key.
    expect(problems({ BOT_ID: GUID, BOT_TYPE: 'MultiTenant', BOT_PASSWORD: 'x' }).map((x) => x.split(':')[0])).toEqual(['CASE_KEYS']);
    expect(problems({ BOT_ID: 'my-bot' })[0]).toMatch(/^BOT_ID: must be a GUID/);
  });

  it('requires CASE_KEYS wherever data outlives the process, not only with a bot identity', () => {
    // Without it a restart would make every stored case, ticket and FAQ entry unreadable, silently.
    expect(problems({ COSMOS_ENDPOINT: 'https://opari.documents.azure.com:443/' })).toEqual([expect.stringMatching(/^CASE_KEYS: is required when COSMOS_ENDPOINT is set/)]);
    expect(problems({ COSMOS_ENDPOINT: 'https://opari.documents.azure.com:443/', CASE_KEYS: 'k1:' + Buffer.alloc(32, 1).toString('base64') })).toEqual([]);
    expect(problems({})).toEqual([]);
  });

  it('compares allowed tenants case-insensitively', () => {
    expect(loadConfig({ ALLOWED_TENANTS: 'ABCDEF01-2222-4333-8444-555555555555' }).ALLOWED_TENANTS).toEqual(['abcdef01-2222-4333-8444-555555555555']);
  });

  it('never echoes a secret in the report', () => {
    const p = problems({ COSMOS_KEY: 'super-secret-key' });
    expect(p.join('\n')).toContain('COSMOS_KEY');
    expect(p.join('\n')).not.toContain('super-secret-key');
  });

  it('rejects out-of-range ports', () => {
    expect(problems({ PORT: '70000' })[0]).toMatch(/^PORT/);
    expect(problems({ PORT: '0' })[0]).toMatch(/^PORT/);
  });

  it('describes every variable with a default and a one-line description', () => {
    const rows = describeConfig();
    const names = rows.map((r) => r.name);
    for (const n of ['PORT', 'BOT_ID', 'BOT_PASSWORD', 'BOT_TYPE', 'BOT_TENANT_ID', 'COSMOS_ENDPOINT', 'COSMOS_KEY', 'COSMOS_DATABASE', 'ALLOWED_TENANTS', 'PUBLIC_URL', 'PLAYGROUND', 'LOG_LEVEL']) {
      expect(names).toContain(n);
    }
    for (const r of rows) expect(r.description).toMatch(/^[^\n]{10,}$/);
    expect(rows.find((r) => r.name === 'PORT')?.default).toBe('3978');
  });
});

describe('README', () => {
  it('documents every configuration variable in its table', () => {
    const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');
    for (const { name } of describeConfig()) expect(readme).toContain(`| \`${name}\` |`);
  });
});
