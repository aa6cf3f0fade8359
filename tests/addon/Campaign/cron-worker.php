<?php

/**
 * A cron worker of the fault campaign, run in a request process of its own
 * ($sb->spawn(['type' => 'php', 'file' => this file])): the WHMCS cron
 * (AfterCronJob: the addon drains its queue) again and again, until nothing is
 * due any more, or the round's time is up. Two of these run at once.
 *
 * The campaign's clock comes from the control file named by
 * $ACU_CAMPAIGN_CONTROL: {"clock": seconds to add to now, "maxRuns": n,
 * "seconds": s}. All processes of a round share that clock, so back-offs
 * pass between rounds and leases never expire under a worker's feet.
 */

declare(strict_types=1);

use WHMCS\Module\Addon\AcumulusConnect\Clock;
use WHMCS\Module\Addon\AcumulusConnect\Ledger;
use WhmcsSandbox\Sandbox;

$controlFile = (string) getenv('ACU_CAMPAIGN_CONTROL');
$control = json_decode((string) file_get_contents($controlFile), true, 512, JSON_THROW_ON_ERROR);
Clock::reset();
Clock::travel((int) $control['clock']);

$sb = Sandbox::current();
$runs = 0;
$t0 = microtime(true);
do {
    $sb->cron()->run();
    $runs++;
} while (
    $runs < (int) $control['maxRuns']
    && microtime(true) - $t0 < (float) $control['seconds']
    && (new Ledger())->due(1) !== []
);

return ['runs' => $runs, 'pid' => getmypid(), 'seconds' => round(microtime(true) - $t0, 2)];
