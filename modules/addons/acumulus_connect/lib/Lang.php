<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect;

use WHMCS\Database\Capsule;

/**
 * The addon's texts, in the admin's language (lang/<language>.php, as WHMCS
 * addons do), falling back to English for a missing language or key.
 */
final class Lang
{
    /** @var array<string, array<string, string>> */
    private static array $loaded = [];

    /** The language of the admin who is logged in, else the system language, else english. */
    public static function current(): string
    {
        $lang = '';
        $adminId = (int) ($_SESSION['adminid'] ?? 0);
        try {
            if ($adminId > 0) {
                $lang = (string) Capsule::table('tbladmins')->where('id', $adminId)->value('language');
            }
            if ($lang === '') {
                $lang = (string) Capsule::table('tblconfiguration')->where('setting', 'Language')->value('value');
            }
        } catch (\Throwable $e) {
            $lang = '';
        }
        $lang = strtolower(preg_replace('/[^a-z_]/i', '', $lang) ?? '');
        return is_file(self::file($lang)) ? $lang : 'english';
    }

    /** @return array<string, string> */
    public static function table(?string $language = null): array
    {
        $language ??= self::current();
        if (!isset(self::$loaded[$language])) {
            $english = self::read('english');
            self::$loaded[$language] = $language === 'english' ? $english : self::read($language) + $english;
        }
        return self::$loaded[$language];
    }

    /** A text by key; %s placeholders filled with sprintf. */
    public static function t(string $key, string ...$args): string
    {
        $text = self::table()[$key] ?? $key;
        return $args ? vsprintf($text, $args) : $text;
    }

    private static function file(string $language): string
    {
        return dirname(__DIR__) . '/lang/' . $language . '.php';
    }

    /** @return array<string, string> */
    private static function read(string $language): array
    {
        $file = self::file($language);
        if (!is_file($file)) {
            return [];
        }
        $_ADDONLANG = [];
        include $file;
        return $_ADDONLANG;
    }
}
