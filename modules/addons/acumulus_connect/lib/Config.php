<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use Throwable;
use WHMCS\Database\Capsule;

/**
 * The settings form of Setup ▸ Addon Modules (acumulus_connect_config()):
 * every option of the manual under the keys of the previous module, plus the
 * new ones, all always shown (no "save to reveal"), dropdowns filled from the
 * cached Acumulus picklists and WHMCS' own lists.
 */
final class Config
{
    public const VERSION = '4.0.0';

    /** Default of every yesno the addon adds or keeps, and of every text (as the mapper assumes). */
    public static function fields(): array
    {
        $t = static fn (string $k, string ...$a): string => Lang::t($k, ...$a);
        $section = static fn (string $k): array => ['FriendlyName' => '', 'Description' => '<h2>' . htmlspecialchars($t($k), ENT_QUOTES) . '</h2>'];
        $yesno = static fn (string $label, string $desc, bool $on): array => [
            'FriendlyName' => $t($label), 'Type' => 'yesno', 'Default' => $on ? 'on' : '', 'Description' => $t($desc),
        ];
        $text = static fn (string $label, string $desc, string $default, int $size = 40): array => [
            'FriendlyName' => $t($label), 'Type' => 'text', 'Size' => (string) $size, 'Default' => $default, 'Description' => $t($desc),
        ];
        $area = static fn (string $label, string $desc, string $default): array => [
            'FriendlyName' => $t($label), 'Type' => 'textarea', 'Rows' => '4', 'Cols' => '47', 'Default' => $default, 'Description' => $t($desc),
        ];
        $drop = static fn (string $label, string $desc, array $options, string $default): array => [
            'FriendlyName' => $t($label), 'Type' => 'dropdown', 'Options' => $options, 'Default' => $default, 'Description' => $t($desc),
        ];

        $lists = self::safe(static fn () => Acumulus::picklists(), ['costcenters' => [], 'accounts' => [], 'invoicetemplates' => []]);
        $customFields = self::safe(static fn () => Capsule::table('tblcustomfields')->where('type', 'client')
            ->orderBy('fieldname')->pluck('fieldname')->map(static fn ($n) => (string) $n)->all(), []);

        $f = [];
        $f['acumulus_section_credentials'] = $section('section_credentials');
        $f['acumulus_code'] = $text('code', 'code_desc', '', 25);
        $f['acumulus_username'] = $text('username', 'username_desc', '', 25);
        $f['acumulus_password'] = ['FriendlyName' => $t('password'), 'Type' => 'password', 'Size' => '25', 'Description' => $t('password_desc')];
        $f['acumulus_credentials_check'] = ['FriendlyName' => $t('credentials_check'), 'Description' => self::checkLabel()];

        $f['acumulus_section_features'] = $section('section_features');
        $f['acumulus_emailaspdf'] = $yesno('emailaspdf', 'emailaspdf_desc', false);
        $f['acumulus_customer_import_enabled'] = $yesno('customer_import', 'customer_import_desc', true);
        $f['acumulus_hook_invoice_create_enabled'] = $yesno('hook_create', 'hook_create_desc', true);
        $f['acumulus_hook_invoice_paid_enabled'] = $yesno('hook_paid', 'hook_paid_desc', true);
        $f['acumulus_hook_invoice_canceled_enabled'] = $yesno('hook_cancel', 'hook_cancel_desc', true);
        $f['acumulus_hook_invoice_refunded_enabled'] = $yesno('hook_refund', 'hook_refund_desc', true);
        $f['acumulus_hook_invoice_gateway_enabled'] = $yesno('hook_gateway', 'hook_gateway_desc', true);
        $f['acumulus_hook_invoice_edited_enabled'] = $yesno('hook_edit', 'hook_edit_desc', true);

        $f['acumulus_section_customer'] = $section('section_customer');
        $f['acumulus_customer_type'] = $drop(
            'customer_type',
            'customer_type_desc',
            self::same(['Debtor', 'Creditor', 'Debtor/Creditor (neutral)']),
            'Debtor/Creditor (neutral)'
        );
        $f['acumulus_customer_countryautoname'] = $drop('countryautoname', 'countryautoname_desc', self::same([
            'Use the same country as the customer in WHMCS',
            'Automatic prefill based on country code',
            'Automatic prefill based on country code including Nederland',
        ]), 'Use the same country as the customer in WHMCS');
        $f['acumulus_customer_overwriteifexists'] = $yesno('overwrite', 'overwrite_desc', true);
        $f['acumulus_customer_disableduplicates'] = $yesno('duplicates', 'duplicates_desc', false);
        $f['acumulus_whmcs_vatfield'] = $drop('vatfield', 'vatfield_desc', self::same(array_merge(['[VAT Number]'], $customFields)), '[VAT Number]');
        $f['acumulus_whmcs_ibanfield'] = $drop('ibanfield', 'ibanfield_desc', ['' => '—'] + self::same($customFields), '');
        $f['acumulus_cusromer_mark'] = $text('mark', 'tags_desc', 'WHMCS Klantnr: {USERID}');

        $f['acumulus_section_invoice'] = $section('section_invoice');
        $f['acumulus_invoice_default_costcenter'] = $drop(
            'costcenter',
            'costcenter_desc',
            ['' => '—'] + self::idName($lists['costcenters'], 'costcenterid', 'costcentername'),
            ''
        );
        $f['acumulus_invoice_default_nature'] = $drop('nature', 'nature_desc', self::same(['Product', 'Service']), 'Service');
        $f['acumulus_use_acumulus_invoice_numbering'] = $yesno('numbering', 'numbering_desc', true);
        $f['acumulus_invoice_description'] = $text('title', 'tags_desc', 'WHMCS Factuur: {INVOICENUMBER}');
        $f['acumulus_creditinvoice_description'] = $text('credit_title', 'tags_desc', 'Credit Factuur:  WHMCS: {INVOICENUMBER}');
        $f['acumulus_invoice_descriptiontext'] = $area('descriptiontext', 'descriptiontext_desc', '{INVOICENOTES}');
        $f['acumulus_creditinvoice_descriptiontext'] = $area(
            'credit_descriptiontext',
            'credit_descriptiontext_desc',
            'Creditnota voor factuur {ACUMULUS_INVOICENUMBER}'
        );
        $f['acumulus_invoice_invoicenotes'] = $area('invoicenotes', 'invoicenotes_desc', '');
        $f['acumulus_invoice_template'] = $drop(
            'template',
            'template_desc',
            ['' => '—'] + self::idName($lists['invoicetemplates'], 'invoicetemplateid', 'invoicetemplatename'),
            ''
        );

        $f['acumulus_section_additional'] = $section('section_additional');
        $f['acumulus_summarize_invoice'] = $yesno('summarize', 'summarize_desc', false);
        $f['acumulus_invoice_correction'] = $yesno('correction', 'correction_desc', false);
        $f['acumulus_invoice_correction_text'] = $text('correction_text', 'tags_desc', 'WHMCS correction');
        $f['acumulus_summarization_text_taxed'] = $text('summary_taxed', 'tags_desc', 'Totaal WHMCS Factuur belast met BTW');
        $f['acumulus_summarization_text_untaxed'] = $text('summary_untaxed', 'tags_desc', 'Totaal WHMCS Factuur zonder BTW');
        $f['acumulus_refund_line_text'] = $text('refund_text', 'tags_desc', 'Terugbetaling');
        $f['acumulus_invoice_use_last_paymentmethod'] = $yesno('last_paymentmethod', 'last_paymentmethod_desc', true);
        $f['acumulus_book_addfunds'] = $yesno('book_addfunds', 'book_addfunds_desc', false);
        $f['acumulus_book_zero_total'] = $yesno('book_zero_total', 'book_zero_total_desc', true);

        $f['acumulus_section_accounts'] = $section('section_accounts');
        $accounts = ['' => '—'];
        foreach ($lists['accounts'] as $a) {
            $id = (string) ($a['accountid'] ?? '');
            $number = is_string($a['accountnumber'] ?? null) ? $a['accountnumber'] : '';
            $desc = is_string($a['accountdescription'] ?? null) ? $a['accountdescription'] : '';
            $label = trim($id . ' ' . $number . ($desc !== '' ? " ($desc)" : ''));
            if ($id !== '') {
                $accounts[$label] = $label;
            }
        }
        foreach (self::gateways() as $module => $name) {
            $f['acumulus_AccountNumber_' . $module] = $drop('gateway_account', 'gateway_account_desc', $accounts, '');
            $f['acumulus_AccountNumber_' . $module]['FriendlyName'] = $t('gateway_account', $name);
        }

        $f['acumulus_section_mail'] = $section('section_mail');
        $f['acumulus_emailaspdf_emailbcc'] = $text('emailbcc', 'emailbcc_desc', '');
        $f['acumulus_emailaspdf_emailfrom'] = $text('emailfrom', 'emailfrom_desc', '');
        $f['acumulus_emailaspdf_subject'] = $text('subject', 'tags_desc', '');
        $f['acumulus_emailaspdf_message'] = $area('message', 'tags_desc', '');
        $f['acumulus_emailaspdf_confirmreading'] = $yesno('confirmreading', 'confirmreading_desc', false);

        $f['acumulus_section_errors'] = $section('section_errors');
        $f['acumulus_warning_email_address'] = $text('warning_email', 'warning_email_desc', '', 25);
        $f['acumulus_error_email_address'] = $text('error_email', 'error_email_desc', '', 25);
        return $f;
    }

    /** The credential check, cached: redone only when the credentials changed. */
    private static function checkLabel(): string
    {
        $check = self::safe(static fn () => Acumulus::check(Settings::load()), ['status' => 'unreachable', 'message' => Lang::t('check_unknown')]);
        $class = match ($check['status']) {
            'ok' => 'text-success',
            'warning' => 'text-warning',
            'missing' => 'text-info',
            default => 'text-danger',
        };
        return '<span class="' . $class . '">' . htmlspecialchars((string) $check['message'], ENT_QUOTES, 'UTF-8') . '</span>';
    }

    /** Active payment gateways: module => display name. @return array<string, string> */
    private static function gateways(): array
    {
        return self::safe(static function (): array {
            $r = localAPI('GetPaymentMethods', []);
            $out = [];
            $list = $r['paymentmethods']['paymentmethod'] ?? [];
            if (is_array($list) && !array_is_list($list)) {
                $list = [$list];
            }
            foreach ((array) $list as $pm) {
                if (is_array($pm) && ($pm['module'] ?? '') !== '') {
                    $out[(string) $pm['module']] = (string) ($pm['displayname'] ?? $pm['module']);
                }
            }
            return $out;
        }, []);
    }

    /** @param list<string> $values @return array<string, string> */
    private static function same(array $values): array
    {
        $out = [];
        foreach ($values as $v) {
            $out[$v] = $v;
        }
        return $out;
    }

    /** Picklist items as the previous module stored them: "ID Name". @return array<string, string> */
    private static function idName(array $items, string $idKey, string $nameKey): array
    {
        $out = [];
        foreach ($items as $i) {
            $id = (string) ($i[$idKey] ?? '');
            $name = is_string($i[$nameKey] ?? null) ? $i[$nameKey] : '';
            if ($id !== '') {
                $out["$id $name"] = "$id $name";
            }
        }
        return $out;
    }

    /**
     * @template T
     * @param callable(): T $fn
     * @param T $fallback
     * @return T
     */
    private static function safe(callable $fn, mixed $fallback): mixed
    {
        try {
            return $fn();
        } catch (Throwable $e) {
            return $fallback;
        }
    }
}
