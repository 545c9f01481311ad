import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { buildAppPackage } from '../../src/manifest/appPackage';
import { ROOT } from '../helpers/bot';

function copyManifest(): string {
  const dir = mkdtempSync(join(tmpdir(), 'opari-manifest-'));
  cpSync(join(ROOT, 'manifest'), dir, { recursive: true });
  return dir;
}

const envFile = join(ROOT, 'env', '.env.local');

describe('Teams app package', () => {
  it('validates the manifest offline and zips manifest, icons and localizations with placeholders filled', async () => {
    const r = await buildAppPackage({ manifestDir: join(ROOT, 'manifest'), envFile, appVersion: '1.2.3' });
    expect(r.errors).toEqual([]);
    expect(r.files).toEqual(['color.png', 'en-US.json', 'manifest.json', 'outline.png', 'sv-SE.json']);
    const zip = await JSZip.loadAsync(r.zip!);
    const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
    expect(manifest.version).toBe('1.2.3');
    expect(manifest.bots[0].botId).toBe('00000000-0000-0000-0000-000000000000');
    expect(manifest.bots[0].scopes).toEqual(['personal', 'team', 'groupChat']);
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(manifest.manifestVersion).toMatch(/^1\.2\d$/);
  });

  it('has the icons Teams requires: 192x192 colour, 32x32 white-on-transparent outline', () => {
    const color = PNG.sync.read(readFileSync(join(ROOT, 'manifest', 'color.png')));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = PNG.sync.read(readFileSync(join(ROOT, 'manifest', 'outline.png')));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    let transparent = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      if (outline.data[i + 3] === 0) transparent++;
      else expect([outline.data[i], outline.data[i + 1], outline.data[i + 2]]).toEqual([255, 255, 255]);
    }
    expect(transparent).toBeGreaterThan(100);
  });

  it('fails with the schema errors when the manifest is invalid', async () => {
    const dir = copyManifest();
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    m.bots[0].scopes = ['personal', 'everywhere'];
    delete m.developer.privacyUrl;
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    const r = await buildAppPackage({ manifestDir: dir, envFile, appVersion: '1.0.0' });
    expect(r.zip).toBeUndefined();
    expect(r.errors.join('\n')).toMatch(/bots\/0\/scopes\/1/);
    expect(r.errors.join('\n')).toMatch(/privacyUrl/);
  });

  it('names placeholders that the env file leaves empty', async () => {
    const r = await buildAppPackage({ manifestDir: join(ROOT, 'manifest'), envFile: join(ROOT, 'env', '.env.dev'), appVersion: '1.0.0' });
    expect(r.zip).toBeUndefined();
    expect(r.errors.join('\n')).toMatch(/BOT_ID: no value in .*\.env\.dev/);
  });

  it('rejects a wrong-size or coloured outline icon', async () => {
    const dir = copyManifest();
    const png = new PNG({ width: 32, height: 32 });
    png.data.fill(0);
    png.data[3] = 255; // one opaque black pixel
    writeFileSync(join(dir, 'outline.png'), PNG.sync.write(png));
    const r = await buildAppPackage({ manifestDir: dir, envFile, appVersion: '1.0.0' });
    expect(r.errors.join('\n')).toMatch(/white on transparent/);
  });
});
