<?php

declare(strict_types=1);

namespace WHMCS\Module\Addon\AcumulusConnect\Admin;

/**
 * The one way the admin pages put a value into HTML. e() escapes a value;
 * fill() puts values into a template of our own, escaping every {name} and
 * taking {!name} only for HTML that was itself built with these functions.
 * Data for scripts goes through json() (JSON with every HTML-special
 * character escaped).
 */
final class Html
{
    public static function e(mixed $value): string
    {
        if (is_bool($value)) {
            $value = $value ? '1' : '0';
        }
        return htmlspecialchars((string) $value, ENT_QUOTES | ENT_SUBSTITUTE | ENT_HTML5, 'UTF-8');
    }

    /**
     * Fills a template: {name} gets the escaped value, {!name} the value as
     * it is (only for markup made by Html/fill itself). A placeholder without
     * a value is an error, so a typo never leaks a literal "{x}".
     *
     * @param array<string, mixed> $values
     */
    public static function fill(string $template, array $values = []): string
    {
        return (string) preg_replace_callback('/\{(!?)([a-z][a-z0-9_]*)\}/', static function (array $m) use ($values): string {
            if (!array_key_exists($m[2], $values)) {
                throw new \LogicException('template value missing: ' . $m[2]);
            }
            return $m[1] === '!' ? (string) $values[$m[2]] : self::e($values[$m[2]]);
        }, $template);
    }

    /** A URL of the addon page with query parameters (escape it when printing). */
    public static function url(string $base, array $params = []): string
    {
        $params = array_filter($params, static fn ($v) => $v !== null && $v !== '');
        return $params === [] ? $base : $base . (str_contains($base, '?') ? '&' : '?') . http_build_query($params);
    }

    /** JSON that is safe inside a <script> element or an HTML attribute. */
    public static function json(mixed $value): string
    {
        return json_encode($value, JSON_HEX_TAG | JSON_HEX_APOS | JSON_HEX_QUOT | JSON_HEX_AMP
            | JSON_UNESCAPED_UNICODE | JSON_THROW_ON_ERROR);
    }

    /** A hidden field. */
    public static function hidden(string $name, mixed $value): string
    {
        return self::fill('<input type="hidden" name="{n}" value="{v}">', ['n' => $name, 'v' => $value]);
    }

    /**
     * A <select>: options value => label, the selected value marked.
     *
     * @param array<string|int, string> $options
     */
    public static function select(string $name, array $options, string $selected, string $id = ''): string
    {
        $out = self::fill('<select class="form-control" name="{n}" id="{id}">', ['n' => $name, 'id' => $id !== '' ? $id : $name]);
        foreach ($options as $value => $label) {
            $out .= self::fill('<option value="{v}"{!sel}>{l}</option>', [
                'v' => (string) $value, 'l' => $label, 'sel' => (string) $value === $selected ? ' selected' : '',
            ]);
        }
        return $out . '</select>';
    }

    /** A Bootstrap label for a ledger or batch state. */
    public static function stateLabel(string $state, string $text): string
    {
        $class = match ($state) {
            'booked', 'paid', 'credited' => 'label-success',
            'queued', 'sending', 'retry' => 'label-info',
            'failed' => 'label-danger',
            'uncertain', 'concept' => 'label-warning',
            default => 'label-default',
        };
        return self::fill('<span class="label {c}" data-state="{s}">{t}</span>', ['c' => $class, 's' => $state, 't' => $text]);
    }
}
