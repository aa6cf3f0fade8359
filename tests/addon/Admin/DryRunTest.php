<?php

declare(strict_types=1);

namespace AcumulusConnect\Tests\Admin;

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Actions;
use WHMCS\Module\Addon\AcumulusConnect\Admin\DryRun;
use WHMCS\Module\Addon\AcumulusConnect\Admin\Layout;

/**
 * The dry run: the exact request a send makes (credentials masked), Acumulus'
 * test-mode answer, and nothing written, neither in the ledger nor in Acumulus.
 */
final class DryRunTest extends AdminTestCase
{
    public function testItShowsTheRequestASendMakesAndChangesNothing(): void
    {
        $id = $this->newInvoice('nl_business', [['Webhosting & <Pro>', '9.95', true]]);
        $this->clearLedger();
        $before = [self::$sim->entries(), Capsule::table('mod_acumulus_connect')->count(), Capsule::table('mod_acumulus_connect_documents')->count(),
            Capsule::table('mod_acumulus_connect_events')->count()];

        $r = (new DryRun(new Layout('addonmodules.php?module=acumulus_connect')))->run($id);
        $this->assertNull($r['error']);
        $this->assertSame(['book'], array_column($r['plan']['steps'], 'action'), 'a send would book it');
        $this->assertStringContainsString('<invoice>', (string) $r['xml']);
        $this->assertStringContainsString('Webhosting &amp; &lt;Pro&gt;', (string) $r['xml']);
        foreach (['sim-Secret-5', 'apiuser', '<contractcode>123456</contractcode>'] as $secret) {
            $this->assertStringNotContainsString($secret, (string) $r['xml']);
        }
        $this->assertTrue($r['answer']['ok'], (string) ($r['answer']['message'] ?? ''));
        $this->assertTrue($r['answer']['testMode']);
        $this->assertMatchesRegularExpression('/^\d{8,}$/', (string) $r['answer']['main']['invoicenumber'], 'the number it would get');
        $after = [self::$sim->entries(), Capsule::table('mod_acumulus_connect')->count(), Capsule::table('mod_acumulus_connect_documents')->count(),
            Capsule::table('mod_acumulus_connect_events')->count()];
        $this->assertSame($before, $after, 'nothing stored in Acumulus, nothing written in the ledger');

        // the real send makes the same request (but for the marker that is new at every send)
        $this->assertSame('done', (new Actions())->send($id));
        $sent = '';
        foreach (self::$sim->requests() as $req) {
            if (($req['endpoint'] ?? '') === 'invoices/invoice_add' && !str_contains((string) ($req['xml'] ?? ''), '<testmode>1</testmode>')) {
                $sent = (string) ($req['xml'] ?? '');
            }
        }
        $this->assertNotSame('', $sent, 'the simulator saw the send');
        $this->assertSame(self::customer((string) $r['xml']), self::customer($sent));
    }

    public function testThePageEscapesTheXmlAndTheAnswerAndLeavesThePasswordOut(): void
    {
        $id = $this->newInvoice('nl_consumer', [['<script>alert(1)</script> & Co hosting', '5.00', true]]);
        $this->clearLedger();
        $page = $this->page(['action' => 'dryrun', 'id' => (string) $id]);
        $this->assertSame(200, $page->status);
        $this->assertStringContainsString('id="acu-dryrun-xml"', $page->output);
        $this->assertStringContainsString(
            '&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt; &amp;amp; Co hosting',
            $page->output,
            'the XML (escaped for XML) is escaped again for HTML'
        );
        $this->assertStringNotContainsString('<script>alert', $page->html);
        $this->assertStringNotContainsString(self::PASSWORD, $page->html);
        $this->assertStringContainsString('Acumulus accepts it', $page->output);
    }

    public function testAnInvoiceTheMapperSkipsSaysWhy(): void
    {
        $c = $this->sb->scenarios()->client('nl_consumer');
        $id = $this->sb->scenarios()->addFunds($c, '25.00');
        $this->clearLedger();
        $r = (new DryRun(new Layout('x')))->run($id);
        $this->assertNull($r['xml']);
        $this->assertSame('add-funds', $r['map']['skip']);
        $this->assertStringContainsString('add-funds invoice', $this->page(['action' => 'dryrun', 'id' => (string) $id])->output);
    }

    /** The <customer> element of a request, without the per-send marker. */
    private static function customer(string $xml): string
    {
        if (preg_match('#<customer>.*</customer>#s', $xml, $m) !== 1) {
            return '';
        }
        return (string) preg_replace('/ref: whmcs-acumulus-[0-9a-f]+/', 'ref: *', $m[0]);
    }
}
