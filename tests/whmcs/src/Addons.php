<?php

declare(strict_types=1);

namespace WhmcsSandbox;

use InvalidArgumentException;
use RuntimeException;
use WHMCS\Database\Capsule;

/**
 * Setup ▸ Addon Modules: finding addons under the modules root, activating,
 * configuring, upgrading and deactivating them, and loading their hooks.php
 * (../shared/ref/whmcs-platform.md §2).
 *
 * Where WHMCS keeps the state (tblconfiguration; [unsure] names, see the docs):
 *   ActiveAddonModules  comma-separated names of the active addons
 *   AddonModulesHooks   the active addons that had a hooks.php when they were
 *                       activated or their settings were last saved (WHMCS
 *                       caches this; a hooks.php added later is not loaded)
 * and tbladdonmodules holds 'version', 'access' and one row per setting.
 */
final class Addons
{
    /**
     * hooks.php files already included in this process, with what they
     * registered: PHP cannot include a file that declares functions twice, so
     * later "page loads" replay the registrations.
     *
     * @var array<string, list<array{hook:string,priority:int,fn:callable|string}>>
     */
    private static array $hookFiles = [];

    private string $root;

    public function __construct(private readonly Sandbox $sb, string $root)
    {
        // Absolute, so that other processes (request runner, php -S) find it from any directory.
        $this->root = rtrim(realpath($root) ?: $root, '/');
    }

    public function root(): string
    {
        return $this->root;
    }

    /** Addons present under the modules root. @return list<string> */
    public function available(): array
    {
        $out = [];
        foreach (glob($this->root . '/*/*.php') ?: [] as $file) {
            $name = basename(dirname($file));
            if (basename($file, '.php') === $name && self::validName($name)) {
                $out[] = $name;
            }
        }
        sort($out);
        return array_values(array_unique($out));
    }

    public function dir(string $name): string
    {
        if (!self::validName($name)) {
            throw new InvalidArgumentException("invalid addon module name '$name'");
        }
        return $this->root . '/' . $name;
    }

    /** Includes the addon's main file (once per process, as WHMCS does once per request). */
    public function load(string $name): void
    {
        $file = $this->dir($name) . '/' . $name . '.php';
        if (!is_file($file)) {
            throw new RuntimeException("addon module '$name' not found under {$this->root}");
        }
        (static function (string $file): void {
            require_once $file;
        })($file);
        if (!function_exists($name . '_config')) {
            throw new RuntimeException("addon module '$name' has no {$name}_config()");
        }
    }

    /** What {name}_config() returns. @return array<string,mixed> */
    public function config(string $name): array
    {
        $this->load($name);
        $config = ($name . '_config')();
        if (!is_array($config)) {
            throw new RuntimeException("{$name}_config() did not return an array");
        }
        return $config;
    }

    /** @return list<string> */
    public function active(): array
    {
        return $this->sb->settings()->getList('ActiveAddonModules');
    }

    public function isActive(string $name): bool
    {
        return in_array($name, $this->active(), true);
    }

    /**
     * The admin clicks Activate: {name}_activate() runs; unless it answers
     * status 'error' the addon becomes active with its version and access
     * rows. With $settings the admin then saves the configuration form with
     * those values (see saveSettings()). The hooks of the addon take effect
     * from the next page load, which this starts.
     *
     * @param array<string,string|bool|int>|null $settings
     * @return array{status:string,description:string}
     */
    public function activate(string $name, ?array $settings = null, string $access = '1'): array
    {
        $config = $this->config($name);
        $result = ['status' => 'success', 'description' => ''];
        if (function_exists($name . '_activate')) {
            $returned = ($name . '_activate')();
            if (is_array($returned)) {
                $result = ['status' => (string) ($returned['status'] ?? 'success'),
                    'description' => (string) ($returned['description'] ?? '')];
            }
        }
        if ($result['status'] === 'error') {
            return $result;
        }
        $this->sb->settings()->setList('ActiveAddonModules', [...$this->active(), $name]);
        $this->writeSetting($name, 'version', (string) ($config['version'] ?? ''));
        $this->writeSetting($name, 'access', $access);
        $this->cacheHookFile($name);
        if ($settings !== null) {
            $this->saveSettings($name, $settings);
        }
        $this->sb->newRequest($this->sessionExtras());
        return $result;
    }

    /**
     * The admin clicks Deactivate: {name}_deactivate() runs; unless it answers
     * status 'error' the addon is no longer active, its hooks stop and its
     * tbladdonmodules rows are deleted (unless $keepSettings).
     *
     * @return array{status:string,description:string}
     */
    public function deactivate(string $name, bool $keepSettings = false): array
    {
        $this->load($name);
        $result = ['status' => 'success', 'description' => ''];
        if (function_exists($name . '_deactivate')) {
            $returned = ($name . '_deactivate')();
            if (is_array($returned)) {
                $result = ['status' => (string) ($returned['status'] ?? 'success'),
                    'description' => (string) ($returned['description'] ?? '')];
            }
        }
        if ($result['status'] === 'error') {
            return $result;
        }
        $settings = $this->sb->settings();
        $settings->setList('ActiveAddonModules', array_diff($this->active(), [$name]));
        $settings->setList('AddonModulesHooks', array_diff($settings->getList('AddonModulesHooks'), [$name]));
        if (!$keepSettings) {
            Capsule::table('tbladdonmodules')->where('module', $name)->delete();
        }
        $this->sb->hooks()->removeSource($name);
        $this->sb->newRequest($this->sessionExtras());
        return $result;
    }

    /**
     * The admin saves Setup ▸ Addon Modules ▸ Configure. Every field with a
     * Type is written: the given value, else what is stored, else the field's
     * Default (a dropdown without Default: its first option). yesno fields are
     * stored 'on' or ''. Saving also refreshes the hooks.php cache.
     *
     * @param array<string,string|bool|int> $values
     */
    public function saveSettings(string $name, array $values, ?string $access = null): void
    {
        $config = $this->config($name);
        $unknown = array_keys(array_diff_key($values, $config['fields'] ?? []));
        if ($unknown !== []) {
            // The form only posts the fields _config() shows; seed others with writeSetting().
            throw new InvalidArgumentException("addon '$name' shows no setting " . implode(', ', $unknown));
        }
        $stored = $this->settings($name);
        foreach (($config['fields'] ?? []) as $key => $field) {
            if (!is_array($field) || !isset($field['Type'])) {
                continue; // a label or heading
            }
            $type = (string) $field['Type'];
            if (array_key_exists($key, $values)) {
                $value = $values[$key];
            } elseif (array_key_exists($key, $stored)) {
                $value = $stored[$key];
            } else {
                $value = self::defaultOf($field);
            }
            if ($type === 'yesno') {
                $value = in_array($value, [true, 1, '1', 'on', 'yes', 'true'], true) ? 'on' : '';
            }
            $this->writeSetting($name, (string) $key, (string) $value);
        }
        if ($access !== null) {
            $this->writeSetting($name, 'access', $access);
        }
        $this->cacheHookFile($name);
        $this->sb->newRequest($this->sessionExtras());
    }

    /** The addon's tbladdonmodules rows as setting => value. @return array<string,string> */
    public function settings(string $name): array
    {
        $out = [];
        foreach (Capsule::table('tbladdonmodules')->where('module', $name)->orderBy('id')->get() as $row) {
            $out[(string) $row->setting] = (string) $row->value;
        }
        return $out;
    }

    /** Writes one tbladdonmodules row (as the admin's form save would). */
    public function writeSetting(string $name, string $setting, string $value): void
    {
        $q = Capsule::table('tbladdonmodules')->where('module', $name)->where('setting', $setting);
        if ($q->exists()) {
            $q->update(['value' => $value]);
        } else {
            Capsule::table('tbladdonmodules')->insert(['module' => $name, 'setting' => $setting, 'value' => $value]);
        }
    }

    /**
     * When the version in _config() differs from the stored one, WHMCS calls
     * {name}_upgrade(['version' => stored]) on the next access to the addon
     * and stores the new version. Returns the previous version when it did.
     */
    public function upgradeIfNeeded(string $name): ?string
    {
        $config = $this->config($name);
        $stored = $this->settings($name)['version'] ?? null;
        $current = (string) ($config['version'] ?? '');
        if ($stored === null || $stored === $current) {
            return null;
        }
        if (function_exists($name . '_upgrade')) {
            ($name . '_upgrade')(['version' => $stored]);
        }
        $this->writeSetting($name, 'version', $current);
        return $stored;
    }

    /**
     * The $_ADDONLANG of the addon for a language, falling back to the
     * language named in _config() and then to english.
     *
     * @return array<string,string>
     */
    public function language(string $name, string $language): array
    {
        $config = $this->config($name);
        foreach (array_unique([$language, (string) ($config['language'] ?? 'english'), 'english']) as $lang) {
            $file = $this->dir($name) . '/lang/' . basename($lang) . '.php';
            if ($lang !== '' && is_file($file)) {
                return (static function (string $file): array {
                    $_ADDONLANG = [];
                    include $file;
                    return is_array($_ADDONLANG) ? $_ADDONLANG : [];
                })($file);
            }
        }
        return [];
    }

    /** Registers the hooks of the active addons for this page load. */
    public function loadActiveHooks(): void
    {
        $hooks = $this->sb->hooks();
        $hooks->removeAddonHooks();
        $cached = $this->sb->settings()->getList('AddonModulesHooks');
        foreach ($this->active() as $name) {
            $file = $this->root . '/' . $name . '/hooks.php';
            if (!in_array($name, $cached, true) || !is_file($file)) {
                continue;
            }
            $key = (string) realpath($file);
            if (isset(self::$hookFiles[$key])) {
                $hooks->replay($name, self::$hookFiles[$key]);
            } else {
                self::$hookFiles[$key] = $hooks->capture($name, static function () use ($file): void {
                    include $file;
                });
            }
        }
    }

    public static function validName(string $name): bool
    {
        return (bool) preg_match('/^[a-z][a-z0-9_]*$/', $name);
    }

    /**
     * The value a field shows before anything is saved.
     *
     * @param array<string,mixed> $field
     */
    public static function defaultOf(array $field): string
    {
        $type = (string) ($field['Type'] ?? '');
        if (array_key_exists('Default', $field)) {
            $d = $field['Default'];
            if ($type === 'yesno') {
                return in_array($d, [true, 1, '1', 'on', 'yes'], true) ? 'on' : '';
            }
            return (string) $d;
        }
        if ($type === 'dropdown' || $type === 'radio') {
            $options = self::options($field);
            return $options === [] ? '' : (string) array_key_first($options);
        }
        return '';
    }

    /**
     * A dropdown's options as value => label: from "a,b,c" or an array.
     *
     * @param array<string,mixed> $field
     * @return array<string,string>
     */
    public static function options(array $field): array
    {
        $options = $field['Options'] ?? [];
        if (is_string($options)) {
            $list = $options === '' ? [] : explode(',', $options);
            return array_combine($list, $list);
        }
        if (!is_array($options)) {
            return [];
        }
        if (array_is_list($options)) {
            $list = array_map('strval', $options);
            return array_combine($list, $list);
        }
        $out = [];
        foreach ($options as $value => $label) {
            $out[(string) $value] = (string) $label;
        }
        return $out;
    }

    private function cacheHookFile(string $name): void
    {
        $settings = $this->sb->settings();
        $list = array_diff($settings->getList('AddonModulesHooks'), [$name]);
        if ($this->isActive($name) && is_file($this->dir($name) . '/hooks.php')) {
            $list[] = $name;
        }
        $settings->setList('AddonModulesHooks', array_values($list));
    }

    /** @return array<string,mixed> the session minus what newRequest() sets itself */
    private function sessionExtras(): array
    {
        $session = $_SESSION ?? [];
        unset($session['adminid']);
        return $session;
    }
}
