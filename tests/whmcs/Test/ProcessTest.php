<?php

declare(strict_types=1);

namespace WhmcsSandbox\Tests;

use LogicException;
use WHMCS\Database\Capsule;
use WhmcsSandbox\Process;

/**
 * Requests in separate PHP processes against the same database: a shared
 * SQLite file (WAL) or MariaDB. Two processes firing the same hook at the
 * same moment, and work done after the response was sent.
 */
final class ProcessTest extends TestCase
{
    public function testAMemoryDatabaseCannotBeShared(): void
    {
        if (self::lane() === 'mysql') {
            $this->assertTrue($this->sb->db->isShareable());
            return;
        }
        $this->expectException(LogicException::class);
        $this->sb->spawn(['type' => 'api', 'command' => 'GetCurrencies']);
    }

    public function testARequestInAnotherProcessSeesAndChangesTheSameDatabase(): void
    {
        $sb = $this->shareableSandbox();
        $sb->addons()->activate('sandbox_probe');
        $s = $sb->scenarios();
        $invoice = $s->invoice($s->client(), [['Hosting', '10.00', true]]);

        $child = $sb->spawn(['type' => 'api', 'command' => 'AddInvoicePayment',
            'params' => ['invoiceid' => $invoice, 'transid' => 'CHILD-1', 'gateway' => 'banktransfer']]);
        $done = $child->wait();
        $this->assertSame(0, $done['exitCode'], $done['stderr']);
        $this->assertSame(['result' => 'success'], $done['result']);
        $this->assertSame(
            ['AddTransaction', 'AddInvoicePayment', 'InvoicePaidPreEmail', 'EmailPreSend', 'InvoicePaid'],
            $done['hooks']
        );
        $this->assertSame([], $done['hookErrors']);
        $status = localAPI('GetInvoice', ['invoiceid' => $invoice])['status'];
        $this->assertSame('Paid', $status, 'the parent sees the write');
        $childPid = $this->probe(['InvoicePaid'])[0]['pid'];
        $this->assertNotSame(getmypid(), $childPid, "the child's own hooks.php ran");
        $this->assertSame($invoice, $this->probe(['InvoicePaid'])[0]['vars']['invoiceid']);
    }

    public function testTwoProcessesFiringTheSameHookAtTheSameMomentClaimOnce(): void
    {
        $sb = $this->shareableSandbox();
        $sb->addons()->activate('sandbox_probe');
        $at = microtime(true) + 1.0;
        $action = ['type' => 'hook', 'hook' => 'InvoicePaid', 'vars' => ['invoiceid' => 4242]];
        $a = $sb->spawn($action, $at);
        $b = $sb->spawn($action, $at);
        $ra = $a->wait();
        $rb = $b->wait();
        $this->assertSame([0, 0], [$ra['exitCode'], $rb['exitCode']], $ra['stderr'] . $rb['stderr']);
        $this->assertSame([], [...$ra['hookErrors'], ...$rb['hookErrors']]);
        $claims = $this->probe(['claim-won', 'claim-lost']);
        $this->assertCount(2, $claims);
        $this->assertEqualsCanonicalizing(['claim-won', 'claim-lost'], array_column($claims, 'event'));
        $this->assertNotSame($claims[0]['pid'], $claims[1]['pid']);
        $this->assertSame(1, Capsule::table('mod_sandbox_probe_claims')->where('invoice_id', 4242)->count());
        $priorities = $this->probe(['paid-priority-1']);
        $this->assertCount(2, $priorities, 'both processes ran their hooks');
    }

    public function testWorkDeferredPastTheResponse(): void
    {
        $sb = $this->shareableSandbox();
        $sb->addons()->activate('sandbox_probe', ['defer' => true]);
        $started = microtime(true);
        $cron = $sb->spawn(['type' => 'cron']);
        $response = $cron->response();
        $respondedAfter = microtime(true) - $started;
        $this->assertSame(['PreCronJob', 'AfterCronJob'], $response['hooks']);
        $this->assertFalse($response['finishedEarly'], 'flushed by a shutdown function, after the request');
        $this->assertSame(['tasks' => [], 'reportEmail' => false], $response['result']);
        $this->assertSame([], $this->probe(['deferred-done']), 'the response came before the deferred work was done');

        $done = $cron->wait();
        $this->assertSame(0, $done['exitCode'], $done['stderr']);
        $this->assertCount(1, $this->probe(['deferred-done']));
        $this->assertGreaterThan($done['respondedAt'], $done['finishedAt'], 'the work went on after the response');
        $this->assertGreaterThan($started, $response['deliveredAt'], 'the child\'s clock at delivery');
        $this->assertLessThan($done['finishedAt'], $response['deliveredAt'], 'delivered before the deferred work ended');
        $this->assertLessThan(5.0, $respondedAfter);
    }

    public function testWithoutFinishRequestTheResponseWaitsForShutdownWork(): void
    {
        $sb = $this->shareableSandbox();
        $sb->addons()->activate('sandbox_probe', ['defer' => true, 'mode' => 'slow']);
        $started = microtime(true);
        $cron = $sb->spawn(['type' => 'cron', 'daily' => true]);
        $response = $cron->response();
        $this->assertGreaterThan(0.95, microtime(true) - $started, 'as under PHP-FPM, the client waits');
        $this->assertCount(1, $this->probe(['deferred-done']), 'done before the response arrived');
        $this->assertSame(
            ['PreCronJob', 'DailyCronJobPreEmail', 'EmailPreSend', 'DailyCronJob', 'AfterCronJob'],
            $response['hooks']
        );
        $this->assertSame(0, $cron->wait()['exitCode']);
        $this->assertSame(0, Process::inProcessFinishes());
        fastcgi_finish_request();
        $this->assertSame(1, Process::inProcessFinishes(), 'in the test process it only counts');
    }

    public function testChildrenGetThePhpArguments(): void
    {
        $sb = $this->shareableSandbox(['phpArgs' => ['-d', 'memory_limit=77M']]);
        $this->assertSame([PHP_BINARY, '-d', 'memory_limit=77M'], $sb->phpCommand());
        $script = tempnam(sys_get_temp_dir(), 'whmcs-child-');
        $code = "return [ini_get('memory_limit'), defined('WHMCS'), function_exists('localAPI')];";
        file_put_contents($script, "<?php\n" . $code . "\n");
        try {
            $done = $sb->spawn(['type' => 'php', 'file' => $script])->wait();
        } finally {
            unlink($script);
        }
        $this->assertSame(['77M', true, true], $done['result'], $done['stderr']);
    }

    public function testAnAdminPageAndAnActionInAChild(): void
    {
        $sb = $this->shareableSandbox();
        $sb->addons()->activate('sandbox_probe', ['label' => 'child']);
        $page = $sb->spawn(['type' => 'admin', 'module' => 'sandbox_probe'])->wait();
        $this->assertSame(200, $page['result']['status']);
        $this->assertStringContainsString('<p id="label">child</p>', $page['result']['html']);

        $s = $sb->scenarios();
        $invoice = $s->invoice($s->client());
        $s->pay($invoice, null, 'banktransfer', 'BANK-9');
        $refund = $sb->spawn(['type' => 'action', 'name' => 'refund', 'args' => ['BANK-9']])->wait();
        $this->assertSame(0, $refund['exitCode'], $refund['stderr']);
        $this->assertSame(['AddTransaction', 'ManualRefund', 'InvoiceRefunded'], $refund['hooks']);
        $this->assertSame('Refunded', localAPI('GetInvoice', ['invoiceid' => $invoice])['status']);

        $bad = $sb->spawn(['type' => 'action', 'name' => 'refund', 'args' => ['NO-SUCH']])->wait();
        $this->assertSame(70, $bad['exitCode']);
        $this->assertStringContainsString('NO-SUCH', (string) $bad['error']);
    }
}
