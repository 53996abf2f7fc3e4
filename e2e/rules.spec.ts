import { expect, test } from '@playwright/test';
import { StudioPage } from './pages/studio';

test.describe('Rule book edition 2', () => {
  test('a write rate on a VM raises BW-REPLICATION, and its fix clears it', async ({ page }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.openWorkload('wl-web-a');
    // Unknown write rates keep the rule quiet, and the editor says why.
    await expect(page.getByTestId('workload.wl-web-a.writeRateMBps')).toHaveValue('0');
    await expect(page.getByTestId('workload.wl-web-a.writeRateStatus')).toContainText(
      'unknown (0)',
    );

    // 4 VMs × 500 MB/s = 16 Gb/s of writes, × 1.75 = 28 Gb/s over a 10 Gb/s dark fibre route.
    await studio.setWorkloadField('wl-web-a', 'writeRateMBps', '500');
    await expect(page.getByTestId('workload.wl-web-a.writeRateStatus')).toContainText(
      'need 28 Gb/s of DCI bandwidth',
    );
    await studio.openFindings();
    const finding = studio.openFinding('BW-REPLICATION');
    await expect(finding).toHaveCount(1);
    await expect(finding).toContainText('needs 28 Gb/s > 10 Gb/s on DCI link Dark fibre route');
    await expect(finding.getByTestId('fix.BW-REPLICATION.0')).toContainText('to 40 Gb/s');

    await studio.applyFix('BW-REPLICATION');
    await expect(studio.openFinding('BW-REPLICATION')).toHaveCount(0);
    // One undoable step: Ctrl+Z brings the finding back.
    await studio.pressShortcut('Control+z');
    await expect(studio.openFinding('BW-REPLICATION')).toHaveCount(1);
  });

  test('a replicated volume whose peer is another product raises STORAGE-PEER, and its fix clears it', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    await studio.select('array-b');
    await studio.field('product').selectOption('pure-activecluster');
    await studio.openFindings();
    const finding = studio.openFinding('STORAGE-PEER');
    await expect(finding.first()).toContainText(
      'replication works only between arrays of one product',
    );
    await expect(finding).toHaveCount(3);
    await expect(finding.first().getByTestId('fix.STORAGE-PEER.0')).toContainText(
      /^ ?Make .* array$/,
    );
    await studio.applyFix('STORAGE-PEER');
    await expect(studio.openFinding('STORAGE-PEER')).toHaveCount(0);
  });

  test('a file with a misspelt field and a dangling reference opens, and says so once', async ({
    page,
  }) => {
    const studio = new StudioPage(page);
    await studio.open();
    await studio.loadTemplate('metro-vplex-otv');
    const file = await studio.exportFile('json');
    const doc = JSON.parse(file.bytes.toString('utf8')) as {
      name: string;
      nodes: Record<string, unknown>[];
      segments: Record<string, unknown>[];
    };
    doc.name = 'With warnings';
    const cluster = doc.nodes.find((n) => n['kind'] === 'cluster');
    if (!cluster) throw new Error('the template has a cluster');
    cluster['stretchPeer'] = 'esx-prod-b';
    doc.segments[0]!['gatewaySiteIds'] = ['dc1', 'dc9'];
    await studio.dropFile(
      'warnings.dci.json',
      Buffer.from(JSON.stringify(doc)),
      'application/json',
    );
    await expect(studio.designName).toContainText('With warnings');
    const toast = page.getByTestId('toast.warning');
    await expect(toast).toHaveCount(1);
    await expect(toast).toContainText('2 problems in the file, ignored');
    await expect(toast).toContainText('did you mean "stretchPeerId"?');
    await expect(toast).toContainText('"dc9" is not a site of this design');
    // Once: editing the design does not bring it back.
    await studio.select(String(cluster['id']));
    await expect(page.getByTestId('toast.warning')).toHaveCount(1);
  });
});
