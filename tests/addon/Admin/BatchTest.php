<?php

declare(strict_types=1);

namespace AcumulusConnect\Tests\Admin;

use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Admin\BatchRunner;
use WHMCS\Module\Addon\AcumulusConnect\Admin\BatchStore;
use WHMCS\Module\Addon\AcumulusConnect\Admin\Filters;
use WHMCS\Module\Addon\AcumulusConnect\Admin\Selection;
use WHMCS\Module\Addon\AcumulusConnect\AdminPage;
use WHMCS\Module\Addon\AcumulusConnect\Settings;

/**
 * The batch: the preview's selection and reasons, the start (items and
 * triggers in the database), and the chunked runner whose progress lives in
 * the database, so any request (a reload, another tab) picks it up.
 */
final class BatchTest extends AdminTestCase
{
    /** @var array<string, int> */
    private array $ids = [];

    protected function setUp(): void
    {
        parent::setUp();
        $s = $this->sb->scenarios();
        $c = $s->client('nl_consumer');
        $this->ids['paid'] = $this->invoice($c, 'Paid');
        $this->ids['unpaid'] = $this->invoice($c, 'Unpaid');
        $this->ids['booked'] = $this->invoice($c, 'Paid');
        $this->ids['cancelled'] = $this->invoice($c, 'Cancelled');
        $this->ids['draft'] = $this->invoice($c, 'Draft');
        $this->ids['refunded'] = $this->invoice($c, 'Refunded');
        $this->ids['zero'] = $this->invoice($c, 'Paid', [['Free month', '0.00', true]]);
        $this->ids['addfunds'] = $s->addFunds($c, '50.00');
        $a = $this->invoice($c, 'Unpaid');
        $b = $this->invoice($c, 'Unpaid');
        $this->ids['masspay'] = $s->massPay($c, [$a, $b]);
        $this->ids['mass_a'] = $a;
        $this->ids['mass_b'] = $b;
        $this->ids['gbp'] = $this->invoice($s->client('uk'), 'Paid', [['Hosting', '12.34', true]]);
        // as if nothing had been sent: no hook work left over
        $this->clearLedger();
        $this->ledger($this->ids['booked'], 'paid', ['token' => 'T1', 'entryid' => '1']);
    }

    private function all(): Filters
    {
        return Filters::fromRequest(['from' => '2000-01-01', 'to' => '2099-12-31']);
    }

    public function testThePreviewSaysWhatItSendsAndWhyItLeavesTheRestOut(): void
    {
        $sel = (new Selection(Settings::load()))->run($this->all());
        $plan = array_column($sel['rows'], 'plan', 'id');
        $this->assertSame('send', $plan[$this->ids['paid']]);
        $this->assertSame('send', $plan[$this->ids['unpaid']]);
        $this->assertSame('booked', $plan[$this->ids['booked']]);
        $this->assertSame('cancelled', $plan[$this->ids['cancelled']]);
        $this->assertSame('draft', $plan[$this->ids['draft']]);
        $this->assertSame('refunded', $plan[$this->ids['refunded']]);
        $this->assertSame('add_funds', $plan[$this->ids['addfunds']]);
        $this->assertSame('mass_payment', $plan[$this->ids['masspay']]);
        $this->assertSame('send', $plan[$this->ids['mass_a']], 'the invoices a mass payment pays are booked themselves');
        $this->assertSame('send', $plan[$this->ids['zero']], 'zero totals are booked by default');
        $this->assertSame(count($sel['send']) + array_sum($sel['skips']), $sel['count']);
        $this->assertEqualsCanonicalizing(['EUR', 'GBP'], array_keys($sel['totals']));
        $gbp = Capsule::table('tblinvoices')->where('id', $this->ids['gbp'])->value('total');
        $this->assertSame(Selection::cents((string) $gbp), $sel['totals']['GBP']);

        $this->sb->addons()->writeSetting(self::MODULE, 'acumulus_book_zero_total', '');
        $this->sb->addons()->writeSetting(self::MODULE, 'acumulus_book_addfunds', 'on');
        $plan = array_column((new Selection(Settings::load()))->run($this->all())['rows'], 'plan', 'id');
        $this->assertSame('zero_total', $plan[$this->ids['zero']]);
        $this->assertSame('send', $plan[$this->ids['addfunds']], 'booked when the setting says so');
    }

    public function testAnInvoiceWithNothingToBookOffersNoSendButSaysWhy(): void
    {
        foreach (['addfunds' => 'add-funds invoice', 'cancelled' => 'cancelled before it was booked', 'draft' => 'a draft in WHMCS'] as $k => $why) {
            $out = $this->page(['action' => 'invoice', 'id' => (string) $this->ids[$k]])->output;
            $this->assertStringContainsString('id="acu-prediction"', $out, $k);
            $this->assertStringContainsString($why, $out, $k);
            $this->assertStringNotContainsString('id="acu-send"', $out, $k);
            $panel = \WHMCS\Module\Addon\AcumulusConnect\Admin\InvoicePanel::hook(['invoiceid' => $this->ids[$k]]);
            $this->assertStringContainsString($why, $panel, $k);
            $this->assertStringNotContainsString('acu-panel-send', $panel, $k);
        }
        $out = $this->page(['action' => 'invoice', 'id' => (string) $this->ids['paid']])->output;
        $this->assertStringContainsString('id="acu-send"', $out);
        $this->assertStringNotContainsString('id="acu-prediction"', $out);
    }

    public function testFiltersNarrowTheSelection(): void
    {
        $paid = (new Selection(Settings::load()))->run(Filters::fromRequest(['from' => '2000-01-01', 'to' => '2099-12-31', 'status' => 'Unpaid']));
        foreach ($paid['rows'] as $r) {
            $this->assertSame('Unpaid', $r['status']);
        }
        $this->assertNotEmpty($paid['rows']);
        $none = (new Selection(Settings::load()))->run(Filters::fromRequest(['from' => '2000-01-01', 'to' => '2000-12-31']));
        $this->assertSame(0, $none['count']);
        $gw = (new Selection(Settings::load()))->run(Filters::fromRequest(['from' => '2000-01-01', 'to' => '2099-12-31', 'gateway' => 'no-such-gateway']));
        $this->assertSame(0, $gw['count']);
        $bad = Filters::fromRequest(['from' => '2026-13-45', 'to' => "x'; drop table", 'status' => 'Evil', 'gateway' => '<b>', 'dateon' => 'x']);
        $this->assertSame(['from' => date('Y-m-01'), 'to' => date('Y-m-d'), 'dateon' => 'date', 'status' => '', 'gateway' => ''], $bad->toArray());
    }

    public function testThePreviewPageShowsCountsReasonsAndAStartForm(): void
    {
        $out = $this->page(['action' => 'batch', 'preview' => '1', 'from' => '2000-01-01', 'to' => '2099-12-31'])->output;
        $send = count((new Selection(Settings::load()))->run($this->all())['send']);
        $this->assertMatchesRegularExpression('#id="acu-preview-send"><span>' . $send . '</span>#', $out);
        $this->assertStringContainsString('data-reason="mass_payment"', $out);
        $this->assertStringContainsString('a mass-payment invoice: the invoices it pays are booked themselves', $out);
        $this->assertStringContainsString('name="acumulus_action" value="batch_start"', $out);
        $this->assertMatchesRegularExpression('/name="nonce" value="[0-9a-f]{32}"/', $out);
        $this->assertStringContainsString('GBP 12.34', $out, 'amounts with their currency, from the decimal strings');
    }

    public function testStartingRecordsTheBatchAndASendTriggerPerInvoiceOnce(): void
    {
        $post = ['acumulus_action' => 'batch_start', 'nonce' => str_repeat('d', 32), 'from' => '2000-01-01', 'to' => '2099-12-31',
            'token' => $this->token()];
        $out = $this->page([], $post)->output;
        $this->assertStringContainsString('id="acu-batch"', $out);
        $batch = Capsule::table('mod_acumulus_connect_batches')->first();
        $send = (new Selection(Settings::load()))->run($this->all())['send'];
        $this->assertSame(count($send) + 1, (int) $batch->total + 1);
        $this->assertSame($send, Capsule::table('mod_acumulus_connect_batch_items')->orderBy('seq')->pluck('invoiceid')->map('intval')->all());
        $this->assertSame(count($send), Capsule::table('mod_acumulus_connect_events')->where('trigger', 'send')->count());
        $this->assertSame(0, Capsule::table('mod_acumulus_connect_events')->where('invoiceid', $this->ids['booked'])->count());
        $skips = json_decode((string) $batch->planned_skips, true);
        $this->assertSame(1, $skips['mass_payment']);

        // the page's script data: JSON escaped for an attribute, with the batch and the token
        $this->assertMatchesRegularExpression('/data-config="\{&quot;batch&quot;:' . (int) $batch->id . ',/', $out);

        $this->page([], $post); // posted again (a reload): the same batch, no second trigger
        $this->assertSame(1, Capsule::table('mod_acumulus_connect_batches')->count());
        $this->assertSame(count($send), Capsule::table('mod_acumulus_connect_events')->where('trigger', 'send')->count());
    }

    public function testTheRunnerWorksInChunksAndItsProgressSurvivesBetweenRequests(): void
    {
        $ids = range(1000, 1079); // 80 invoices: the runner only looks at the ledger
        $store = new BatchStore();
        foreach ($ids as $id) {
            $this->ledger($id, 'queued');
        }
        $batchId = $store->create(str_repeat('e', 32), 'send', [], $ids, ['booked' => 3], 1);
        $this->assertSame(80, Capsule::table('mod_acumulus_connect_events')->where('trigger', 'send')->count());

        $chunks = [];
        // a stand-in for the worker: books every invoice but #1013 (refused) and #1027 (503: retried later)
        $work = function (array $chunk) use (&$chunks): void {
            $chunks[] = $chunk;
            foreach ($chunk as $id) {
                $state = match ($id) {
                    1013 => 'failed',
                    1027 => 'queued',
                    default => 'paid',
                };
                if ($state !== 'queued') {
                    Capsule::table('mod_acumulus_connect_events')->where('invoiceid', $id)->delete();
                }
                Capsule::table('mod_acumulus_connect')->where('id', $id)->update(['state' => $state,
                    'last_error' => $state === 'paid' ? null : 'HTTP 503', 'last_error_kind' => $state === 'paid' ? null : 'http']);
            }
        };
        $seen = [];
        for ($request = 0; $request < 10; $request++) {
            // each request a new runner with no time to spare: one chunk, as a slow request would manage
            $p = (new BatchRunner(new BatchStore(), $work, 0.0))->step($batchId);
            $seen[] = $p['done'];
            if ($p['state'] === 'done') {
                break;
            }
            $this->assertTrue($p['worked']);
            $this->assertSame('running', $p['state']);
            $this->assertGreaterThan(0, $p['eta'] ?? -1, 'time left is known once something was done: ' . json_encode($p));
        }
        $this->assertSame([25, 50, 75, 80], $seen, 'chunks of ' . BatchRunner::CHUNK . ', progress kept between requests');
        $this->assertSame(array_chunk($ids, BatchRunner::CHUNK), $chunks, 'each invoice handed to the worker once, in order');
        $this->assertSame('done', $p['state']);
        $this->assertSame(100, $p['percent']);
        $this->assertSame(['booked' => 78, 'concept' => 0, 'skipped' => 0, 'failed' => 1, 'retry' => 1, 'uncertain' => 0, 'pending' => 0], $p['counts']);
        $this->assertSame([1013, 1027], array_column($p['problems'], 'invoiceid'));
        $this->assertStringContainsString('Acumulus was busy or not available.', $p['problems'][1]['reason']);

        $again = (new BatchRunner(new BatchStore(), $work))->step($batchId);
        $this->assertFalse($again['worked'], 'a finished batch is not worked on');
        $this->assertCount(4, $chunks);
    }

    public function testOnePageAtATimeWorksOnABatchAndLeasedInvoicesWait(): void
    {
        $store = new BatchStore();
        foreach ([2001, 2002] as $id) {
            $this->ledger($id, 'queued');
        }
        $batchId = $store->create(str_repeat('f', 32), 'send', [], [2001, 2002], [], 1);
        $this->assertTrue($store->claimRunner($batchId, 60), 'another tab holds the batch');
        $calls = 0;
        $p = (new BatchRunner($store, function () use (&$calls): void {
            $calls++;
        }))->step($batchId);
        $this->assertFalse($p['worked']);
        $this->assertSame(0, $calls);
        $store->releaseRunner($batchId, 0);

        // #2002 is held by another worker (the cron): it stays open in the batch
        Capsule::table('mod_acumulus_connect')->where('id', 2002)->update(['lease_owner' => 'cron', 'lease_until' => time() + 100]);
        $p = (new BatchRunner($store, function (array $chunk): void {
            foreach ($chunk as $id) {
                if ($id === 2001) {
                    Capsule::table('mod_acumulus_connect_events')->where('invoiceid', $id)->delete();
                    Capsule::table('mod_acumulus_connect')->where('id', $id)->update(['state' => 'skipped']);
                }
            }
        }, 0.05))->step($batchId);
        $this->assertSame(1, $p['done']);
        $this->assertSame('running', $p['state']);
        // the cron finishes it; the status request collects the outcome without sending
        Capsule::table('mod_acumulus_connect_events')->where('invoiceid', 2002)->delete();
        Capsule::table('mod_acumulus_connect')->where('id', 2002)->update(['state' => 'booked', 'lease_owner' => null, 'lease_until' => null]);
        $r = (new AdminPage(['modulelink' => 'addonmodules.php?module=acumulus_connect']));
        $_SERVER['REQUEST_METHOD'] = 'GET';
        $_GET = ['action' => 'batch_status', 'id' => (string) $batchId];
        $json = $r->handle();
        $this->assertTrue($json->isJson());
        $this->assertSame('done', $json->data['state']);
        $this->assertSame(['booked' => 1, 'skipped' => 1], array_filter(array_intersect_key($json->data['counts'], ['booked' => 0, 'skipped' => 0])));
    }

    public function testTheStepIsAJsonPostWithTheToken(): void
    {
        $this->ledger(3001, 'queued');
        $batchId = (new BatchStore())->create(str_repeat('9', 32), 'send', [], [3001], [], 1);
        $this->token();
        $_SERVER['REQUEST_METHOD'] = 'POST';
        $_POST = ['acumulus_action' => 'batch_step', 'batch' => (string) $batchId, 'token' => $this->token()];
        $r = (new AdminPage(['modulelink' => 'addonmodules.php?module=acumulus_connect']))->handle();
        $this->assertTrue($r->isJson());
        $this->assertSame($batchId, $r->data['id']);
        $this->assertSame(1, $r->data['total']);
        $this->assertFalse($r->data['blocked'], 'the extension is there: the page may wait for its turn');
        $this->assertSame(json_decode($r->body, true), $r->data);
        $_POST['batch'] = '999';
        $this->assertSame(404, (new AdminPage([]))->handle()->status);
        $_SERVER['REQUEST_METHOD'] = 'GET';
    }
}
