<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

use WHMCS\Module\Addon\AcumulusConnect\Settings;

/**
 * A last line of defence for text from the API or an exception that goes
 * into a page: the credentials, in every form they take in a request, never
 * reach it (the client masks them already).
 */
final class Secrets
{
    /** @var list<string> */
    private array $secrets = [];

    public function __construct(Settings $settings)
    {
        foreach (['acumulus_password', 'acumulus_username', 'acumulus_code'] as $key) {
            $s = $settings->get($key);
            if (strlen($s) >= 3) { // a one- or two-character value would mask half the page
                array_push($this->secrets, $s, htmlspecialchars($s, ENT_QUOTES | ENT_XML1, 'UTF-8'), rawurlencode($s), urlencode($s));
            }
        }
        $this->secrets = array_values(array_unique($this->secrets));
        usort($this->secrets, static fn (string $a, string $b): int => strlen($b) <=> strlen($a));
    }

    public function scrub(string $text): string
    {
        return $this->secrets === [] ? $text : str_replace($this->secrets, '***', $text);
    }
}
