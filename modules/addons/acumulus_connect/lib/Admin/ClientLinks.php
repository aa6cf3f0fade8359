<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use Throwable;
use WHMCS\Database\Capsule;
use WHMCS\Module\Addon\AcumulusConnect\Lang;
use WHMCS\Module\Addon\AcumulusConnect\Log;
use WHMCS\Module\Addon\AcumulusConnect\Schema;
use WHMCS\Module\Addon\AcumulusConnect\Settings;

/** The client summary page (hook AdminAreaClientSummaryActionLinks): the client's Acumulus contact. */
final class ClientLinks
{
    /** @return list<string> links (HTML); [] when there is nothing to show. Never throws. */
    public static function hook(array $vars): array
    {
        try {
            $userId = (int) ($vars['userid'] ?? 0);
            if ($userId <= 0 || !Access::allowed()) {
                return [];
            }
            $contacts = self::contacts($userId);
            $booked = Capsule::table(Schema::LEDGER . ' as l')->join('tblinvoices as i', 'i.id', '=', 'l.id')
                ->where('i.userid', $userId)->whereIn('l.state', Selection::BOOKED_STATES)->count();
            $text = $contacts === [] ? Lang::t('client_link_none') : Lang::t('client_link', implode(', ', $contacts), (string) $booked);
            return [Html::fill('<a href="{h}" class="acumulus-client-link"><span class="glyphicon glyphicon-book"></span> {t}</a>', [
                'h' => 'addonmodules.php?module=' . Settings::MODULE . '&action=client&id=' . $userId, 't' => $text,
            ])];
        } catch (Throwable $e) {
            Log::exception('showing the Acumulus link on client ' . (string) ($vars['userid'] ?? '?'), $e);
            return [];
        }
    }

    /** @return list<string> the Acumulus contact ids the client's invoices were booked under, newest first */
    public static function contacts(int $userId): array
    {
        return Capsule::table(Schema::DOCUMENTS . ' as d')->join('tblinvoices as i', 'i.id', '=', 'd.invoiceid')
            ->where('i.userid', $userId)->whereNotNull('d.contactid')->where('d.contactid', '!=', '')
            ->orderByDesc('d.id')->pluck('d.contactid')->map(static fn ($v) => (string) $v)->unique()->values()->all();
    }
}
