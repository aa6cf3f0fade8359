<?php

declare(strict_types=1);

namespace AcumulusAddonTest\Campaign;

use AcuSim\Simulator;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Clock;
use WHMCS\Module\Addon\AcumulusConnect\Hooks;
use WHMCS\Module\Addon\AcumulusConnect\Money;
use WhmcsSandbox\Dice;
use WhmcsSandbox\Sandbox;

require_once __DIR__ . '/CampaignTestCase.php';

/**
 * Issue 9, item 1: invoices go through create / pay / refund / cancel flows
 * while the simulator fails calls at random (from a fixed seed) and two cron
 * workers drain the queue at the same time as the requests do their own
 * work after the response; after the faults stop and the queue drains, every
 * invoice is in Acumulus exactly as WHMCS says it should be (Audit).
 *
 * How it runs, round by round (ACU_CAMPAIGN_ROUNDS, default 6):
 * - the shared clock moves on 7 hours (longer than the longest back-off, so
 *   whatever waits for a retry is due; claims are never older than a round);
 * - two request processes start the WHMCS cron together (cron-worker.php:
 *   AfterCronJob until nothing is due);
 * - meanwhile this process plays the round's WHMCS actions, a few invoices
 *   per request, each request ending with the work the hooks recorded (what
 *   the shutdown function does after fastcgi_finish_request()).
 * Then the faults stop and only the workers run, until nothing is left.
 *
 * Size: ACU_CAMPAIGN_INVOICES (500 in the test command, 2,000 from bench/run);
 * seed: ACU_CAMPAIGN_SEED. The same seed gives the same invoices, flows and
 * fault draws (which call meets which fault still depends on timing).
 */
final class FaultCampaignTest extends CampaignTestCase
{
    private const HOURS = 3600;
    private const PROFILES = [
        'nl_consumer' => 35, 'nl_business' => 25, 'eu_business' => 12, 'eu_consumer' => 12,
        'non_eu' => 6, 'tax_exempt' => 5, 'greece' => 5,
    ];
    private const FLOWS = [
        'due' => 25, 'paid' => 25, 'paid_at_once' => 10, 'refund_part' => 12, 'refund_full' => 6,
        'cancel' => 14, 'cancel_at_once' => 8,
    ];
    private const GATEWAYS = ['banktransfer', 'mollieideal', 'paypalcheckout'];
    private const PRODUCTS = ['Webhosting Pro', 'Domain registration example.nl', 'SSL certificate', 'Backup 50 GB', 'VPS S'];
    /** Invoices per WHMCS request: their work is done when the request ends. */
    private const PER_REQUEST = 4;

    private Sandbox $shared;
    private string $controlFile = '';
    /** @var array<string, int> */
    private array $flowCounts = [];
    /** @var list<array{client: int, flow: string, steps: array<int, list<string>>, invoice: ?int, lines: list<array>}> */
    private array $plans = [];
    /** Concepts the bookkeeper made final. */
    private int $finalized = 0;
    /** @var list<array<string, mixed>> what each worker process reported */
    private array $workerRuns = [];

    protected function sandboxOptions(): array
    {
        $o = parent::sandboxOptions();
        // a timeout costs a second, not 30
        $o['phpArgs'] = [...$o['phpArgs'], '-d', 'acumulus.timeout=1'];
        return $o;
    }

    protected function tearDown(): void
    {
        putenv('ACU_CAMPAIGN_CONTROL');
        if ($this->controlFile !== '' && is_file($this->controlFile)) {
            unlink($this->controlFile);
        }
        ini_restore('acumulus.timeout');
        parent::tearDown();
    }

    public function testEveryInvoiceIsBookedExactlyOnceUnderRandomFaultsAndTwoWorkers(): void
    {
        $count = self::envInt('ACU_CAMPAIGN_INVOICES', 500);
        $seed = self::envInt('ACU_CAMPAIGN_SEED', 20261209);
        $rounds = self::envInt('ACU_CAMPAIGN_ROUNDS', 6);
        $t0 = microtime(true);
        ini_set('acumulus.timeout', '1');
        $this->shared = $this->shareableSandbox($this->sandboxOptions());
        $this->shared->addons()->activate('acumulus_connect', $this->addonSettings());
        $this->countAttempts();
        $this->controlFile = (string) tempnam(sys_get_temp_dir(), 'acu-campaign-');
        putenv('ACU_CAMPAIGN_CONTROL=' . $this->controlFile);

        $dice = new Dice($seed);
        $clients = $this->shared->generator($seed)->clients(max(4, intdiv($count, 5)), self::PROFILES);
        $this->plans = $this->plans($dice, $count, $rounds, $clients);
        self::$sim->addFaults(self::faultMix($seed));

        for ($round = 0; $round < $rounds; $round++) {
            $this->round($round, fn () => $this->act($round, $dice));
        }
        $actionRounds = $round;
        self::$sim->clearFaults();
        $faulty = self::$sim->counters();
        for ($drain = 0; $drain < 8 && $this->workLeft(); $drain++) {
            $this->round($round++, null);
        }
        $this->bookkeeper(); // what was sent as a concept in the last round
        $ids = array_values(array_filter(array_column($this->plans, 'invoice')));
        self::assertCount($count, $ids, 'every planned invoice was created');

        $audit = Audit::run(self::$sim, $ids);
        $this->printCounts($audit, $faulty, $count, $seed, $actionRounds, $round - $actionRounds, microtime(true) - $t0);

        self::assertGreaterThan(0, array_sum((array) $faulty['fault_kinds']), 'faults were injected');
        self::assertSame(0, $audit->duplicates, "duplicates:\n" . $audit->summary());
        self::assertSame(0, $audit->lost, "lost:\n" . $audit->summary());
        self::assertSame(0, $audit->wrong, "wrong:\n" . $audit->summary());
        self::assertSame(0, $audit->withoutReason, "left without a reason:\n" . $audit->summary());
        self::assertSame(0, $audit->unsettled, "not settled after the queue drained:\n" . $audit->summary());
        self::assertSame([], $audit->problems);
    }

    /**
     * Per invoice: its client, flow and the rounds of its steps.
     *
     * @param list<int> $clients
     * @return list<array{client: int, flow: string, steps: array<int, list<string>>, invoice: ?int}>
     */
    private function plans(Dice $dice, int $count, int $rounds, array $clients): array
    {
        $plans = [];
        for ($i = 0; $i < $count; $i++) {
            $flow = $dice->weighted(self::FLOWS);
            $this->flowCounts[$flow] = ($this->flowCounts[$flow] ?? 0) + 1;
            $c = intdiv($i * $rounds, $count);
            $later = static fn (int $from) => min($rounds - 1, $from + $dice->int(0, 2));
            $steps = [$c => ['create']];
            $add = static function (int $r, string $a) use (&$steps): void {
                $steps[$r][] = $a;
            };
            switch ($flow) {
                case 'paid':
                    $add($later($c), 'pay');
                    break;
                case 'paid_at_once':
                    $add($c, 'pay');
                    break;
                case 'refund_part':
                case 'refund_full':
                    $add($p = $later($c), 'pay');
                    $add($later($p), $flow);
                    break;
                case 'cancel':
                    $add($later($c), 'cancel');
                    break;
                case 'cancel_at_once':
                    $add($c, 'cancel');
                    break;
            }
            $plans[] = ['client' => $clients[$dice->int(0, count($clients) - 1)], 'flow' => $flow, 'steps' => $steps,
                'invoice' => null, 'lines' => $this->lines($dice)];
        }
        return $plans;
    }

    /** @return list<array{0: string, 1: string, 2: bool}> */
    private function lines(Dice $dice): array
    {
        $lines = [];
        for ($n = $dice->int(1, 3), $i = 0; $i < $n; $i++) {
            $lines[] = [$dice->pick(self::PRODUCTS), Money::format($dice->int(100, 25000)), $dice->int(0, 9) > 0];
        }
        return $lines;
    }

    /**
     * A seeded mix of faults on every endpoint, each call offered to them in
     * this order: load balancer errors, rate limiting, answers lost before and
     * after storing, cut-off bodies, exceptions at Acumulus.
     *
     * @return list<array<string, mixed>>
     */
    private static function faultMix(int $seed): array
    {
        $mix = [
            ['503', 0.020, []], ['502', 0.010, []], ['500', 0.008, []], ['500', 0.004, ['store' => true]],
            ['429', 0.010, ['retry_after' => 120]],
            ['timeout', 0.006, ['store' => false]], ['timeout', 0.006, ['store' => true]],
            ['reset', 0.008, ['store' => true]], ['reset', 0.004, ['store' => false]],
            ['malformed', 0.008, ['store' => true]],
            ['status3', 0.005, ['store' => false]], ['status3', 0.004, ['store' => true]],
        ];
        $faults = [];
        foreach ($mix as $i => [$mode, $rate, $options]) {
            $faults[] = ['endpoint' => '*', 'mode' => $mode, 'rate' => $rate, 'seed' => $seed + $i] + $options;
        }
        return $faults;
    }

    /**
     * One round: a bookkeeper makes the concepts in Acumulus final (invoices
     * of Dutch clients that WHMCS calls tax-exempt are sent as concepts, to be
     * decided by hand), the clock moves on, two cron workers start together,
     * and $act plays WHMCS meanwhile.
     */
    private function round(int $round, ?callable $act): void
    {
        $this->bookkeeper();
        $clock = $round * 7 * self::HOURS;
        Clock::reset();
        Clock::travel($clock);
        file_put_contents($this->controlFile, json_encode(['clock' => $clock, 'maxRuns' => 200, 'seconds' => 240]));
        $at = microtime(true) + 0.3;
        $workers = [];
        foreach ([1, 2] as $_) {
            $workers[] = $this->shared->spawn(['type' => 'php', 'file' => __DIR__ . '/cron-worker.php'], $at);
        }
        try {
            if ($act !== null) {
                $act();
            }
        } finally {
            foreach ($workers as $w) {
                $r = $w->wait();
                self::assertSame(0, $r['exitCode'], 'a cron worker failed: ' . ($r['error'] ?? '') . ' ' . $r['stderr']);
                self::assertSame([], $r['hookErrors'] ?? [], 'a hook threw in a cron worker');
                $this->workerRuns[] = (array) ($r['result'] ?? []);
            }
        }
    }

    /** Makes every concept in Acumulus final, as the bookkeeper does by hand. */
    private function bookkeeper(): void
    {
        foreach (self::$sim->state('concepts', Simulator::CONTRACT)[Simulator::CONTRACT] ?? [] as $c) {
            if (($c['entryids'] ?? []) === []) {
                self::$sim->finalizeConcept((int) $c['id']);
                $this->finalized++;
            }
        }
    }

    /** The WHMCS actions of one round, a few invoices per request. */
    private function act(int $round, Dice $dice): void
    {
        $plans = &$this->plans;
        $s = $this->shared->scenarios();
        $due = [];
        foreach ($plans as $i => $p) {
            if (isset($p['steps'][$round])) {
                $due[] = $i;
            }
        }
        foreach (array_chunk($due, self::PER_REQUEST) as $request) {
            foreach ($request as $i) {
                foreach ($plans[$i]['steps'][$round] as $action) {
                    $inv = $plans[$i]['invoice'];
                    switch ($action) {
                        case 'create':
                            $plans[$i]['invoice'] = $s->invoice($plans[$i]['client'], $plans[$i]['lines']);
                            break;
                        case 'pay':
                            $s->pay($inv, null, $dice->pick(self::GATEWAYS), 'CAMP-' . $inv);
                            break;
                        case 'refund_part':
                            $total = Money::cents((string) localAPI('GetInvoice', ['invoiceid' => $inv])['total']);
                            $s->refund($inv, Money::format($dice->int(1, $total - 1)));
                            break;
                        case 'refund_full':
                            $this->shared->actions()->refundInvoice($inv);
                            break;
                        case 'cancel':
                            $s->cancel($inv);
                            break;
                    }
                }
            }
            Hooks::flush(); // the request ends: its after-response work
        }
    }

    private function workLeft(): bool
    {
        return Capsule::table('mod_acumulus_connect_events')->exists()
            || Capsule::table('mod_acumulus_connect')->whereIn('state', ['queued', 'sending', 'uncertain'])->exists();
    }

    /**
     * Every failed attempt of an invoice (the worker raises its attempts
     * count: retry later, uncertain, failed), recorded by a trigger of the
     * test's own, so the campaign can say how often the addon tried again.
     */
    private function countAttempts(): void
    {
        Capsule::schema()->create('campaign_attempts', static function ($t): void {
            $t->increments('id');
            $t->unsignedInteger('invoiceid');
            $t->string('state', 16)->nullable();
            $t->string('kind', 32)->nullable();
        });
        if (Capsule::connection()->getDriverName() === 'sqlite') {
            Capsule::unprepared('CREATE TRIGGER campaign_attempt AFTER UPDATE OF attempts ON mod_acumulus_connect'
                . ' WHEN NEW.attempts > OLD.attempts BEGIN INSERT INTO campaign_attempts (invoiceid, state, kind)'
                . ' VALUES (NEW.id, NEW.state, NEW.last_error_kind); END');
        } else {
            Capsule::unprepared('CREATE TRIGGER campaign_attempt AFTER UPDATE ON mod_acumulus_connect FOR EACH ROW'
                . ' INSERT INTO campaign_attempts (invoiceid, state, kind) SELECT NEW.id, NEW.state, NEW.last_error_kind'
                . ' FROM DUAL WHERE NEW.attempts > OLD.attempts');
        }
    }

    private function printCounts(Audit $a, array $faulty, int $count, int $seed, int $rounds, int $drains, float $secs): void
    {
        $kinds = array_map('intval', (array) $faulty['fault_kinds']);
        $retries = [];
        foreach (Capsule::table('campaign_attempts')->selectRaw('kind, count(*) as n')->groupBy('kind')->get() as $r) {
            $retries[(string) ($r->kind ?? '?')] = (int) $r->n;
        }
        $activity = static fn (string $like): int => Capsule::table('tblactivitylog')->where('description', 'like', $like)->count();
        $found = $activity('%unknown outcome was stored after all%');
        $notStored = $activity('%unknown outcome was not stored by Acumulus%');
        $counters = self::$sim->counters();
        $requests = (array) $counters['requests'];
        $runs = array_sum(array_map(static fn (array $r) => (int) ($r['runs'] ?? 0), $this->workerRuns));
        $lines = [
            sprintf(
                'Fault campaign: %d invoices, seed %d, %d rounds with faults + %d to drain, 2 cron workers'
                . ' (%d cron runs) + the requests\' own work; %.0f s on %s',
                $count,
                $seed,
                $rounds,
                $drains,
                $runs,
                $secs,
                Capsule::connection()->getDriverName()
            ),
            '  flows:               ' . self::list($this->flowCounts),
            sprintf(
                '  faults injected:     %d of %d API calls: %s',
                array_sum($kinds),
                (int) $faulty['total_requests'],
                self::list($kinds)
            ),
            sprintf('  retries:             %d (failed attempts by kind: %s)', array_sum($retries), self::list($retries)),
            sprintf(
                '  uncertain reconciled: %d (%d stored after all and adopted, %d not stored and sent again)',
                $found + $notStored,
                $found,
                $notStored
            ),
            sprintf(
                '  in Acumulus:         %d entries: %d invoices booked once, %d credit notes; %d cancelled or refunded'
                . ' before they were booked (nothing to book, noted); %d concepts made final by the bookkeeper'
                . ' (%d of them still \'concept\' in the ledger: nothing happened to the invoice since)',
                $a->entries,
                $a->invoicesBooked,
                $a->creditNotes,
                $a->neverBooked,
                $this->finalized,
                count($a->conceptsMadeFinal)
            ),
            sprintf(
                '  API calls:           %d (invoice_add %d, paymentstatus_set %d, lookups %d), %d TLS handshakes',
                (int) $counters['total_requests'],
                (int) ($requests['invoices/invoice_add'] ?? 0),
                (int) ($requests['invoices/invoice_paymentstatus_set'] ?? 0),
                (int) ($requests['contacts/contacts_list'] ?? 0) + (int) ($requests['contacts/contact_invoices_outgoing'] ?? 0)
                + (int) ($requests['entry/entry_info'] ?? 0),
                (int) $counters['tls_handshakes']
            ),
            sprintf(
                '  duplicates = %d, lost = %d, wrong = %d, unsettled = %d (without a reason shown: %d)',
                $a->duplicates,
                $a->lost,
                $a->wrong,
                $a->unsettled,
                $a->withoutReason
            ),
        ];
        self::report('campaign-faults-' . Capsule::connection()->getDriverName() . '.txt', implode("\n", $lines));
        self::writeResult('campaign-faults-problems-' . Capsule::connection()->getDriverName() . '.txt', implode("\n", $a->problems));
    }
}
